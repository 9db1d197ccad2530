package org.noether.language.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Verdict;

class ScanSymmetrizationExperimentTest {

    /** A miniature protocol: every code path of the experiment, in seconds. */
    static final ScanSymmetrizationExperiment.Protocol TINY =
            new ScanSymmetrizationExperiment.Protocol(1, 8, true, 16, 12, 3e-3f, 4, 1e-3f, 4, 3e-3f, 16, 16);

    @Test
    void registeredAndResumesFromItsCache(@TempDir Path dir) throws Exception {
        var exp = (ScanSymmetrizationExperiment) Experiments.byName("language.scan-symmetrized");
        ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 3, dir, Progress.NONE);
        ExperimentResult first = exp.run(ctx, TINY);
        assertEquals(
                List.of(
                        "model",
                        "method",
                        "Add Jump zero-shot",
                        "Add Jump fine-tuned",
                        "Around Right zero-shot",
                        "Around Right fine-tuned"),
                first.tables().get(0).columns());
        assertEquals(8, first.tables().get(0).rows().size());
        assertEquals(12, first.claims().size(), "three claims per split and model");
        assertTrue(first.claims().stream().allMatch(c -> c.paper() == Paper.EQUIZERO && c.interval() != null));
        assertTrue(
                first.summary()
                        .startsWith(
                                first.claims().stream().filter(c -> c.held()).count() + " of 12 claims"),
                first.summary());
        Path cache = dir.resolve(ResultCache.FOLDER);
        // per split and cell: pretrained, lambda, and four fine-tuned models
        assertEquals(2 * 2 * 6, entries(cache, "model-"));
        long before = lastModified(cache);
        ExperimentResult again = exp.run(ctx, TINY);
        assertEquals(before, lastModified(cache), "a rerun must not retrain or re-evaluate");
        for (String k : first.metrics().keySet())
            if (k.startsWith("accuracy."))
                assertTrue(
                        java.util.Arrays.equals((double[]) first.metrics().get(k), (double[])
                                again.metrics().get(k)),
                        k + " differs after reloading the cache");
        assertEquals(first.claims(), again.claims());
        // another seed is another run: nothing is reused
        ExperimentResult other = exp.run(new ExperimentContext(Profile.QUICK, 4, dir, Progress.NONE), TINY);
        assertTrue(lastModified(cache) > before, "entries of seed 3 must not serve seed 4");
        assertEquals(12, other.claims().size());
    }

    @Test
    void claimsFollowTheMeasurementsEitherWay() {
        Cell gru = Cell.GRU;
        // as claimed: pretrained fails, equizero recovers 70 %, equitune stays far below
        List<Claim> good = ScanSymmetrizationExperiment.claims(
                "Add Jump",
                gru,
                new double[] {0, 0.01, 0},
                new double[] {0.1, 0.15, 0.12},
                new double[] {0.7, 0.72, 0.69},
                1);
        assertEquals(
                List.of(Verdict.HELD, Verdict.HELD, Verdict.HELD),
                good.stream().map(Claim::verdict).toList());
        // a pretrained model that already generalizes, equizero no better than equitune
        List<Claim> bad = ScanSymmetrizationExperiment.claims(
                "Add Jump",
                gru,
                new double[] {0.4, 0.5, 0.45},
                new double[] {0.6, 0.55, 0.58},
                new double[] {0.62, 0.6, 0.57},
                1);
        assertEquals(
                List.of(Verdict.FAILED, Verdict.HELD, Verdict.FAILED),
                bad.stream().map(Claim::verdict).toList());
        // equizero collapses
        List<Claim> collapsed = ScanSymmetrizationExperiment.claims(
                "Around Right", gru, new double[] {0}, new double[] {0.02}, new double[] {0.3}, 1);
        assertEquals(Verdict.FAILED, collapsed.get(1).verdict());
        assertEquals(Verdict.HELD, collapsed.get(2).verdict(), "28 points above equitune still beats the margin");
        // seeds that disagree give an interval straddling the threshold: not held
        List<Claim> noisy = ScanSymmetrizationExperiment.claims(
                "Add Jump",
                gru,
                new double[] {0, 0, 0},
                new double[] {0.1, 0.1, 0.1},
                new double[] {0.95, 0.2, 0.9},
                1);
        assertEquals(Verdict.FAILED, noisy.get(2).verdict(), noisy.get(2).detail());
    }

    private static long entries(Path cache, String prefix) throws Exception {
        try (var files = Files.walk(cache)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".entry"))
                    .count();
        }
    }

    private static long lastModified(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
    }
}
