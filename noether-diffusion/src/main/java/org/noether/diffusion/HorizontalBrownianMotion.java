package org.noether.diffusion;

import java.util.SplittableRandom;

/**
 * Lifted horizontal Brownian motion {@code dx = s P_x dW + sign (s^2/2) h(x) dt} (Ito) and the check that fixes the
 * sign of the mean-curvature correction.
 *
 * <p><b>Derivation.</b> Let f be a rotation-invariant function on the centred space R^{dN}_0 (a function on the
 * quotient), for example {@code f = |x|^2}. Brownian motion with coefficient s on R^{dN}_0 gives f the drift
 * {@code (s^2/2) Laplacian f}. Split the Laplacian at x into horizontal and vertical (orbit) directions: the
 * horizontal trace of the Hessian is the quotient Laplacian, and because f is constant on orbits its vertical trace is
 * the derivative along the mean curvature of the orbit, {@code grad f . grad log vol}, where
 * {@code vol = sqrt(det K)} is the volume density of the orbit (the Gram determinant of the generators
 * {@code omega -> omega x c_n} is det K). Hence
 * <pre>
 *   (s^2/2) Lap f = (s^2/2) tr(P_x Hess f) + (s^2/4) grad log det K . grad f.
 * </pre>
 * For the lift, Ito's formula gives f the drift {@code (s^2/2) tr(P_x Hess f) + drift . grad f} (P_x is an orthogonal
 * projection, so the noise {@code s P_x dW} has covariance {@code s^2 P_x}). Matching the two requires the drift
 * {@code (s^2/4) grad log det K = -(s^2/2) h}: <b>the sign is minus</b> for {@code h = -1/2 grad log det K}.
 *
 * <p><b>The check on |x|^2.</b> With {@code Hess |x|^2 = 2 I}: the centred Brownian drift is {@code s^2 (dN - d)};
 * the lift gives {@code s^2 tr(P_x) + sign s^2 sum_n c_n . h_n}, and {@code tr P_x = dN - d - r},
 * {@code sum_n c_n . h_n = -r} (r = 3 in space, 1 in the plane). So the minus sign gives {@code s^2 (dN - d)}
 * (in space {@code s^2 (3N - 3)}), while the plus sign printed in the paper's sampler gives {@code s^2 (dN - d - 2r)}
 * ({@code s^2 (3N - 9)}), and no correction {@code s^2 (dN - d - r)}.
 *
 * <pre>{@code
 * double exact = HorizontalBrownianMotion.analyticSquaredNormDrift(RigidQuotient.SE3, x, 1.0, Correction.CORRECT);
 * HorizontalBrownianMotion.Estimate mc = HorizontalBrownianMotion.simulateSquaredNormDrift(
 *         RigidQuotient.SE3, x, 1.0, 0.5, 50, 4000, Correction.CORRECT, 11L);
 * }</pre>
 */
public final class HorizontalBrownianMotion {

    private HorizontalBrownianMotion() {}

    /** A Monte Carlo estimate of a drift: its mean, standard error and number of paths. */
    public record Estimate(double mean, double standardError, int paths) {
        /** How many standard errors {@code value} lies from the estimate. */
        public double zScore(double value) {
            return (mean - value) / standardError;
        }
    }

    /**
     * The drift of {@code |x|^2} under the lifted dynamics at the cloud x, from Ito's formula:
     * {@code s^2 tr(P_x) + 2 c . (sign (s^2/2) h)}, with c the centred cloud.
     */
    public static double analyticSquaredNormDrift(RigidQuotient geometry, double[] x, double s, Correction correction) {
        RigidQuotient.Local at = geometry.at(x);
        double[] c = geometry.centred(x);
        double[] h = at.correction();
        double xh = 0;
        for (int i = 0; i < c.length; i++) xh += c[i] * h[i];
        return s * s * at.traceOfProjection() + correction.sign() * s * s * xh;
    }

    /** The drift of |x|^2 under Brownian motion on the centred space: {@code s^2 (dN - d)}. */
    public static double centredBrownianSquaredNormDrift(RigidQuotient geometry, int points, double s) {
        int d = geometry.dimension();
        return s * s * (d * points - d);
    }

    /** How a path is simulated. */
    public enum Scheme {
        /** Brownian motion on the centred space: the reference whose law on the quotient the lifts must have. */
        BROWNIAN(Correction.NONE),
        /** {@code dx = s P_x dW - (s^2/2) h dt}, Euler-Maruyama: the derived sign. */
        PROJECTED_CORRECT(Correction.CORRECT),
        /** {@code dx = s P_x dW + (s^2/2) h dt}: the published sign. */
        PROJECTED_REVERSED(Correction.REVERSED),
        /** {@code dx = s P_x dW}: projection without correction. */
        PROJECTED_UNCORRECTED(Correction.NONE),
        /** {@code x' = A_x(x + s dW)}: unprojected increment superposed back on x; exact in law on the quotient. */
        SUPERPOSED(Correction.NONE);

