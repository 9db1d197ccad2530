package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Table;

class MeanFieldStudyTest {

    static MeanFieldStudy.Plan tiny() {
        MeanFieldStudy.Plan q = MeanFieldStudy.Plan.of(Profile.QUICK);
        return q.withSizes(4, 8, 16)
                .withWorkers(2)
                .withConfig(q.config().withHorizon(2))
                .withDiscovery(List.of(), 0);
    }

    static ExperimentResult run(Path dir, long seed, Progress progress) throws Exception {
        return MeanFieldStudy.run(
                new MeanFieldExperiment(), new ExperimentContext(Profile.QUICK, seed, dir, progress), tiny());
    }

    static int metric(ExperimentResult r, String key) {
        return ((Number) r.metrics().get(key)).intValue();
    }

    @Test
    void runsCachesAndResumesWithTheSameNumbers(@TempDir Path dir) throws Exception {
        AtomicLong advanced = new AtomicLong();
        Progress counting = (label, total) -> new Progress.Task() {
            @Override
            public void advance(long n) {
                advanced.addAndGet(n);
            }

            @Override
            public void message(String message) {}

            @Override
            public void close() {}
        };
        ExperimentResult first = run(dir, 7, counting);
        assertEquals(3 * 4 * 3, metric(first, "runs_computed"));
        assertEquals(0, metric(first, "runs_reused"));
        assertTrue(advanced.get() > 900 && advanced.get() <= 1000, "progress reaches the end: " + advanced.get());
        assertEquals(9, first.figures().size());
        assertEquals(4, first.figures().get(0).series().size());
        try (Stream<Path> files = Files.list(dir.resolve(ResultCache.FOLDER))) {
            assertEquals(36, files.filter(p -> p.toString().endsWith(".entry")).count(), "one cache entry per run");
        }
        ExperimentResult again = run(dir, 7, Progress.NONE);
        assertEquals(0, metric(again, "runs_computed"));
        assertEquals(36, metric(again, "runs_reused"));
        assertEquals(withoutTimes(table(first, "sweep")), withoutTimes(table(again, "sweep")));
        assertEquals(table(first, "between-schemes"), table(again, "between-schemes"));
        assertEquals(first.claims(), again.claims());
        // a different seed is a different study: nothing is reused
        ExperimentResult other = run(dir, 8, Progress.NONE);
        assertEquals(36, metric(other, "runs_computed"));
        assertFalse(withoutTimes(table(first, "sweep")).equals(withoutTimes(table(other, "sweep"))));
    }

    @Test
    void aCorruptCachedRunIsRecomputedToTheSameNumbers(@TempDir Path dir) throws Exception {
        ExperimentResult first = run(dir, 5, Progress.NONE);
        Path entry = dir.resolve(ResultCache.FOLDER).resolve("SI_FA_N8_s0.entry");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated, as by a kill
        StringBuilder log = new StringBuilder();
        Progress logging = Progress.logTo(line -> log.append(line).append('\n'));
        ExperimentResult again = run(dir, 5, logging);
        assertEquals(1, metric(again, "runs_computed"));
        assertTrue(log.toString().contains("SI_FA_N8_s0"), log.toString());
        assertEquals(withoutTimes(table(first, "sweep")), withoutTimes(table(again, "sweep")));
    }

    @Test
    void claimsAreToolkitClaimsOfTheMeanFieldPaperWithComputedVerdicts(@TempDir Path dir) throws Exception {
        ExperimentResult r = run(dir, 3, Progress.NONE);
        assertTrue(r.claims().size() >= 5);
        for (Claim c : r.claims()) {
            assertEquals(Paper.MEAN_FIELD, c.paper());
            assertFalse(c.ours().isBlank(), c.statement());
            assertFalse(c.detail().isBlank(), c.statement());
        }
        assertEquals(r.claims().stream().filter(Claim::held).count(), metric(r, "claims_held"));
    }

    /** The sweep's rows with the wall-time column dropped (times are measured, not reproduced). */
    static List<List<Object>> withoutTimes(Table t) {
        return t.rows().stream().map(row -> row.subList(0, row.size() - 1)).toList();
    }

    static Table table(ExperimentResult r, String name) {
        return r.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
