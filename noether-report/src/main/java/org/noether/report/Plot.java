package org.noether.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.noether.experiment.Figure;
import org.noether.experiment.Series;

/**
 * Lays out one {@link Figure} for a given pixel size and paints it on a {@link Canvas}.
 * Values that cannot be shown (non-finite, or non-positive on a log axis) are skipped; lines break there.
 */
final class Plot {

    static {
        // Must run before java.awt.Color is first loaded, because that fixes the headless decision.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Okabe–Ito colours, distinguishable with the common forms of colour blindness. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442).darker(),
    };
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x777777);
    private static final Color AXIS = new Color(0x444444);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color MINOR_GRID = new Color(0xF2F2F2);
    /** Above this many points, markers are dropped and error bars become a shaded band. */
    private static final int DENSE = 40;

    /** Swallows drawing; used to find where data will land before the real pass. */
    private static final Canvas NO_OP = new Canvas() {
        @Override
        public void fillRect(double x, double y, double w, double h, Color fill) {
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
        }

        @Override
        public void line(double xa, double ya, double xb, double yb, Color stroke, double width) {
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n, Color stroke, double width) {
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n, Color fill) {
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth) {
        }

        @Override
        public void text(String text, double x, double y, Font font, Color color, Align align, boolean vertical) {
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }
    };

    private final Figure figure;
    private final int width;
    private final int height;
    private final double s;
    private final Font tickFont;
    private final Font labelFont;
    private final Font titleFont;
    private final Font legendFont;
    private final List<double[][]> data = new ArrayList<>();
    private Axis xAxis;
    private Axis yAxis;
    private double x0;
    private double y0;
    private double x1;
    private double y1;
    private double barGroupWidth;
    private double xmin = Double.NaN;
    private double xmax = Double.NaN;
    private double ymin = Double.NaN;
    private double ymax = Double.NaN;
    /** Rectangles {x0, y0, x1, y1} covered by data, collected while drawing, for placing the legend. */
    private final List<double[]> obstacles = new ArrayList<>();

    Plot(Figure figure, int width, int height) {
        this.figure = figure;
        this.width = width;
        this.height = height;
        this.s = Math.max(0.5, Math.min(4, Math.min(width / 800.0, height / 500.0)));
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        tickFont = base.deriveFont((float) (12 * s));
        labelFont = base.deriveFont((float) (13.5 * s));
        legendFont = base.deriveFont((float) (12 * s));
        titleFont = base.deriveFont(Font.BOLD, (float) (15 * s));
        for (Series series : figure.series()) {
            double[] err = series.yError();
            data.add(new double[][] {series.x(), series.y(), err});
        }
        measureData();
        layout(0);
        makeRoomForLegend();
    }

    private boolean validX(double v) {
        return Double.isFinite(v) && Math.abs(v) <= 1e300 && (!figure.logX() || v > 0);
    }

    private boolean validY(double v) {
        return Double.isFinite(v) && Math.abs(v) <= 1e300 && (!figure.logY() || v > 0);
    }

    private boolean valid(double[][] d, int i) {
        return validX(d[0][i]) && validY(d[1][i]);
    }

    private boolean bars() {
        return figure.kind() == Figure.Kind.BAR;
    }

    private void measureData() {
        List<Double> xs = new ArrayList<>();
        for (double[][] d : data) {
            for (int i = 0; i < d[0].length; i++) {
                if (!valid(d, i)) {
                    continue;
                }
                double x = d[0][i];
                double y = d[1][i];
                xs.add(x);
                xmin = Double.isNaN(xmin) ? x : Math.min(xmin, x);
                xmax = Double.isNaN(xmax) ? x : Math.max(xmax, x);
                ymin = Double.isNaN(ymin) ? y : Math.min(ymin, y);
                ymax = Double.isNaN(ymax) ? y : Math.max(ymax, y);
                if (d[2] != null && Double.isFinite(d[2][i])) {
                    double e = Math.abs(d[2][i]);
                    for (double v : new double[] {y - e, y + e}) {
                        if (validY(v)) {
                            ymin = Math.min(ymin, v);
                            ymax = Math.max(ymax, v);
                        }
                    }
                }
            }
        }
        barGroupWidth = figure.categories().isEmpty() ? 0.8 * minGap(xs) : 0.8;
        if (bars() && !Double.isNaN(xmin) && !figure.logX()) {
            xmin -= barGroupWidth / 2;
            xmax += barGroupWidth / 2;
        }
    }

    /**
     * Places axes and margins. {@code headroom} is the fraction of the plot height to keep free above the data,
     * so that a legend can sit there without hiding anything.
     */
    private void layout(double headroom) {
        double tickH = tickFont.getSize2D();
        double labelH = labelFont.getSize2D();
        double tickLen = 5 * s;
        double top = figure.caption().isEmpty() ? 14 * s : 10 * s + titleFont.getSize2D() * 1.3 + 12 * s;
        double bottom = tickLen + 4 * s + tickH * 1.2 + (figure.xLabel().isEmpty() ? 0 : 8 * s + labelH) + 10 * s;
        double plotH = Math.max(10, height - top - bottom);
        boolean anchorZero = bars() && !figure.logY();
        double marginLo = anchorZero ? 0 : 0.05;
        double marginHi = Math.max(0.05, (1 + marginLo) * headroom / (1 - headroom));
        yAxis = Axis.fit(ymin, ymax, figure.logY(), (int) (plotH / (tickH * 4)), marginLo, marginHi, anchorZero);
        double yLabelW = 0;
        for (Axis.Tick t : yAxis.ticks) {
            yLabelW = Math.max(yLabelW, Canvas.Metrics.width(t.label(), tickFont));
        }
        double left = 10 * s + (figure.yLabel().isEmpty() ? 0 : labelH + 8 * s) + yLabelW + 6 * s + tickLen;
        double right = 20 * s;
        double plotW = Math.max(10, width - left - right);
        xAxis = fitX(xmin, xmax, plotW);
        if (!xAxis.ticks.isEmpty()) {
            Axis.Tick last = xAxis.ticks.get(xAxis.ticks.size() - 1);
            double overhang = Canvas.Metrics.width(last.label(), tickFont) / 2 - (1 - xAxis.fraction(last.value())) * plotW;
            right = Math.max(right, overhang + 6 * s);
        }
        x0 = Math.round(left);
        x1 = Math.round(Math.max(left + 10, width - right));
        y0 = Math.round(top);
        y1 = Math.round(Math.max(top + 10, height - bottom));
    }

    private Axis fitX(double xmin, double xmax, double plotW) {
        List<String> cats = figure.categories();
        if (!cats.isEmpty()) {
            double slot = plotW / cats.size();
            double widest = 0;
            for (String c : cats) {
                widest = Math.max(widest, Math.min(Canvas.Metrics.width(c, tickFont), plotW * 0.3));
            }
            int stride = (int) Math.max(1, Math.ceil((widest + 8 * s) / slot));
            return Axis.categories(cats, stride);
        }
        double margin = bars() ? 0.02 : 0.04;
        for (int maxTicks = (int) (plotW / (tickFont.getSize2D() * 6)); ; maxTicks--) {
            Axis a = Axis.fit(xmin, xmax, figure.logX(), maxTicks, margin, margin, false);
            if (maxTicks <= 2 || !overlaps(a, plotW)) {
                return a;
            }
        }
    }

    private boolean overlaps(Axis a, double plotW) {
        for (int i = 1; i < a.ticks.size(); i++) {
            Axis.Tick p = a.ticks.get(i - 1);
            Axis.Tick q = a.ticks.get(i);
            double gap = (a.fraction(q.value()) - a.fraction(p.value())) * plotW;
            double need = (Canvas.Metrics.width(p.label(), tickFont) + Canvas.Metrics.width(q.label(), tickFont)) / 2 + 10 * s;
            if (gap < need) {
                return true;
            }
        }
        return false;
    }

    private static double minGap(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            gap = Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        return Double.isInfinite(gap) ? 1 : gap;
    }

    private double px(double x) {
        return x0 + xAxis.fraction(x) * (x1 - x0);
    }

    private double py(double y) {
        return y1 - yAxis.fraction(y) * (y1 - y0);
    }

    private static Color color(int k) {
        return PALETTE[k % PALETTE.length];
    }

    private static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    void draw(Canvas c) {
        c.fillRect(0, 0, width, height, Color.WHITE);
        drawGridAndAxes(c);
        boolean any = drawData(c);
        if (!any) {
            c.text("no data to show", (x0 + x1) / 2, (y0 + y1) / 2, labelFont, MUTED, Canvas.Align.MIDDLE, false);
        }
        drawLegend(c);
    }

    private boolean drawData(Canvas c) {
        obstacles.clear();
        c.clip(x0, y0, x1 - x0, y1 - y0);
        boolean any = false;
        for (int k = 0; k < data.size(); k++) {
            any |= drawSeries(c, k);
        }
        c.unclip();
        return any;
    }

    /** If every corner of the plot would put the legend over data, lifts the data below it. */
    private void makeRoomForLegend() {
        drawData(NO_OP);
        Legend legend = legend();
        if (legend != null && legend.hits() > 0) {
            double needed = (legend.h() + 20 * s) / (y1 - y0);
            if (needed < 0.5) {
                layout(needed);
            }
        }
    }

    private void drawGridAndAxes(Canvas c) {
        double tickLen = 5 * s;
        double tickH = tickFont.getSize2D();
        for (double v : yAxis.minor) {
            double y = Math.round(py(v)) + 0.5;
            c.line(x0, y, x1, y, MINOR_GRID, 1);
        }
        for (Axis.Tick t : yAxis.ticks) {
            double y = Math.round(py(t.value())) + 0.5;
            c.line(x0, y, x1, y, GRID, 1);
        }
        if (!bars()) {
            for (double v : xAxis.minor) {
                double x = Math.round(px(v)) + 0.5;
                c.line(x, y0, x, y1, MINOR_GRID, 1);
            }
            for (Axis.Tick t : xAxis.ticks) {
                double x = Math.round(px(t.value())) + 0.5;
                c.line(x, y0, x, y1, GRID, 1);
            }
        }
        if (bars() && !figure.logY() && yAxis.lo < 0 && yAxis.hi > 0) {
            double y = Math.round(py(0)) + 0.5;
            c.line(x0, y, x1, y, AXIS, 1);
        }
        double width1 = Math.max(1, s);
        c.line(x0 + 0.5, y0, x0 + 0.5, y1 + 0.5, AXIS, width1);
        c.line(x0 + 0.5, y1 + 0.5, x1, y1 + 0.5, AXIS, width1);
        for (double v : yAxis.minor) {
            double y = Math.round(py(v)) + 0.5;
            c.line(x0 - tickLen * 0.6, y, x0, y, AXIS, width1);
        }
        for (Axis.Tick t : yAxis.ticks) {
            double y = Math.round(py(t.value())) + 0.5;
            c.line(x0 - tickLen, y, x0, y, AXIS, width1);
            c.text(t.label(), x0 - tickLen - 4 * s, y + 0.36 * tickH, tickFont, TEXT, Canvas.Align.END, false);
        }
        for (double v : xAxis.minor) {
            double x = Math.round(px(v)) + 0.5;
            c.line(x, y1, x, y1 + tickLen * 0.6, AXIS, width1);
        }
        double slot = figure.categories().isEmpty() ? Double.MAX_VALUE
                : (x1 - x0) / figure.categories().size() * Math.max(1, xAxis.ticks.size() > 1
                        ? xAxis.ticks.get(1).value() - xAxis.ticks.get(0).value() : 1);
        for (Axis.Tick t : xAxis.ticks) {
            double x = Math.round(px(t.value())) + 0.5;
            c.line(x, y1, x, y1 + tickLen, AXIS, width1);
            String label = Canvas.Metrics.fit(t.label(), tickFont, Math.min(slot - 6 * s, (x1 - x0) * 0.3 + 1));
            c.text(label, x, y1 + tickLen + 3 * s + tickH * 0.95, tickFont, TEXT, Canvas.Align.MIDDLE, false);
        }
        double labelH = labelFont.getSize2D();
        if (!figure.xLabel().isEmpty()) {
            double baseline = y1 + tickLen + 4 * s + tickH * 1.2 + 8 * s + labelH * 0.8;
            c.text(Canvas.Metrics.fit(figure.xLabel(), labelFont, x1 - x0), (x0 + x1) / 2, baseline, labelFont, TEXT,
                    Canvas.Align.MIDDLE, false);
        }
        if (!figure.yLabel().isEmpty()) {
            c.text(Canvas.Metrics.fit(figure.yLabel(), labelFont, y1 - y0), 10 * s + labelH * 0.8, (y0 + y1) / 2,
                    labelFont, TEXT, Canvas.Align.MIDDLE, true);
        }
        if (!figure.caption().isEmpty()) {
            c.text(Canvas.Metrics.fit(figure.caption(), titleFont, width - 20 * s), width / 2.0,
                    10 * s + titleFont.getSize2D() * 1.05, titleFont, TEXT, Canvas.Align.MIDDLE, false);
        }
    }

    /** Draws series {@code k}; returns whether it had any visible point. */
    private boolean drawSeries(Canvas c, int k) {
        double[][] d = data.get(k);
        int n = d[0].length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (valid(d, i)) {
                count++;
            }
        }
        if (count == 0) {
            return false;
        }
        Color color = color(k);
        switch (figure.kind()) {
            case LINE -> drawLine(c, d, count, color);
            case SCATTER -> {
                drawErrorBars(c, d, color, 0);
                for (int i = 0; i < n; i++) {
                    if (valid(d, i)) {
                        double x = px(d[0][i]);
                        double y = py(d[1][i]);
                        c.circle(x, y, 3.5 * s, alpha(color, 210), Color.WHITE, 0.8 * s);
                        obstacles.add(new double[] {x, y, x, y});
                    }
                }
            }
            case BAR -> drawBars(c, d, k, color);
            default -> throw new IllegalStateException(figure.kind().toString());
        }
        return true;
    }

    private void drawLine(Canvas c, double[][] d, int count, Color color) {
        int n = d[0].length;
        boolean dense = count > DENSE;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int i = 0;
        while (i < n) {
            if (!valid(d, i)) {
                i++;
                continue;
            }
            int start = i;
            int len = 0;
            while (i < n && valid(d, i)) {
                xs[len] = px(d[0][i]);
                ys[len] = py(d[1][i]);
                if (len > 0) {
                    // Samples along the segment, so a legend is not placed across a long straight line.
                    double dx = xs[len] - xs[len - 1];
                    double dy = ys[len] - ys[len - 1];
                    int samples = (int) Math.min(200, Math.hypot(dx, dy) / (8 * s));
                    for (int j = 1; j <= samples; j++) {
                        double f = j / (samples + 1.0);
                        double sx = xs[len - 1] + f * dx;
                        double sy = ys[len - 1] + f * dy;
                        obstacles.add(new double[] {sx, sy, sx, sy});
                    }
                }
                obstacles.add(new double[] {xs[len], ys[len], xs[len], ys[len]});
                len++;
                i++;
            }
            if (dense && d[2] != null) {
                drawBand(c, d, start, len, color);
            }
            c.polyline(xs, ys, len, color, 2 * s);
            if (!dense || len == 1) {
                for (int j = 0; j < len; j++) {
                    c.circle(xs[j], ys[j], 3 * s, color, Color.WHITE, 0.8 * s);
                }
            }
        }
        if (!dense) {
            drawErrorBars(c, d, color, 0);
        }
    }

    private void drawBand(Canvas c, double[][] d, int start, int len, Color color) {
        double[] xs = new double[2 * len];
        double[] ys = new double[2 * len];
        int m = 0;
        for (int j = 0; j < len; j++) {
            double e = Double.isFinite(d[2][start + j]) ? Math.abs(d[2][start + j]) : 0;
            xs[m] = px(d[0][start + j]);
            ys[m++] = py(d[1][start + j] + e);
        }
        for (int j = len - 1; j >= 0; j--) {
            double e = Double.isFinite(d[2][start + j]) ? Math.abs(d[2][start + j]) : 0;
            double lower = d[1][start + j] - e;
            xs[m] = px(d[0][start + j]);
            ys[m++] = py(validY(lower) ? lower : yAxis.lo);
        }
        c.fillPolygon(xs, ys, m, alpha(color, 50));
    }

    /** Vertical error bars with caps; {@code dx} shifts them onto a bar within a group. */
    private void drawErrorBars(Canvas c, double[][] d, Color color, double dx) {
        if (d[2] == null) {
            return;
        }
        Color bar = bars() ? AXIS : color;
        for (int i = 0; i < d[0].length; i++) {
            if (!valid(d, i) || !Double.isFinite(d[2][i])) {
                continue;
            }
            double e = Math.abs(d[2][i]);
            double hiV = d[1][i] + e;
            double loV = d[1][i] - e;
            if (!validY(hiV)) {
                continue;
            }
            boolean lowerClamped = !validY(loV);
            double x = px(d[0][i] + dx);
            double yHi = py(hiV);
            double yLo = lowerClamped ? py(yAxis.lo) : py(loV);
            double cap = 4 * s;
            c.line(x, yLo, x, yHi, bar, 1.3 * s);
            c.line(x - cap, yHi, x + cap, yHi, bar, 1.3 * s);
            if (!lowerClamped) {
                c.line(x - cap, yLo, x + cap, yLo, bar, 1.3 * s);
            }
            obstacles.add(new double[] {x - cap, yHi, x + cap, yLo});
        }
    }

    private void drawBars(Canvas c, double[][] d, int k, Color color) {
        int m = data.size();
        double each = barGroupWidth / m;
        double offset = -barGroupWidth / 2 + (k + 0.5) * each;
        double base = figure.logY() ? yAxis.lo : Math.max(yAxis.lo, Math.min(yAxis.hi, 0));
        double yBase = py(base);
        for (int i = 0; i < d[0].length; i++) {
            if (!valid(d, i)) {
                continue;
            }
            double x = d[0][i] + offset;
            double left = figure.logX() ? px(x) - 8 * s : px(x - each / 2);
            double right = figure.logX() ? px(x) + 8 * s : px(x + each / 2);
            double yTop = py(d[1][i]);
            double top = Math.min(yTop, yBase);
            double w = Math.max(1, right - left - Math.min(2 * s, (right - left) * 0.15));
            c.fillRect(left, top, w, Math.abs(yBase - yTop), color);
            obstacles.add(new double[] {left, top, left + w, Math.max(yTop, yBase)});
        }
        drawErrorBars(c, d, color, figure.logX() ? 0 : offset);
    }

    /** A legend's texts, size and best corner given the current {@link #obstacles}. */
    private record Legend(List<Integer> entries, List<String> texts, double x, double y, double w, double h, int hits) {
    }

    private Legend legend() {
        List<Integer> entries = new ArrayList<>();
        for (int k = 0; k < figure.series().size(); k++) {
            if (!figure.series().get(k).label().isEmpty()) {
                entries.add(k);
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        double pad = 8 * s;
        double lineH = legendFont.getSize2D() * 1.5;
        double maxText = (x1 - x0) * 0.45;
        List<String> texts = new ArrayList<>();
        double textW = 0;
        for (int k : entries) {
            String t = Canvas.Metrics.fit(figure.series().get(k).label(), legendFont, maxText);
            texts.add(t);
            textW = Math.max(textW, Canvas.Metrics.width(t, legendFont));
        }
        double boxW = pad + 22 * s + 6 * s + textW + pad;
        double boxH = pad * 1.2 + entries.size() * lineH;
        double inset = 10 * s;
        double[][] corners = {
            {x1 - inset - boxW, y0 + inset}, {x0 + inset, y0 + inset},
            {x1 - inset - boxW, y1 - inset - boxH}, {x0 + inset, y1 - inset - boxH},
        };
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] corner : corners) {
            int hits = 0;
            for (double[] o : obstacles) {
                if (o[2] >= corner[0] && o[0] <= corner[0] + boxW && o[3] >= corner[1] && o[1] <= corner[1] + boxH) {
                    hits++;
                }
            }
            if (hits < fewest) {
                fewest = hits;
                best = corner;
            }
        }
        return new Legend(entries, texts, best[0], best[1], boxW, boxH, fewest);
    }

    private void drawLegend(Canvas c) {
        Legend legend = legend();
        if (legend == null) {
            return;
        }
        List<Integer> entries = legend.entries();
        List<String> texts = legend.texts();
        double pad = 8 * s;
        double lineH = legendFont.getSize2D() * 1.5;
        double swatch = 22 * s;
        double bx = legend.x();
        double by = legend.y();
        double boxW = legend.w();
        double boxH = legend.h();
        c.fillRect(bx, by, boxW, boxH, new Color(255, 255, 255, 225));
        c.strokeRect(bx, by, boxW, boxH, new Color(0xCCCCCC), 1);
        for (int j = 0; j < entries.size(); j++) {
            Color color = color(entries.get(j));
            double cy = by + pad * 0.6 + lineH * (j + 0.5);
            double sx = bx + pad;
            switch (figure.kind()) {
                case LINE -> {
                    c.line(sx, cy, sx + swatch, cy, color, 2 * s);
                    c.circle(sx + swatch / 2, cy, 3 * s, color, Color.WHITE, 0.8 * s);
                }
                case SCATTER -> c.circle(sx + swatch / 2, cy, 3.5 * s, alpha(color, 210), Color.WHITE, 0.8 * s);
                case BAR -> c.fillRect(sx + swatch / 2 - 5 * s, cy - 5 * s, 10 * s, 10 * s, color);
                default -> throw new IllegalStateException(figure.kind().toString());
            }
            c.text(texts.get(j), sx + swatch + 6 * s, cy + 0.36 * legendFont.getSize2D(), legendFont, TEXT,
                    Canvas.Align.START, false);
        }
    }
}
