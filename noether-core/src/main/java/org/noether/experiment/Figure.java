package org.noether.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A plot described as data; the report module renders it to PNG and SVG.
 *
 * <pre>{@code
 * Figure f = Figure.builder("error-vs-order", Figure.Kind.LINE)
 *         .caption("Equivariance error against group order")
 *         .xLabel("group order n").yLabel("relative error").logY()
 *         .series(Series.of("averaged", orders, errors))
 *         .build();
 * Figure bars = Figure.builder("accuracy", Figure.Kind.BAR)
 *         .categories("MLP", "C4-CNN").series(Series.ofY("test", 0.81, 0.93)).build();
 * }</pre>
 *
 * @param name       identifier within its experiment, used in file names (letters, digits, '.', '_', '-')
 * @param caption    one sentence shown as the figure title
 * @param xLabel     x axis label, may be empty
 * @param yLabel     y axis label, may be empty
 * @param logX       logarithmic x axis; points with x &lt;= 0 are then skipped
 * @param logY       logarithmic y axis; points with y &lt;= 0 are then skipped
 * @param kind       how the series are drawn
 * @param series     the data, drawn in order
 * @param categories when non-empty, x values are indices into this list and the x ticks show these labels
 */
public record Figure(
        String name,
        String caption,
        String xLabel,
        String yLabel,
        boolean logX,
        boolean logY,
        Kind kind,
        List<Series> series,
        List<String> categories) {

    /** How series are drawn. */
    public enum Kind {
        /** Points joined by lines (broken at missing values); error bars or bands when present. */
        LINE,
        /** Unjoined markers. */
        SCATTER,
        /** Bars from zero (or the bottom of a log axis); several series are drawn side by side. */
        BAR
    }

    /** Validates the name and copies the lists. */
    public Figure {
        Names.requirePart("figure", name);
        caption = Names.nullToEmpty(caption);
        xLabel = Names.nullToEmpty(xLabel);
        yLabel = Names.nullToEmpty(yLabel);
        Objects.requireNonNull(kind, "kind");
        series = List.copyOf(series);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The same figure without categories, matching the shape most plots need. */
    public Figure(
            String name,
            String caption,
            String xLabel,
            String yLabel,
            boolean logX,
            boolean logY,
            Kind kind,
            List<Series> series) {
        this(name, caption, xLabel, yLabel, logX, logY, kind, series, List.of());
    }

    /** Starts a figure; see the class example. */
    public static Builder builder(String name, Kind kind) {
        return new Builder(name, kind);
    }

    /** Collects the parts of a {@link Figure}. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private String caption = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private final List<Series> series = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();

        private Builder(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder caption(String caption) {
            this.caption = caption;
            return this;
        }

        public Builder xLabel(String xLabel) {
            this.xLabel = xLabel;
            return this;
        }

        public Builder yLabel(String yLabel) {
            this.yLabel = yLabel;
            return this;
        }

        public Builder logX() {
            this.logX = true;
            return this;
        }

        public Builder logY() {
            this.logY = true;
            return this;
        }

        /** Names the x positions 0, 1, 2, ...; typical for bar charts. */
        public Builder categories(String... labels) {
            Collections.addAll(categories, labels);
            return this;
        }

        public Builder series(Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        public Builder series(String label, double[] x, double[] y) {
            return series(Series.of(label, x, y));
        }

        public Builder series(String label, double[] x, double[] y, double[] yError) {
            return series(new Series(label, x, y, yError));
        }

        public Figure build() {
            return new Figure(name, caption, xLabel, yLabel, logX, logY, kind, series, categories);
        }
    }
}
