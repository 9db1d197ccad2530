package org.noether.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The range and ticks of one plot axis, linear or logarithmic. Positions are mapped to [0, 1] by
 * {@link #fraction(double)}; the plot turns fractions into pixels.
 */
final class Axis {

    /** A labelled tick position. */
    record Tick(double value, String label) {
    }

    final double lo;
    final double hi;
    final boolean log;
    final List<Tick> ticks;
    /** Unlabelled ticks, e.g. 2..9 between decades of a log axis. */
    final List<Double> minor;

    private Axis(double lo, double hi, boolean log, List<Tick> ticks, List<Double> minor) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.ticks = ticks;
        this.minor = minor;
    }

    /** Where {@code v} lies between the ends of the axis: 0 at {@link #lo}, 1 at {@link #hi}. */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return (v - lo) / (hi - lo);
    }

    /** Whether {@code v} can be placed on this axis at all. */
    boolean accepts(double v) {
        // The bound keeps spans and margins finite.
        return Double.isFinite(v) && Math.abs(v) <= 1e300 && (!log || v > 0);
    }

    /**
     * Fits an axis around the data range {@code [min, max]} (NaN when there is no data).
     *
     * @param maxTicks     the most labelled ticks that fit
     * @param marginLo     extra room below the data as a fraction of the range (linear) or of the decades (log)
     * @param marginHi     extra room above the data, likewise
     * @param anchorZero   make a linear axis start or end at exactly zero when the data are all on one side (bars)
     */
    static Axis fit(double min, double max, boolean log, int maxTicks, double marginLo, double marginHi,
            boolean anchorZero) {
        maxTicks = Math.max(2, maxTicks);
        return log ? fitLog(min, max, maxTicks, marginLo, marginHi)
                : fitLinear(min, max, maxTicks, marginLo, marginHi, anchorZero);
    }

    /** An axis from -0.5 to n - 0.5 labelled with category names at 0, 1, ..., keeping every {@code stride}-th. */
    static Axis categories(List<String> names, int stride) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < names.size(); i += Math.max(1, stride)) {
            ticks.add(new Tick(i, names.get(i)));
        }
        return new Axis(-0.5, Math.max(names.size(), 1) - 0.5, false, ticks, List.of());
    }

    private static Axis fitLinear(double min, double max, int maxTicks, double marginLo, double marginHi,
            boolean anchorZero) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            min = 0;
            max = 1;
        }
        if (anchorZero) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (min == max) {
            double half = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= half;
            max += half;
        }
        double span = max - min;
        double lo = anchorZero && min == 0 ? 0 : min - marginLo * span;
        double hi = anchorZero && max == 0 ? 0 : max + marginHi * span;
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        boolean scientific = scale >= 1e6 || scale < 1e-3;
        // Steps of 2.5 would need an extra mantissa digit, which clutters scientific labels.
        double step = niceStep((hi - lo) / (maxTicks + 1), !scientific);
        while ((Math.floor(hi / step) - Math.ceil(lo / step) + 1) > maxTicks) {
            step = niceStep(step * 1.01, !scientific);
        }
        List<Tick> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            double v = k * step;
            ticks.add(new Tick(v, linearLabel(v, step, scientific)));
        }
        return new Axis(lo, hi, false, ticks, List.of());
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw, boolean allowTwoAndAHalf) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : allowTwoAndAHalf ? new double[] {1, 2, 2.5, 5, 10} : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String linearLabel(double v, double step, boolean scientific) {
        if (Math.abs(v) < step * 1e-6) {
            v = 0; // also turns -0.0 and round-off like 5.5e-17 into a clean zero
        }
        if (scientific) {
            if (v == 0) {
                return "0";
            }
            int e = (int) Math.floor(Math.log10(Math.abs(v)));
            int digits = Math.max(1, e - (int) Math.floor(Math.log10(step) + 1e-9) + 1);
            return power(new BigDecimal(v).round(new MathContext(digits)));
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(mantissa - 2.5) < 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v).replace('-', '−');
    }

    private static Axis fitLog(double min, double max, int maxTicks, double marginLo, double marginHi) {
        if (!(min > 0) || !(max > 0) || Double.isNaN(min)) {
            min = 1;
            max = 10;
        }
        if (min == max) {
            min /= Math.sqrt(10);
            max *= Math.sqrt(10);
        }
        double decades = Math.log10(max) - Math.log10(min);
        // Margins are added in decades and clamped so extreme data cannot push the ends to 0 or infinity.
        double lo = Math.pow(10, Math.max(-307, Math.log10(min) - marginLo * decades));
        double hi = Math.pow(10, Math.min(308, Math.log10(max) + marginHi * decades));
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int last = (int) Math.floor(Math.log10(hi) + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        int count = last - first + 1;
        if (count >= 3) {
            // Label every 1st, 2nd, 5th, 10th... decade, at exponents divisible by that stride.
            int stride = (int) Math.max(1, Math.round(niceStep(count / (double) maxTicks, false)));
            while (count / stride + 1 > maxTicks) {
                stride = (int) Math.round(niceStep(stride * 1.01, false));
            }
            for (int e = first; e <= last; e++) {
                double v = Math.pow(10, e);
                if (Math.floorMod(e, stride) == 0) {
                    ticks.add(new Tick(v, logLabel(v)));
                } else if (count <= 4 * maxTicks) {
                    minor.add(v);
                }
            }
            if (count <= 8 && stride == 1) {
                for (int e = first - 1; e <= last; e++) {
                    for (int m = 2; m <= 9; m++) {
                        double v = m * Math.pow(10, e);
                        if (v >= lo && v <= hi) {
                            minor.add(v);
                        }
                    }
                }
            }
            return new Axis(lo, hi, true, ticks, minor);
        }
        // About a decade or less: label 1-2-5 or 1..9 multiples, else fall back to evenly spaced values.
        for (int[] mantissas : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            ticks.clear();
            for (int e = first - 1; e <= last; e++) {
                for (int m : mantissas) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                        ticks.add(new Tick(v, logLabel(v)));
                    }
                }
            }
            if (ticks.size() >= 2 && ticks.size() <= maxTicks) {
                return new Axis(lo, hi, true, List.copyOf(ticks), List.of());
            }
        }
        Axis linear = fitLinear(lo, hi, maxTicks, 0, 0, false);
        List<Tick> inside = linear.ticks.stream().filter(t -> t.value() >= lo && t.value() <= hi).toList();
        return new Axis(lo, hi, true, inside, List.of());
    }

    /** Plain digits between 0.001 and 99999, powers of ten outside. */
    static String logLabel(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        if (v >= 1e-3 && v < 1e5) {
            return d.stripTrailingZeros().toPlainString();
        }
        return power(d);
    }

    /** Writes {@code d} as "m×10ⁿ" (or "10ⁿ" when m is 1) with Unicode superscripts, which both PNG and SVG can show. */
    static String power(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        int e = d.precision() - d.scale() - 1;
        BigDecimal m = d.movePointLeft(e).stripTrailingZeros();
        StringBuilder sb = new StringBuilder();
        if (m.compareTo(BigDecimal.ONE.negate()) == 0) {
            sb.append('−');
        } else if (m.compareTo(BigDecimal.ONE) != 0) {
            sb.append(m.toPlainString().replace('-', '−')).append('×');
        }
        sb.append("10");
        for (char c : Integer.toString(e).toCharArray()) {
            sb.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return sb.toString();
    }
}
