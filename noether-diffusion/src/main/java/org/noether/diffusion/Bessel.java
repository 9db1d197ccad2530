package org.noether.diffusion;

/**
 * Exponentially scaled modified Bessel functions {@code e^-z I0(z)} and {@code e^-z I1(z)} for {@code z >= 0}, the
 * building blocks of the von Mises and matrix Fisher normalizers. Scaling keeps them finite at the concentrations
 * of late sampling steps, where z reaches 1e6 and more.
 *
 * <p>Below {@link #SERIES_LIMIT} the power series (all terms positive, so no cancellation) is summed; above it the
 * Hankel asymptotic expansion is summed until its terms stop decreasing, which at z = 25 happens near the 50th term
 * with a relative size of about e^-50.
 */
final class Bessel {

    static final double SERIES_LIMIT = 25;

    // reciprocals used by the series (1/k^2, 1/(k(k+1))) and the asymptotic expansion (1/k, (2k-1)^2), so that the
    // inner loops multiply instead of divide
    private static final int TERMS = 200;
    private static final double[] INV_K2 = new double[TERMS],
            INV_KK1 = new double[TERMS],
            INV_K = new double[TERMS],
            ODD2 = new double[TERMS];

    static {
        for (int k = 1; k < TERMS; k++) {
            INV_K2[k] = 1.0 / ((double) k * k);
            INV_KK1[k] = 1.0 / ((double) k * (k + 1));
            INV_K[k] = 1.0 / k;
            ODD2[k] = (2.0 * k - 1) * (2.0 * k - 1);
        }
    }

    private Bessel() {}

    /** Writes {@code e^-z I0(z)} to {@code out[0]} and {@code e^-z I1(z)} to {@code out[1]}. */
    static void scaledI0I1(double z, double[] out) {
        if (z < 0) throw new IllegalArgumentException("scaled Bessel functions are computed for z >= 0, got " + z);
        if (z <= SERIES_LIMIT) {
            double q = 0.25 * z * z;
            double term0 = 1, term1 = 1; // (q^k / k!^2) and (q^k / (k! (k+1)!))
            double sum0 = 1, sum1 = 1;
            for (int k = 1; k < TERMS; k++) {
                term0 *= q * INV_K2[k];
                term1 *= q * INV_KK1[k];
                sum0 += term0;
                sum1 += term1;
                if (term0 < 1e-17 * sum0) break;
            }
            double e = Math.exp(-z);
            out[0] = sum0 * e;
            out[1] = 0.5 * z * sum1 * e;
            return;
        }
        // e^-z I_nu(z) ~ (2 pi z)^-1/2 sum_k (-1)^k a_k(nu) / z^k, a_k = prod_{j=1..k} (4 nu^2 - (2j-1)^2) / (k! 8^k)
        double inv = 1 / (8 * z);
        double t0 = 1, t1 = 1, s0 = 1, s1 = 1;
        double last0 = Double.MAX_VALUE, last1 = Double.MAX_VALUE;
        boolean done0 = false, done1 = false;
        for (int k = 1; k < TERMS && !(done0 && done1); k++) {
            double odd = ODD2[k], invk = inv * INV_K[k];
            if (!done0) {
                double next = t0 * odd * invk; // -(mu - odd) with mu = 0: the alternating sign folded in
                if (Math.abs(next) >= last0 || Math.abs(next) < 1e-17 * Math.abs(s0)) {
                    done0 = true;
                } else {
                    t0 = next;
                    s0 += t0;
                    last0 = Math.abs(t0);
                }
            }
            if (!done1) {
                double next = -t1 * (4 - odd) * invk;
                if (Math.abs(next) >= last1 || Math.abs(next) < 1e-17 * Math.abs(s1)) {
                    done1 = true;
                } else {
                    t1 = next;
                    s1 += t1;
                    last1 = Math.abs(t1);
                }
            }
        }
        double pre = 1 / Math.sqrt(2 * Math.PI * z);
        out[0] = pre * s0;
        out[1] = pre * s1;
    }

    /** {@code e^-z I0(z)}. */
    static double scaledI0(double z) {
        double[] out = new double[2];
        scaledI0I1(z, out);
        return out[0];
    }

    /** {@code e^-z I1(z)}. */
    static double scaledI1(double z) {
        double[] out = new double[2];
        scaledI0I1(z, out);
        return out[1];
    }
}
