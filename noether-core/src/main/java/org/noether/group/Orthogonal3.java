package org.noether.group;

import java.util.Arrays;

/** A 3x3 orthogonal matrix (row-major), an element of O(3) or SO(3). Immutable. */
public final class Orthogonal3 {
    private final double[] m;

    /** Wraps a 3x3 row-major matrix; the caller guarantees orthogonality (groups check at their boundary). */
    public Orthogonal3(double[] m) {
        if (m.length != 9) throw new IllegalArgumentException("a 3x3 matrix needs 9 entries, got " + m.length);
        this.m = m.clone();
    }

    public static Orthogonal3 identity() {
        return new Orthogonal3(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** Rotation by {@code angle} about the (normalized) {@code axis}, Rodrigues' formula. */
    public static Orthogonal3 rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (n == 0) throw new IllegalArgumentException("rotation axis must be nonzero");
        double x = axis[0] / n, y = axis[1] / n, z = axis[2] / n;
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new Orthogonal3(new double[] {
            t * x * x + c,
            t * x * y - s * z,
            t * x * z + s * y,
            t * x * y + s * z,
            t * y * y + c,
            t * y * z - s * x,
            t * x * z - s * y,
            t * y * z + s * x,
            t * z * z + c
        });
    }

    /** Rotation of the unit quaternion (w, x, y, z) (normalized here). */
    public static Orthogonal3 fromQuaternion(double w, double x, double y, double z) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new Orthogonal3(new double[] {
            1 - 2 * (y * y + z * z),
            2 * (x * y - w * z),
            2 * (x * z + w * y),
            2 * (x * y + w * z),
            1 - 2 * (x * x + z * z),
            2 * (y * z - w * x),
            2 * (x * z - w * y),
            2 * (y * z + w * x),
            1 - 2 * (x * x + y * y)
        });
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        return m[3 * i + j];
    }

    /** A copy of the row-major entries. */
    public double[] matrix() {
        return m.clone();
    }

    /** Read-only view for hot loops; do not modify. */
    double[] raw() {
        return m;
    }

    public double determinant() {
        return org.noether.linalg.Dense.det3(m);
    }

    public Orthogonal3 times(Orthogonal3 o) {
        return new Orthogonal3(org.noether.linalg.Dense.multiply(m, o.m, 3));
    }

    public Orthogonal3 transpose() {
        return new Orthogonal3(org.noether.linalg.Dense.transpose(m, 3));
    }

    public Orthogonal3 negate() {
        double[] c = new double[9];
        for (int i = 0; i < 9; i++) c[i] = -m[i];
        return new Orthogonal3(c);
    }

    /** R v. */
    public double[] apply(double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
        };
    }

    /**
     * Axis-angle form of the proper rotation {@code det(R) R}: returns {x, y, z, angle} with a unit axis and angle in
     * [0, pi]. Stable near angle 0 and angle pi. Below pi the axis is the one about which R turns by the angle
     * counterclockwise; at exactly pi, where n and -n give the same rotation, the axis whose first largest coordinate
     * (in absolute value) is positive is returned.
     */
    public double[] axisAngle() {
        double[] r = m;
        if (determinant() < 0) r = negate().m;
        double tr = r[0] + r[4] + r[8];
        double cos = Math.max(-1, Math.min(1, (tr - 1) / 2));
        double ax = r[7] - r[5], ay = r[2] - r[6], az = r[3] - r[1];
        double sin2 = Math.sqrt(ax * ax + ay * ay + az * az); // = 2 sin(angle)
        double angle = Math.atan2(sin2 / 2, cos);
        // Away from angle pi the antisymmetric part gives the axis accurately, even for tiny angles.
        if (sin2 > 1e-6 || (cos > 0 && sin2 > 0)) return new double[] {ax / sin2, ay / sin2, az / sin2, angle};
        if (cos > 0) return new double[] {0, 0, 1, 0};
        // angle near pi: R = 2 n n^T - I, take the largest diagonal entry's column
        double xx = (r[0] + 1) / 2, yy = (r[4] + 1) / 2, zz = (r[8] + 1) / 2;
        double x, y, z;
        if (xx >= yy && xx >= zz) {
            x = Math.sqrt(Math.max(xx, 0));
            y = (r[1] + r[3]) / (4 * x);
            z = (r[2] + r[6]) / (4 * x);
        } else if (yy >= zz) {
            y = Math.sqrt(Math.max(yy, 0));
            x = (r[1] + r[3]) / (4 * y);
            z = (r[5] + r[7]) / (4 * y);
        } else {
            z = Math.sqrt(Math.max(zz, 0));
            x = (r[2] + r[6]) / (4 * z);
            y = (r[5] + r[7]) / (4 * z);
        }
        double n = Math.sqrt(x * x + y * y + z * z);
        // fix the sign so that the antisymmetric part (nonzero when angle < pi) agrees
        if (ax * x + ay * y + az * z < 0) n = -n;
        return new double[] {x / n, y / n, z / n, angle};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Orthogonal3 other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return org.noether.linalg.Dense.format(m, 3);
    }
}
