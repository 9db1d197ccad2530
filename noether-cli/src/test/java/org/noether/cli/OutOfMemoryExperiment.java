package org.noether.cli;

import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;

/** Test-only experiment that really runs out of heap: it asks for one array larger than any test heap. */
public class OutOfMemoryExperiment implements Experiment {

    /** Keeps the array reachable so the allocation cannot be optimised away. */
    static volatile long[] sink;

    @Override
    public String name() {
        return "test.out-of-memory";
    }

    @Override
    public String title() {
        return "Out-of-memory experiment";
    }

    @Override
    public String description() {
        return "Allocates 16 GiB at once.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        sink = new long[Integer.MAX_VALUE - 16];
        return ExperimentResult.builder(this).summary("unreachable").build();
    }
}
