package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeanFieldStudyTest {

    static MeanFieldStudy.Plan tiny() {
        return MeanFieldStudy.Plan.of(MeanFieldStudy.Profile.QUICK).withSizes(4, 8, 16).withWorkers(2)
                .withConfig(MeanFieldStudy.Plan.of(MeanFieldStudy.Profile.QUICK).config().withHorizon(2))
                .withDiscovery(List.of(), 0);
    }

    @Test
    void runsSavesAndResumesWithTheSameNumbers(@TempDir Path dir) throws Exception {
        AtomicInteger reports = new AtomicInteger();
        StudyResult first = MeanFieldStudy.run(tiny(), 7, dir, (f, m) -> reports.incrementAndGet());
        assertEquals(3 * 4 * 3, first.runsComputed());
        assertEquals(0, first.runsReused());
        assertTrue(reports.get() > 36);
        assertTrue(Files.exists(dir.resolve("summary.md")) && Files.exists(dir.resolve("sweep.csv")));
        assertEquals(9, first.figures().size());
        assertEquals(4, first.figures().get(0).series().size());
        StudyResult again = MeanFieldStudy.run(tiny(), 7, dir, MeanFieldStudy.Progress.none());
        assertEquals(0, again.runsComputed());
        assertEquals(36, again.runsReused());
        assertEquals(withoutTimes(first.tables()), withoutTimes(again.tables()));
        assertEquals(first.tables().get(1), again.tables().get(1)); // between-scheme distances
        assertEquals(first.claims(), again.claims());
        // a different seed is a different study: nothing is reused
        StudyResult other = MeanFieldStudy.run(tiny(), 8, dir, MeanFieldStudy.Progress.none());
        assertEquals(36, other.runsComputed());
    }

    /** Tables with the wall-time column dropped (times are measured, not reproduced). */
    static List<List<Object>> withoutTimes(List<StudyResult.Table> tables) {
        return tables.get(0).rows().stream().map(r -> r.subList(0, r.size() - 1)).toList();
    }

    @Test
    void claimsAreReportedWithEvidence(@TempDir Path dir) throws Exception {
        StudyResult r = MeanFieldStudy.run(tiny(), 3, dir, MeanFieldStudy.Progress.none());
        assertTrue(r.claims().size() >= 5);
        for (StudyResult.Claim c : r.claims()) assertTrue(!c.evidence().isBlank(), c.id());
    }
}
