package org.noether.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Seeds;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;
import org.noether.experiment.Verdict;

/**
 * Combines one experiment's results over several seeds ({@code reproduce --seeds}) into one result for the report.
 *
 * <p><b>Metrics.</b> Every numeric scalar metric (a number or boolean, also inside maps, named {@code outer.inner})
 * is aggregated over the seeds that produced a finite value: mean with its 95 % percentile-bootstrap interval
 * ({@link Stats#meanInterval}, seeded, so the same runs give the same interval). Lists, arrays and text are not
 * aggregated; they stay in each seed's own result.
 *
 * <p><b>Claims.</b> A claim is matched across seeds by paper and statement. It reports in how many seeds it held,
 * and its verdict is judged again on the aggregate:
 * <ul>
 * <li>a claim judged by "interval above / below t" ({@code Claim.Builder.above/below/positive}): held iff the 95 %
 *     interval of the per-seed estimates lies above / below t;</li>
 * <li>a claim judged by "largest value at most t" ({@code atMost}): held iff the largest value over all seeds is at
 *     most t;</li>
 * <li>any other rule ({@code judged(...)}, which the aggregate cannot re-apply): held iff it held in every seed;</li>
 * <li>not comparable in every seed: not comparable.</li>
 * </ul>
 * A seed whose run failed, or that did not report the claim, counts as a seed where the claim did not hold. The
 * threshold t is the claim's own {@link Claim.Rule}, exactly as the experiment set it.
 */
final class Aggregation {

    /** The table of per-seed metric values and their aggregate. */
    static final String METRICS_TABLE = "seeds-metrics";
    /** The table of claims with k of n and the aggregate verdict. */
    static final String CLAIMS_TABLE = "seeds-claims";

    private Aggregation() {}

    /** How a claim's verdict was decided, as far as it can be re-applied to an aggregate. */
    record Rule(Kind kind, double threshold) {
        enum Kind {
            ABOVE,
            BELOW,
            AT_MOST,
            OTHER
        }

        static final Rule OTHER = new Rule(Kind.OTHER, Double.NaN);
    }

    /** The rule behind {@code c}'s verdict, as far as an aggregate can apply it again. */
    static Rule ruleOf(Claim c) {
        if (c.interval() == null || c.verdict() == Verdict.NOT_COMPARABLE) {
            return Rule.OTHER;
        }
        return switch (c.rule().kind()) {
            case ABOVE -> new Rule(Rule.Kind.ABOVE, c.rule().threshold());
            case BELOW -> new Rule(Rule.Kind.BELOW, c.rule().threshold());
            case AT_MOST -> new Rule(Rule.Kind.AT_MOST, c.rule().threshold());
            default -> Rule.OTHER;
        };
    }

    /**
     * One result standing for {@code perSeed} (results of {@code experiment} with {@code seeds}, same order).
     * It fails only when every seed failed.
     */
    static ExperimentResult combine(Experiment experiment, List<Long> seeds, List<ExperimentResult> perSeed) {
        if (seeds.size() != perSeed.size() || seeds.isEmpty()) {
            throw new IllegalArgumentException(
                    "need one result per seed, got " + perSeed.size() + " for " + seeds.size());
        }
        String name = experiment.name();
        long statsSeed = Seeds.derive(seeds.get(0), "aggregate " + name);
        List<String> failures = new ArrayList<>();
        ExperimentResult first = null;
        long firstSeed = 0;
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < seeds.size(); i++) {
            ExperimentResult r = perSeed.get(i);
            elapsed = elapsed.plus(r.elapsed());
            if (r.succeeded()) {
                if (first == null) {
                    first = r;
                    firstSeed = seeds.get(i);
                }
            } else {
                failures.add("seed " + seeds.get(i) + " (" + r.failure().message() + ")");
            }
        }
        if (first == null) {
            ExperimentResult.Failure f = perSeed.get(0).failure();
            return new ExperimentResult(
                    name,
                    experiment.title(),
                    "",
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of(),
                    elapsed,
                    new ExperimentResult.Failure(
                            "all " + seeds.size() + " seeds failed; seed " + seeds.get(0) + ": " + f.message(),
                            f.stackTrace()));
        }

