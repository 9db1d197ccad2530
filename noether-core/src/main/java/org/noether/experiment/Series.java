package org.noether.experiment;

import java.util.Arrays;
import java.util.Objects;

/**
 * One data series of a {@link Figure}: points {@code (x[i], y[i])} with an optional symmetric error {@code yError[i]}.
 *
 * <p>Non-finite values are allowed and simply not drawn, so a diverged run does not break the report.
 * The arrays are copied on the way in and on the way out.
 *
 * <pre>{@code
 * Series s = Series.of("C4-CNN", new double[] {1, 2, 4}, new double[] {0.9, 0.5, 0.2});
 * Series e = Series.withErrors("mean ± sd", x, mean, sd);
 * }</pre>
 *
 * @param label  legend text; empty for none
 * @param x      x coordinates (for bar figures with categories: category indices 0, 1, ...)
 * @param y      y coordinates, same length as {@code x}
 * @param yError half-widths of the error bars, same length as {@code x}, or {@code null} for none
 */
public record Series(String label, double[] x, double[] y, double[] yError) {

    /** Copies the arrays and checks their lengths agree. */
    public Series {
        label = Names.nullToEmpty(label);
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + label + "': x has " + x.length + " values but y has " + y.length);
        }
        if (yError != null && yError.length != x.length) {
            throw new IllegalArgumentException(
                    "series '" + label + "': yError has " + yError.length + " values but x and y have " + x.length);
        }
        x = x.clone();
        y = y.clone();
        yError = yError == null ? null : yError.clone();
    }

    /** A series without error bars. */
    public static Series of(String label, double[] x, double[] y) {
        return new Series(label, x, y, null);
    }

    /** A series with symmetric error bars. */
    public static Series withErrors(String label, double[] x, double[] y, double[] yError) {
        return new Series(label, x, y, Objects.requireNonNull(yError, "yError"));
    }

    /** A series with x = 0, 1, 2, ... */
    public static Series ofY(String label, double... y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i);
        return new Series(label, x, y, null);
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    /** Whether error bars are present. */
    public boolean hasErrors() {
        return yError != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] yError() {
        return yError == null ? null : yError.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s
                && label.equals(s.label)
                && Arrays.equals(x, s.x)
                && Arrays.equals(y, s.y)
                && Arrays.equals(yError, s.yError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(yError));
    }

    @Override
    public String toString() {
        return "Series[label=" + label + ", points=" + x.length + (yError == null ? "" : ", with errors") + "]";
    }
}
