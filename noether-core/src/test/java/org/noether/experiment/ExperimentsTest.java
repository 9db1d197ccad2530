package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsTest {

    @TempDir
    Path tmp;

    private ExperimentContext ctx() {
        return new ExperimentContext(Profile.QUICK, 7, tmp.resolve("out"), Progress.NONE);
    }

    @Test
    void allFindsRegisteredExperimentsSortedByName() {
        // the core also registers its own experiments; the test ones must be found, in order
        List<String> names = Experiments.all().stream()
                .map(Experiment::name)
                .filter(n -> n.startsWith("test."))
                .toList();
        assertEquals(List.of("test.alpha", "test.beta"), names);
        List<String> all = Experiments.all().stream().map(Experiment::name).toList();
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void byNameFindsTheExperiment() {
        assertEquals(AlphaExperiment.class, Experiments.byName("test.alpha").getClass());
    }

    @Test
    void unknownNameListsKnownNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Experiments.byName("test.gamma"));
        assertTrue(e.getMessage().startsWith("unknown experiment 'test.gamma'; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("test.alpha, test.beta"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() throws IOException {
        try (URLClassLoader loader = loaderRegistering(DuplicateAlphaExperiment.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Experiments.all(loader));
            assertTrue(e.getMessage().contains("'test.alpha' is used by both"), e.getMessage());
        }
    }

    @Test
    void malformedNamesAreRejected() throws IOException {
        try (URLClassLoader loader = loaderRegistering(BadNameExperiment.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Experiments.all(loader));
            assertTrue(e.getMessage().contains("'Bad Name/..'"), e.getMessage());
        }
    }

    private URLClassLoader loaderRegistering(Class<?> provider) throws IOException {
        Path services = tmp.resolve("cp/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Experiment.class.getName()), provider.getName() + "\n");
        return new URLClassLoader(
                new URL[] {tmp.resolve("cp").toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void runSafelyStampsElapsedTimeAndCreatesTheOutputFolder() {
        ExperimentResult r = Experiments.runSafely(new AlphaExperiment(), ctx());
        assertTrue(r.succeeded());
        assertEquals(7L, r.metrics().get("seed"));
        assertFalse(r.elapsed().isNegative());
        assertTrue(Files.isDirectory(tmp.resolve("out")));
    }

    @Test
    void runSafelyTurnsExceptionsIntoOneLineFailures() {
        ExperimentResult r = Experiments.runSafely(new BetaExperiment(), ctx());
        assertFalse(r.succeeded());
        assertEquals("test.beta", r.name());
        assertEquals(
                "IllegalStateException: beta broke second line", r.failure().message());
        assertTrue(
                r.failure().stackTrace().contains("BetaExperiment.run"),
                r.failure().stackTrace());
    }

    @Test
    void userExceptionsKeepTheirPlainMessage() {
        Experiment e = new AlphaExperiment() {
            @Override
            public ExperimentResult run(ExperimentContext c) {
                throw new NoetherUserException("dataset 'x' not found; expected one of a, b");
            }
        };
        assertEquals(
                "dataset 'x' not found; expected one of a, b",
                Experiments.runSafely(e, ctx()).failure().message());
    }

    @Test
    void resultsWithTheWrongNameOrNoneAreFailures() {
        Experiment wrongName = new AlphaExperiment() {
            @Override
            public ExperimentResult run(ExperimentContext c) {
                return ExperimentResult.builder("test.other", "Other").build();
            }
        };
        Experiment nullResult = new AlphaExperiment() {
            @Override
            public ExperimentResult run(ExperimentContext c) {
                return null;
            }
        };
        assertTrue(Experiments.runSafely(wrongName, ctx())
                .failure()
                .message()
                .contains("'test.other' instead of 'test.alpha'"));
        assertTrue(Experiments.runSafely(nullResult, ctx()).failure().message().contains("returned null"));
    }

    @Test
    void interruptionIsRecordedAndTheFlagRestored() {
        Experiment sleeper = new AlphaExperiment() {
            @Override
            public ExperimentResult run(ExperimentContext c) throws InterruptedException {
                throw new InterruptedException("stop");
            }
        };
        try {
            ExperimentResult r = Experiments.runSafely(sleeper, ctx());
            assertNotNull(r.failure());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void contextChoosesByProfileAndSeedsReproducibly() {
        ExperimentContext quick = ctx();
        ExperimentContext full = new ExperimentContext(Profile.FULL, 7, tmp, Progress.NONE);
        assertEquals(2, quick.byProfile(2, 50));
        assertEquals(50, full.byProfile(2, 50));
        assertSame("q", quick.byProfile("q", "f"));
        assertTrue(quick.quick());
        assertFalse(full.quick());
        assertEquals(quick.random().nextLong(), full.random().nextLong());
        assertThrows(NullPointerException.class, () -> new ExperimentContext(null, 1, tmp, Progress.NONE));
    }

    @Test
    void purposeStreamsAreReproducibleAndIndependent() {
        ExperimentContext a = ctx();
        ExperimentContext b = new ExperimentContext(Profile.FULL, 7, tmp, Progress.NONE);
        ExperimentContext other = new ExperimentContext(Profile.QUICK, 8, tmp, Progress.NONE);
        assertEquals(a.random("init").nextLong(), b.random("init").nextLong());
        long init = a.random("init").nextLong();
        assertNotEquals(init, a.random("data").nextLong());
        assertNotEquals(init, other.random("init").nextLong());
        assertNotEquals(a.random("ab").nextLong(), a.random("ba").nextLong());
        assertNotEquals(init, a.random().nextLong());
    }

    @Test
    void noneProgressAcceptsEverything() {
        try (Progress.Task t = Progress.NONE.task("x", 10)) {
            t.step();
            t.advance(3);
            t.message("m");
        }
    }
}
