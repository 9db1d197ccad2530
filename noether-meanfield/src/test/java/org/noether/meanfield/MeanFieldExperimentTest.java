package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class MeanFieldExperimentTest {

    @Test
    void registeredExperimentCarriesTablesFiguresAndClaimsAndResumes(@TempDir Path dir) throws Exception {
        var exp = (MeanFieldExperiment) Experiments.byName("meanfield.symmetries");
        var q = MeanFieldStudy.Plan.of(Profile.QUICK);
        var tiny = new MeanFieldStudy.Plan(
                q.profile(),
                q.setting(),
                q.config(),
                new int[] {4, 8},
                1,
                q.teachers(),
                q.schemes(),
                q.initialization(),
                200,
                1,
                List.of(),
                40);
        var ctx = new ExperimentContext(Profile.QUICK, 3, dir, Progress.NONE);
        var r = MeanFieldStudy.run(exp, ctx, tiny);
        assertTrue(r.succeeded());
        assertEquals("claims", r.tables().get(0).name());
        assertFalse(r.figures().isEmpty());
        assertFalse(r.claims().isEmpty());
        assertTrue(((Number) r.metrics().get("runs_computed")).intValue() > 0);
        var again = MeanFieldStudy.run(exp, ctx, tiny);
        assertEquals(0, ((Number) again.metrics().get("runs_computed")).intValue(), "a rerun reuses finished runs");
        assertEquals(r.tables().get(2), again.tables().get(2), "same seed, same numbers");
    }
}
