package org.noether.diffusion;

/**
 * Optimal superposition of labelled point clouds by a proper rotation (Kabsch's algorithm): the rotation
 * {@code R in SO(d)} minimizing {@code sum_n |R (p_n - mean p) - (q_n - mean q)|^2}. Reflections are never returned:
 * a chiral cloud is not superposed on its mirror image.
 *
 * <p>In space, with {@code M = sum_n (q_n - mean q)(p_n - mean p)^T = U diag(s) V^T} (proper SVD, U and V in SO(3)),
 * the optimum is {@code R = U V^T}; in the plane it is the rotation by
 * {@code atan2(sum p_n x q_n, sum p_n . q_n)}. The minimum is unique unless the two smallest proper singular values
 * sum to zero (for example for collinear clouds); then one of the optimal rotations is returned.
 *
 * <pre>{@code
 * double[] r = Kabsch.rotation(p, q, 3);        // 3x3 row-major rotation taking p onto q
 * double[] aligned = Kabsch.align(p, q, 3);     // p rotated and translated onto q
 * double rmsd = Kabsch.rmsd(p, q, 3);           // root mean square deviation after superposition
 * }</pre>
 */
public final class Kabsch {

    private Kabsch() {}

    /** The rotation (d x d, row-major) that best superposes the centred {@code p} on the centred {@code q}. */
    public static double[] rotation(double[] p, double[] q, int dimension) {
        check(p, q, dimension);
        if (dimension == 2) {
            double[] pc = centredCopy(p, 2), qc = centredCopy(q, 2);
            double dot = 0, cross = 0;
            for (int i = 0; i < pc.length / 2; i++) {
                dot += pc[2 * i] * qc[2 * i] + pc[2 * i + 1] * qc[2 * i + 1];
                cross += pc[2 * i] * qc[2 * i + 1] - pc[2 * i + 1] * qc[2 * i];
            }
            double angle = Math.atan2(cross, dot), c = Math.cos(angle), s = Math.sin(angle);
            return new double[] {c, -s, s, c};
        }
        double[] m = correlation(p, q);
        double[] u = new double[9], s = new double[3], v = new double[9], r = new double[9];
        Mat3.properSvd(m, u, s, v);
        Mat3.multiplyTransposed(u, v, r);
        return r;
    }

    /** {@code p} rotated by {@link #rotation} about its centre and moved onto the centre of {@code q}. */
    public static double[] align(double[] p, double[] q, int dimension) {
        double[] r = rotation(p, q, dimension);
        int d = dimension, n = p.length / d;
        double[] pm = mean(p, d), qm = mean(q, d);
        double[] out = new double[p.length];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double s = qm[a];
                for (int b = 0; b < d; b++) s += r[d * a + b] * (p[d * i + b] - pm[b]);
                out[d * i + a] = s;
            }
        }
        return out;
    }

    /** Root mean square deviation per point between {@code p} and {@code q} after optimal superposition. */
    public static double rmsd(double[] p, double[] q, int dimension) {
        double[] a = align(p, q, dimension);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - q[i];
            s += e * e;
        }
        return Math.sqrt(s / (p.length / dimension));
    }

    /**
     * Centres {@code x} and rotates it in place to superpose it on the centred cloud {@code onto}: the step that makes
     * a lifted path follow its orbit representative without changing the orbit.
     */
    public static void superposeInPlace(double[] x, double[] onto, int dimension) {
        RigidQuotient.of(dimension).centre(x);
        double[] r = rotation(x, onto, dimension);
        int d = dimension, n = x.length / d;
        double[] tmp = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double v = 0;
                for (int b = 0; b < d; b++) v += r[d * a + b] * x[d * i + b];
                tmp[a] = v;
            }
            System.arraycopy(tmp, 0, x, d * i, d);
        }
    }

    /** {@code sum_n (q_n - mean q)(p_n - mean p)^T} for clouds in space, row-major. */
    static double[] correlation(double[] p, double[] q) {
        int n = p.length / 3;
        double[] pm = mean(p, 3), qm = mean(q, 3);
        double[] m = new double[9];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double qa = q[3 * i + a] - qm[a];
                for (int b = 0; b < 3; b++) m[3 * a + b] += qa * (p[3 * i + b] - pm[b]);
            }
        }
        return m;
    }

    private static double[] mean(double[] x, int d) {
        int n = x.length / d;
        double[] m = new double[d];
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) m[a] += x[d * i + a];
        for (int a = 0; a < d; a++) m[a] /= n;
        return m;
    }

    private static double[] centredCopy(double[] x, int d) {
        double[] m = mean(x, d), c = x.clone();
        for (int i = 0; i < c.length; i++) c[i] -= m[i % d];
        return c;
    }

    private static void check(double[] p, double[] q, int d) {
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException("Kabsch superposition is implemented in dimension 2 and 3, got " + d);
        }
        if (p.length != q.length || p.length % d != 0 || p.length == 0) {
            throw new IllegalArgumentException("Kabsch needs two labelled clouds of the same number of points in R^" + d
                    + "; got " + p.length + " and " + q.length + " coordinates");
        }
    }
}
