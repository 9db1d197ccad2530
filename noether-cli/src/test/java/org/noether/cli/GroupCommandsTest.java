package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.bench.Benchmarks;

class GroupCommandsTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void groupsListsTheCatalog() {
        Run r = run("groups");
        assertEquals(0, r.code(), r.err());
        for (String g : new String[] {"C4", "D4", "S4", "A4", "SO3", "O3", "SE3", "C2xC2"})
            assertTrue(r.out().contains(g), g);
    }

    @Test
    void groupShowsOrderTableClassesAndRepresentations() {
        Run r = run("group", "D4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("order 8"));
        assertTrue(r.out().contains("conjugacy classes (5)"));
        assertTrue(r.out().contains("element table"));
        assertTrue(r.out().contains("regular      dimension 8"));
        Run so3 = run("group", "so3");
        assertTrue(so3.out().contains("Lie algebra: dimension 3"), so3.out());
    }

    @Test
    void unknownGroupIsAOneLineUsageError() {
        Run r = run("group", "Q8");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown group 'Q8'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("at org.noether"), "no stack trace");
    }

    @Test
    void dataFetchFromAFolderAndErrors(@TempDir Path tmp) throws Exception {
        Run bare = run("data");
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("choose one of: fetch, where"), bare.err());
        Run bad = run("data", "fetch", "cifar", "--root", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown data set 'cifar'"), bad.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run missing = run(
                "data",
                "fetch",
                "mnist",
                "--from",
                empty.toString(),
                "--root",
                tmp.resolve("root").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("no train-images-idx3-ubyte"), missing.err());
    }

    @Test
    void benchNeedsABenchmarkAndSaneOptions() {
        Run unknown = run("bench", "nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("nosuch"), unknown.err());
        Run bad = run("bench", "meanfield", "--rounds", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--rounds >= 1"), bad.err());
        assertFalse(bad.err().contains("at org.noether"), "no stack trace");
        Run zero = run("bench", "meanfield", "--threads", "0", "--n", "20");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--threads values must be >= 1, got 0"), zero.err());
    }

    @Test
    void benchListsEveryBenchmarkOnOneLineEach() {
        Run list = run("bench");
        assertEquals(0, list.code(), list.err());
        for (Benchmarks.Entry e : Benchmarks.all()) {
            long lines = list.out()
                    .lines()
                    .filter(l -> l.trim().startsWith(e.name() + " "))
                    .count();
            assertEquals(1, lines, e.name() + " in\n" + list.out());
        }
        for (String name : new String[] {"meanfield", "seq2seq", "diffusion", "basis", "cnn", "linear", "symmetrize"})
            assertTrue(Benchmarks.named(name).isPresent(), name);
    }

    /** One quick in-process JMH run (no fork, one 50 ms iteration): the table carries the ratio to the baseline. */
    @Test
    void benchRunsAJmhClassThroughTheRunnerWithARatioColumn() {
        Run r = run(
                "bench",
                "basis",
                "-f",
                "0",
                "-wi",
                "0",
                "-i",
                "1",
                "-r",
                "0.05",
                "-p",
                "problem=D8;regular;regular",
                "--methods",
                "noether,denseGram");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("time / denseGram"), r.out());
        assertTrue(r.out().contains("| problem=D8;regular;regular | denseGram |"), r.out());
        assertTrue(r.out().contains("| problem=D8;regular;regular | noether |"), r.out());
        assertTrue(r.out().contains(" 1.00x |"), r.out());
        Run bad = run("bench", "basis", "-p", "problem");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--param takes NAME=VALUE"), bad.err());
        Run method = run("bench", "basis", "--methods", "no(pe");
        assertEquals(2, method.code());
        assertTrue(method.err().contains("--methods takes method names"), method.err());
    }

    @Test
    void benchMeanfieldPrintsTheThreadScalingTable() {
        Run r = run("bench", "meanfield", "--threads", "1,2", "--n", "20,300", "--seconds", "0.05");
        assertEquals(0, r.code(), r.err());
        for (String row : new String[] {"| 20 | 1 |", "| 20 | 2 |", "| 300 | 1 |", "| 300 | 2 |"})
            assertTrue(r.out().contains(row), r.out());
        assertTrue(r.out().contains("vs 1 thread"), r.out());
    }
}
