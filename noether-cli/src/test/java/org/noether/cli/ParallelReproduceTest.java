package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

/** {@code reproduce --jobs N} and {@code --seeds}: experiments in child JVMs, results aggregated over seeds. */
class ParallelReproduceTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(o, e, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run folder as 'reproduce' records it (run.json, no lock held), for tests that plant markers before running. */
    private static Path recordedRun(Path runs, List<Long> seeds, String... experiments) {
        try (RunFolder f = RunFolder.create(
                runs,
                java.time.LocalDateTime.now(),
                new RunFolder.Plan(Profile.QUICK, seeds, List.of(experiments)),
                "noether reproduce (test)")) {
            return f.dir();
        }
    }

    private static Path only(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void childProcessesGiveTheSameNumbersAsAnInProcessRunAndACrashIsAFailedExperiment() throws Exception {
        Path runs = tmp.resolve("runs");
        // Prepare a run folder in which test.crash will kill its JVM, then fill it with --resume.
        Path dir = recordedRun(runs, List.of(3L), "test.seeded", "test.crash", "test.failing", "test.dummy");
        Files.createDirectories(dir.resolve("test.crash"));
        Files.writeString(dir.resolve("test.crash").resolve(CrashingExperiment.MARKER), "");
        Run r = run(
                "reproduce",
                "--resume",
                dir.toString(),
                "--only",
                "test.seeded,test.crash,test.failing,test.dummy",
                "--jobs",
                "2",
                "--seed",
                "3");
        assertEquals(Main.EXIT_EXPERIMENT_FAILED, r.code, r.err);
        assertEquals(dir.resolve("report.html").toAbsolutePath().normalize().toString(), r.out.strip());
        assertTrue(r.err.contains("4 runs (4 experiments x 1 seed), up to 2 at a time"), r.err);
        assertTrue(r.err.contains("  started  test.seeded"), r.err);
        assertTrue(
                r.err.lines()
                        .anyMatch(l -> l.matches(
                                "\\[\\d/4] test.crash: FAILED: its process was killed " + "\\(exit code 137.*")),
                r.err);
        assertTrue(
                r.err.lines()
                        .anyMatch(l -> l.matches("\\[\\d/4] test.failing: FAILED: IllegalStateException: "
                                + "deliberate failure for the test")),
                r.err);
        assertTrue(r.err.lines().anyMatch(l -> l.matches("\\[\\d/4] test.dummy: done in .* s")), r.err);
        assertTrue(r.err.contains("2 of 4 experiments failed"), r.err);
        assertTrue(Files.readString(dir.resolve("test.crash").resolve(ChildProcess.LOG_FILE))
                .contains("about to die"));
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.contains("its process was killed"), json);
        assertTrue(Files.exists(dir.resolve("test.dummy-squares.csv")));
        assertTrue(
                Files.exists(dir.resolve("test.dummy").resolve("checkpoint.txt")), "the child wrote into its folder");

        // The child's result equals, number for number, the same experiment run in this JVM.
        ExperimentResult child =
                ResultCodec.decode(Files.readAllBytes(dir.resolve("test.seeded").resolve(ChildProcess.RESULT_FILE)));
        ExperimentResult here = Experiments.runSafely(
                new SeededExperiment(), new ExperimentContext(Profile.QUICK, 3, tmp.resolve("here"), Progress.NONE));
        assertEquals(here.metrics().get("mean"), child.metrics().get("mean"));
        assertEquals(here.claims(), child.claims());
        assertEquals(3L, (Long)
                ResultCodec.decode(Files.readAllBytes(dir.resolve("test.dummy").resolve(ChildProcess.RESULT_FILE)))
                        .metrics()
                        .get("seed"));
    }

    @Test
    void seedsRunEveryPairAndTheReportShowsTheAggregate() throws Exception {
        Path runs = tmp.resolve("runs");
        Run r = run("reproduce", "--only", "test.seeded", "--seeds", "0..2,7", "--jobs", "2", "--out", runs.toString());
        assertEquals(0, r.code, r.err);
        Path dir = only(runs);
        assertTrue(r.err.contains("4 runs (1 experiment x 4 seeds)"), r.err);
        for (long s : new long[] {0, 1, 2, 7}) {
            Path result = dir.resolve("test.seeded").resolve("seed-" + s).resolve(ChildProcess.RESULT_FILE);
            ExperimentResult child = ResultCodec.decode(Files.readAllBytes(result));
            ExperimentResult here = Experiments.runSafely(
                    new SeededExperiment(),
                    new ExperimentContext(Profile.QUICK, s, tmp.resolve("here-" + s), Progress.NONE));
            assertEquals(here.metrics().get("mean"), child.metrics().get("mean"), "seed " + s);
        }
        String claims = Files.readString(dir.resolve("test.seeded-" + Aggregation.CLAIMS_TABLE + ".csv"));
        assertTrue(claims.contains("the draws' mean lies above 0.35"), claims);
        assertTrue(claims.matches("(?s).* of 4,.*"), claims);
        String metrics = Files.readString(dir.resolve("test.seeded-" + Aggregation.METRICS_TABLE + ".csv"));
        assertTrue(metrics.startsWith("metric,mean,lower,upper,n,seed 0,seed 1,seed 2,seed 7"), metrics);
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.contains("\"seeds_succeeded\": 4"), json);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Aggregated over 4 seeds"));
    }

    @Test
    void resumeReusesFinishedRunsOfTheSameProfileAndSeedAndRerunsTheRest() throws Exception {
        Path dir = recordedRun(tmp.resolve("runs"), List.of(0L, 1L), "test.seeded", "test.crash");
        Path crashFolder = Files.createDirectories(dir.resolve("test.crash").resolve("seed-1"));
        Files.writeString(crashFolder.resolve(CrashingExperiment.MARKER), "");
        Run first = run(
                "reproduce",
                "--resume",
                dir.toString(),
                "--only",
                "test.seeded,test.crash",
                "--seeds",
                "0,1",
                "--jobs",
                "2");
        assertEquals(Main.EXIT_EXPERIMENT_FAILED, first.code, first.err);
        assertFalse(first.err.contains("reused"), first.err);
        Path seeded0 = dir.resolve("test.seeded").resolve("seed-0").resolve(ChildProcess.RESULT_FILE);
        long before = Files.getLastModifiedTime(seeded0).toMillis();

        Files.delete(crashFolder.resolve(CrashingExperiment.MARKER));
        Run second = run(
                "reproduce",
                "--resume",
                dir.toString(),
                "--only",
                "test.seeded,test.crash",
                "--seeds",
                "0,1",
                "--jobs",
                "2");
        assertEquals(0, second.code, second.err);
        for (String label : new String[] {"test.seeded seed 0", "test.seeded seed 1", "test.crash seed 0"}) {
            assertTrue(second.err.contains("  reused   " + label + " (finished before)"), second.err);
        }
        assertTrue(second.err.contains("  started  test.crash seed 1"), second.err);
        assertFalse(second.err.contains("started  test.seeded"), second.err);
        assertEquals(before, Files.getLastModifiedTime(seeded0).toMillis(), "a finished run is not run again");
        assertTrue(Files.readString(dir.resolve("metrics.json")).contains("\"seeds_succeeded\": 2"));

        // Another profile is another run: --resume refuses to mix it into this folder.
        Run full = run(
                "reproduce",
                "--full",
                "--resume",
                dir.toString(),
                "--only",
                "test.seeded,test.crash",
                "--seeds",
                "0,1",
                "--jobs",
                "2");
        assertEquals(Main.EXIT_USAGE, full.code, full.err);
        assertTrue(full.err.contains("--full conflicts with the quick profile"), full.err);
    }

    @Test
    void badJobsAndSeedsAreOneLineUsageErrorsBeforeAnythingIsCreated() {
        Path runs = tmp.resolve("runs");
        for (String[] args : new String[][] {
            {"--jobs", "0"}, {"--seeds", "3..1"}, {"--seeds", "0..2", "--seed", "4"}, {"--jobs", "x"}
        }) {
            String[] full = Stream.concat(
                            Stream.of("reproduce", "--only", "test.dummy", "--out", runs.toString()), Stream.of(args))
                    .toArray(String[]::new);
            Run r = run(full);
            assertEquals(Main.EXIT_USAGE, r.code, String.join(" ", args) + ": " + r.err);
            assertEquals(1, r.err.lines().count(), r.err);
            assertFalse(Files.exists(runs), "nothing is created for " + String.join(" ", args));
        }
    }
}
