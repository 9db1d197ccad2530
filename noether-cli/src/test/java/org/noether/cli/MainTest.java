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
import picocli.CommandLine.Command;

class MainTest {

    @TempDir
    Path tmp;

    /** The outcome of one in-process run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(List<Class<?>> extra, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(o, e, extra, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(List.of(), args);
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err.contains("\tat "), "stack trace printed:\n" + r.err);
        assertFalse(r.out.contains("\tat "), "stack trace printed:\n" + r.out);
    }

    private List<Path> runFolders() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void reproduceWritesReportMetricsAndCsv() throws Exception {
        Run r = run(
                "reproduce",
                "--quick",
                "--only",
                "test.dummy",
                "--out",
                tmp.resolve("runs").toString(),
                "--seed",
                "9");
        assertEquals(0, r.code, r.err);
        List<Path> runs = runFolders();
        assertEquals(1, runs.size());
        Path dir = runs.get(0);
        assertTrue(dir.getFileName().toString().matches("run-\\d{8}-\\d{6}"), dir.toString());
        Path html = dir.resolve("report.html");
        assertEquals(html.toAbsolutePath().normalize().toString(), r.out.strip(), "stdout is just the report path");
        assertTrue(Files.readString(html).contains("Dummy experiment"));
        assertTrue(Files.readString(html).contains("noether reproduce --quick --only test.dummy"));
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(
                json.contains("\"seed\": 9") && json.contains("\"profile\": \"QUICK\"") && json.contains("\"n\": 5"),
                json);
        assertEquals(
                "x,x squared\r\n",
                Files.readString(dir.resolve("test.dummy-squares.csv")).substring(0, 13));
        assertTrue(Files.exists(dir.resolve("test.dummy-curve.png")));
        assertTrue(Files.exists(dir.resolve("test.dummy/checkpoint.txt")), "the experiment's own folder is kept");
        assertNoStackTrace(r);
    }

    @Test
    void quickIsTheDefaultProfile() throws Exception {
        Run r = run(
                "reproduce",
                "--only",
                "test.dummy",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(0, r.code, r.err);
        assertFalse(
                Files.readString(runFolders().get(0).resolve("metrics.json")).contains("\"n\": 50"));
        Run f = run(
                "reproduce",
                "--full",
                "--only",
                "test.dummy",
                "--out",
                tmp.resolve("runs2").toString());
        assertEquals(0, f.code, f.err);
    }

    @Test
    void resumeReusesTheRunFolderAndRewritesTheReport() throws Exception {
        Run first = run(
                "reproduce",
                "--only",
                "test.dummy",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(0, first.code, first.err);
        Path dir = runFolders().get(0);
        Files.delete(dir.resolve("report.html"));
        Run again = run("reproduce", "--only", "test.dummy", "--resume", dir.toString());
        assertEquals(0, again.code, again.err);
        assertEquals(1, runFolders().size(), "no new run folder");
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(Files.exists(dir.resolve("test.dummy/checkpoint.txt")));
        Run missing = run("reproduce", "--resume", tmp.resolve("nope").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("no such run folder"), missing.err);
    }

    @Test
    void onlyRunsTheNamedExperiments() throws Exception {
        Run r = run(
                "reproduce",
                "--quick",
                "--only",
                "test.dummy",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(0, r.code, r.err);
        String json = Files.readString(runFolders().get(0).resolve("metrics.json"));
        assertTrue(json.contains("\"test.dummy\""));
        assertFalse(json.contains("test.failing"));
    }

    @Test
    void aFailingExperimentIsReportedWhileOthersStillRun() throws Exception {
        Run r = run(
                "reproduce",
                "--quick",
                "--only",
                "test.failing,test.dummy",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(Main.EXIT_EXPERIMENT_FAILED, r.code, r.err);
        Path dir = runFolders().get(0);
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.indexOf("\"test.failing\"") < json.indexOf("\"test.dummy\""), "--only order is kept");
        assertTrue(json.contains("\"status\": \"failed\"") && json.contains("\"status\": \"succeeded\""), json);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("deliberate failure for the test"));
        assertTrue(r.err.contains("FAILED: IllegalStateException: deliberate failure for the test"), r.err);
        assertTrue(Files.exists(dir.resolve("test.dummy-squares.csv")));
        assertFalse(Files.exists(dir.resolve("test.failing")), "empty experiment folders are removed");
        assertNoStackTrace(r);
    }

    @Test
    void verbosePrintsStackTracesOfFailedExperiments() {
        Run r = run(
                "--verbose",
                "reproduce",
                "--quick",
                "--only",
                "test.failing",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(Main.EXIT_EXPERIMENT_FAILED, r.code);
        assertTrue(r.err.contains("\tat org.noether.cli.FailingExperiment.run"), r.err);
        Run after = run(
                "reproduce",
                "--verbose",
                "--quick",
                "--only",
                "test.failing",
                "--out",
                tmp.resolve("runs").toString());
        assertTrue(
                after.err.contains("\tat org.noether.cli.FailingExperiment.run"), "--verbose after the subcommand too");
    }

    @Test
    void unknownOnlyNameIsAOneLineUsageError() {
        Run r = run(
                "reproduce",
                "--only",
                "test.dummy,nope",
                "--out",
                tmp.resolve("runs").toString());
        assertEquals(2, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(r.err.startsWith("noether reproduce: unknown experiment 'nope' in --only; known: "), r.err);
        assertTrue(r.err.contains("test.dummy, test.failing"), r.err);
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing is created before the names are checked");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        Run unknown = run("reproduce", "--onyl", "x");
        assertEquals(2, unknown.code);
        assertEquals(1, unknown.errLines().size(), unknown.err);
        assertTrue(unknown.err.startsWith("noether reproduce: Unknown options: '--onyl', 'x'"), unknown.err);
        assertTrue(unknown.err.contains("did you mean --only?"), unknown.err);

        Run badSeed = run("reproduce", "--seed", "abc");
        assertEquals(2, badSeed.code);
        assertEquals(1, badSeed.errLines().size(), badSeed.err);
        assertTrue(badSeed.err.contains("'abc'"), badSeed.err);

        Run both = run("reproduce", "--quick", "--full");
        assertEquals(2, both.code);
        assertEquals(1, both.errLines().size(), both.err);

        Run noCommand = run();
        assertEquals(2, noCommand.code);
        assertEquals(1, noCommand.errLines().size(), noCommand.err);
        assertTrue(noCommand.err.startsWith("noether: missing command; choose one of: reproduce, "), noCommand.err);

        Run unknownCommand = run("reproduse");
        assertEquals(2, unknownCommand.code);
        assertTrue(unknownCommand.err.contains("did you mean reproduce"), unknownCommand.err);
        Stream.of(unknown, badSeed, both, noCommand, unknownCommand).forEach(MainTest::assertNoStackTrace);
    }

    @Test
    void listPrintsRegisteredExperiments() {
        Run r = run("reproduce", "--list");
        assertEquals(0, r.code);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("test.dummy ") && l.endsWith("Dummy experiment")), r.out);
        assertTrue(
                r.out.lines().anyMatch(l -> l.startsWith("test.failing ") && l.endsWith("Failing experiment")), r.out);
        assertTrue(r.out.contains("core.group-averaging"), r.out);
    }

    @Test
    void runFoldersAreNeverReused() throws Exception {
        String out = tmp.resolve("runs").toString();
        assertEquals(0, run("reproduce", "--quick", "--only", "test.dummy", "--out", out).code);
        assertEquals(0, run("reproduce", "--quick", "--only", "test.dummy", "--out", out).code);
        assertEquals(0, run("reproduce", "--quick", "--only", "test.dummy", "--out", out).code);
        List<Path> runs = runFolders();
        assertEquals(3, runs.size());
        for (Path p : runs) {
            assertTrue(p.getFileName().toString().matches("run-\\d{8}-\\d{6}(-\\d+)?"), p.toString());
        }
    }

    @Test
    void outPointingAtAFileIsAUserError() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Run r = run("reproduce", "--quick", "--only", "test.dummy", "--out", file.toString());
        assertEquals(2, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(r.err.contains("it exists and is not a folder"), r.err);
    }

    @Test
    void helpAndVersionSucceed() {
        Run help = run("--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("reproduce"));
        Run sub = run("reproduce", "--help");
        assertEquals(0, sub.code);
        assertTrue(sub.out.contains("--only=NAME"), sub.out);
        Run version = run("--version");
        assertEquals(0, version.code);
        assertTrue(version.out.startsWith("noether "), version.out);
    }

    /** Stands in for a command with a bug. */
    @Command(name = "boom")
    static class BoomCommand implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("the frobnicator is empty");
        }
    }

    /** Stands in for a command rejecting its input. */
    @Command(name = "reject")
    static class RejectCommand implements Runnable {
        @Override
        public void run() {
            throw new IllegalArgumentException("group order must be at least 1, got 0");
        }
    }

    @Test
    void unexpectedExceptionsAreOneLineWithExitOne() {
        Run r = run(List.of(BoomCommand.class), "boom");
        assertEquals(1, r.code);
        assertEquals(
                List.of("noether boom: internal error: IllegalStateException: the frobnicator is empty"
                        + " (run with --verbose for details)"),
                r.errLines());
        Run verbose = run(List.of(BoomCommand.class), "--verbose", "boom");
        assertEquals(1, verbose.code);
        assertTrue(verbose.err.contains("\tat org.noether.cli.MainTest$BoomCommand.run"), verbose.err);
    }

    /** Stands in for a command that runs out of heap outside any experiment. */
    @Command(name = "hog")
    static class HogCommand implements Runnable {
        @Override
        public void run() {
            OutOfMemoryExperiment.sink = new long[Integer.MAX_VALUE - 16];
        }
    }

    @Test
    void runningOutOfHeapOutsideAnExperimentIsOneLineWithTheHint() {
        Run r = run(List.of(HogCommand.class), "hog");
        assertEquals(1, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(
                r.err.startsWith("noether: out of memory (OutOfMemoryError: Java heap space; the heap limit is "),
                r.err);
        assertTrue(r.err.contains("NOETHER_JAVA_OPTS=-Xmx8g"), r.err);
    }

    @Test
    void illegalArgumentsAreUserErrors() {
        Run r = run(List.of(RejectCommand.class), "reject");
        assertEquals(2, r.code);
        assertEquals(List.of("noether reject: group order must be at least 1, got 0"), r.errLines());
    }
}
