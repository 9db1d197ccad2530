package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ExactDenoiserToyExperimentTest {

    static final ExactDenoiserToyExperiment.Sizes TINY = new ExactDenoiserToyExperiment.Sizes(24, 8, 300, 10);

    @Test
    void isRegisteredAndATinyRunProducesEveryPartDeterministically(@TempDir Path dir) throws Exception {
        var exp = (ExactDenoiserToyExperiment) Experiments.byName("diffusion.exact-denoiser-toy");
        var ctx = new ExperimentContext(Profile.QUICK, 3, dir, Progress.NONE);
        var r = exp.run(ctx, TINY);
        assertEquals("diffusion.exact-denoiser-toy", r.name());
        assertEquals(3, r.tables().size());
        int methods = ExactDenoiserToyExperiment.methods().size();
        assertEquals(3 * (methods + 1), r.tables().get(0).rows().size(), "3 targets x (reference + methods)");
        assertTrue(r.figures().stream().anyMatch(f -> f.name().equals("planar4-points")));
        // the analytic drift check is exact whatever the sizes
        assertEquals(12.0, ((Number) r.metrics().get("drift.se_3.correct.analytic")).doubleValue(), 1e-9);
        assertEquals(6.0, ((Number) r.metrics().get("drift.se_3.reversed.analytic")).doubleValue(), 1e-9);
        var again = exp.run(ctx, TINY); // every sampler row read from its checkpoint
        assertEquals(comparable(r.metrics()), comparable(again.metrics()), "same seed, same numbers");
        assertEquals(r.summary(), again.summary());
        assertEquals(4, r.claims().size(), "derived and published sign, in space and in the plane");
        // a killed run keeps the rows it finished: delete some checkpoints, the rerun recomputes only those,
        // identically
        java.nio.file.Path cache = dir.resolve(org.noether.experiment.ResultCache.FOLDER);
        try (var files = java.nio.file.Files.list(cache)) {
            var rows = files.filter(p -> p.getFileName().toString().startsWith("row-planar4"))
                    .toList();
            assertEquals(methods, rows.size());
            for (var p : rows) java.nio.file.Files.delete(p);
        }
        var resumed = exp.run(ctx, TINY);
        assertEquals(comparable(r.metrics()), comparable(resumed.metrics()), "recomputed rows equal the first run's");
    }

    static ExactDenoiserToyExperiment.Stats row(String method, double rmsd) {
        return new ExactDenoiserToyExperiment.Stats(
                method, new double[] {1}, 1, 0, rmsd, new double[] {1}, 0, 1, 1, new double[] {1}, 0);
    }

    @Test
    void summarySentencesFollowTheMeasuredFigures() {
        String on = ExactDenoiserToyExperiment.shapeSummary(java.util.List.of(row("a", 1e-7), row("b", 2e-6)));
        assertTrue(on.startsWith("Every sampler ends on a target shape"), on);
        String off = ExactDenoiserToyExperiment.shapeSummary(java.util.List.of(row("a", 1e-7), row("b", 0.2)));
        assertTrue(
                off.startsWith("Not every sampler") && off.contains("b (mean RMSD 0.200)") && !off.contains("a ("),
                off);

        var published = new ExactDenoiserToyExperiment.Drift("SE(3)", 5, Correction.REVERSED, 5.7, 12, -40);
        var derived = new ExactDenoiserToyExperiment.Drift("SE(3)", 5, Correction.CORRECT, 11.8, 12, -1.2);
        String fails = ExactDenoiserToyExperiment.signSummary(java.util.List.of(derived, published));
        assertTrue(fails.contains("-(s^2/2) h: 11.80 against 12.00 (z = -1.2), agrees"), fails);
        assertTrue(fails.contains("published +(s^2/2) h: 5.70 against 12.00 (z = -40.0), fails"), fails);
        var publishedAgrees = new ExactDenoiserToyExperiment.Drift("SE(3)", 5, Correction.REVERSED, 11.9, 12, -0.5);
        String agrees = ExactDenoiserToyExperiment.signSummary(java.util.List.of(derived, publishedAgrees));
        assertTrue(agrees.contains("published +(s^2/2) h: 11.90 against 12.00 (z = -0.5), agrees"), agrees);
        assertFalse(agrees.contains("fails ("), agrees);
    }

    /** The metrics with primitive arrays replaced by lists, so that equality compares contents. */
    static java.util.Map<String, Object> comparable(java.util.Map<String, Object> metrics) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(
                k, v instanceof double[] a ? java.util.Arrays.stream(a).boxed().toList() : v));
        return out;
    }

    @Test
    void wassersteinDistanceToADiscreteLaw() {
        // samples {1, 1, 3, 3} against atoms 1 (weight 1/4) and 3 (weight 3/4): |F_s - F_a| = 1/4 on [1, 3)
        assertEquals(
                0.5,
                ExactDenoiserToyExperiment.wasserstein1(
                        new double[] {1, 3, 1, 3}, new double[] {3, 1}, new double[] {0.75, 0.25}),
                1e-12);
        assertEquals(
                0,
                ExactDenoiserToyExperiment.wasserstein1(new double[] {2, 2}, new double[] {2}, new double[] {1}),
                1e-12);
    }
}
