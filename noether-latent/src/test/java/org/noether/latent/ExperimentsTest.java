package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.data.ImageDataset;
import org.noether.data.Mesh;
import org.noether.data.Meshes;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

class ExperimentsTest {

    static final LatentActionExperiment.Plan TINY = new LatentActionExperiment.Plan(14, 4, 4, 4, 2, 8, true, 5e-3f);

    @Test
    void experimentsAreRegistered() {
        List<String> names = Experiments.all().stream().map(Experiment::name).toList();
        for (String n : List.of(
                "latent.rotated-mnist",
                "latent.blocked-mnist",
                "latent.rotated-fashion-mnist",
                "latent.contrast-mnist",
                "latent.contrast-classes-mnist",
                "latent.action-cost",
                "latent.so3-objects",
                "latent.so3-plane")) assertTrue(names.contains(n), n + " in " + names);
    }

    @Test
    void blockedExperimentRunsWritesPicturesAndResumes(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 5));
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 3, out, Progress.NONE);
        ExperimentResult first = new BlockedMnistExperiment(root, TINY).run(ctx);
        assertEquals("latent.blocked-mnist", first.name());
        // 4 trained models, the data-space rotation and copying the source
        assertEquals(6, first.tables().get(0).rows().size());
        assertEquals(3, first.figures().size());
        // latent vs conditional, vs each ablation and vs data space under occlusion, each in PSNR and SSIM
        assertEquals(8, first.claims().size());
        assertTrue(
                first.claims().stream()
                        .allMatch(c -> c.paper() == Paper.LATENT_ACTIONS
                                && c.interval() != null
                                && c.interval().n() == 2),
                first.claims().toString());
        assertTrue(first.claims().stream().anyMatch(c -> c.statement().contains("data-space")));
        for (String f : List.of("predictions.png", "latent-swap.png", "cache/latent-seed1-params.entry"))
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        List<String> log = new ArrayList<>();
        ExperimentResult again = new BlockedMnistExperiment(root, TINY).run(ctx(3, out, log));
        assertEquals(first.metrics(), again.metrics(), "a second run resumes from the cache");
        assertEquals(List.of(), log, "nothing recomputed");
    }

    @Test
    void resumingWithAnotherSeedRetrainsInsteadOfReusingModels(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 5));
        var plan = new LatentActionExperiment.Plan(14, 4, 3, 4, 1, 8, false, 5e-3f);
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExperimentResult seed5 = new RotatedMnistExperiment(root, plan).run(ctx(5, out, new ArrayList<>()));
        List<String> log = new ArrayList<>();
        ExperimentResult resumed = new RotatedMnistExperiment(root, plan).run(ctx(0, out, log));
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        ExperimentResult seed0 = new RotatedMnistExperiment(root, plan).run(ctx(0, fresh, new ArrayList<>()));
        assertEquals(
                seed0.metrics().get("psnr.latent"),
                resumed.metrics().get("psnr.latent"),
                "seed 0 in a seed-5 folder gives seed 0's numbers");
        assertNotEquals(seed5.metrics().get("psnr.latent"), resumed.metrics().get("psnr.latent"));
        assertTrue(
                log.stream().anyMatch(l -> l.contains("latent-seed0-params") && l.contains("another run")),
                log.toString());
    }

    @Test
    void truncatedCheckpointIsLoggedAndRetrained(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 5));
        var plan = new LatentActionExperiment.Plan(14, 4, 3, 4, 1, 8, false, 5e-3f);
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExperimentResult first = new RotatedMnistExperiment(root, plan).run(ctx(2, out, new ArrayList<>()));
        Path entry = out.resolve("cache/conditional-seed0-params.entry");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));
        List<String> log = new ArrayList<>();
        ExperimentResult again = new RotatedMnistExperiment(root, plan).run(ctx(2, out, log));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains(entry.toString()) && log.get(0).contains("truncated"), log.get(0));
        assertEquals(
                first.metrics().get("psnr.conditional"),
                again.metrics().get("psnr.conditional"),
                "retrained with the same seed, the same numbers");
        assertTrue(Files.size(entry) == bytes.length, "entry rewritten whole");
    }

    @Test
    void so3ExperimentsRunOnInstalledMeshesWithoutADataSpaceRow(@TempDir Path tmp) throws Exception {
        Path from = Files.createDirectories(tmp.resolve("from"));
        String[] names = {"apple", "bell", "cup", "drum", "egg", "fork", "gear", "horn", "iris", "jug", "kite", "cow"};
        for (int i = 0; i < names.length; i++)
            writeOff(from.resolve(names[i] + ".off"), MeshRendererTest.blob(names[i], i, 12, 20));
        Path root = tmp.resolve("data");
        Meshes.fetch(root, from);
        var plan = new LatentActionExperiment.Plan(16, 4, 3, 4, 2, 8, true, 5e-3f);
        for (LatentActionExperiment e :
                List.of(new So3PlaneExperiment(root, plan), new So3ObjectsExperiment(root, plan))) {
            Path out = Files.createDirectories(tmp.resolve(e.name()));
            ExperimentResult r = e.run(ctx(1, out, new ArrayList<>()));
            assertEquals(5, r.tables().get(0).rows().size(), e.name() + ": 4 models and copying the source");
            assertEquals(8, r.claims().size(), e.name() + ": conditional, two ablations and copying x1, PSNR and SSIM");
            assertEquals(
                    2,
                    r.claims().stream()
                            .filter(c -> c.statement().contains("copying the source picture"))
                            .count());
            assertTrue((double) r.metrics().get("psnr.copy-source") > 0);
            assertTrue(r.claims().stream().noneMatch(c -> c.statement().contains("data-space")));
            assertTrue(Files.size(out.resolve("predictions.png")) > 0);
        }
        // the objects set holds out every fifth family in alphabetical order (apple, bell, cow, cup, drum, ...)
        RenderedPairs objects = RenderedPairs.objects(root, 16, So3Experiment.ACTION, line -> {});
        assertEquals(10, objects.meshes(false).size());
        assertEquals(
                List.of("drum.off", "iris.off"),
                objects.meshes(true).stream().map(Mesh::name).toList());
    }

    static void writeOff(Path file, Mesh m) throws IOException {
        StringBuilder sb = new StringBuilder("OFF\n" + m.vertexCount() + " " + m.triangleCount() + " 0\n");
        double[] v = m.vertices();
        for (int i = 0; i < m.vertexCount(); i++)
            sb.append(v[3 * i])
                    .append(' ')
                    .append(v[3 * i + 1])
                    .append(' ')
                    .append(v[3 * i + 2])
                    .append('\n');
        int[] t = m.triangles();
        for (int i = 0; i < t.length; i += 3)
            sb.append("3 ")
                    .append(t[i])
                    .append(' ')
                    .append(t[i + 1])
                    .append(' ')
                    .append(t[i + 2])
                    .append('\n');
        Files.writeString(file, sb);
    }

    private static ExperimentContext ctx(long seed, Path out, List<String> log) {
        Progress progress = Progress.logTo(log::add);
        return new ExperimentContext(Profile.QUICK, seed, out, progress);
    }

    @Test
    void contrastExperimentHasNoDataSpaceRow(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 6));
        Path out = Files.createDirectories(tmp.resolve("out"));
        var plan = new LatentActionExperiment.Plan(14, 4, 3, 4, 1, 8, false, 5e-3f);
        ExperimentResult r = new ContrastMnistExperiment(root, plan)
                .run(new ExperimentContext(Profile.QUICK, 1, out, Progress.NONE));
        assertEquals(3, r.tables().get(0).rows().size(), "latent, conditional, copying the source");
        // latent vs conditional in PSNR and SSIM, and in PSNR on the altered half; one seed gives a point interval
        assertEquals(3, r.claims().size());
        assertTrue(r.claims().stream().noneMatch(c -> c.statement().contains("data-space")));
        assertEquals("regions", r.tables().get(1).name());
        assertTrue(r.summary().contains("on the altered pixels"), r.summary());
        assertTrue((double) r.metrics().get("psnr_unaltered.latent") > 0);
    }

    @Test
    void contrastClassesExperimentActsOnTheWholePicture(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        writeIdx(root.resolve("mnist"), SyntheticDigits.create(32, 16, 6));
        Path out = Files.createDirectories(tmp.resolve("out"));
        var plan = new LatentActionExperiment.Plan(14, 4, 3, 4, 1, 8, false, 5e-3f);
        ExperimentResult r = new ContrastClassesMnistExperiment(root, plan)
                .run(new ExperimentContext(Profile.QUICK, 1, out, Progress.NONE));
        assertEquals(1, r.tables().size(), "no region table: the whole picture changes");
        assertEquals(2, r.claims().size());
        float[] picture = {0f, 0.2f, 0.35f, 0.7f, 1f};
        for (int k = 0; k < 4; k++)
            assertArrayEquals(IntensityClassPairs.render(picture, k), IntensityClassPairs.render(picture, k + 4));
        // every protocol differs from every other on some class
        for (int a = 0; a < 4; a++)
            for (int b = a + 1; b < 4; b++)
                assertNotEquals(
                        Arrays.toString(IntensityClassPairs.render(picture, a)),
                        Arrays.toString(IntensityClassPairs.render(picture, b)));
        assertEquals(0.30f, IntensityClassPairs.render(picture, 2)[0], 1e-6, "protocol 2 brightens the background");
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
