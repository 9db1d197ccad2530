package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ConformerDiffusionExperimentTest {

    @Test
    void isRegisteredAndATinyRunResumesFromItsCheckpoints(@TempDir Path dir) throws Exception {
        var exp = (ConformerDiffusionExperiment) Experiments.byName("diffusion.conformers");
        var ctx = new ExperimentContext(Profile.QUICK, 3, dir, Progress.NONE);
        var tiny = new ConformerDiffusionExperiment.Sizes(2, 1, 4, 2, 4, 1, 2, 2, 1e-3f, 2);
        ExperimentResult first = exp.run(ctx, tiny);
        var table = first.tables().get(0);
        assertEquals(1 + 4 * ConformerDiffusionExperiment.SAMPLERS.size(), table.rows().size());
        for (Objective o : Objective.values()) {
            String name = "egnn-" + o.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(Files.exists(dir.resolve("models").resolve(name + "-0000.params")), name);
        }
        ExperimentResult again = exp.run(ctx, tiny);                 // everything loaded, nothing retrained
        assertEquals(table.rows(), again.tables().get(0).rows());
    }
}
