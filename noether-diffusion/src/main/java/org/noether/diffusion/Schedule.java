package org.noether.diffusion;

/**
 * The interpolant {@code x_t = alpha(t) x_1 + sigma(t) eps} between Gaussian noise ({@code t = 0}) and data
 * ({@code t = 1}), with eps standard normal on the centred space (the mean of each coordinate removed).
 *
 * <p>{@link #LINEAR} ({@code alpha = t, sigma = 1 - t}, the rectified-flow choice) is used throughout the module. With
 * it the velocity and the score given a denoiser {@code D(x, t) ~ E[x_1 | x_t = x]} are
 * {@code b = (D - x) / (1 - t)} and {@code s = (t D - x) / (1 - t)^2}, and an Euler step from t to 1 lands exactly on
 * {@code D}.
 *
 * <pre>{@code
 * Schedule s = Schedule.LINEAR;
 * double[] xt = s.noisy(x1, eps, 0.3);      // 0.3 x1 + 0.7 eps
 * }</pre>
 */
public interface Schedule {

    /** {@code alpha = t, sigma = 1 - t}. */
    Schedule LINEAR = new Schedule() {
        @Override
        public double alpha(double t) {
            return t;
        }

        @Override
        public double sigma(double t) {
            return 1 - t;
        }

        @Override
        public double alphaDot(double t) {
            return 1;
        }

        @Override
        public double sigmaDot(double t) {
            return -1;
        }

        @Override
        public String toString() {
            return "linear (alpha = t, sigma = 1 - t)";
        }
    };

    /** The weight of the data at time t; 0 at t = 0 and 1 at t = 1. */
    double alpha(double t);

    /** The noise level at time t; 1 at t = 0 and 0 at t = 1. */
    double sigma(double t);

    /** d alpha / dt. */
    double alphaDot(double t);

    /** d sigma / dt. */
    double sigmaDot(double t);

    /** {@code alpha(t) x1 + sigma(t) eps}, a new array. */
    default double[] noisy(double[] x1, double[] eps, double t) {
        double a = alpha(t), s = sigma(t);
        double[] x = new double[x1.length];
        for (int i = 0; i < x.length; i++) x[i] = a * x1[i] + s * eps[i];
        return x;
    }
}
