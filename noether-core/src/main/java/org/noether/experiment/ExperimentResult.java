package org.noether.experiment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one experiment run produced: prose, tables, figures and named metrics, or the reason it failed.
 *
 * <pre>{@code
 * return ExperimentResult.builder(this)
 *         .summary("Averaging over C8 reduces the equivariance error from 0.4 to 1e-15.")
 *         .table(table)
 *         .figure(figure)
 *         .metric("error.before", 0.41)
 *         .metric("error.after", 1.2e-15)
 *         .build();
 * }</pre>
 *
 * @param name    the {@link Experiment#name()} that produced it
 * @param title   the experiment title
 * @param summary a few sentences of interpretation, may be empty; blank lines separate paragraphs
 * @param tables  tables with distinct names
 * @param figures figures with distinct names
 * @param claims  the claims of papers this run checked, each with its verdict computed from the run
 * @param metrics named values for {@code metrics.json}, in insertion order; values are {@code null}, {@link Number},
 *                {@link String}, {@link Boolean}, primitive numeric arrays, or {@link List}s and {@link Map}s of those
 * @param elapsed wall-clock time of the run; {@link Duration#ZERO} until the runner stamps it
 * @param failure why the run failed, or {@code null} when it succeeded
 */
public record ExperimentResult(
        String name,
        String title,
        String summary,
        List<Table> tables,
        List<Figure> figures,
        List<Claim> claims,
        Map<String, Object> metrics,
        Duration elapsed,
        Failure failure) {

    /**
     * Why an experiment failed.
     *
     * @param message    one line naming the exception and its message
     * @param stackTrace the full stack trace, for the report's details section
     */
    public record Failure(String message, String stackTrace) {

        /** Checks both parts are present. */
        public Failure {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(stackTrace, "stackTrace");
        }

        /** Describes {@code t}: user errors by their message alone, anything else prefixed with its class name. */
        public static Failure of(Throwable t) {
            String msg = t.getMessage();
            String line;
            if (t instanceof NoetherUserException && msg != null) {
                line = msg;
            } else {
                line = t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
            }
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return new Failure(line.strip().replaceAll("\\s*\\R\\s*", " "), trace.toString());
        }
    }

    /** Validates names and metric values and makes unmodifiable copies. */
    public ExperimentResult {
        Objects.requireNonNull(name, "name");
        title = Names.nullToEmpty(title);
        summary = Names.nullToEmpty(summary);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        claims = claims == null ? List.of() : List.copyOf(claims);
        requireDistinct("table", tables.stream().map(Table::name).toList(), name);
        requireDistinct("figure", figures.stream().map(Figure::name).toList(), name);
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("experiment '" + name + "': metric names must be non-empty");
            }
            checkMetricValue(name, e.getKey(), e.getValue());
            m.put(e.getKey(), e.getValue());
        }
        metrics = Collections.unmodifiableMap(m);
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** Starts a result for {@code experiment}, taking its name and title. */
    public static Builder builder(Experiment experiment) {
        return new Builder(experiment.name(), experiment.title());
    }

    /** Starts a result with an explicit name and title. */
    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    /** A result recording that {@code experiment} threw {@code error} after running for {@code elapsed}. */
    public static ExperimentResult failed(Experiment experiment, Throwable error, Duration elapsed) {
        return failed(experiment, Failure.of(error), elapsed);
    }

    /** A result recording that {@code experiment} failed as {@code failure} says, after running for {@code elapsed}. */
    public static ExperimentResult failed(Experiment experiment, Failure failure, Duration elapsed) {
        return new ExperimentResult(
                experiment.name(),
                experiment.title(),
                "",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                elapsed,
                Objects.requireNonNull(failure, "failure"));
    }

    /** Whether the run completed without throwing. */
    public boolean succeeded() {
        return failure == null;
    }

    /** This result with {@link #elapsed()} replaced. */
    public ExperimentResult withElapsed(Duration newElapsed) {
        return new ExperimentResult(name, title, summary, tables, figures, claims, metrics, newElapsed, failure);
    }

    private static void requireDistinct(String what, List<String> names, String experiment) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("experiment '" + experiment + "' has two " + what + "s named '" + n
                        + "'; " + what + " names must be distinct because they become file names");
            }
        }
    }

    private static void checkMetricValue(String experiment, String key, Object v) {
        if (v == null
                || v instanceof Number
                || v instanceof String
                || v instanceof Boolean
                || v instanceof double[]
                || v instanceof float[]
                || v instanceof int[]
                || v instanceof long[]) {
            return;
        }
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                checkMetricValue(experiment, key, o);
            }
            return;
        }
        if (v instanceof Map<?, ?> mp) {
            for (Map.Entry<?, ?> e : mp.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("experiment '" + experiment + "': metric '" + key
                            + "' contains a map with a non-string key " + e.getKey());
                }
                checkMetricValue(experiment, key, e.getValue());
            }
            return;
        }
        throw new IllegalArgumentException("experiment '" + experiment + "': metric '" + key + "' holds a "
                + v.getClass().getName() + "; use Number, String, Boolean, a primitive numeric array, List or Map");
    }

    /** Collects the parts of an {@link ExperimentResult}. */
    public static final class Builder {
        private final String name;
        private final String title;
        private String summary = "";
        private final List<Table> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Claim> claims = new ArrayList<>();
        private final Map<String, Object> metrics = new LinkedHashMap<>();

        private Builder(String name, String title) {
            this.name = Objects.requireNonNull(name, "name");
            this.title = title;
        }

        /** Sets the interpretation shown under the title; blank lines separate paragraphs. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder table(Table table) {
            tables.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        public Builder figure(Figure figure) {
            figures.add(Objects.requireNonNull(figure, "figure"));
            return this;
        }

        /** Records a claim checked by this run. */
        public Builder claim(Claim claim) {
            claims.add(Objects.requireNonNull(claim, "claim"));
            return this;
        }

        /** Records several claims checked by this run. */
        public Builder claims(java.util.Collection<Claim> more) {
            more.forEach(this::claim);
            return this;
        }

        /** Records a metric; a later value under the same name replaces the earlier one. */
        public Builder metric(String key, Object value) {
            metrics.put(key, value);
            return this;
        }

        public Builder metrics(Map<String, ?> values) {
            metrics.putAll(values);
            return this;
        }

        public ExperimentResult build() {
            return new ExperimentResult(name, title, summary, tables, figures, claims, metrics, Duration.ZERO, null);
        }
    }
}
