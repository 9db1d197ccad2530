package org.noether.meanfield;

/**
 * Evaluation of the shallow network Phi(x) = (1/N) sum_i sigma_*(x; theta_i) of a particle cloud, and of its
 * feature-averaged version Phi^G(x) = (1/|G|) sum_g rho_Y(g)^-1 Phi(rho_X(g) x), which is G-equivariant for any
 * particles. For inspection and tests; training uses the batched loops of {@link MeanFieldTrainer}.
 *
 * <pre>{@code
 * double[] y = Network.evaluate(unit, particles, n, x);
 * double[] yFa = Network.averaged(unit, symmetry, particles, n, x);
 * }</pre>
 */
public final class Network {
    private Network() {}

    /** Phi(x) for one input. */
    public static double[] evaluate(Unit unit, double[] particles, int n, double[] x) {
        int dy = unit.outputDimension(), dz = unit.parameterDimension();
        double[] out = new double[dy];
        double[] cache = new double[Math.max(1, unit.cacheWidth())];
        for (int i = 0; i < n; i++) unit.forward(particles, i * dz, x, 1, out, cache, 0);
        for (int o = 0; o < dy; o++) out[o] /= n;
        return out;
    }

    /** Phi^G(x), the feature-averaged network. */
    public static double[] averaged(Unit unit, Symmetry symmetry, double[] particles, int n, double[] x) {
        int dx = unit.inputDimension(), dy = unit.outputDimension();
        double[] gx = new double[dx], back = new double[dy], out = new double[dy];
        for (int g = 0; g < symmetry.order(); g++) {
            symmetry.actOnInput(g, x, 0, gx, 0);
            double[] y = evaluate(unit, particles, n, gx);
            symmetry.actOnOutputInverse(g, y, 0, back, 0);
            for (int o = 0; o < dy; o++) out[o] += back[o] / symmetry.order();
        }
        return out;
    }
}
