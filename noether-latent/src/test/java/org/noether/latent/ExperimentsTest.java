package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.data.ImageDataset;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ExperimentsTest {

    static final LatentActionExperiment.Plan TINY = new LatentActionExperiment.Plan(14, 4, 4, 4, 2, 8, true, 5e-3f);

    @Test
    void experimentsAreRegistered() {
        List<String> names = Experiments.all().stream().map(Experiment::name).toList();
        for (String n : List.of("latent.rotated-mnist", "latent.blocked-mnist", "latent.rotated-fashion-mnist",
                "latent.contrast-mnist", "latent.action-cost"))
            assertTrue(names.contains(n), n + " in " + names);
    }

    @Test
    void blockedExperimentRunsWritesPicturesAndResumes(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 5));
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 3, out, Progress.NONE);
        ExperimentResult first = new BlockedMnistExperiment(root, TINY).run(ctx);
        assertEquals("latent.blocked-mnist", first.name());
        // 4 trained models and the data-space rotation
        assertEquals(5, first.tables().get(0).rows().size());
        assertEquals(3, first.figures().size());
        assertTrue(first.metrics().containsKey("claim.latent_beats_data_space"));
        for (String f : List.of("predictions.png", "latent-swap.png", "checkpoints/latent-seed1.params"))
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        ExperimentResult again = new BlockedMnistExperiment(root, TINY).run(ctx);
        assertEquals(first.metrics(), again.metrics(), "a second run resumes from the checkpoints");
    }

    @Test
    void contrastExperimentHasNoDataSpaceRow(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 6));
        Path out = Files.createDirectories(tmp.resolve("out"));
        var plan = new LatentActionExperiment.Plan(14, 4, 3, 4, 1, 8, false, 5e-3f);
        ExperimentResult r = new ContrastMnistExperiment(root, plan)
                .run(new ExperimentContext(Profile.QUICK, 1, out, Progress.NONE));
        assertEquals(2, r.tables().get(0).rows().size());
        assertTrue(r.metrics().containsKey("claim.latent_beats_conditional"));
    }

    static void writeIdx(Path dir, ImageDataset data) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), data.train());
        write(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), data.test());
    }

    private static void write(Path images, Path labels, ImageDataset.Split split) throws IOException {
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(images))) {
            o.writeInt(0x00000803);
            o.writeInt(split.images().count());
            o.writeInt(split.images().rows());
            o.writeInt(split.images().columns());
            o.write(split.images().pixels());
        }
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(labels))) {
            o.writeInt(0x00000801);
            o.writeInt(split.size());
            o.write(split.labels());
        }
    }
}
