package org.noether.meanfield;

/**
 * Hyper-parameters of mean-field SGD. With N particles each step moves particle i by
 *
 * <pre>
 *   theta_i -= (alpha / N) [ (1/B) sum_b D_theta sigma_*(x_b; theta_i)^T (Phi(x_b) - y_b) + tau theta_i ]
 *              + sqrt(2 alpha beta / N) xi_i
 * </pre>
 *
 * for the squared loss (1/2)|Phi(x) - y|^2 on a fresh mini-batch of B samples, the penalty (tau/2)|theta|^2 and
 * standard Gaussian xi_i, optionally projected onto {@link #noiseSubspace}; training runs horizon x N steps, i.e. for
 * time alpha x horizon of the limiting gradient flow whatever N is.
 *
 * @param alpha step size (the paper's appendix: 50)
 * @param tau L2 penalty (1e-4)
 * @param beta Langevin temperature (1e-6); 0 disables the noise
 * @param batch mini-batch size B (20)
 * @param horizon T, giving round(T N) steps (20)
 * @param noiseSubspace the subspace the noise is projected onto, or null for the whole parameter space
 * @param threads threads sharing the particles of one run (results do not depend on it)
 */
public record TrainingConfig(
        double alpha, double tau, double beta, int batch, double horizon, Subspace noiseSubspace, int threads) {

    public TrainingConfig {
        if (!(alpha > 0) || !(tau >= 0) || !(beta >= 0) || batch < 1 || !(horizon > 0) || threads < 1)
            throw new IllegalArgumentException("need alpha > 0, tau >= 0, beta >= 0, batch >= 1, horizon > 0, threads"
                    + " >= 1; got alpha=" + alpha + ", tau=" + tau + ", beta=" + beta + ", batch=" + batch
                    + ", horizon=" + horizon + ", threads=" + threads);
    }

    /** The constants of the paper's teacher-student experiment: alpha 50, tau 1e-4, beta 1e-6, B 20, T 20. */
    public static TrainingConfig paper() {
        return new TrainingConfig(50, 1e-4, 1e-6, 20, 20, null, 1);
    }

    /** round(horizon x n). */
    public long steps(int n) {
        return Math.max(1, Math.round(horizon * n));
    }

    public TrainingConfig withNoiseSubspace(Subspace subspace) {
        return new TrainingConfig(alpha, tau, beta, batch, horizon, subspace, threads);
    }

    public TrainingConfig withHorizon(double t) {
        return new TrainingConfig(alpha, tau, beta, batch, t, noiseSubspace, threads);
    }

    public TrainingConfig withBatch(int b) {
        return new TrainingConfig(alpha, tau, beta, b, horizon, noiseSubspace, threads);
    }

    public TrainingConfig withBeta(double b) {
        return new TrainingConfig(alpha, tau, b, batch, horizon, noiseSubspace, threads);
    }

    public TrainingConfig withAlpha(double a) {
        return new TrainingConfig(a, tau, beta, batch, horizon, noiseSubspace, threads);
    }

    public TrainingConfig withThreads(int t) {
        return new TrainingConfig(alpha, tau, beta, batch, horizon, noiseSubspace, t);
    }

    /** A short description for tables and cache keys. */
    public String describe() {
        return "alpha=" + alpha + " tau=" + tau + " beta=" + beta + " batch=" + batch + " T=" + horizon + " noise="
                + (noiseSubspace == null ? "full" : "dim" + noiseSubspace.dimension());
    }
}
