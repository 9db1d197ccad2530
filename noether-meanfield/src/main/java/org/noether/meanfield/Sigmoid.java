package org.noether.meanfield;

/**
 * The logistic function 1 / (1 + e^-a) written with arithmetic only (no call to {@link Math#exp}), so that HotSpot's
 * loop vectorizer turns {@link #applyInPlace} into SIMD code: about 4x faster than a loop over {@code Math.exp} on an
 * AVX-512 core, which is what makes the mean-field trainer fast (a step at N = 5000 evaluates 2 x 10^5 sigmoids).
 *
 * <p>Method: u = -min(a, 40) / 256, e^u by a polynomial of degree 9 (a Chebyshev fit, relative error 1e-17 on
 * |u| &lt;= 0.16), then eight squarings give e^-a; the squarings multiply rounding errors by up to 256. Accuracy:
 * relative error below 1e-13 for |a| &lt;= 40 (about 5e-14 measured, see {@code SigmoidTest}). Above 40 the result is 1,
 * as for the exact sigmoid rounded to double. Below -40 the polynomial leaves its interval and the relative error
 * grows, but the value stays in [0, 5e-18] and reaches 0 as a goes to minus infinity, so the absolute error stays
 * below 5e-18. NaN gives NaN. Scalar {@link #value} and the array form perform the same IEEE operations in the same
 * order (no transcendental call whose compiled and interpreted forms could round differently), so they agree bit for
 * bit and a run gives the same numbers however the JIT compiled it.
 *
 * <pre>{@code
 * double s = Sigmoid.value(0.3);
 * double[] a = {-1, 0, 2};
 * Sigmoid.applyInPlace(a, 0, a.length);   // a = {0.2689.., 0.5, 0.8807..}
 * }</pre>
 */
public final class Sigmoid {
    private Sigmoid() {}

    /** Arguments above this are treated as this (the sigmoid is 1 to double precision there). */
    public static final double CLAMP = 40;

    private static final double SCALE = 1.0 / 256;
    // Chebyshev fit of e^u on |u| <= 40/256, degree 9 (relative error 1e-17 in exact arithmetic)
    private static final double P9 = 2.757261370669051e-06,
            P8 = 2.4818412010525654e-05,
            P7 = 0.00019841266573751058,
            P6 = 0.0013888885294399066,
            P5 = 0.00833333333361825,
            P4 = 0.04166666666980095,
            P3 = 0.1666666666666658,
            P2 = 0.49999999999999045;

    /** sigmoid(a). */
    public static double value(double a) {
        double u = Math.max(-CLAMP * SCALE, -a * SCALE);
        double p = Math.fma(P9, u, P8);
        p = Math.fma(p, u, P7);
        p = Math.fma(p, u, P6);
        p = Math.fma(p, u, P5);
        p = Math.fma(p, u, P4);
        p = Math.fma(p, u, P3);
        p = Math.fma(p, u, P2);
        p = Math.fma(p, u, 1);
        p = Math.fma(p, u, 1);
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return 1 / (1 + p);
    }

    /** Replaces {@code a[from .. to)} by their sigmoids. */
    public static void applyInPlace(double[] a, int from, int to) {
        for (int i = from; i < to; i++) a[i] = value(a[i]);
    }
}
