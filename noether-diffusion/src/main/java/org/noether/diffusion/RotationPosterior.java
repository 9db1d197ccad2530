package org.noether.diffusion;

/**
 * The posterior over the rotation R of a known centred shape S given {@code x_t = alpha R S + sigma eps}, with R
 * uniform a priori. It is proportional to {@code exp(tr(F^T R))}, {@code F = (alpha / sigma^2) sum_n x_t,n S_n^T}:
 * a von Mises distribution on SO(2) and a {@link MatrixFisher} distribution on SO(3). Both are handled in closed form
 * (up to a one-dimensional integral in space), so the exact denoisers need no grid over the group.
 */
final class RotationPosterior {

    private final int d;
    private final double[] m;
    private final double[] u = new double[9], s = new double[3], v = new double[9], dd = new double[3];
    private final double[] bessel = new double[2];

    RotationPosterior(int dimension) {
        this.d = dimension;
        this.m = new double[dimension * dimension];
    }

    /**
     * Computes the posterior for the centred shape {@code shape} at the centred cloud {@code xt}.
     *
     * @param mean receives {@code E[R]} (d x d, row-major); its singular values are below 1
     * @param mode receives the most probable rotation, which is the Kabsch rotation of the shape onto xt
     * @return {@code log integral exp(tr(F^T R)) dR} over the normalized Haar measure
     */
    double compute(double[] xt, double[] shape, double alpha, double sigma, double[] mean, double[] mode) {
        java.util.Arrays.fill(m, 0);
        int n = xt.length / d;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double q = xt[d * i + a];
                for (int b = 0; b < d; b++) m[d * a + b] += q * shape[d * i + b];
            }
        }
        double kappa = alpha / (sigma * sigma);
        if (d == 2) {
            // tr(M^T R_theta) = (m00 + m11) cos theta + (m10 - m01) sin theta = rho cos(theta - phi)
            double ca = m[0] + m[3], sa = m[2] - m[1];
            double rho = Math.hypot(ca, sa);
            double c = rho == 0 ? 1 : ca / rho, sn = rho == 0 ? 0 : sa / rho;
            mode[0] = c;
            mode[1] = -sn;
            mode[2] = sn;
            mode[3] = c;
            double k = kappa * rho;
            Bessel.scaledI0I1(k, bessel);
            double ratio = bessel[1] / bessel[0];
            for (int i = 0; i < 4; i++) mean[i] = ratio * mode[i];
            return k + Math.log(bessel[0]);
        }
        Mat3.properSvd(m, u, s, v);
        // mode = U V^T, mean = U diag(dd) V^T
        double[] scaled = {kappa * s[0], kappa * s[1], kappa * s[2]};
        double logC = kappa == 0 ? 0 : MatrixFisher.logNormalizer(scaled, dd);
        if (kappa == 0) java.util.Arrays.fill(dd, 0);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double mo = 0, me = 0;
                for (int k = 0; k < 3; k++) {
                    double p = u[3 * a + k] * v[3 * b + k];
                    mo += p;
                    me += p * dd[k];
                }
                mode[3 * a + b] = mo;
                mean[3 * a + b] = me;
            }
        }
        return logC;
    }
}
