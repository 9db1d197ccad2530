package org.noether.experiment;

/** Test experiment registered before {@link AlphaExperiment} so that sorting is observable. */
public class BetaExperiment implements Experiment {
    @Override
    public String name() {
        return "test.beta";
    }

    @Override
    public String title() {
        return "Beta";
    }

    @Override
    public String description() {
        return "Always throws.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        throw new IllegalStateException("beta broke\nsecond line");
    }
}
