package org.noether.linalg;

/**
 * Small dense-matrix kernels on flat row-major {@code double[]} arrays.
 *
 * <p>Representation matrices are small (a few to a few hundred rows) and evaluated in hot loops, so they are kept as
 * plain arrays rather than objects; EJML is used where a factorization is needed (see the basis solver).
 *
 * <pre>{@code
 * double[] r = Dense.multiply(a, b, 3);   // 3x3 times 3x3
 * }</pre>
 */
public final class Dense {
    private Dense() {}

    /** The n x n identity. */
    public static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) m[i * n + i] = 1;
        return m;
    }

    /** Product of two square n x n matrices. */
    public static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        multiplyInto(a, b, c, n);
        return c;
    }

    /** c = a b for square n x n matrices; c must not alias a or b. */
    public static void multiplyInto(double[] a, double[] b, double[] c, int n) {
        java.util.Arrays.fill(c, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[ri + k];
                if (aik == 0) continue;
                int rk = k * n;
                for (int j = 0; j < n; j++) c[ri + j] += aik * b[rk + j];
            }
        }
    }

    /** Product of an (m x k) and a (k x n) matrix. */
    public static double[] multiply(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                if (aip == 0) continue;
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
            }
        }
        return c;
    }

    /** y = A x for an (m x n) matrix. */
    public static double[] apply(double[] a, double[] x, int m, int n) {
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            y[i] = s;
        }
        return y;
    }

    /** Transpose of an (m x n) matrix. */
    public static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
        return t;
    }

    /** Transpose of a square matrix. */
    public static double[] transpose(double[] a, int n) {
        return transpose(a, n, n);
    }

    /** Kronecker product of an (p x p) and a (q x q) matrix. */
    public static double[] kron(double[] a, int p, double[] b, int q) {
        int n = p * q;
        double[] c = new double[n * n];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) {
                double aij = a[i * p + j];
                if (aij == 0) continue;
                for (int k = 0; k < q; k++)
                    for (int l = 0; l < q; l++) c[(i * q + k) * n + j * q + l] = aij * b[k * q + l];
            }
        return c;
    }

    /** Block-diagonal matrix of square blocks of the given sizes. */
    public static double[] blockDiagonal(double[][] blocks, int[] sizes) {
        int n = 0;
        for (int s : sizes) n += s;
        double[] m = new double[n * n];
        int off = 0;
        for (int b = 0; b < blocks.length; b++) {
            int s = sizes[b];
            for (int i = 0; i < s; i++) System.arraycopy(blocks[b], i * s, m, (off + i) * n + off, s);
            off += s;
        }
        return m;
    }

    public static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] + b[i];
        return c;
    }

    public static double[] subtract(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] - b[i];
        return c;
    }

    public static double[] scale(double[] a, double s) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] * s;
        return c;
    }

    /** Frobenius (Euclidean) norm. */
    public static double norm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s);
    }

    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Largest absolute entry of a - b. */
    public static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** Determinant of a 3x3 matrix. */
    public static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** Commutator [a, b] = ab - ba of square n x n matrices. */
    public static double[] commutator(double[] a, double[] b, int n) {
        return subtract(multiply(a, b, n), multiply(b, a, n));
    }

    /**
     * Matrix exponential of a square matrix by scaling and squaring with a Taylor series; accurate to about
     * 1e-14 relative for the skew-symmetric generators used here.
     */
    public static double[] expm(double[] a, int n) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += Math.abs(a[i * n + j]);
            norm = Math.max(norm, row);
        }
        int squarings = 0;
        if (norm > 0.5) squarings = (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        double[] x = scale(a, Math.scalb(1.0, -squarings));
        double[] result = identity(n);
        double[] term = identity(n);
        double[] tmp = new double[n * n];
        for (int k = 1; k <= 20; k++) {
            multiplyInto(term, x, tmp, n);
            double inv = 1.0 / k;
            double tn = 0;
            for (int i = 0; i < n * n; i++) {
                term[i] = tmp[i] * inv;
                result[i] += term[i];
                tn = Math.max(tn, Math.abs(term[i]));
            }
            if (tn < 1e-18) break;
        }
        for (int s = 0; s < squarings; s++) {
            multiplyInto(result, result, tmp, n);
            double[] swap = result;
            result = tmp;
            tmp = swap;
        }
        return result;
    }

    /** Formats a square matrix for messages and the CLI. */
    public static String format(double[] m, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "[" : " ");
            for (int j = 0; j < n; j++) {
                double v = m[i * n + j];
                if (Math.abs(v) < 1e-12) v = 0;
                sb.append(String.format(java.util.Locale.ROOT, "%8.4f", v));
            }
            sb.append(i == n - 1 ? " ]" : "\n");
        }
        return sb.toString();
    }
}
