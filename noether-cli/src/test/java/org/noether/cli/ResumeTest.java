package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.AtomicFiles;

/** Run folders through the CLI: what --resume takes from the folder, what it refuses, and how writes fail. */
class ResumeTest {

    @TempDir
    Path tmp;

    private Path newRun(String... extra) throws IOException {
        String[] args = Stream.concat(
                        Stream.of("reproduce", "--out", tmp.resolve("runs").toString()), Stream.of(extra))
                .toArray(String[]::new);
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            return s.max(Path::compareTo).orElseThrow();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void resumeTakesTheRecordedSeedProfileAndExperiments() throws Exception {
        Path dir = newRun("--seed", "-5", "--full", "--only", "test.dummy");
        String record = Files.readString(dir.resolve("run.json"));
        java.util.Map<?, ?> parsed = (java.util.Map<?, ?>) RunJson.parse(record);
        assertEquals(-5L, parsed.get("seed"), record);
        assertEquals(java.util.List.of(-5L), parsed.get("seeds"), record);
        assertEquals("full", parsed.get("profile"), record);
        assertEquals(java.util.List.of("test.dummy"), parsed.get("experiments"), record);
        Files.delete(dir.resolve("metrics.json"));

        Cli r = Cli.run("reproduce", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(
                json.contains("\"seed\": -5") && json.contains("\"profile\": \"FULL\"") && json.contains("\"n\": 50"),
                json);
        assertFalse(json.contains("core.group-averaging"), "only the recorded experiments run");
        assertTrue(r.err().contains("(full, seed -5)"), r.err());
    }

    @Test
    void resumeKeepsTheRecordedJobCountUnlessJobsIsGiven() throws Exception {
        Path dir = newRun("--jobs", "1", "--only", "test.dummy");
        java.util.Map<?, ?> parsed = (java.util.Map<?, ?>) RunJson.parse(Files.readString(dir.resolve("run.json")));
        assertEquals(1L, parsed.get("jobs"));

        Cli kept = Cli.run("reproduce", "--resume", dir.toString());
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.err().contains("resuming with --jobs 1, as recorded in run.json"), kept.err());

        Cli given = Cli.run("reproduce", "--resume", dir.toString(), "--jobs", "1");
        assertEquals(0, given.code(), given.err());
        assertFalse(given.err().contains("as recorded"), given.err());
    }

    @Test
    void aFlagThatContradictsTheRecordIsAOneLineErrorAndChangesNothing() throws Exception {
        Path dir = newRun("--seed", "-5", "--only", "test.dummy");
        List<String> before = names(dir);
        String metrics = Files.readString(dir.resolve("metrics.json"));

        String seed = Cli.run("reproduce", "--resume", dir.toString(), "--only", "test.dummy", "--seed", "0")
                .assertOneLineUserError();
        assertTrue(seed.contains("--seed 0 conflicts with the seed -5 recorded in"), seed);
        String profile =
                Cli.run("reproduce", "--resume", dir.toString(), "--full").assertOneLineUserError();
        assertTrue(profile.contains("--full conflicts with the quick profile"), profile);
        String only = Cli.run("reproduce", "--resume", dir.toString(), "--only", "core.group-averaging")
                .assertOneLineUserError();
        assertTrue(only.contains("--only core.group-averaging conflicts with the experiment list test.dummy"), only);
        String out = Cli.run(
                        "reproduce",
                        "--resume",
                        dir.toString(),
                        "--out",
                        tmp.resolve("elsewhere").toString())
                .assertOneLineUserError();
        assertTrue(out.contains("--out cannot be given with --resume"), out);

        assertEquals(before, names(dir));
        assertEquals(metrics, Files.readString(dir.resolve("metrics.json")), "the seed -5 results are untouched");
        assertFalse(Files.exists(tmp.resolve("elsewhere")));

        Cli same = Cli.run("reproduce", "--resume", dir.toString(), "--quick", "--seed", "-5", "--only", "test.dummy");
        assertEquals(0, same.code(), "repeating the recorded values is fine: " + same.err());
    }

    @Test
    void aGridOfSeedsIsRecordedAndReadBack() throws Exception {
        RunFolder.Plan plan = new RunFolder.Plan(
                org.noether.experiment.Profile.QUICK, List.of(0L, 3L, -7L), List.of("test.dummy", "test.failing"));
        Path dir;
        try (RunFolder f = RunFolder.create(tmp.resolve("runs"), java.time.LocalDateTime.now(), plan, "noether test")) {
            dir = f.dir();
        }
        try (RunFolder f = RunFolder.resume(dir, line -> {})) {
            assertEquals(plan, f.plan());
        }
        String r =
                Cli.run("reproduce", "--resume", dir.toString(), "--seed", "0").assertOneLineUserError();
        assertTrue(r.contains("--seed 0 conflicts with the seeds 0, 3, -7 recorded in"), r);
    }

    @Test
    void anEmptyOrForeignFolderIsRefusedAndLeftAsItWas() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String e = Cli.run("reproduce", "--resume", empty.toString()).assertOneLineUserError();
        assertTrue(e.contains("the folder is empty") && e.contains("not a run folder"), e);
        assertEquals(List.of(""), names(empty), "nothing is written into it");

        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("report.html"), "<p>my own report</p>");
        Files.writeString(mine.resolve("metrics.json"), "{\"mine\": true}");
        String f = Cli.run("reproduce", "--resume", mine.toString(), "--only", "test.dummy")
                .assertOneLineUserError();
        assertTrue(f.contains("holds no run.json"), f);
        assertEquals("<p>my own report</p>", Files.readString(mine.resolve("report.html")));
        assertEquals("{\"mine\": true}", Files.readString(mine.resolve("metrics.json")));
        assertEquals(List.of("", "metrics.json", "report.html"), names(mine));

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli.run("reproduce", "--resume", file.toString()).assertOneLineUserError();
        Path foreignRecord = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreignRecord.resolve("run.json"), "{\"seed\": 3}");
        String g = Cli.run("reproduce", "--resume", foreignRecord.toString()).assertOneLineUserError();
        assertTrue(g.contains("was not written by noether"), g);
    }

    @Test
    void aUsersOwnReportInARunFolderIsNeverOverwritten() throws Exception {
        Path dir = newRun("--only", "test.dummy");
        Files.writeString(dir.resolve("report.html"), "<p>my notes on this run</p>");
        String r = Cli.run("reproduce", "--resume", dir.toString()).assertOneLineUserError();
        assertTrue(r.contains("report.html there was not written by noether"), r);
        assertEquals("<p>my notes on this run</p>", Files.readString(dir.resolve("report.html")));

        Files.delete(dir.resolve("report.html"));
        Files.writeString(dir.resolve("metrics.json"), "{}");
        String m = Cli.run("reproduce", "--resume", dir.toString()).assertOneLineUserError();
        assertTrue(m.contains("metrics.json there was not written by noether"), m);

        Files.delete(dir.resolve("metrics.json"));
        assertEquals(0, Cli.run("reproduce", "--resume", dir.toString()).code());
        assertEquals(0, Cli.run("reproduce", "--resume", dir.toString()).code(), "noether's own report is replaced");
    }

    @Test
    void aSecondProcessOnTheSameFolderRefusesInOneLine() throws Exception {
        Path dir = newRun("--only", "test.dummy");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertTrue(first != null && first.startsWith("holding "), "the other process holds the folder: " + first);
            String r = Cli.run("reproduce", "--resume", dir.toString()).assertOneLineUserError();
            assertTrue(r.contains("is in use by another noether process (pid " + holder.pid() + ")"), r);
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, Cli.run("reproduce", "--resume", dir.toString()).code(), "free again once it exits");

        try (RunFolder held = RunFolder.resume(dir, line -> {})) {
            String same = Cli.run("reproduce", "--resume", dir.toString()).assertOneLineUserError();
            assertTrue(same.contains("is in use by another noether process"), same);
        }
    }

    @Test
    void resumeRemovesTemporariesThatAKilledRunLeft() throws Exception {
        Path dir = newRun("--only", "test.dummy");
        Path a = Files.writeString(dir.resolve("report.html" + AtomicFiles.TMP_MARKER + "999-3"), "<html><bo");
        Path b = Files.createDirectories(dir.resolve("test.dummy/cache"))
                .resolve("piece.bin" + AtomicFiles.TMP_MARKER + "999-4");
        Files.write(b, new byte[] {1, 2});
        Path staging = Files.createDirectories(dir.resolve(".report" + AtomicFiles.TMP_MARKER + "999"));
        Files.writeString(staging.resolve("metrics.json"), "{");
        Cli r = Cli.run("reproduce", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("removed 3 temporary files left by an interrupted run"), r.err());
        assertFalse(Files.exists(a) || Files.exists(b) || Files.exists(staging));
        assertTrue(
                names(dir).stream().noneMatch(n -> n.contains(AtomicFiles.TMP_MARKER)),
                names(dir).toString());
    }

    @Test
    void aFullDiskIsOneLineNamingTheFolderAndLeavesNoPartialReport() throws Exception {
        Path dir = newRun("--only", "test.dummy");
        String oldReport = Files.readString(dir.resolve("report.html"));
        String oldMetrics = Files.readString(dir.resolve("metrics.json"));
        RunFolder.ReportSink real = RunFolder.reportSink;
        RunFolder.reportSink = (where, info, results) -> {
            Files.writeString(where.resolve("metrics.json"), "{\"run\": ");
            Files.write(where.resolve("report.html"), new byte[300_000]);
            throw new IOException("No space left on device");
        };
        try {
            String r = Cli.run("reproduce", "--resume", dir.toString()).assertUserErrorAfterProgress();
            assertTrue(
                    r.startsWith("noether reproduce: no space left on the device holding " + dir.toAbsolutePath()), r);
            assertTrue(r.contains("needed more than 0.3 MiB"), r);
            assertTrue(r.contains("noether reproduce --resume " + dir), r);
            assertEquals(oldReport, Files.readString(dir.resolve("report.html")), "the last whole report stays");
            assertEquals(oldMetrics, Files.readString(dir.resolve("metrics.json")));
            assertTrue(
                    names(dir).stream().noneMatch(n -> n.contains(AtomicFiles.TMP_MARKER)),
                    names(dir).toString());

            Path fresh = tmp.resolve("fresh");
            String f = Cli.run("reproduce", "--out", fresh.toString(), "--only", "test.dummy")
                    .assertUserErrorAfterProgress();
            assertTrue(f.startsWith("noether reproduce: no space left on the device holding"), f);
            try (Stream<Path> s = Files.list(fresh)) {
                Path run = s.findFirst().orElseThrow();
                assertFalse(
                        Files.exists(run.resolve("report.html")) || Files.exists(run.resolve("metrics.json")),
                        names(run).toString());
            }
        } finally {
            RunFolder.reportSink = real;
        }
        assertEquals(0, Cli.run("reproduce", "--resume", dir.toString()).code(), "resumes once there is space");
    }

    @Test
    void anExperimentOutOfMemoryFailsAloneWithAHint() throws Exception {
        Cli r = Cli.run(
                "reproduce", "--out", tmp.resolve("runs").toString(), "--only", "test.out-of-memory,test.dummy");
        assertEquals(Main.EXIT_EXPERIMENT_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("FAILED: OutOfMemoryError: Java heap space"), r.err());
        assertTrue(
                r.err().contains("1 experiment ran out of memory") && r.err().contains("NOETHER_JAVA_OPTS=-Xmx"),
                r.err());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            dir = s.findFirst().orElseThrow();
        }
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.contains("\"status\": \"succeeded\""), "the next experiment still ran: " + json);
        assertTrue(
                Files.readString(dir.resolve("report.html")).contains("NOETHER_JAVA_OPTS"),
                "the report says how to fix it");
    }
}
