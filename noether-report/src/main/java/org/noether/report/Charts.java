package org.noether.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.noether.experiment.Figure;
import org.noether.experiment.Series;

/**
 * Turns a {@link Figure} into a JFreeChart chart laid out for a given pixel size. What the library does not decide
 * for us, and this class does:
 * <ul>
 *   <li>values that cannot be shown (non-finite, beyond 1e300, or non-positive on a log axis) are skipped, and a line
 *       breaks there; a log axis reaches down to the smallest normal double, so 1e-17 is drawn, not clipped;</li>
 *   <li>error bars that would reach 0 or below on a log axis end one decade below their point; on bar charts,
 *       whose error bars the library draws symmetric only, such a bar is left out;</li>
 *   <li>more than {@value #DENSE} points: no markers, and errors drawn as a shaded band instead of bars;</li>
 *   <li>category labels are never dropped or cut: they wrap onto up to three lines under their bar group, or, where
 *       a word would not fit, the labels are turned by 45 degrees and drawn whole;</li>
 *   <li>an axis label longer than its axis is set in a smaller font (down to {@value #MIN_LABEL_POINTS} pt), and
 *       when even that does not fit it is written out whole under the title instead;</li>
 *   <li>Okabe–Ito colours, distinguishable with the common forms of colour blindness.</li>
 * </ul>
 */
final class Charts {

    static {
        // Must run before java.awt.Color is first loaded, because that fixes the headless decision.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Rotated labels as text, not as glyph outlines: the SVG stays searchable, and tests can read its labels.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Above this many points, markers are dropped and error bars become a shaded band. */
    static final int DENSE = 40;
    /** The smallest font an axis label is shrunk to before it moves under the title. */
    static final int MIN_LABEL_POINTS = 10;
    /** Shown when nothing in the figure can be drawn. */
    static final String NO_DATA = "no data to show";

    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        new Color(0x000000),
        new Color(0xF0E442).darker(),
    };
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color GRID = new Color(0xE0E0E0);
    private static final String FAMILY = Font.SANS_SERIF;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Figure figure;
    private final int width;
    private final int height;
    private final double scale;
    private final Font titleFont;
    private final Font labelFont;
    private final Font tickFont;
    private final Font legendFont;
    /** Axis labels too long for their axis, written out under the title. */
    private final List<String> movedLabels = new ArrayList<>();

    private Charts(Figure figure, int width, int height) {
        this.figure = figure;
        this.width = width;
        this.height = height;
        this.scale = Math.max(0.5, Math.min(4, Math.min(width / 800.0, height / 500.0)));
        titleFont = new Font(FAMILY, Font.BOLD, points(15));
        labelFont = new Font(FAMILY, Font.PLAIN, points(13));
        tickFont = new Font(FAMILY, Font.PLAIN, points(12));
        legendFont = new Font(FAMILY, Font.PLAIN, points(12));
    }

    /** The chart of {@code figure}, laid out for {@code width} x {@code height} pixels. */
    static JFreeChart chart(Figure figure, int width, int height) {
        return new Charts(figure, width, height).build();
    }

    private int points(double base) {
        return Math.max(6, (int) Math.round(base * scale));
    }

