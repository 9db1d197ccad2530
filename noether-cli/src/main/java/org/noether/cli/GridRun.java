package org.noether.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Profile;

/**
 * {@code reproduce} with {@code --jobs N} (N &gt; 1) or {@code --seeds}: every (experiment, seed) pair runs in its
 * own child JVM ({@link ParallelRunner}), each writing into its own folder of the run: {@code <run>/<experiment>}
 * with one seed, {@code <run>/<experiment>/seed-<s>} with several. With several seeds the results of each
 * experiment are then combined ({@link Aggregation}) into the one result the report shows.
 */
final class GridRun {

    /** What the report gets, and how many (experiment, seed) runs failed. */
    record Outcome(List<ExperimentResult> results, int failedRuns) {
    }

    private GridRun() {
    }

    /** Checks {@code --jobs} before anything is created. */
    static int jobs(Integer requested) {
        if (requested == null) {
            return ParallelRunner.defaultJobs();
        }
        if (requested < 1) {
            throw new NoetherUserException("--jobs " + requested + ": give a number of parallel runs of at least 1 "
                    + "(1 runs the experiments one after another in this process)");
        }
        return requested;
    }

    /** The folder of one (experiment, seed) run. */
    static Path folder(Path runDir, String experiment, long seed, boolean severalSeeds) {
        Path own = runDir.resolve(experiment);
        return severalSeeds ? own.resolve("seed-" + seed) : own;
    }

    static Outcome run(List<Experiment> experiments, List<Long> seeds, Profile profile, Path runDir, int jobs,
            PrintStream err, boolean verbose) throws InterruptedException {
        boolean several = seeds.size() > 1;
        List<ParallelRunner.Task> tasks = new ArrayList<>();
        for (Experiment e : experiments) {
            for (long s : seeds) {
                String label = several ? e.name() + " seed " + s : e.name();
                tasks.add(new ParallelRunner.Task(e, s, folder(runDir, e.name(), s, several), label));
            }
        }
        err.printf(Locale.ROOT, "%d run%s (%d experiment%s x %d seed%s), up to %d at a time, each in its own JVM%n",
                tasks.size(), tasks.size() == 1 ? "" : "s", experiments.size(), experiments.size() == 1 ? "" : "s",
                seeds.size(), seeds.size() == 1 ? "" : "s", Math.min(jobs, tasks.size()));
        List<ExperimentResult> perRun = new ParallelRunner(jobs, profile, err, verbose).run(tasks);
        int failed = (int) perRun.stream().filter(r -> !r.succeeded()).count();
        if (!several) {
            return new Outcome(perRun, failed);
        }
        List<ExperimentResult> combined = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            List<ExperimentResult> mine = perRun.subList(i * seeds.size(), (i + 1) * seeds.size());
            combined.add(Aggregation.combine(experiments.get(i), seeds, mine));
        }
        return new Outcome(combined, failed);
    }
}
