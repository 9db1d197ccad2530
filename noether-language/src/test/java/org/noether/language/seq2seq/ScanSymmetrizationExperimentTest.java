package org.noether.language.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ScanSymmetrizationExperimentTest {

    /** A miniature protocol: every code path of the experiment, in seconds. */
    static final ScanSymmetrizationExperiment.Protocol TINY =
            new ScanSymmetrizationExperiment.Protocol(1, 8, true, 16, 12, 3e-3f, 4, 1e-3f, 4, 3e-3f, 16, 16);

    @Test
    void registeredAndResumesFromItsCheckpoints(@TempDir Path dir) throws Exception {
        var exp = (ScanSymmetrizationExperiment) Experiments.byName("language.scan-symmetrized");
        ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 3, dir, Progress.NONE);
        ExperimentResult first = exp.run(ctx, TINY);
        assertEquals(List.of("model", "method", "Add Jump zero-shot", "Add Jump fine-tuned", "Around Right zero-shot",
                "Around Right fine-tuned"), first.tables().get(0).columns());
        assertEquals(8, first.tables().get(0).rows().size());
        try (var files = Files.list(dir.resolve("checkpoints"))) {
            // per split and cell: pretrained, lambda, and four fine-tuned models
            assertEquals(2 * 2 * 6, files.count());
        }
        Files.delete(dir.resolve("evaluations.properties"));
        long before = lastModified(dir.resolve("checkpoints"));
        ExperimentResult again = exp.run(ctx, TINY);
        assertEquals(before, lastModified(dir.resolve("checkpoints")), "a rerun must not retrain");
        for (String k : first.metrics().keySet())
            if (k.startsWith("accuracy.")) assertTrue(java.util.Arrays.equals((double[]) first.metrics().get(k),
                    (double[]) again.metrics().get(k)), k + " differs after reloading the checkpoints");
    }

    private static long lastModified(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
    }
}
