package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void isRegisteredAndATinyRunProducesEveryPartDeterministically(@TempDir Path dir) {
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
        var again = exp.run(ctx, TINY);
        assertEquals(comparable(r.metrics()), comparable(again.metrics()), "same seed, same numbers");
    }

    /** The metrics with primitive arrays replaced by lists, so that equality compares contents. */
    static java.util.Map<String, Object> comparable(java.util.Map<String, Object> metrics) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, v instanceof double[] a ? java.util.Arrays.stream(a).boxed().toList() : v));
        return out;
    }

    @Test
    void wassersteinDistanceToADiscreteLaw() {
        // samples {1, 1, 3, 3} against atoms 1 (weight 1/4) and 3 (weight 3/4): |F_s - F_a| = 1/4 on [1, 3)
        assertEquals(0.5, ExactDenoiserToyExperiment.wasserstein1(new double[] {1, 3, 1, 3}, new double[] {3, 1},
                new double[] {0.75, 0.25}), 1e-12);
        assertEquals(0, ExactDenoiserToyExperiment.wasserstein1(new double[] {2, 2}, new double[] {2}, new double[] {1}), 1e-12);
    }
}
