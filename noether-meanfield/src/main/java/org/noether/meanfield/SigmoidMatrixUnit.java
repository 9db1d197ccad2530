package org.noether.meanfield;

/**
 * The unit of the paper's teacher-student experiment: X = Y = R^d, parameters z a d x d matrix (row-major, dz =
 * d^2), and sigma_*(x; z) = sigmoid(z x) applied entrywise. A group acting on X = Y by permutation matrices g and
 * on Z by z -> g z g^T makes it jointly equivariant: sigma_*(g x; g z g^T) = sigmoid(g z x) = g sigmoid(z x), since
 * entrywise maps commute with permutations (not with general orthogonal matrices).
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
                double s0 = 1 / (1 + Math.exp(-(z00 * x0 + z01 * x1)));
                double s1 = 1 / (1 + Math.exp(-(z10 * x0 + z11 * x1)));
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
                double s = 1 / (1 + Math.exp(-a));
                sum[xk + r] += s;
                cache[co + xk + r] = s;
            }
        }
    }

    @Override
    public void backward(double[] z, int zo, double[] xs, int count, double[] up, double[] cache, int co,
                         double[] g, int go) {
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
}
