package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class GroupAveragingExperimentTest {

    @Test
    void quickRunAveragesEveryCaseToRoundOffAndIsRegistered(@TempDir Path dir) throws Exception {
        var exp = Experiments.byName("core.group-averaging");
        var r = exp.run(new ExperimentContext(Profile.QUICK, 7, dir, Progress.NONE));
        assertTrue(((Number) r.metrics().get("max_error_after")).doubleValue() < 1e-12);
        assertTrue(((Number) r.metrics().get("median_error_before")).doubleValue() > 0.1);
        assertTrue(((Number) r.metrics().get("cases")).intValue() > 100);
        assertEquals(2, r.claims().size());
        assertTrue(r.claims().stream().allMatch(c -> c.held()), r.claims().toString());
        assertTrue(r.summary().contains("within round-off"), r.summary());
        var again = exp.run(new ExperimentContext(Profile.QUICK, 7, dir, Progress.NONE));
        assertEquals(r.metrics(), again.metrics(), "same seed, same numbers");
        assertTrue(GroupAveragingExperiment.groups(false).stream().allMatch(g -> g.order() <= 120));
    }
}
