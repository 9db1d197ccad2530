package org.noether.spark;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.noether.cli.Cluster;

/**
 * The (experiment, seed) grid of {@code noether reproduce --master URL} on Apache Spark.
 *
 * <p>Each job becomes one Spark task (one partition per job), and each task starts the job's child {@code noether}
 * process and waits for it: a JVM per run keeps DJL's per-process random state apart, so a run gives the same
 * numbers on Spark as on its own. {@code local[N]} runs N at a time on this machine. On a standalone cluster
 * ({@code spark://host:7077}) every worker needs the same Noether checkout, built, at the same path, and the run
 * folder on a file system all of them share (the child reads and writes there).
 *
 * <p>A local master binds to the loopback interface (driver host and bind address 127.0.0.1) unless
 * {@code SPARK_LOCAL_IP} says otherwise; the web UI is off.
 */
final class SparkCluster implements Cluster {

    private static final int TAIL_LINES = 30;

    private final SparkSession spark;
    private final PrintStream err;

    SparkCluster(String master, PrintStream err) {
        this.err = err;
        SparkSession.Builder b = SparkSession.builder()
                .appName("noether reproduce")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // A task is a whole experiment run; rerunning one that failed would only fail again.
                .config("spark.task.maxFailures", "1");
        if (master.startsWith("local")) {
            if (System.getenv("SPARK_LOCAL_IP") == null) {
                b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
        } else {
            // Executors on other machines load the task (RunJob) and the job records from these two jars, which the
            // driver serves them; the child processes themselves need the checkout at the same path everywhere.
            b.config("spark.jars", jarOf(SparkCluster.class) + "," + jarOf(Cluster.class));
        }
        this.spark = b.getOrCreate();
        err.println("  Spark " + spark.version() + " on " + master + " (" + spark.sparkContext().defaultParallelism()
                + " tasks at a time)");
    }

    private static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the jar of " + c.getName() + ": " + e, e);
        }
    }

    @Override
    public List<Outcome> run(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return new ArrayList<>(jsc.parallelize(jobs, jobs.size()).map(new RunJob()).collect());
    }

    @Override
    public void writeParquet(List<MetricRow> rows, Path dir) {
        StructType schema = new StructType()
                .add("experiment", DataTypes.StringType, false)
                .add("seed", DataTypes.LongType, false)
                .add("metric", DataTypes.StringType, false)
                .add("value", DataTypes.DoubleType, false);
        List<Row> data = new ArrayList<>(rows.size());
        for (MetricRow r : rows) {
            data.add(RowFactory.create(r.experiment(), r.seed(), r.metric(), r.value()));
        }
        spark.createDataFrame(data, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(dir.toAbsolutePath().toString());
        err.println("  " + rows.size() + " numbers written to " + dir);
    }

    @Override
    public void close() {
        spark.stop();
    }

    /** A Spark task: run one child process, return what it left. Never throws for what the child does. */
    static final class RunJob implements Function<Job, Outcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public Outcome call(Job job) throws Exception {
            Path log = Path.of(job.logFile());
            Path result = Path.of(job.resultFile());
            Files.createDirectories(log.getParent());
            int code;
            try {
                Process p = new ProcessBuilder(job.command()).redirectErrorStream(true)
                        .redirectOutput(new File(job.logFile())).start();
                p.getOutputStream().close();
                code = p.waitFor();
            } catch (IOException e) {
                Files.writeString(log, "could not start the experiment's process: " + e + "\n", StandardCharsets.UTF_8);
                code = -1;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(result);
            } catch (NoSuchFileException e) {
                bytes = null;
            }
            return new Outcome(code, bytes, tail(log), InetAddress.getLocalHost().getHostName());
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) + "\n";
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")\n";
            }
        }
    }
}
