package org.noether.cli;

import java.nio.file.Files;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;

/**
 * Test-only experiment that kills its JVM (as the kernel's out-of-memory killer would) when its folder holds a file
 * named {@value #MARKER}, and otherwise succeeds. Only tests of child processes create the marker, so an in-process
 * run never kills the test JVM.
 */
public class CrashingExperiment implements Experiment {

    static final String MARKER = "crash-here";

    @Override
    public String name() {
        return "test.crash";
    }

    @Override
    public String title() {
        return "Crashing experiment";
    }

    @Override
    public String description() {
        return "Dies when its folder holds a marker file.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        if (Files.exists(ctx.outputDirectory().resolve(MARKER))) {
            System.err.println("about to die");
            Runtime.getRuntime().halt(137);
        }
        return ExperimentResult.builder(this).metric("alive", true).build();
    }
}
