package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;
import org.noether.experiment.Verdict;

class AggregationTest {

    @TempDir
    Path tmp;

    private static Interval iv(double estimate, double lo, double hi) {
        return new Interval(estimate, lo, hi, 0.95, 5);
    }

    /** Every builder form carries a rule the aggregate can apply again. */
    @Test
    void theRuleIsRecoveredFromEveryBuilderForm() {
        Interval i = iv(0.3, 0.1, 0.5);
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.ABOVE, 0),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").positive()));
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.ABOVE, 0.25),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").above(0.25)));
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.BELOW, -1.5),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").below(-1.5)));
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.AT_MOST, 1e-9),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").atMost(1e-9)));
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.BELOW, 2.5e6),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").below(2.5e6)));
        // The threshold is carried exactly, not read back from the rule's text.
        assertEquals(
                new Aggregation.Rule(Aggregation.Rule.Kind.BELOW, 0.123456),
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").below(0.123456)));
        assertEquals(
                Aggregation.Rule.OTHER,
                Aggregation.ruleOf(
                        Claim.about(Paper.NOETHER, "s").measured(i, "u").judged(true, "mine")));
        assertEquals(
                Aggregation.Rule.OTHER,
                Aggregation.ruleOf(Claim.about(Paper.NOETHER, "s").notComparable("no")));
    }

    private static Claim above(double estimate, double lo, double hi) {
        return Claim.about(Paper.NOETHER, "beats")
                .measured(iv(estimate, lo, hi), "")
                .positive();
    }

    @Test
    void anAboveClaimIsJudgedOnTheMeanOverSeedsAndCanFailThoughMostSeedsHeld() {
        // Four seeds clearly above 0 and one far below: held in 4 of 5, but the mean's interval reaches below 0.
        List<Claim> mixed = List.of(
                above(1, 0.5, 1.5), above(1, 0.5, 1.5), above(1, 0.5, 1.5), above(1, 0.5, 1.5), above(-10, -11, -9));
        Claim agg = Aggregation.aggregateClaim(mixed.get(0), mixed, 5, 1);
        assertEquals(Verdict.FAILED, agg.verdict(), agg.detail());
        assertTrue(agg.detail().startsWith("held in 4 of 5 seeds"), agg.detail());
        Interval expected = Stats.meanInterval(new double[] {1, 1, 1, 1, -10}, 1);
        assertEquals(expected, agg.interval());

        // Every seed positive (even one whose own interval reached 0): the mean over seeds lies above 0.
        List<Claim> good = List.of(above(1, 0.5, 1.5), above(0.8, -0.1, 1.7), above(1.2, 1, 1.4));
        Claim ok = Aggregation.aggregateClaim(good.get(0), good, 3, 1);
        assertEquals(Verdict.HELD, ok.verdict(), ok.detail());
        assertTrue(ok.detail().startsWith("held in 2 of 3 seeds"), ok.detail());
        assertTrue(ok.ours().contains("mean over 3 seeds"), ok.ours());
    }

    @Test
    void anAtMostClaimTakesTheWorstValueOverAllSeeds() {
        List<Claim> seeds = new ArrayList<>();
        for (double worst : new double[] {1e-12, 2e-12, 5e-9}) {
            seeds.add(Claim.about(Paper.NOETHER, "exact")
                    .measured(iv(worst / 2, 0, worst), "")
                    .atMost(1e-10));
        }
        Claim agg = Aggregation.aggregateClaim(seeds.get(0), seeds, 3, 1);
        assertEquals(Verdict.FAILED, agg.verdict(), agg.detail());
        assertEquals(5e-9, agg.interval().upper());
        Claim fine = Aggregation.aggregateClaim(seeds.get(0), seeds.subList(0, 2), 2, 1);
        assertEquals(Verdict.HELD, fine.verdict(), fine.detail());
    }

    @Test
    void otherRulesHoldOnlyWhenEverySeedHeldAndMissingSeedsCount() {
        Claim yes = Claim.about(Paper.NOETHER, "j").judged(true, "r");
        Claim no = Claim.about(Paper.NOETHER, "j").judged(false, "r");
        assertEquals(
                Verdict.HELD,
                Aggregation.aggregateClaim(yes, List.of(yes, yes), 2, 1).verdict());
        assertEquals(
                Verdict.FAILED,
                Aggregation.aggregateClaim(yes, List.of(yes, no), 2, 1).verdict());
        List<Claim> withMissing = Arrays.asList(yes, null);
        Claim agg = Aggregation.aggregateClaim(yes, withMissing, 2, 1);
        assertEquals(Verdict.FAILED, agg.verdict());
        assertTrue(agg.detail().contains("1 without it"), agg.detail());
        // A numeric claim missing in a seed is not judged on the remaining seeds' mean alone.
        List<Claim> partial = Arrays.asList(above(1, 0.5, 1.5), null);
        assertEquals(
                Verdict.FAILED,
                Aggregation.aggregateClaim(partial.get(0), partial, 2, 1).verdict());
        Claim nc = Claim.about(Paper.NOETHER, "n").notComparable("other protocol");
        assertEquals(
                Verdict.NOT_COMPARABLE,
                Aggregation.aggregateClaim(nc, List.of(nc, nc), 2, 1).verdict());
    }

    @Test
    void combineAggregatesMetricsAndClaimsOfRealRunsAndKeepsPerSeedValues() throws Exception {
        SeededExperiment e = new SeededExperiment();
        List<Long> seeds = List.of(0L, 1L, 2L, 3L, 4L, 5L);
        List<ExperimentResult> runs = new ArrayList<>();
        for (long s : seeds) {
            runs.add(Experiments.runSafely(
                    e, new ExperimentContext(Profile.QUICK, s, tmp.resolve("s" + s), Progress.NONE)));
        }
        ExperimentResult agg = Aggregation.combine(e, seeds, runs);
        assertTrue(agg.succeeded());
        double[] means =
                runs.stream().mapToDouble(r -> (Double) r.metrics().get("mean")).toArray();
        @SuppressWarnings("unchecked")
        Map<String, Object> mean = (Map<String, Object>) agg.metrics().get("mean");
        assertEquals(Stats.mean(means), (Double) mean.get("mean"), 1e-15);
        assertEquals(6, mean.get("n"));
        assertTrue((Double) mean.get("lower") <= Stats.mean(means) && Stats.mean(means) <= (Double) mean.get("upper"));
        assertNotNull(agg.metrics().get("stats.max"), "nested metrics are flattened");
        assertNotNull(agg.metrics().get("stats.above"), "booleans count as 1 and 0");
        assertFalse(agg.metrics().containsKey("draws"), "arrays are not aggregated");

        // The per-seed verdicts differ between seeds (the test would prove nothing otherwise), and "held in k of n"
        // counts them.
        long held = runs.stream().filter(r -> r.claims().get(0).held()).count();
        assertTrue(held > 0 && held < seeds.size(), "seeds should disagree on the claim; held in " + held);
        Table claims = agg.tables().stream()
                .filter(t -> t.name().equals(Aggregation.CLAIMS_TABLE))
                .findFirst()
                .orElseThrow();
        assertEquals(held + " of 6", claims.rows().get(0).get(2));
        assertEquals(3, agg.claims().size());
        // The aggregate verdict of the "mean above 0.35" claim is exactly the rule applied to the mean over seeds.
        Interval overSeeds = agg.claims().get(0).interval();
        assertEquals(Stats.mean(means), overSeeds.estimate(), 1e-15);
        assertEquals(Verdict.of(overSeeds.lower() > 0.35), agg.claims().get(0).verdict());
    }

    @Test
    void aFailedSeedIsLeftOutOfMetricsAndAllFailedIsAFailure() throws Exception {
        SeededExperiment e = new SeededExperiment();
        ExperimentResult ok =
                Experiments.runSafely(e, new ExperimentContext(Profile.QUICK, 0, tmp.resolve("a"), Progress.NONE));
        ExperimentResult bad = new ExperimentResult(
                e.name(),
                e.title(),
                "",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Duration.ZERO,
                new ExperimentResult.Failure("boom", ""));
        ExperimentResult agg = Aggregation.combine(e, List.of(0L, 1L), List.of(ok, bad));
        assertTrue(agg.succeeded());
        assertTrue(agg.summary().contains("failed: seed 1 (boom)"), agg.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> mean = (Map<String, Object>) agg.metrics().get("mean");
        assertEquals(1, mean.get("n"));
        assertEquals(Verdict.FAILED, agg.claims().get(2).verdict(), "a failed seed counts against a claim");
        ExperimentResult none = Aggregation.combine(e, List.of(1L, 2L), List.of(bad, bad));
        assertFalse(none.succeeded());
        assertTrue(
                none.failure().message().startsWith("all 2 seeds failed"),
                none.failure().message());
    }
}