    private JFreeChart build() {
        Plot plot = figure.kind() == Figure.Kind.BAR ? categoryPlot() : xyPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage(NO_DATA);
        plot.setNoDataMessageFont(labelFont);
        plot.setNoDataMessagePaint(MUTED);
        plot.setInsets(new RectangleInsets(6 * scale, 6 * scale, 6 * scale, 14 * scale));
        JFreeChart chart = new JFreeChart(null, titleFont, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8 * scale, 8 * scale, 8 * scale, 8 * scale));
        if (!figure.caption().isEmpty()) {
            TextTitle title = new TextTitle(clean(figure.caption()), titleFont);
            title.setPaint(TEXT);
            title.setMaximumLinesToDisplay(Integer.MAX_VALUE);
            chart.setTitle(title);
        }
        for (String moved : movedLabels) {
            TextTitle sub = new TextTitle(moved, labelFont);
            sub.setPaint(MUTED);
            sub.setPosition(RectangleEdge.TOP);
            sub.setHorizontalAlignment(HorizontalAlignment.CENTER);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(legendFont);
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            if (figure.series().stream().allMatch(s -> s.label().isEmpty())) {
                chart.removeLegend();
            }
        }
        return chart;
    }

    // ---------------------------------------------------------------- x-y plots (lines and scatter)

    private XYPlot xyPlot() {
        ValueAxis x = valueAxis("x", figure.xLabel(), figure.logX(), false, width - 140 * scale);
        ValueAxis y = valueAxis("y", figure.yLabel(), figure.logY(), false, height - 170 * scale);
        XYPlot plot = new XYPlot(null, x, y, null);
        styleGrid(plot);
        int dataset = 0;
        for (int s = 0; s < figure.series().size(); s++) {
            Series series = figure.series().get(s);
            Color colour = PALETTE[s % PALETTE.length];
            List<List<Integer>> segments = segments(series);
            double[] sx = series.x();
            double[] sy = series.y();
            if (segments.isEmpty()) {
                continue;
            }
            boolean dense = series.size() > DENSE;
            boolean line = figure.kind() == Figure.Kind.LINE;
            String key = legendKey(series, s);
            if (series.hasErrors() && dense) {
                // A band cannot span a gap, so each unbroken run is its own series sharing colour and legend entry.
                YIntervalSeriesCollection runs = new YIntervalSeriesCollection();
                DeviationRenderer r = new DeviationRenderer(line, !line);
                for (int k = 0; k < segments.size(); k++) {
                    YIntervalSeries run = new YIntervalSeries(k == 0 ? key : key + " #" + k, false, true);
                    for (int i : segments.get(k)) {
                        addInterval(run, series, i);
                    }
                    runs.addSeries(run);
                    style(r, k, colour);
                    r.setSeriesFillPaint(k, colour);
                    r.setSeriesVisibleInLegend(k, k == 0 && !series.label().isEmpty());
                }
                r.setAlpha(0.2f);
                plot.setDataset(dataset, runs);
                plot.setRenderer(dataset++, r);
            } else if (series.hasErrors()) {
                YIntervalSeriesCollection c = new YIntervalSeriesCollection();
                YIntervalSeries points = new YIntervalSeries(key, false, true);
                for (List<Integer> seg : segments) {
                    if (!points.isEmpty()) {
                        // A point without a value between two runs, so the line breaks there.
                        points.add(sx[seg.get(0)], Double.NaN, Double.NaN, Double.NaN);
                    }
                    for (int i : seg) {
                        addInterval(points, series, i);
                    }
                }
                c.addSeries(points);
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDefaultLinesVisible(line);
                r.setDefaultShapesVisible(true);
                r.setDrawXError(false);
                r.setDrawYError(true);
                r.setCapLength(6 * scale);
                r.setErrorStroke(new BasicStroke((float) (1.2 * scale)));
                style(r, 0, colour);
                r.setSeriesVisibleInLegend(0, !series.label().isEmpty());
                plot.setDataset(dataset, c);
                plot.setRenderer(dataset++, r);
            } else {
                XYSeriesCollection c = new XYSeriesCollection();
                XYSeries points = new XYSeries(key, false, true);
                for (List<Integer> seg : segments) {
                    if (!points.isEmpty()) {
                        points.add(sx[seg.get(0)], Double.NaN);
                    }
                    for (int i : seg) {
                        points.add(sx[i], sy[i]);
                    }
                }
                c.addSeries(points);
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(line, !line || !dense);
                style(r, 0, colour);
                r.setSeriesVisibleInLegend(0, !series.label().isEmpty());
                plot.setDataset(dataset, c);
                plot.setRenderer(dataset++, r);
            }
        }
        return plot;
    }

    /**
     * The runs of consecutive drawable points, as lists of indices. A point whose x cannot be shown is left out; one
     * whose y cannot be shown ends the run, so lines break there.
     */
    private List<List<Integer>> segments(Series s) {
        double[] x = s.x();
        double[] y = s.y();
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!valid(x[i], figure.logX())) {
                continue;
            }
            if (valid(y[i], figure.logY())) {
                run.add(i);
            } else if (!run.isEmpty()) {
                out.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    private void addInterval(YIntervalSeries target, Series s, int i) {
        double x = s.x()[i];
        double y = s.y()[i];
        if (!valid(x, figure.logX()) || !valid(y, figure.logY())) {
            return;
        }
        double e = Math.abs(s.yError()[i]);
        if (!Double.isFinite(e) || e > 1e300) {
            e = 0;
        }
        double lo = y - e;
        double hi = y + e;
        if (figure.logY() && !(lo > 0)) {
            lo = y / 10;
        }
        target.add(x, y, lo, hi);
    }

    private static boolean valid(double v, boolean log) {
        return Double.isFinite(v) && Math.abs(v) <= 1e300 && (!log || v > 0);
    }

    private void style(XYLineAndShapeRenderer r, int series, Color colour) {
        r.setSeriesPaint(series, colour);
        r.setSeriesStroke(series, new BasicStroke((float) (2 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double d = 7 * scale;
        r.setSeriesShape(series, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        r.setDrawSeriesLineAsPath(true);
    }

    private void styleGrid(XYPlot plot) {
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    // ---------------------------------------------------------------- bar charts

    /** A category key: the position keeps equal labels apart, the label is what the axis prints. */
    private record Key(int index, String label) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private CategoryPlot categoryPlot() {
        // Categories: the figure's labels, or else the distinct x values in order.
        Map<Double, Key> columns = new LinkedHashMap<>();
        List<String> cats = figure.categories();
        if (!cats.isEmpty()) {
            for (int i = 0; i < cats.size(); i++) {
                columns.put((double) i, new Key(i, clean(cats.get(i))));
            }
        } else {
            TreeSet<Double> xs = new TreeSet<>();
            for (Series s : figure.series()) {
                for (double v : s.x()) {
                    if (valid(v, figure.logX())) {
                        xs.add(v);
                    }
                }
            }
            int i = 0;
            for (double v : xs) {
                columns.put(v, new Key(i++, Format.number(v)));
            }
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        int row = 0;
        boolean any = false;
        double logLo = Double.POSITIVE_INFINITY;
        double logHi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < figure.series().size(); s++) {
            Series series = figure.series().get(s);
            Key rowKey = new Key(s, legendKey(series, s));
            boolean added = false;
            for (int i = 0; i < series.size(); i++) {
                Key col = columns.get(series.x()[i]);
                double y = series.y()[i];
                if (col == null || !valid(y, figure.logY())) {
                    continue;
                }
                double e = series.hasErrors() ? Math.abs(series.yError()[i]) : Double.NaN;
                Number err = Double.isFinite(e) && e <= 1e300 ? (Number) e : null;
                if (figure.logY() && err != null && !(y - e > 0)) {
                    // The library draws symmetric error bars only; one reaching 0 has no place on a log axis.
                    err = null;
                }
                data.add(y, err, rowKey, col);
                logLo = Math.min(logLo, err != null ? y - e : y);
                logHi = Math.max(logHi, err != null ? y + e : y);
                added = true;
            }
            if (added) {
                r.setSeriesPaint(row, PALETTE[s % PALETTE.length]);
                r.setSeriesVisibleInLegend(row, !series.label().isEmpty());
                row++;
                any = true;
            }
        }
        if (!any) {
            data = new DefaultStatisticalCategoryDataset();
        }
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.04);
        r.setErrorIndicatorPaint(new Color(0x333333));
        r.setErrorIndicatorStroke(new BasicStroke((float) (1.2 * scale)));
        CategoryAxis x = new CategoryAxis(figure.xLabel().isEmpty() ? null : clean(figure.xLabel()));
        x.setLabelFont(labelFont);
        x.setLabelPaint(TEXT);
        x.setTickLabelFont(tickFont);
        x.setTickLabelPaint(TEXT);
        x.setCategoryMargin(0.2);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.02);
        placeCategoryLabels(x, new ArrayList<>(columns.values()));
        ValueAxis y = valueAxis("y", figure.yLabel(), figure.logY(), true, height - 230 * scale);
        if (figure.logY() && any) {
            // Bars start at the bottom of a log axis, not at 0; the axis spans the data, not everything down to the
            // smallest double the library would otherwise include.
            r.setIncludeBaseInRange(false);
            double lo = logLo < logHi ? logLo / 2 : logLo / 10;
            double hi = logLo < logHi ? logHi * 2 : logHi * 10;
            y.setRange(lo, hi);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /**
     * Wraps the category labels under their bar groups when every word fits the width of a group and no label needs
     * more than three lines; otherwise turns them by 45 degrees and gives them room to be drawn whole.
     */
    private void placeCategoryLabels(CategoryAxis axis, List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        double plotWidth = width - 110 * scale;
        double groupWidth = plotWidth * 0.8 / keys.size();
        boolean wrap = true;
        for (Key k : keys) {
            double total = textWidth(k.label(), tickFont);
            double longestWord = 0;
            for (String word : k.label().split("\\s+")) {
                longestWord = Math.max(longestWord, textWidth(word, tickFont));
            }
            wrap &= longestWord <= groupWidth * 0.95 && total <= groupWidth * 0.95 * 2.6;
        }
        if (wrap) {
            axis.setMaximumCategoryLabelLines(3);
            axis.setMaximumCategoryLabelWidthRatio(1.0f);
            return;
        }
        // The label's width limit is a fraction of the plot height; give every label its whole width plus a margin.
        double longest = keys.stream()
                .mapToDouble(k -> textWidth(k.label(), tickFont))
                .max()
                .orElse(0);
        float ratio = (float) Math.max(0.5, (longest + 20 * scale) / Math.max(50, height * 0.45));
        CategoryLabelPosition up = CategoryLabelPositions.UP_45.getLabelPosition(RectangleEdge.BOTTOM);
        CategoryLabelPosition bottom = new CategoryLabelPosition(
                up.getCategoryAnchor(),
                up.getLabelAnchor(),
                up.getRotationAnchor(),
                up.getAngle(),
                CategoryLabelWidthType.RANGE,
                ratio);
        axis.setCategoryLabelPositions(
                CategoryLabelPositions.replaceBottomPosition(CategoryLabelPositions.UP_45, bottom));
        axis.setMaximumCategoryLabelLines(1);
    }

    // ---------------------------------------------------------------- axes and text

    private ValueAxis valueAxis(String which, String label, boolean log, boolean anchorZero, double room) {
        String text = label.isEmpty() ? null : clean(label);
        Font font = labelFont;
        if (text != null) {
            room = Math.max(60, room);
            float size = labelFont.getSize2D();
            while (textWidth(text, font) > room && size > MIN_LABEL_POINTS * scale) {
                size -= 0.5f;
                font = labelFont.deriveFont(size);
            }
            if (textWidth(text, font) > room) {
                movedLabels.add(which + " axis: " + text);
                text = null;
                font = labelFont;
            }
        }
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(text);
            // The default floor is 1e-100; round-off errors of 1e-17 and below must still be drawn.
            a.setSmallestValue(Double.MIN_NORMAL);
            a.setMinorTickMarksVisible(true);
            a.setMinorTickCount(9);
            a.setAutoRangeMinimumSize(1e-300);
            double[] span = span(which.equals("x"));
            if (span[1] >= span[0] && span[1] / span[0] < 1.01) {
                // One value (or nearly): the library cannot fit a log axis around it, so give it a decade each side.
                a.setRange(span[0] / 10, span[1] * 10);
            }
            if (decades(which.equals("x")) >= 2) {
                // Whole powers of ten only: labels such as 10^0.6 help nobody.
                a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            } else {
                // Within a decade or two the ticks fall between powers of ten; print them as plain numbers.
                a.setNumberFormatOverride(new PlainNumbers());
            }
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(text);
            a.setAutoRangeIncludesZero(anchorZero);
            a.setAutoRangeStickyZero(anchorZero);
            axis = a;
        }
        axis.setLabelFont(font);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(tickFont);
        axis.setTickLabelPaint(TEXT);
        axis.setUpperMargin(0.06);
        axis.setLowerMargin(anchorZero && !log ? 0 : 0.06);
        return axis;
    }

    /** How many decades the drawable values on an axis span (0 when there are none). */
    private double decades(boolean xAxis) {
        double[] span = span(xAxis);
        return span[1] >= span[0] ? Math.log10(span[1] / span[0]) : 0;
    }

    /** The smallest and largest positive finite values on an axis; {@code lo > hi} when there are none. */
    private double[] span(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : figure.series()) {
            double[] v = xAxis ? s.x() : s.y();
            for (double d : v) {
                if (valid(d, true)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Tick labels in the report's number style ({@link Format#number}). */
    private static final class PlainNumbers extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(Format.number(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }

    private static double textWidth(String s, Font font) {
        Rectangle2D r = font.getStringBounds(s, FRC);
        return r.getWidth();
    }

    private static String legendKey(Series s, int index) {
        return s.label().isEmpty() ? "series " + (index + 1) : clean(s.label());
    }

    /** Drops characters XML cannot carry (control characters, lone surrogates), so the SVG stays well formed. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t') || c == 0xFFFE || c == 0xFFFF) {
                continue;
            }
            out.append(c == '\t' ? ' ' : c);
        }
        return out.toString();
    }

    static Paint palette(int i) {
        return PALETTE[i % PALETTE.length];
    }
}
