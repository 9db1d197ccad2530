package org.noether.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.cli.Main;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

/**
 * A 2-seed grid of two small pure-Java experiments on Spark {@code local[2]}: every number in the Parquet table equals
 * the number a plain run of the same experiment and seed gives, and the report aggregates the seeds.
 */
class SparkGridTest {

    private static final List<String> EXPERIMENTS = List.of("core.group-averaging", "meanfield.symmetries");

    @TempDir
    Path tmp;

    @Test
    void aTwoSeedGridOnLocalSparkGivesThePlainRunsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(o, e, "reproduce", "--only", String.join(",", EXPERIMENTS), "--seeds", "0,1",
                    "--master", "local[2]", "--out", tmp.resolve("runs").toString());
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        assertTrue(log.contains("4 runs (2 experiments x 2 seeds), on Spark local[2]"), log);
        Path runDir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            runDir = s.findFirst().orElseThrow();
        }
        assertTrue(Files.exists(runDir.resolve("report.html")));
        assertTrue(Files.readString(runDir.resolve("metrics.json")).contains("\"seeds_succeeded\": 2"));

        // What Spark wrote: one row per (experiment, seed, metric).
        Map<String, Double> parquet = new TreeMap<>();
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (Row r : spark.read().parquet(runDir.resolve("metrics.parquet").toString()).collectAsList()) {
                parquet.put(r.getString(0) + "/" + r.getLong(1) + "/" + r.getString(2), r.getDouble(3));
            }
        } finally {
            spark.stop();
        }

        // What plain in-process runs give.
        Map<String, Double> plain = new TreeMap<>();
        for (String name : EXPERIMENTS) {
            for (long seed : new long[] {0, 1}) {
                ExperimentResult r = Experiments.runSafely(Experiments.byName(name),
                        new ExperimentContext(Profile.QUICK, seed, tmp.resolve("plain-" + name + "-" + seed), Progress.NONE));
                assertTrue(r.succeeded(), name + ": " + r.failure());
                Map<String, Double> flat = new LinkedHashMap<>();
                flatten("", r.metrics(), flat);
                flat.forEach((k, v) -> plain.put(name + "/" + seed + "/" + k, v));
            }
        }
        assertTrue(plain.size() >= 8, plain.toString());
        assertEquals(plain, parquet);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Double> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number n) {
                out.put(prefix + e.getKey(), n.doubleValue());
            } else if (v instanceof Boolean b) {
                out.put(prefix + e.getKey(), b ? 1.0 : 0.0);
            } else if (v instanceof Map<?, ?> inner) {
                flatten(prefix + e.getKey() + ".", inner, out);
            }
        }
    }
}
