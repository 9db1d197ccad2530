package org.noether.cli;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Somewhere other than this machine's child processes to run the (experiment, seed) grid of {@code reproduce
 * --master URL}: Apache Spark, in the optional module {@code noether-spark}, which registers a {@link Provider} in
 * {@code META-INF/services/org.noether.cli.Cluster$Provider}. The grid's jobs are still child {@code noether}
 * processes (one JVM per run, so DJL runs stay deterministic); the cluster decides where and when they run.
 */
public interface Cluster extends AutoCloseable {

    /**
     * One (experiment, seed) run.
     *
     * @param experiment the experiment's name
     * @param seed       its seed
     * @param command    the child process's command line ({@code java ... org.noether.cli.Main run-experiment ...})
     * @param resultFile where the child writes its result (absolute; visible to the driver)
     * @param logFile    where the child's output should go (absolute)
     */
    record Job(String experiment, long seed, List<String> command, String resultFile, String logFile)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a job left behind.
     *
     * @param exitCode the child's exit code
     * @param result   the bytes of its result file, or {@code null} when it wrote none
     * @param logTail  the last lines of its output
     * @param host     where it ran
     */
    record Outcome(int exitCode, byte[] result, String logTail, String host) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One number of one run, for the Parquet table beside the report.
     *
     * @param experiment the experiment
     * @param seed       the seed
     * @param metric     the metric's flattened name ({@code outer.inner})
     * @param value      its value
     */
    record MetricRow(String experiment, long seed, String metric, double value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Runs the jobs and returns one outcome per job, in the order given. */
    List<Outcome> run(List<Job> jobs) throws Exception;

    /** Writes {@code rows} as a Parquet data set in the folder {@code dir}, replacing it if present. */
    void writeParquet(List<MetricRow> rows, Path dir) throws Exception;

    /** Stops the cluster session. */
    @Override
    void close();

    /** Opens clusters; found with {@link java.util.ServiceLoader}. */
    interface Provider {
        /** A session on {@code master} (e.g. {@code local[*]} or {@code spark://host:7077}), printing progress to {@code err}. */
        Cluster open(String master, PrintStream err);
    }
}
