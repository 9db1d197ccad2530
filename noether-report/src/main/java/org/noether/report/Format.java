package org.noether.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;

/** Human-oriented formatting of numbers and durations for the HTML report. */
final class Format {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Format() {}

    /** A table cell: integers exactly, other numbers to four significant digits, missing values empty. */
    static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Integer
                || cell instanceof Long
                || cell instanceof Short
                || cell instanceof Byte
                || cell instanceof BigInteger) {
            return cell.toString();
        }
        if (cell instanceof Number n) {
            return number(n.doubleValue());
        }
        return cell.toString();
    }

    /**
     * Four significant digits; scientific notation below 1e-3 and from 1e6; whole numbers from 1e4 to 1e6, where
     * rounding to four digits would hide a difference the reader can see in the integer part.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e6) {
            BigDecimal d = new BigDecimal(v).round(FOUR_DIGITS);
            int exponent = d.precision() - d.scale() - 1;
            BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        if (a >= 1e4) {
            return Long.toString(Math.round(v));
        }
        return new BigDecimal(v).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** e.g. "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
