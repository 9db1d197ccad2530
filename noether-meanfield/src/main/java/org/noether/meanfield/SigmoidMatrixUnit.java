package org.noether.meanfield;

/**
 * The unit of the paper's teacher-student experiment: X = Y = R^d, parameters z a d x d matrix (row-major, dz =
 * d^2), and sigma_*(x; z) = sigmoid(z x) applied entrywise. A group acting on X = Y by permutation matrices g and
 * on Z by z -> g z g^T makes it jointly equivariant: sigma_*(g x; g z g^T) = sigmoid(g z x) = g sigmoid(z x), since
 * entrywise maps commute with permutations (not with general orthogonal matrices). The sigmoid is {@link Sigmoid}
 * (relative error below 1e-13), and {@link #blockKernel} is vectorized: per block it forms all pre-activations z x,
 * applies the sigmoid in one pass over a long contiguous array, then sums over particles with four running sums.
 *
 * <pre>{@code
 * Unit u = new SigmoidMatrixUnit(2);
 * }</pre>
 */
public final class SigmoidMatrixUnit implements Unit {
    private final int d;

    public SigmoidMatrixUnit(int d) {
        if (d < 1) throw new IllegalArgumentException("matrix size must be >= 1, got " + d);
        this.d = d;
    }

    @Override
    public String name() {
        return "sigmoid(z x), z in R^" + d + "x" + d;
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public int outputDimension() {
        return d;
    }

    @Override
    public int parameterDimension() {
        return d * d;
    }

    @Override
    public int cacheWidth() {
        return d;
    }

    @Override
    public void forward(double[] z, int zo, double[] xs, int count, double[] sum, double[] cache, int co) {
        if (d == 2) {
            double z00 = z[zo], z01 = z[zo + 1], z10 = z[zo + 2], z11 = z[zo + 3];
            for (int k = 0, p = 0; k < count; k++, p += 2) {
                double x0 = xs[p], x1 = xs[p + 1];
                double s0 = Sigmoid.value(z00 * x0 + z01 * x1);
                double s1 = Sigmoid.value(z10 * x0 + z11 * x1);
                sum[p] += s0;
                sum[p + 1] += s1;
                cache[co + p] = s0;
                cache[co + p + 1] = s1;
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            int xk = k * d;
            for (int r = 0; r < d; r++) {
                double a = 0;
                int zr = zo + r * d;
                for (int c = 0; c < d; c++) a += z[zr + c] * xs[xk + c];
                double s = Sigmoid.value(a);
                sum[xk + r] += s;
                cache[co + xk + r] = s;
            }
        }
    }

    @Override
    public void backward(
            double[] z, int zo, double[] xs, int count, double[] up, double[] cache, int co, double[] g, int go) {
        if (d == 2) {
            double g00 = 0, g01 = 0, g10 = 0, g11 = 0;
            for (int k = 0, p = 0; k < count; k++, p += 2) {
                double s0 = cache[co + p], s1 = cache[co + p + 1];
                double a0 = up[p] * s0 * (1 - s0), a1 = up[p + 1] * s1 * (1 - s1);
                double x0 = xs[p], x1 = xs[p + 1];
                g00 += a0 * x0;
                g01 += a0 * x1;
                g10 += a1 * x0;
                g11 += a1 * x1;
            }
            g[go] = g00;
            g[go + 1] = g01;
            g[go + 2] = g10;
            g[go + 3] = g11;
            return;
        }
        java.util.Arrays.fill(g, go, go + d * d, 0);
        for (int k = 0; k < count; k++) {
            int xk = k * d;
            for (int r = 0; r < d; r++) {
                double s = cache[co + xk + r];
                double a = up[xk + r] * s * (1 - s);
                int gr = go + r * d;
                for (int c = 0; c < d; c++) g[gr + c] += a * xs[xk + c];
            }
        }
    }

    @Override
    public BlockKernel blockKernel() {
        return new Kernel(d);
    }

    /**
     * The vectorized block kernel; cache layout per block: {@code cache[co + (k * d + r) * L + i]} = s_r of particle
     * i on input k.
     *
     * <p>Written for HotSpot's loop vectorizer as it is in JDK 17, which gives up on a loop whose array accesses
     * have different offsets (such as {@code cache[row + i]} beside {@code z[i]}): every arithmetic loop here
     * indexes all its arrays by the same plain counter, rows move between the flat cache and the kernel's own
     * scratch arrays by {@link System#arraycopy}, and the sigmoid runs once over the whole block's cache, one long
     * loop.
     */
    private static final class Kernel implements BlockKernel {
        private final int d;
        private double[][] zRows = new double[0][]; // d*d rows of particle coordinates
        private double[][] gRows = new double[0][]; // d*d rows of gradient coordinates
        private double[] row = new double[0];

        Kernel(int d) {
            this.d = d;
        }

        private void ensure(int n) {
            if (row.length >= n) return;
            zRows = new double[d * d][n];
            gRows = new double[d * d][n];
            row = new double[n];
        }

        @Override
        public void forward(double[] z, int n, double[] xs, int count, double[] sum, double[] cache, int co) {
            ensure(n);
            double[] t = row;
            for (int p = 0; p < d * d; p++) System.arraycopy(z, p * n, zRows[p], 0, n);
            for (int k = 0; k < count; k++) {
                int xk = k * d;
                for (int r = 0; r < d; r++) {
                    double[] z0 = zRows[r * d];
                    double x0 = xs[xk];
                    if (d == 2) {
                        double[] z1 = zRows[r * d + 1];
                        double x1 = xs[xk + 1];
                        for (int i = 0; i < n; i++) t[i] = z0[i] * x0 + z1[i] * x1;
                    } else {
                        for (int i = 0; i < n; i++) t[i] = z0[i] * x0;
                        for (int c = 1; c < d; c++) {
                            double[] zc = zRows[r * d + c];
                            double xc = xs[xk + c];
                            for (int i = 0; i < n; i++) t[i] += zc[i] * xc;
                        }
                    }
                    System.arraycopy(t, 0, cache, co + (xk + r) * n, n);
                }
            }
            int rows = count * d;
            Sigmoid.applyInPlace(cache, co, co + rows * n);
            for (int q = 0; q < rows; q++) sum[q] += sumOf(cache, co + q * n, n);
        }

        @Override
        public void backward(
                double[] z, int n, double[] xs, int count, double[] up, double[] cache, int co, double[] g) {
            ensure(n);
            double[] t = row;
            for (int p = 0; p < d * d; p++) java.util.Arrays.fill(gRows[p], 0, n, 0);
            for (int k = 0; k < count; k++) {
                int xk = k * d;
                for (int r = 0; r < d; r++) {
                    double u = up[xk + r];
                    System.arraycopy(cache, co + (xk + r) * n, t, 0, n);
                    if (d == 2) {
                        double[] g0 = gRows[2 * r], g1 = gRows[2 * r + 1];
                        double x0 = xs[xk], x1 = xs[xk + 1];
                        for (int i = 0; i < n; i++) {
                            double s = t[i];
                            double a = u * s * (1 - s);
                            g0[i] += a * x0;
                            g1[i] += a * x1;
                        }
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        double s = t[i];
                        t[i] = u * s * (1 - s);
                    }
                    for (int c = 0; c < d; c++) {
                        double[] gc = gRows[r * d + c];
                        double xc = xs[xk + c];
                        for (int i = 0; i < n; i++) gc[i] += t[i] * xc;
                    }
                }
            }
            for (int p = 0; p < d * d; p++) System.arraycopy(gRows[p], 0, g, p * n, n);
        }
    }

    /** a[from] + ... + a[from + len - 1] with eight running sums (a fixed order that depends only on len). */
    static double sumOf(double[] a, int from, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from, end = from + len, end8 = from + (len & ~7);
        for (; i < end8; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < end; i++) s0 += a[i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
