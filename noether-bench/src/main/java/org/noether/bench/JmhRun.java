package org.noether.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH class of the {@link Benchmarks} catalogue through JMH's Runner API (JMH's own progress goes to the
 * progress stream) and writes the result as a Markdown table with a ratio column against the entry's baseline method,
 * per parameter combination. Settings left null keep the class's annotations.
 *
 * <pre>{@code
 * var settings = new JmhRun.Settings(1, 1, 2, 1.0, 1.0, Map.of("problem", List.of("SO3;V*V;V")), List.of());
 * String md = JmhRun.run(Benchmarks.named("basis").orElseThrow(), settings, System.err);
 * }</pre>
 */
public final class JmhRun {
    private JmhRun() {}

    /**
     * @param forks forked JVMs (0: run in this JVM)
     * @param warmupIterations warm-up iterations per fork
     * @param iterations measured iterations per fork
     * @param warmupSeconds seconds per warm-up iteration
     * @param seconds seconds per measured iteration
     * @param params values of {@code @Param} fields, by field name
     * @param methods benchmark methods to run (empty: all)
     */
    public record Settings(
            Integer forks,
            Integer warmupIterations,
            Integer iterations,
            Double warmupSeconds,
            Double seconds,
            Map<String, List<String>> params,
            List<String> methods) {}

    /** Runs the entry's JMH class and returns the Markdown table. */
    public static String run(Benchmarks.Entry entry, Settings s, PrintStream progress) throws Exception {
        if (entry.kind() != Benchmarks.Kind.JMH) throw new IllegalArgumentException(entry.name() + " is not JMH");
        for (String m : s.methods())
            if (!m.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new IllegalArgumentException("--methods takes method names, got '" + m + "'");
        String methods = s.methods().isEmpty() ? "\\w+" : "(" + String.join("|", s.methods()) + ")";
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(entry.jmhClass().getName()) + "\\." + methods + "$")
                .shouldFailOnError(false);
        if (s.forks() != null) o.forks(check("forks", s.forks(), 0));
        if (s.warmupIterations() != null) o.warmupIterations(check("warm-up iterations", s.warmupIterations(), 0));
        if (s.iterations() != null) o.measurementIterations(check("iterations", s.iterations(), 1));
        if (s.warmupSeconds() != null) o.warmupTime(time("warm-up", s.warmupSeconds()));
        if (s.seconds() != null) o.measurementTime(time("measurement", s.seconds()));
        s.params().forEach((k, v) -> o.param(k, v.toArray(String[]::new)));
        Collection<RunResult> results;
        try {
            results =
                    new Runner(o.build(), OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL)).run();
        } catch (RunnerException e) {
            throw new IllegalArgumentException("JMH could not run " + entry.name() + ": " + e.getMessage(), e);
        }
        if (results.isEmpty())
            throw new IllegalArgumentException("no benchmark of " + entry.name() + " matched methods " + s.methods()
                    + " and parameters " + s.params());
        return table(entry, results, progress);
    }

    private static int check(String what, int v, int min) {
        if (v < min) throw new IllegalArgumentException(what + " must be >= " + min + ", got " + v);
        return v;
    }

    private static TimeValue time(String what, double seconds) {
        if (!(seconds > 0) || seconds > 3600)
            throw new IllegalArgumentException(what + " time must be in (0, 3600] seconds, got " + seconds);
        return new TimeValue(Math.max(1, Math.round(seconds * 1000)), TimeUnit.MILLISECONDS);
    }

    /** One measured score. */
    record Score(String method, double score, double error, String unit, Mode mode) {}

    /** The Markdown table: one row per parameter combination and method, with the ratio to the baseline. */
    static String table(Benchmarks.Entry entry, Collection<RunResult> results, PrintStream progress) throws Exception {
        Map<String, Map<String, String>> paramsOf = new LinkedHashMap<>();
        Map<String, List<Score>> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            Map<String, String> values = new LinkedHashMap<>();
            for (String k : p.getParamsKeys()) values.put(k, p.getParam(k));
            String key = values.isEmpty() ? "-" : values.toString().replaceAll("[{}]", "");
            paramsOf.put(key, values);
            Result<?> primary = r.getPrimaryResult();
            String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            rows.computeIfAbsent(key, x -> new ArrayList<>())
                    .add(new Score(
                            method, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), p.getMode()));
        }
        if (entry.external() != null) {
            for (var e : rows.entrySet()) {
                Score any = e.getValue().get(0);
                OptionalDouble ext = entry.external().score(paramsOf.get(e.getKey()), progress);
                if (ext.isPresent())
                    e.getValue()
                            .add(new Score(
                                    entry.externalLabel(), ext.getAsDouble(), Double.NaN, any.unit(), any.mode()));
                else progress.println(entry.externalLabel() + " skipped: python3 with torch not found");
            }
        }
        boolean time = results.iterator().next().getParams().getMode() != Mode.Throughput;
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "%s (%s); baseline: %s; cores: %d, load average at the end of the run: %.1f%n%n",
                entry.name(),
                entry.jmhClass().getSimpleName(),
                entry.baseline(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        String baseline = entry.baselineMethod() != null ? entry.baselineMethod() : entry.externalLabel();
        md.append("| parameters | method | score | error (99.9 %) | unit | ")
                .append(baseline == null ? "" : (time ? "time" : "rate") + " / " + baseline + " |")
                .append('\n');
        md.append(baseline == null ? "|---|---|---:|---:|---|\n" : "|---|---|---:|---:|---|---:|\n");
        for (var e : rows.entrySet()) {
            double base = e.getValue().stream()
                    .filter(x -> x.method().equals(baseline))
                    .mapToDouble(Score::score)
                    .findFirst()
                    .orElse(Double.NaN);
            for (Score x : e.getValue()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s |",
                        e.getKey(),
                        x.method(),
                        number(x.score()),
                        Double.isNaN(x.error()) ? "" : number(x.error()),
                        x.unit()));
                if (baseline != null) md.append(Double.isNaN(base) ? " - |" : " " + ratio(x.score() / base) + "x |");
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** A ratio with two significant digits below 0.1 (0.00076x), two decimals above. */
    static String ratio(double r) {
        if (Double.isNaN(r)) return "NaN";
        if (r >= 0.1) return String.format(Locale.ROOT, "%.2f", r);
        return String.format(Locale.ROOT, "%.2g", r);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