        ExperimentResult.Builder b = ExperimentResult.builder(name, experiment.title());
        Map<String, double[]> values = metricValues(perSeed);
        Table.Builder mt = Table.builder(
                METRICS_TABLE, "Each metric per seed, with the mean over seeds and its 95 % " + "bootstrap interval");
        List<String> columns = new ArrayList<>(List.of("metric", "mean", "lower", "upper", "n"));
        seeds.forEach(s -> columns.add("seed " + s));
        mt.columns(columns.toArray(String[]::new));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("seeds", seeds.stream().mapToLong(Long::longValue).toArray());
        metrics.put("seeds_succeeded", seeds.size() - failures.size());
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] finite = java.util.Arrays.stream(e.getValue())
                    .filter(Double::isFinite)
                    .toArray();
            Interval iv = Stats.meanInterval(finite, Seeds.derive(statsSeed, e.getKey()));
            List<Object> row = new ArrayList<>(List.of(iv.estimate(), iv.lower(), iv.upper(), iv.n()));
            row.add(0, e.getKey());
            for (double v : e.getValue()) {
                row.add(Double.isNaN(v) ? null : v);
            }
            mt.row(row.toArray());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", iv.estimate());
            m.put("lower", iv.lower());
            m.put("upper", iv.upper());
            m.put("n", iv.n());
            m.put("per_seed", e.getValue().clone());
            metrics.put(e.getKey(), m);
        }
        b.metrics(metrics);

        List<Claim> claims = claims(seeds, perSeed, statsSeed);
        Table.Builder ct = Table.builder(
                        CLAIMS_TABLE,
                        "Each claim: in how many seeds it held, and its verdict judged "
                                + "on the aggregate over seeds")
                .columns("paper", "claim", "held in", "aggregate", "verdict", "rule");
        for (Claim c : claims) {
            ct.row(
                    c.paper().shortName(),
                    c.statement(),
                    heldIn(c, seeds, perSeed),
                    c.ours(),
                    c.verdict().label(),
                    c.detail());
        }
        b.claims(claims);

        StringBuilder summary = new StringBuilder();
        summary.append(String.format(
                Locale.ROOT,
                "Aggregated over %d seeds (%s): %d ran to the end%s. Metrics are "
                        + "means over seeds with 95 %% bootstrap intervals; each claim is judged again on the aggregate "
                        + "(table %s). Each seed's own result is in the folder %s/seed-N.",
                seeds.size(),
                seedList(seeds),
                seeds.size() - failures.size(),
                failures.isEmpty() ? "" : "; failed: " + String.join(", ", failures),
                CLAIMS_TABLE,
                name));
        if (!first.summary().isBlank()) {
            summary.append("\n\nSeed ").append(firstSeed).append(": ").append(first.summary());
        }
        b.summary(summary.toString());
        b.table(ct.build());
        b.table(mt.build());
        // The first successful seed's own tables and figures, so the report still shows the experiment's pictures.
        for (Table t : first.tables()) {
            if (!t.name().equals(METRICS_TABLE) && !t.name().equals(CLAIMS_TABLE)) {
                b.table(new Table(t.name(), "Seed " + firstSeed + ": " + t.caption(), t.columns(), t.rows()));
            }
        }
        for (Figure f : first.figures()) {
            b.figure(new Figure(
                    f.name(),
                    "Seed " + firstSeed + ": " + f.caption(),
                    f.xLabel(),
                    f.yLabel(),
                    f.logX(),
                    f.logY(),
                    f.kind(),
                    f.series(),
                    f.categories()));
        }
        return b.build().withElapsed(elapsed);
    }

    private static String seedList(List<Long> seeds) {
        List<String> s = seeds.stream().map(String::valueOf).toList();
        return String.join(", ", s);
    }

    private static String heldIn(Claim aggregate, List<Long> seeds, List<ExperimentResult> perSeed) {
        int held = 0;
        for (ExperimentResult r : perSeed) {
            Claim c = find(r, aggregate.paper(), aggregate.statement());
            held += c != null && c.held() ? 1 : 0;
        }
        return held + " of " + seeds.size();
    }

    private static Claim find(ExperimentResult r, Paper paper, String statement) {
        if (!r.succeeded()) {
            return null;
        }
        for (Claim c : r.claims()) {
            if (c.paper() == paper && c.statement().equals(statement)) {
                return c;
            }
        }
        return null;
    }

    /** The aggregate claims, in the order they first appear. */
    static List<Claim> claims(List<Long> seeds, List<ExperimentResult> perSeed, long statsSeed) {
        Map<String, Claim> firstByKey = new LinkedHashMap<>();
        for (ExperimentResult r : perSeed) {
            if (r.succeeded()) {
                for (Claim c : r.claims()) {
                    firstByKey.putIfAbsent(c.paper().name() + "\u0000" + c.statement(), c);
                }
            }
        }
        List<Claim> out = new ArrayList<>();
        for (Claim proto : firstByKey.values()) {
            List<Claim> found = new ArrayList<>();
            for (ExperimentResult r : perSeed) {
                found.add(find(r, proto.paper(), proto.statement()));
            }
            out.add(aggregateClaim(proto, found, seeds.size(), Seeds.derive(statsSeed, proto.statement())));
        }
        return out;
    }

    /** One claim over seeds; {@code found} has one entry per seed, {@code null} where the seed has no such claim. */
    static Claim aggregateClaim(Claim proto, List<Claim> found, int n, long seed) {
        int held = 0;
        int comparable = 0;
        int missing = 0;
        List<Double> estimates = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        boolean allNumeric = true;
        for (Claim c : found) {
            if (c == null) {
                missing++;
                continue;
            }
            if (c.held()) {
                held++;
            }
            if (c.verdict() != Verdict.NOT_COMPARABLE) {
                comparable++;
            }
            Interval i = c.interval();
            if (i != null && Double.isFinite(i.estimate())) {
                estimates.add(i.estimate());
                worst = Math.max(worst, i.upper());
                lowest = Math.min(lowest, i.lower());
            } else {
                allNumeric = false;
            }
        }
        String counts = "held in " + held + " of " + n + " seeds"
                + (missing > 0 ? " (" + missing + " without it: run failed or claim not reported)" : "");
        if (comparable == 0) {
            return new Claim(
                    proto.paper(),
                    proto.statement(),
                    proto.paperFigure(),
                    counts,
                    null,
                    Verdict.NOT_COMPARABLE,
                    "not comparable in any seed: " + proto.detail());
        }
        Interval agg = null;
        if (!estimates.isEmpty()) {
            double[] e = estimates.stream().mapToDouble(Double::doubleValue).toArray();
            agg = Stats.meanInterval(e, seed);
        }
        Rule rule = allNumeric && missing == 0 ? ruleOf(proto) : Rule.OTHER;
        Verdict verdict;
        String detail;
        Interval shown = agg;
        switch (rule.kind()) {
            case ABOVE, BELOW -> {
                boolean ok = rule.kind() == Rule.Kind.ABOVE ? agg.above(rule.threshold()) : agg.below(rule.threshold());
                verdict = Verdict.of(ok);
                detail = String.format(
                        Locale.ROOT,
                        "%s; on the aggregate: held iff the 95 %% interval of the mean "
                                + "over seeds lies %s %s; it is %s",
                        counts,
                        rule.kind() == Rule.Kind.ABOVE ? "above" : "below",
                        num(rule.threshold()),
                        agg.format(3));
            }
            case AT_MOST -> {
                verdict = Verdict.of(worst <= rule.threshold());
                shown = new Interval(
                        agg.estimate(),
                        Math.min(lowest, agg.estimate()),
                        Math.max(worst, agg.estimate()),
                        agg.level(),
                        agg.n());
                detail = String.format(
                        Locale.ROOT,
                        "%s; on the aggregate: held iff the largest value over all seeds, " + "%s, is at most %s",
                        counts,
                        num(worst),
                        num(rule.threshold()));
            }
            default -> {
                verdict = Verdict.of(held == n);
                detail = counts + "; its rule cannot be re-applied to an aggregate, so it holds iff it held in every "
                        + "seed (seed rule: " + proto.detail() + ")";
            }
        }
        String ours = (shown == null ? "" : shown.format(3) + ", mean over " + shown.n() + " seeds; ") + counts;
        return new Claim(proto.paper(), proto.statement(), proto.paperFigure(), ours, shown, verdict, detail);
    }

    /** Numeric scalar metrics by flattened name, one value per seed (NaN where a seed lacks it or failed). */
    static Map<String, double[]> metricValues(List<ExperimentResult> perSeed) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < perSeed.size(); i++) {
            ExperimentResult r = perSeed.get(i);
            if (!r.succeeded()) {
                continue;
            }
            Map<String, Double> flat = new LinkedHashMap<>();
            flatten("", r.metrics(), flat);
            for (Map.Entry<String, Double> e : flat.entrySet()) {
                double[] v = out.computeIfAbsent(e.getKey(), k -> {
                    double[] a = new double[perSeed.size()];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                v[i] = e.getValue();
            }
        }
        return out;
    }

    /** The numeric scalar leaves of a metric map, named {@code outer.inner}; booleans as 1 and 0. */
    static void flatten(String prefix, Map<?, ?> map, Map<String, Double> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Number num) {
                out.put(key, num.doubleValue());
            } else if (v instanceof Boolean bool) {
                out.put(key, bool ? 1.0 : 0.0);
            } else if (v instanceof Map<?, ?> inner) {
                flatten(key + ".", inner, out);
            }
        }
    }

    private static String num(double v) {
        return (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4) || v == 0
                ? String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "")
                : String.format(Locale.ROOT, "%.2e", v);
    }
}
