package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.noether.experiment.Workers;

class ConformerDiffusionExperimentTest {

    /** The relaxed ensembles of the tiny pools, computed once for all tests. */
    @TempDir
    static Path data;

    @Test
    void mirrorClosureCountsReferencesWhoseMirrorImageIsInTheEnsemble() throws Exception {
        // a chain of four atoms with a 90 degree dihedral (bonds of 3 A, so that its mirror image is far from it): its
        // only symmetry, reversing the chain, keeps the dihedral's sign, so the mirror image is another conformer
        var c = org.noether.diffusion.metrics.Element.C;
        var m = new org.noether.diffusion.conformers.Molecule(
                "CCCC",
                new org.noether.diffusion.metrics.Element[] {c, c, c, c},
                new int[][] {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}},
                new double[] {0, 0, 0, 3, 0, 0, 3, 3, 0, 3, 3, 3});
        double[] x = m.coords();
        double[] mirror = x.clone();
        for (int k = 0; k < mirror.length; k += 3) mirror[k] = -mirror[k];
        var alone = new ConformerDiffusionExperiment.Pooled(m, List.of(x));
        var closed = new ConformerDiffusionExperiment.Pooled(m, List.of(x, mirror));
        assertEquals(0.0, ConformerDiffusionExperiment.mirrorClosure(List.of(alone)));
        assertEquals(1.0, ConformerDiffusionExperiment.mirrorClosure(List.of(closed)));
        assertEquals(2 / 3.0, ConformerDiffusionExperiment.mirrorClosure(List.of(alone, closed)), 1e-12);
    }

    @Test
    void trainingStatusMovesTheProgressLineEveryPercentOfTheSteps() {
        List<String> shown = new ArrayList<>();
        Progress.Task task = new Progress.Task() {
            @Override
            public void advance(long n) {}

            @Override
            public void message(String message) {
                shown.add(message);
            }

            @Override
            public void close() {}
        };
        var listener = ConformerDiffusionExperiment.trainingStatus(task, "seed 1, QUOTIENT: training", 250);
        for (int step = 0; step < 250; step++) listener.afterStep(step, 0.25f);
        // every 2 steps (1 % of 250, rounded down) and the last one
        assertEquals(125, shown.size());
        assertEquals("seed 1, QUOTIENT: training step 2/250, loss 0.250", shown.get(0));
        assertEquals("seed 1, QUOTIENT: training step 250/250, loss 0.250", shown.get(shown.size() - 1));
    }

    @Test
    void isRegisteredAndATinyRunReportsIntervalsClaimsAndResumesFromFingerprintedCheckpoints(@TempDir Path dir)
            throws Exception {
        assertTrue(Experiments.byName("diffusion.conformers") instanceof ConformerDiffusionExperiment);
        var exp = new ConformerDiffusionExperiment(data);
        List<String> log = new ArrayList<>();
        Progress progress = Progress.logTo(log::add);
        var ctx = new ExperimentContext(Profile.QUICK, 3, dir, progress);
        var tiny = new ConformerDiffusionExperiment.Sizes(2, 2, 4, 2, 4, 1, 4, 2, 1e-3f, 2, 2, 2, List.of());
        ExperimentResult first = exp.run(ctx, tiny);
        var table = first.tables().get(0);
        assertEquals(
                1 + 4 * ConformerDiffusionExperiment.SAMPLERS.size(),
                table.rows().size());
        assertTrue(
                String.valueOf(table.rows().get(1).get(2)).matches("-?\\d+\\.\\d \\[-?\\d+\\.\\d, -?\\d+\\.\\d\\]"),
                "Cov-R as mean [interval]: " + table.rows().get(1).get(2));
        List<Claim> claims = first.claims();
        assertEquals(1 + 2 * ConformerDiffusionExperiment.CLAIM_PAIRS.size() + 1, claims.size());
        assertTrue(
                claims.stream()
                        .filter(c -> c.paper() == Paper.QUOTIENT_DIFFUSION)
                        .allMatch(c -> c.interval() != null
                                && c.interval().n() == (c.statement().contains("learning") ? 2 : 2 * 2)),
                claims.toString());
        assertTrue(first.summary().contains(claims.get(1).held() ? "held on Cov-R" : "on Cov-R"), first.summary());
        assertFalse(first.figures().isEmpty());
        // the limits table: each diagnosed row under every scoring; "as scored" repeats the main table's samples
        var limits = first.tables().stream()
                .filter(t -> t.name().equals("limits"))
                .findFirst()
                .orElseThrow();
        int diagnosed = limits.rows().size() / ConformerDiffusionExperiment.LIMIT_VARIANTS.length;
        assertTrue(diagnosed == 2 || diagnosed == 3, limits.rows().toString());
        for (int r = 0; r < diagnosed; r++) {
            List<Object> asScored = limits.rows().get(r * ConformerDiffusionExperiment.LIMIT_VARIANTS.length);
            assertEquals("as scored", asScored.get(2));
            List<Object> main = table.rows().stream()
                    .filter(row ->
                            row.get(0).equals(asScored.get(0)) && row.get(1).equals(asScored.get(1)))
                    .findFirst()
                    .orElseThrow();
            assertEquals(main.get(2), asScored.get(3), "Cov-R of " + asScored);
            assertEquals(main.get(3), asScored.get(4), "AMR-R of " + asScored);
        }
        assertTrue(first.summary().contains("What limits the best row"), first.summary());

        ExperimentResult again = exp.run(ctx, tiny); // everything read from the cache
        assertEquals(table.rows(), again.tables().get(0).rows());
        assertTrue(log.isEmpty(), log.toString());

        // a corrupt model checkpoint is noticed, logged and retrained to the same numbers (same seeds)
        Path model = dir.resolve(ResultCache.FOLDER).resolve("model-s0-quotient.entry");
        byte[] raw = Files.readAllBytes(model);
        raw[raw.length - 5] ^= 0x55;
        Files.write(model, raw);
        ExperimentResult third = exp.run(ctx, tiny);
        assertEquals(table.rows(), third.tables().get(0).rows());
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("model-s0-quotient") && log.get(0).contains("checksum"), log.get(0));

        // another seed does not reuse the checkpoints
        var other = new ExperimentContext(Profile.QUICK, 4, dir, progress);
        exp.run(other, tiny);
        assertTrue(log.stream().anyMatch(l -> l.contains("another run")), log.toString());
    }

    @Test
    void theFullProfilesJobsOnTwoThreadsGiveTheSameNumbersAsOnOne(@TempDir Path one, @TempDir Path two) {
        var exp = new ConformerDiffusionExperiment(data);
        var tiny = new ConformerDiffusionExperiment.Sizes(2, 2, 4, 2, 4, 1, 4, 2, 1e-3f, 2, 2, 2, List.of(3));
        String before = System.getProperty(Workers.PROPERTY);
        try {
            System.setProperty(Workers.PROPERTY, "1");
            ExperimentResult a = exp.run(new ExperimentContext(Profile.FULL, 5, one, Progress.NONE), tiny);
            System.setProperty(Workers.PROPERTY, "2");
            ExperimentResult b = exp.run(new ExperimentContext(Profile.FULL, 5, two, Progress.NONE), tiny);
            assertEquals(a.tables().size(), b.tables().size());
            for (int t = 0; t < a.tables().size(); t++) {
                assertEquals(
                        a.tables().get(t).rows(),
                        b.tables().get(t).rows(),
                        a.tables().get(t).name());
            }
            assertEquals(a.metrics(), b.metrics());
        } finally {
            if (before == null) System.clearProperty(Workers.PROPERTY);
            else System.setProperty(Workers.PROPERTY, before);
        }
    }
}
