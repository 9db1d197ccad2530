package org.noether.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics every experiment reports with: mean, standard deviation, and percentile-bootstrap intervals for a
 * mean and for a paired difference. Every resampling is seeded, so the same data and seed give the same interval.
 *
 * <pre>{@code
 * double[] quotient = {0.91, 0.88, 0.93};     // Cov-R per seed
 * double[] conventional = {0.87, 0.86, 0.90};
 * Interval q = Stats.meanInterval(quotient, 7);
 * Interval d = Stats.pairedDifference(quotient, conventional, 7);
 * boolean quotientBetter = d.above(0);
 * }</pre>
 */
public final class Stats {

    /** Resamples drawn for a bootstrap interval. */
    public static final int RESAMPLES = 10_000;

    /** The confidence level of every interval unless stated otherwise. */
    public static final double LEVEL = 0.95;

    private Stats() {}

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sample standard deviation (divisor n - 1); 0 for one value, NaN for none. */
    public static double sd(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        if (x.length == 1) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** The smallest value; NaN for none. */
    public static double min(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).min().getAsDouble();
    }

    /** The largest value; NaN for none. */
    public static double max(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).max().getAsDouble();
    }

    /** The mean with its 95 % percentile-bootstrap interval ({@value #RESAMPLES} resamples, seeded). */
    public static Interval meanInterval(double[] x, long seed) {
        return meanInterval(x, LEVEL, RESAMPLES, seed);
    }

    /**
     * The mean with a percentile-bootstrap interval at {@code level}. One value gives the point itself; no value
     * gives NaN throughout; non-finite values are refused, since they mean a run went wrong.
     */
    public static Interval meanInterval(double[] x, double level, int resamples, long seed) {
        requireFinite(x);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        int n = x.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, level, 0);
        }
        double m = mean(x);
        if (n == 1) {
            return new Interval(m, m, m, level, 1);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[rng.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        double lo = quantileSorted(means, alpha);
        double hi = quantileSorted(means, 1 - alpha);
        // The bootstrap means are sums in another order; keep the estimate inside its own interval.
        return new Interval(m, Math.min(lo, m), Math.max(hi, m), level, n);
    }

    /**
     * The mean of {@code a[i] - b[i]} with its 95 % bootstrap interval: pairs are resampled together, so what the
     * two share (the seed, the molecule) cancels. "a beats b" holds when the interval lies above 0.
     */
    public static Interval pairedDifference(double[] a, double[] b, long seed) {
        return meanInterval(differences(a, b), seed);
    }

    /** {@code a[i] - b[i]}, after checking the two have the same length. */
    public static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "a paired difference needs as many values on each side, got " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** The {@code p}-quantile of sorted values, interpolating linearly between order statistics. */
    public static double quantileSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double f = pos - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }

    private static void requireFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("value " + i + " of " + x.length + " is " + x[i]
                        + "; statistics need finite values (a run that produced NaN should fail, not be averaged)");
            }
        }
    }
}
