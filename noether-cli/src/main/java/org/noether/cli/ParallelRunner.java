package org.noether.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Profile;

/**
 * Runs (experiment, seed) pairs in child processes, at most {@code jobs} at a time, and collects their results in
 * the order given.
 *
 * <p>Progress stays readable with several runs at once: one line when a run starts, one when it ends, and every
 * {@link #STATUS_SECONDS} seconds one line per running experiment with the last thing it printed:
 * <pre>
 *   started  meanfield.symmetries
 *   running  meanfield.symmetries (01:10): training: 50%  100/200  01:05 eta 01:05
 * [2/11] meanfield.symmetries: done in 141.2 s
 * </pre>
 * A child that crashes or is killed is a failed experiment, not a failed run.
 */
final class ParallelRunner {

    /** How often the running experiments' status lines are printed. */
    static final int STATUS_SECONDS = 30;

    /** One run to do: an experiment, a seed, and the folder it owns. */
    record Task(Experiment experiment, long seed, Path folder, String label) {}

    private record Running(String label, long start) {}

    private final int jobs;
    private final Profile profile;
    private final PrintStream err;
    private final boolean verbose;

    ParallelRunner(int jobs, Profile profile, PrintStream err, boolean verbose) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        this.jobs = jobs;
        this.profile = profile;
        this.err = err;
        this.verbose = verbose;
    }

    /**
     * The number of parallel runs when {@code --jobs} is not given: one per core, unless the system property
     * {@code noether.jobs} says otherwise (e.g. {@code NOETHER_JAVA_OPTS=-Dnoether.jobs=1}).
     */
    /**
     * The order in which to start {@code tasks}: by {@link Experiment#expectedSeconds} under {@code profile}, longest
     * first (ties keep the given order), so that the last experiment to start is a short one. Results are still
     * reported in the given order.
     */
    static List<Integer> longestFirst(List<Task> tasks, Profile profile) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingDouble(
                (Integer i) -> -tasks.get(i).experiment().expectedSeconds(profile)));
        return order;
    }

    static int defaultJobs() {
        return Math.max(
                1, Integer.getInteger("noether.jobs", Runtime.getRuntime().availableProcessors()));
    }

    List<ExperimentResult> run(List<Task> tasks) throws InterruptedException {
        List<ChildProcess> children = new ArrayList<>();
        for (Task t : tasks) {
            children.add(new ChildProcess(t.experiment(), t.seed(), t.folder()));
        }
        // The running children, with their labels and start times, in start order.
        Map<ChildProcess, Running> running = new LinkedHashMap<>();
        AtomicInteger finished = new AtomicInteger();
        Thread killer = new Thread(() -> children.forEach(ChildProcess::kill), "noether-kill-children");
        Runtime.getRuntime().addShutdownHook(killer);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, tasks.size())), r -> {
            Thread th = new Thread(r, "noether-child");
            th.setDaemon(true);
            return th;
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "noether-status");
            th.setDaemon(true);
            return th;
        });
        ticker.scheduleAtFixedRate(() -> printStatus(running), STATUS_SECONDS, STATUS_SECONDS, TimeUnit.SECONDS);
        try {
            List<Future<ExperimentResult>> futures = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
            for (int i : longestFirst(tasks, profile)) {
                Task task = tasks.get(i);
                ChildProcess child = children.get(i);
                futures.set(i, pool.submit(() -> {
                    synchronized (running) {
                        running.put(child, new Running(task.label(), System.nanoTime()));
                        line("  started  %s", task.label());
                    }
                    ExperimentResult r;
                    try {
                        r = child.run(profile);
                    } finally {
                        synchronized (running) {
                            running.remove(child);
                        }
                    }
                    synchronized (running) {
                        int k = finished.incrementAndGet();
                        if (r.succeeded()) {
                            line(
                                    "[%d/%d] %s: done in %.1f s",
                                    k, tasks.size(), task.label(), r.elapsed().toMillis() / 1000.0);
                        } else {
                            line(
                                    "[%d/%d] %s: FAILED: %s",
                                    k, tasks.size(), task.label(), r.failure().message());
                            if (verbose) {
                                err.print(r.failure().stackTrace());
                            }
                        }
                    }
                    return r;
                }));
            }
            List<ExperimentResult> results = new ArrayList<>();
            for (Future<ExperimentResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    // ChildProcess.run turns everything a child does into a result; this is a bug of ours.
                    throw new IllegalStateException("running a child process failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            ticker.shutdownNow();
            pool.shutdownNow();
            children.forEach(ChildProcess::kill); // after an interrupt; a finished child is already gone
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook runs anyway.
            }
        }
    }

    private void printStatus(Map<ChildProcess, Running> running) {
        synchronized (running) {
            long now = System.nanoTime();
            for (Map.Entry<ChildProcess, Running> e : running.entrySet()) {
                String clock = ProgressClock.format(now - e.getValue().start());
                line(
                        "  running  %s (%s): %s",
                        e.getValue().label(), clock, e.getKey().status());
            }
        }
    }

    private void line(String format, Object... args) {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
    }

    /** "mm:ss" or "h:mm:ss". */
    static final class ProgressClock {
        private ProgressClock() {}

        static String format(long nanos) {
            long s = Math.max(0, nanos / 1_000_000_000L);
            return s >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                    : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
        }
    }
}
