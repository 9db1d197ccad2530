package org.noether.experiment;

import java.util.Locale;

/**
 * An estimate with a confidence interval, e.g. the mean Cov-R over seeds with its 95 % bootstrap interval.
 *
 * @param estimate the point estimate (a mean, or a mean paired difference)
 * @param lower    the lower end of the interval
 * @param upper    the upper end of the interval
 * @param level    the confidence level, e.g. 0.95
 * @param n        how many observations it rests on
 */
public record Interval(double estimate, double lower, double upper, double level, int n) {

    /** Checks that the ends are ordered (NaN is allowed throughout, for an estimate from no data). */
    public Interval {
        if (lower > upper) {
            throw new IllegalArgumentException("interval ends out of order: [" + lower + ", " + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }

    /** A single observation, or a value known exactly: its interval is the point itself. */
    public static Interval exact(double value) {
        return new Interval(value, value, value, 0.95, 1);
    }

    /** Whether the whole interval lies strictly above {@code v}. */
    public boolean above(double v) {
        return lower > v;
    }

    /** Whether the whole interval lies strictly below {@code v}. */
    public boolean below(double v) {
        return upper < v;
    }

    /** Whether {@code v} lies inside the closed interval. */
    public boolean contains(double v) {
        return lower <= v && v <= upper;
    }

    /** Half the width of the interval. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** The interval as {@code "0.812 [0.790, 0.834]"}, with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", estimate, lower, upper);
    }

    /** {@link #format(int)} with three decimals. */
    @Override
    public String toString() {
        return format(3) + " (" + Math.round(level * 100) + " %, n = " + n + ")";
    }
}