        private final Correction correction;

        Scheme(Correction correction) {
            this.correction = correction;
        }

        /** The projected scheme with this correction. */
        public static Scheme projected(Correction c) {
            return switch (c) {
                case CORRECT -> PROJECTED_CORRECT;
                case REVERSED -> PROJECTED_REVERSED;
                case NONE -> PROJECTED_UNCORRECTED;
            };
        }
    }

    /**
     * Simulates {@code paths} independent paths from {@code x0} for time {@code time} in {@code steps} steps and returns
     * their end points (centred clouds). Each path draws from its own stream split from the seed.
     */
    public static double[][] endpoints(
            RigidQuotient geometry,
            double[] x0,
            double s,
            double time,
            int steps,
            int paths,
            Scheme scheme,
            long seed) {
        if (paths < 1 || steps < 1 || !(time > 0)) {
            throw new IllegalArgumentException(
                    "need paths >= 1, steps >= 1 and time > 0; got " + paths + ", " + steps + ", " + time);
        }
        double[] start = geometry.centred(x0);
        int len = start.length, d = geometry.dimension();
        double dt = time / steps, amp = s * Math.sqrt(dt), c = scheme.correction.sign() * 0.5 * s * s * dt;
        SplittableRandom root = new SplittableRandom(seed);
        double[] w = new double[len], h = new double[len], previous = new double[len];
        RigidQuotient.Local at = geometry.at(start);
        double[][] out = new double[paths][];
        for (int p = 0; p < paths; p++) {
            SplittableRandom rng = root.split();
            double[] x = start.clone();
            for (int k = 0; k < steps; k++) {
                for (int j = 0; j < len; j++) w[j] = rng.nextGaussian();
                switch (scheme) {
                    case BROWNIAN -> {
                        geometry.centre(w);
                        for (int j = 0; j < len; j++) x[j] += amp * w[j];
                    }
                    case SUPERPOSED -> {
                        System.arraycopy(x, 0, previous, 0, len);
                        for (int j = 0; j < len; j++) x[j] += amp * w[j];
                        Kabsch.superposeInPlace(x, previous, d);
                    }
                    default -> {
                        at.moveTo(x);
                        at.project(w, w);
                        if (c != 0) at.correction(h);
                        for (int j = 0; j < len; j++) x[j] += amp * w[j] + (c != 0 ? c * h[j] : 0);
                    }
                }
            }
            out[p] = x;
        }
        return out;
    }

    /**
     * Estimates the drift of |x|^2 by simulating {@code paths} lifted paths from {@code x0} for time {@code time} in
     * {@code steps} Euler-Maruyama steps: the mean of {@code (|x_T|^2 - |x_0|^2) / T}. Because the exact drift is the
     * same constant at every cloud, the estimate has no bias beyond the O(dt) of the scheme.
     */
    public static Estimate simulateSquaredNormDrift(
            RigidQuotient geometry,
            double[] x0,
            double s,
            double time,
            int steps,
            int paths,
            Correction correction,
            long seed) {
        return squaredNormDrift(
                geometry, x0, time, endpoints(geometry, x0, s, time, steps, paths, Scheme.projected(correction), seed));
    }

    /** The same estimate for plain Brownian motion on the centred space, as the reference. */
    public static Estimate simulateCentredBrownian(
            RigidQuotient geometry, double[] x0, double s, double time, int steps, int paths, long seed) {
        return squaredNormDrift(
                geometry, x0, time, endpoints(geometry, x0, s, time, steps, paths, Scheme.BROWNIAN, seed));
    }

    /** The mean and standard error of {@code f} over a set of clouds. */
    public static Estimate mean(double[][] clouds, java.util.function.ToDoubleFunction<double[]> f) {
        int n = clouds.length;
        if (n < 2) throw new IllegalArgumentException("a standard error needs at least 2 values, got " + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = f.applyAsDouble(clouds[i]);
        return new Estimate(org.noether.experiment.Stats.mean(v), org.noether.experiment.Stats.sd(v) / Math.sqrt(n), n);
    }

    private static Estimate squaredNormDrift(RigidQuotient geometry, double[] x0, double time, double[][] ends) {
        double[] start = geometry.centred(x0);
        double start2 = dot(start, start);
        return mean(ends, x -> (dot(x, x) - start2) / time);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
