package org.noether.cli;

import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Stats;

/**
 * Test-only experiment whose numbers and claims depend on the seed: eight uniform draws, their mean with its
 * interval, a claim that the mean lies above 0.35 (holds for some seeds, fails for others) and a worst-case claim.
 */
public class SeededExperiment implements Experiment {

    @Override
    public String name() {
        return "test.seeded";
    }

    @Override
    public String title() {
        return "Seeded experiment";
    }

    @Override
    public String description() {
        return "Draws a few numbers from its seed.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        double[] draws = ctx.random("draws").doubles(8).toArray();
        Interval mean = Stats.meanInterval(draws, ctx.seed("bootstrap"));
        Interval worst = new Interval(Stats.mean(draws), Stats.min(draws), Stats.max(draws), 0.95, draws.length);
        return ExperimentResult.builder(this)
                .metric("mean", mean.estimate())
                .metric("stats", java.util.Map.of("max", Stats.max(draws), "above", mean.estimate() > 0.5))
                .metric("draws", draws)
                .claim(Claim.about(Paper.NOETHER, "the draws' mean lies above 0.35")
                        .measured(mean, "")
                        .above(0.35))
                .claim(Claim.about(Paper.NOETHER, "every draw is at most 0.99")
                        .measured(worst, "")
                        .atMost(0.99))
                .claim(Claim.about(Paper.NOETHER, "the first draw is below 0.5")
                        .judged(draws[0] < 0.5, "checked directly"))
                .build();
    }
}
