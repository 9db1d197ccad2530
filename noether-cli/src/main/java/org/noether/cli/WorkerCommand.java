package org.noether.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.noether.experiment.AtomicFiles;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.report.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code noether run-experiment} (hidden): runs one experiment with one seed in this process and writes its
 * {@link ExperimentResult} to a file with {@link ResultCodec}. {@link ChildProcess} starts it for {@code reproduce
 * --jobs N} and {@code --seeds}; it is not meant to be typed.
 *
 * <p>A failing experiment still writes a (failed) result and exits 0; so does one that runs out of memory, when the
 * JVM can still write. Exit code 1 means no result could be written, which the parent records as a failure.
 */
@Command(
        name = "run-experiment",
        hidden = true,
        description = "Internal: run one experiment and write its result file (used by reproduce --jobs/--seeds).")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--experiment", required = true, paramLabel = "NAME")
    String experiment;

    @Option(names = "--profile", required = true, paramLabel = "QUICK|FULL")
    Profile profile;

    @Option(names = "--seed", required = true, paramLabel = "N")
    long seed;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The experiment's own folder.")
    Path dir;

    @Option(names = "--result", required = true, paramLabel = "FILE", description = "Where to write the result.")
    Path result;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        Experiment e = Experiments.byName(experiment);
        ExperimentContext ctx = new ExperimentContext(profile, seed, dir, ProgressBar.forConsole(main.err));
        long start = System.nanoTime();
        ExperimentResult r;
        try {
            r = Experiments.runSafely(e, ctx);
        } catch (RuntimeException | Error oom) {
            // runSafely lets errors that leave the JVM in doubt propagate; here the process ends anyway, so try to
            // record the failure. If even that fails, the exit code tells the parent.
            r = ExperimentResult.failed(e, oom, Duration.ofNanos(System.nanoTime() - start));
        }
        AtomicFiles.write(result, ResultCodec.encode(r));
        main.err.println(r.succeeded() ? "finished" : "FAILED: " + r.failure().message());
        return Main.EXIT_OK;
    }
}
