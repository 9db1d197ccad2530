package org.noether.experiment;

/** Test experiment registered through the test class path's services file. */
public class AlphaExperiment implements Experiment {
    @Override
    public String name() {
        return "test.alpha";
    }

    @Override
    public String title() {
        return "Alpha";
    }

    @Override
    public String description() {
        return "Returns one metric.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        return ExperimentResult.builder(this).metric("seed", ctx.seed()).build();
    }
}
