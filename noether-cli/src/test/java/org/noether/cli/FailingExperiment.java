package org.noether.cli;

import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;

/** Test-only experiment that always throws, to check that one failure does not stop a run. */
public class FailingExperiment implements Experiment {

    @Override
    public String name() {
        return "test.failing";
    }

    @Override
    public String title() {
        return "Failing experiment";
    }

    @Override
    public String description() {
        return "Throws on purpose.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        throw new IllegalStateException("deliberate failure for the test");
    }
}
