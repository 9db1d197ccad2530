package org.noether.meanfield;

/**
 * The classic single-hidden-layer unit sigma_*(x; w, a) = a act(w . x), with theta = (w, a) in Z = R^dx x R^dy
 * (w first). A group acting orthogonally on X by rho_X and on Y by rho_Y acts on Z by (w, a) -> (rho_X(g) w,
 * rho_Y(g) a), and then (rho_X(g) w) . (rho_X(g) x) = w . x makes the unit jointly equivariant for any activation;
 * {@link Symmetry#classic} builds that action.
 *
 * <pre>{@code
 * Unit u = new ClassicUnit(3, 1, ClassicUnit.Activation.TANH);   // a tanh(w . x), w in R^3, a in R
 * }</pre>
 */
public final class ClassicUnit implements Unit {

    /** Smooth activations with their derivatives. */
    public enum Activation {
        SIGMOID,
        TANH;

        double value(double t) {
            return this == SIGMOID ? 1 / (1 + Math.exp(-t)) : Math.tanh(t);
        }

        /** The derivative, written in terms of the value v = act(t). */
        double slope(double v) {
            return this == SIGMOID ? v * (1 - v) : 1 - v * v;
        }
    }

    private final int dx;
    private final int dy;
    private final Activation activation;

    public ClassicUnit(int inputDimension, int outputDimension, Activation activation) {
        if (inputDimension < 1 || outputDimension < 1)
            throw new IllegalArgumentException(
                    "dimensions must be >= 1, got dx=" + inputDimension + ", dy=" + outputDimension);
        this.dx = inputDimension;
        this.dy = outputDimension;
        this.activation = activation;
    }

    @Override
    public String name() {
        return "a " + activation.name().toLowerCase(java.util.Locale.ROOT) + "(w.x), w in R^" + dx + ", a in R^" + dy;
    }

    @Override
    public int inputDimension() {
        return dx;
    }

    @Override
    public int outputDimension() {
        return dy;
    }

    @Override
    public int parameterDimension() {
        return dx + dy;
    }

    @Override
    public int cacheWidth() {
        return 1;
    }

    @Override
    public void forward(double[] t, int to, double[] xs, int count, double[] sum, double[] cache, int co) {
        for (int k = 0; k < count; k++) {
            double pre = 0;
            for (int c = 0; c < dx; c++) pre += t[to + c] * xs[k * dx + c];
            double v = activation.value(pre);
            cache[co + k] = v;
            for (int o = 0; o < dy; o++) sum[k * dy + o] += t[to + dx + o] * v;
        }
    }

    @Override
    public void backward(
            double[] t, int to, double[] xs, int count, double[] up, double[] cache, int co, double[] g, int go) {
        java.util.Arrays.fill(g, go, go + dx + dy, 0);
        for (int k = 0; k < count; k++) {
            double v = cache[co + k];
            double au = 0;
            for (int o = 0; o < dy; o++) {
                double u = up[k * dy + o];
                au += t[to + dx + o] * u;
                g[go + dx + o] += v * u;
            }
            double w = au * activation.slope(v);
            for (int c = 0; c < dx; c++) g[go + c] += w * xs[k * dx + c];
        }
    }
}
