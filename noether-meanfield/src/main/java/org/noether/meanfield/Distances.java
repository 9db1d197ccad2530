package org.noether.meanfield;

/**
 * Distances between particle clouds, as in the paper's experiments: the relative measure distance
 *
 * <pre>
 *   RMD^2(mu, nu) = W2^2(mu, nu) / (M2(mu) + M2(nu)),   M2(mu) = E_mu |theta|^2,
 * </pre>
 *
 * a scale-free number (0 for equal clouds, symmetric in its arguments) with W2 computed exactly by
 * {@link Transport}; and its two uses for symmetry: the distance of a cloud to its projection onto E^G and to its
 * symmetrization mu^G.
 *
 * <pre>{@code
 * double d = Distances.rmdToProjection(sym, particles, n);   // 0 iff every particle lies in E^G
 * }</pre>
 */
public final class Distances {
    private Distances() {}

    /** M2 = (1/n) sum_i |theta_i|^2. */
    public static double secondMoment(double[] particles, int n, int dim) {
        double s = 0;
        for (int i = 0; i < n * dim; i++) s += particles[i] * particles[i];
        return s / n;
    }

    /**
     * RMD^2 = W2^2 / (M2(mu) + M2(nu)); 0 when both clouds sit at the origin. By the triangle inequality in W2 and
     * (a + b)^2 &lt;= 2 (a^2 + b^2) it never exceeds 2.
     */
    public static double rmdSquared(double[] a, int n, double[] b, int m, int dim) {
        double denominator = secondMoment(a, n, dim) + secondMoment(b, m, dim);
        if (denominator == 0) return 0;
        return Transport.w2Squared(a, n, b, m, dim) / denominator;
    }

    /** RMD, the square root of {@link #rmdSquared}. */
    public static double rmd(double[] a, int n, double[] b, int m, int dim) {
        return Math.sqrt(rmdSquared(a, n, b, m, dim));
    }

    /** RMD(mu, P_# mu): how far the cloud is from being strongly invariant. */
    public static double rmdToProjection(Symmetry symmetry, double[] particles, int n) {
        return rmd(particles, n, symmetry.project(particles, n), n, symmetry.parameterDimension());
    }

    /** RMD(mu, mu^G), an N vs N|G| transport problem: how far the cloud is from being weakly invariant. */
    public static double rmdToSymmetrization(Symmetry symmetry, double[] particles, int n) {
        return rmd(
                particles, n, symmetry.symmetrize(particles, n), n * symmetry.order(), symmetry.parameterDimension());
    }

    /** sqrt((1/n) sum_i |theta_i - P theta_i|^2) / sqrt(M2): the relative root-mean-square escape from a subspace. */
    public static double relativeEscape(Subspace subspace, double[] particles, int n) {
        int d = subspace.ambientDimension();
        double out = 0;
        for (int i = 0; i < n; i++) {
            double e = subspace.distanceTo(particles, i * d);
            out += e * e;
        }
        double m2 = secondMoment(particles, n, d) * n;
        return m2 == 0 ? 0 : Math.sqrt(out / m2);
    }
}
