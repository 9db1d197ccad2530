package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.diffusion.proteins.Backbone;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ProteinDiffusionExperimentTest {

    /** A right-handed helix (Cα-Cα 3.83 A) of {@code n} residues, centred, rotated by {@code phase}. */
    static double[] helix(int n, double phase) {
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.toRadians(100 * i) + phase;
            x[3 * i] = 2.3 * Math.cos(a);
            x[3 * i + 1] = 2.3 * Math.sin(a);
            x[3 * i + 2] = 1.5 * (i - (n - 1) / 2.0);
        }
        return x;
    }

    @Test
    void isRegisteredAndATinyRunScoresEverySamplerAndResumes(@TempDir Path dir) {
        assertTrue(Experiments.byName("diffusion.proteins") instanceof ProteinDiffusionExperiment);
        List<Backbone.Fragment> fragments = new ArrayList<>();
        for (int k = 0; k < 6; k++)
            fragments.add(new Backbone.Fragment("pdb" + (1 + k % 3) + "abc", "A", 0, helix(8, k)));
        var exp = new ProteinDiffusionExperiment(dir);
        var ctx = new ExperimentContext(Profile.QUICK, 1, dir, Progress.NONE);
        var tiny = new ProteinDiffusionExperiment.Sizes(8, 2, 4, 1, 2, 2, 1e-3f, 2, 3, 0.34);
        ExperimentResult r = exp.run(ctx, tiny, fragments);
        // 4 objectives and the untrained baseline, each with every sampler; then the learning table (trained minus
        // untrained) without the baseline
        assertEquals(
                5 * ConformerDiffusionExperiment.SAMPLERS.size(),
                r.tables().get(0).rows().size());
        assertEquals("learning", r.tables().get(1).name());
        // one bar per objective and the untrained network for each of the 4 samplers, in both figures
        assertEquals(
                List.of("ca-ca-deviation", "torsion-w1"),
                r.figures().stream().map(f -> f.name()).toList());
        for (var f : r.figures()) {
            assertEquals(1 + Objective.values().length, f.series().size(), f.name());
            for (var series : f.series()) {
                assertEquals(ConformerDiffusionExperiment.SAMPLERS.size(), series.y().length, f.name());
                for (double v : series.y()) assertTrue(Double.isFinite(v) && v >= 0, f.name() + ": " + v);
            }
        }
        assertEquals(
                4 * ConformerDiffusionExperiment.SAMPLERS.size(),
                r.tables().get(1).rows().size());
        assertEquals(
                2 * ConformerDiffusionExperiment.CLAIM_PAIRS.size() + ProteinDiffusionExperiment.LEARNING.length,
                r.claims().size());
        assertTrue(r.summary().contains("training helped"), r.summary());
        assertTrue(
                r.claims().stream().allMatch(c -> c.interval() != null),
                r.claims().toString());
        assertTrue(r.summary().contains("3 structure groups"), r.summary());
        ExperimentResult again = exp.run(ctx, tiny, fragments);
        assertEquals(r.tables().get(0).rows(), again.tables().get(0).rows(), "read back from the cache");
        // a seed grid aggregates claims by their statement: statements must not depend on the run's numbers
        ExperimentResult other =
                exp.run(new ExperimentContext(Profile.QUICK, 2, dir.resolve("seed2"), Progress.NONE), tiny, fragments);
        assertEquals(
                r.claims().stream().map(c -> c.statement()).toList(),
                other.claims().stream().map(c -> c.statement()).toList());
    }
}
