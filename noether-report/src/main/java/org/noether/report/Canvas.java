package org.noether.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * The drawing operations a plot needs, so that one layout can be painted to a bitmap or written as SVG.
 * Coordinates are pixels with y pointing down; text is positioned by its baseline.
 */
interface Canvas {

    /** Horizontal text alignment relative to the given x. */
    enum Align { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, Color fill);

    void strokeRect(double x, double y, double w, double h, Color stroke, double width);

    void line(double x1, double y1, double x2, double y2, Color stroke, double width);

    void polyline(double[] xs, double[] ys, int n, Color stroke, double width);

    void fillPolygon(double[] xs, double[] ys, int n, Color fill);

    void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth);

    /** Draws {@code text}; when {@code vertical}, it reads bottom to top, rotated about (x, y). */
    void text(String text, double x, double y, Font font, Color color, Align align, boolean vertical);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** Measures text the same way for every canvas, so PNG and SVG share one layout. */
    final class Metrics {
        private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

        private Metrics() {
        }

        static double width(String text, Font font) {
            return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
        }

        /** Shortens {@code text} with an ellipsis until it fits in {@code max} pixels. */
        static String fit(String text, Font font, double max) {
            if (width(text, font) <= max) {
                return text;
            }
            int end = text.length();
            while (end > 0 && width(text.substring(0, end) + "…", font) > max) {
                end--;
            }
            return end == 0 ? "" : text.substring(0, end) + "…";
        }
    }
}
