package org.noether.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.noether.experiment.AtomicFiles;
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

    /** The Parquet data set of a cluster run, beside the report: one row per experiment, seed and metric. */
    static final String PARQUET = "metrics.parquet";

    /** What the report gets, and how many (experiment, seed) runs failed. */
    record Outcome(List<ExperimentResult> results, int failedRuns) {}

    private GridRun() {}

    /** The tasks run as child processes on a {@link Cluster}; the numbers also go to {@code metrics.parquet}. */
    private static List<ExperimentResult> onCluster(
            String master,
            List<ParallelRunner.Task> tasks,
            Profile profile,
            Path runDir,
            PrintStream err,
            boolean verbose) {
        Cluster.Provider provider = ServiceLoader.load(Cluster.Provider.class)
                .findFirst()
                .orElseThrow(
                        () -> new NoetherUserException("--master " + master + ": Spark support is not on the class "
                                + "path; start through ./noether, which builds the noether-spark module on first use"));
        List<Cluster.Job> jobs = new ArrayList<>();
        for (ParallelRunner.Task t : tasks) {
            Path folder = t.folder().toAbsolutePath();
            try {
                Files.createDirectories(folder);
                Files.deleteIfExists(folder.resolve(ChildProcess.RESULT_FILE));
            } catch (IOException e) {
                throw AtomicFiles.failure(folder, e);
            }
            Path result = folder.resolve(ChildProcess.RESULT_FILE);
            jobs.add(new Cluster.Job(
                    t.experiment().name(),
                    t.seed(),
                    ChildProcess.command(t.experiment().name(), t.seed(), profile, folder, result),
                    result.toString(),
                    folder.resolve(ChildProcess.LOG_FILE).toString()));
        }
        long start = System.nanoTime();
        try (Cluster cluster = provider.open(master, err)) {
            List<Cluster.Outcome> outcomes = cluster.run(jobs);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            List<ExperimentResult> results = new ArrayList<>();
            List<Cluster.MetricRow> rows = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                ParallelRunner.Task t = tasks.get(i);
                Cluster.Outcome o = outcomes.get(i);
                ExperimentResult r = ChildProcess.resultOf(
                        t.experiment(),
                        o.exitCode(),
                        o.result(),
                        o.logTail(),
                        jobs.get(i).logFile(),
                        elapsed);
                results.add(r);
                if (r.succeeded()) {
                    err.printf(
                            Locale.ROOT,
                            "[%d/%d] %s: done in %.1f s on %s%n",
                            i + 1,
                            tasks.size(),
                            t.label(),
                            r.elapsed().toMillis() / 1000.0,
                            o.host());
                    Map<String, Double> flat = new LinkedHashMap<>();
                    Aggregation.flatten("", r.metrics(), flat);
                    flat.forEach((k, v) ->
                            rows.add(new Cluster.MetricRow(t.experiment().name(), t.seed(), k, v)));
                } else {
                    err.printf(
                            Locale.ROOT,
                            "[%d/%d] %s: FAILED: %s%n",
                            i + 1,
                            tasks.size(),
                            t.label(),
                            r.failure().message());
                    if (verbose) {
                        err.print(r.failure().stackTrace());
                    }
                }
            }
            cluster.writeParquet(rows, runDir.resolve(PARQUET));
            return results;
        } catch (NoetherUserException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the Spark run failed: " + e, e);
        }
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

    static Outcome run(
            List<Experiment> experiments,
            List<Long> seeds,
            Profile profile,
            Path runDir,
            int jobs,
            PrintStream err,
            boolean verbose)
            throws InterruptedException {
        return run(experiments, seeds, profile, runDir, jobs, null, false, err, verbose);
    }

    /** What a run's folder records about the run, so that {@code --resume} reuses only a result of the same run. */
    static final String KEY_FILE = "run.key";

    static String key(Experiment e, Profile profile, long seed) {
        return "experiment=" + e.name() + "\nprofile=" + profile.name() + "\nseed=" + seed + "\n";
    }

    /**
     * The finished result in {@code t}'s folder, when it is reusable: a successful result of the same experiment,
     * profile and seed ({@link #KEY_FILE}). Anything else (none, failed, unreadable, another run's) is null.
     */
    static ExperimentResult reusable(ParallelRunner.Task t, Profile profile) {
        try {
            Path key = t.folder().resolve(KEY_FILE);
            Path result = t.folder().resolve(ChildProcess.RESULT_FILE);
            if (!Files.isRegularFile(key)
                    || !Files.isRegularFile(result)
                    || !Files.readString(key).equals(key(t.experiment(), profile, t.seed()))) {
                return null;
            }
            ExperimentResult r = ResultCodec.decode(Files.readAllBytes(result));
            return r.succeeded() && r.name().equals(t.experiment().name()) ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * As above; with a {@code master} (Spark's {@code local[*]}, {@code spark://host:7077}) the runs go to that
     * cluster instead of this machine's child processes, and every number of every run is also written to
     * {@code metrics.parquet} in the run folder (one row per experiment, seed and metric).
     */
    static Outcome run(
            List<Experiment> experiments,
            List<Long> seeds,
            Profile profile,
            Path runDir,
            int jobs,
            String master,
            boolean resume,
            PrintStream err,
            boolean verbose)
            throws InterruptedException {
        boolean several = seeds.size() > 1;
        List<ParallelRunner.Task> tasks = new ArrayList<>();
        for (Experiment e : experiments) {
            for (long s : seeds) {
                String label = several ? e.name() + " seed " + s : e.name();
                tasks.add(new ParallelRunner.Task(e, s, folder(runDir, e.name(), s, several), label));
            }
        }
        String where = master == null ? "up to " + Math.min(jobs, tasks.size()) + " at a time" : "on Spark " + master;
        err.printf(
                Locale.ROOT,
                "%d run%s (%d experiment%s x %d seed%s), %s, each in its own JVM%n",
                tasks.size(),
                tasks.size() == 1 ? "" : "s",
                experiments.size(),
                experiments.size() == 1 ? "" : "s",
                seeds.size(),
                seeds.size() == 1 ? "" : "s",
                where);
        // On --resume, (experiment, seed) runs that finished before keep their results; the others run (again).
        List<ExperimentResult> perRun = new ArrayList<>();
        List<ParallelRunner.Task> toRun = new ArrayList<>();
        for (ParallelRunner.Task t : tasks) {
            ExperimentResult done = resume ? reusable(t, profile) : null;
            perRun.add(done);
            if (done != null) {
                err.printf(Locale.ROOT, "  reused   %s (finished before)%n", t.label());
                continue;
            }
            toRun.add(t);
            try {
                Files.createDirectories(t.folder());
                Files.deleteIfExists(t.folder().resolve(ChildProcess.RESULT_FILE));
            } catch (IOException e) {
                throw AtomicFiles.failure(t.folder(), e);
            }
            AtomicFiles.writeString(t.folder().resolve(KEY_FILE), key(t.experiment(), profile, t.seed()));
        }
        List<ExperimentResult> fresh = toRun.isEmpty()
                ? List.of()
                : master == null
                        ? new ParallelRunner(jobs, profile, err, verbose).run(toRun)
                        : onCluster(master, toRun, profile, runDir, err, verbose);
        for (int i = 0, k = 0; i < perRun.size(); i++) {
            if (perRun.get(i) == null) {
                perRun.set(i, fresh.get(k++));
            }
        }
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
