package org.noether.equivariance.basis;

import java.util.Locale;

/** Number and matrix formatting for readable bases. */
final class Format {
    private Format() {}

    /** Integers as integers, fractions with small denominators as p/q, everything else to 4 significant digits. */
    static String number(double v) {
        if (v == 0) return "0";
        for (int d = 1; d <= 12; d++) {
            double num = Math.rint(v * d);
            if (Math.abs(v * d - num) < 1e-9 * d && Math.abs(num) < 1e9)
                return d == 1 ? Long.toString((long) num) : (long) num + "/" + d;
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String grid(double[] m, int rows, int cols) {
        String[] cells = new String[rows * cols];
        int width = 1;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = number(m[i]);
            width = Math.max(width, cells[i].length());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append("  [");
            for (int j = 0; j < cols; j++) {
                String c = cells[i * cols + j];
                sb.append(' ').append(" ".repeat(width - c.length())).append(c);
            }
            sb.append(" ]\n");
        }
        return sb.toString();
    }
}
