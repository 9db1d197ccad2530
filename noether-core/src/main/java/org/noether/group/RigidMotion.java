package org.noether.group;

/** x -> R x + t, an element of E(3) or SE(3). */
public record RigidMotion(Orthogonal3 rotation, double[] translation) {
    public RigidMotion {
        if (translation.length != 3) throw new IllegalArgumentException("translation needs 3 entries");
        translation = translation.clone();
    }

    @Override
    public double[] translation() {
        return translation.clone();
    }

    /** (R1, t1)(R2, t2) = (R1 R2, R1 t2 + t1). */
    public RigidMotion times(RigidMotion o) {
        double[] t = rotation.apply(o.translation);
        for (int i = 0; i < 3; i++) t[i] += translation[i];
        return new RigidMotion(rotation.times(o.rotation), t);
    }

    public RigidMotion inverse() {
        Orthogonal3 rt = rotation.transpose();
        double[] t = rt.apply(translation);
        for (int i = 0; i < 3; i++) t[i] = -t[i];
        return new RigidMotion(rt, t);
    }

    /** R x + t. */
    public double[] apply(double[] x) {
        double[] y = rotation.apply(x);
        for (int i = 0; i < 3; i++) y[i] += translation[i];
        return y;
    }

    /** The 4x4 homogeneous matrix [[R, t], [0, 1]]. */
    public double[] homogeneous() {
        double[] h = new double[16];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) h[4 * i + j] = rotation.get(i, j);
            h[4 * i + 3] = translation[i];
        }
        h[15] = 1;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RigidMotion r
                && r.rotation.equals(rotation)
                && java.util.Arrays.equals(r.translation, translation);
    }

    @Override
    public int hashCode() {
        return rotation.hashCode() * 31 + java.util.Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return "RigidMotion[R=" + java.util.Arrays.toString(rotation.matrix()) + ", t="
                + java.util.Arrays.toString(translation) + "]";
    }
}
