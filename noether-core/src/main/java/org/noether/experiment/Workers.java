package org.noether.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent jobs of an experiment on a few threads and returns their results in the order of the jobs, so that
 * what is computed from them does not depend on the number of threads (each job must draw its randomness from its own
 * seed, never from state shared with another job).
 *
 * <pre>{@code
 * List<double[]> rows = Workers.map(Workers.count(ctx), jobs);   // rows.get(i) is jobs.get(i)'s result
 * }</pre>
 */
public final class Workers {

    /** The system property that sets the number of threads of an experiment's full profile. */
    public static final String PROPERTY = "noether.experiment.threads";

    private Workers() {}

    /**
     * The threads an experiment uses for its independent jobs: 1 in the quick profile (the quick run of all
     * experiments already runs one experiment per core), else the system property {@value #PROPERTY}, by default the
     * number of available processors.
     */
    public static int count(ExperimentContext ctx) {
        if (ctx.quick()) return 1;
        return Math.max(1, Integer.getInteger(PROPERTY, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs {@code jobs} on {@code threads} threads (in the calling thread when 1) and returns their results in order.
     * When a job fails (the first in job order among those that failed), the jobs not yet started are cancelled and
     * its failure is rethrown at once (unchecked exceptions and errors as they are, checked ones wrapped); jobs still
     * running finish on daemon threads.
     */
    public static <T> List<T> map(int threads, List<? extends Callable<T>> jobs) {
        List<T> out = new ArrayList<>(jobs.size());
        if (threads <= 1 || jobs.size() <= 1) {
            for (Callable<T> job : jobs) out.add(call(job));
            return out;
        }
        AtomicInteger serial = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
            Thread t = new Thread(r, "experiment-worker-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) futures.add(pool.submit(job));
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    for (Future<T> f : futures) f.cancel(false);
                    throw rethrow(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    for (Future<T> f : futures) f.cancel(true);
                    throw new IllegalStateException("interrupted while waiting for experiment jobs", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> job) {
        try {
            return job.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t.getMessage(), t);
    }
}
