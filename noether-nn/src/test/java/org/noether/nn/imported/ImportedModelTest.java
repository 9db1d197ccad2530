package org.noether.nn.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.noether.experiment.NoetherUserException;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.util.LiveArrays;

/**
 * The committed test model (src/test/resources/torchscript: a tiny CNN traced by PyTorch 1.13 with make_model.py)
 * through DJL: it loads offline, computes what PyTorch computed, is far from invariant by itself, and every wrapper
 * makes it invariant under C4 and D4: {@code |f(g x) - f(x)| <= 1e-4} (float32 rounding of the orbit's sums) for
 * random g and x.
 */
class ImportedModelTest {
    static final Path DIR = Path.of("src/test/resources/torchscript");
    static final float[] REFERENCE = {0.056022f, 0.060531f, 0.262012f, -0.191019f, -0.055738f};
    static final double TOLERANCE = 1e-4;

    private static ImportedModel torchscript;

    /** Loaded once for both engines of the test class (jqwik properties and JUnit tests); freed at JVM exit. */
    static synchronized ImportedModel torchscript() {
        if (torchscript == null) {
            Engines.pytorch();
            torchscript = ImportedModel.load(DIR.resolve("tiny_cnn.pt"));
        }
        return torchscript;
    }

    static float[] run(Block b, NDManager m, float[] x, Shape shape) {
        NDArray in = m.create(x, shape);
        return b.forward(new ParameterStore(m, false), new NDList(in), false)
                .singletonOrThrow()
                .toFloatArray();
    }

    static float[] probe() {
        float[] x = new float[64];
        for (int i = 0; i < 64; i++) {
            x[i] = i / 64f;
        }
        return x;
    }

    @Test
    void torchScriptModelComputesWhatPyTorchComputed() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] y = run(torchscript().block(), m, probe(), new Shape(1, 1, 8, 8));
            for (int c = 0; c < 5; c++) {
                assertEquals(REFERENCE[c], y[c], 1e-5, "logit " + c);
            }
        }
        assertEquals(ImportedModel.Format.TORCHSCRIPT, torchscript().format());
    }

    @Test
    void onnxModelComputesWhatPyTorchComputed() {
        try (ImportedModel onnx = ImportedModel.load(DIR.resolve("tiny_cnn.onnx"));
                NDManager m = NDManager.newBaseManager()) {
            float[] y = run(onnx.block(), m, probe(), new Shape(1, 1, 8, 8));
            for (int c = 0; c < 5; c++) {
                assertEquals(REFERENCE[c], y[c], 1e-5, "logit " + c);
            }
            // and it symmetrizes like any block
            DihedralGroup c4 = DihedralGroup.cyclic(4);
            Block inv = ImageSymmetrization.wrap(onnx.block(), ImageSymmetrization.Method.EQUITUNE, c4, true, 1L);
            assertTrue(maxInvarianceGap(inv, c4, m, new SplittableRandom(3)) <= TOLERANCE);
        }
    }

    /** Largest |f(g x) - f(x)| over a few random 2-image batches and every g. */
    static double maxInvarianceGap(Block f, DihedralGroup group, NDManager m, SplittableRandom r) {
        double worst = 0;
        for (int trial = 0; trial < 3; trial++) {
            try (NDManager batch = m.newSubManager()) {
                float[] x = new float[2 * 64];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                }
                NDArray in = batch.create(x, new Shape(2, 1, 8, 8));
                float[] y = f.forward(new ParameterStore(batch, false), new NDList(in), false)
                        .head()
                        .toFloatArray();
                List<DihedralElement> els = group.elements();
                DihedralElement g = els.get(1 + r.nextInt(els.size() - 1));
                NDArray gx = NDActions.image(group).act(g, in);
                float[] gy = f.forward(new ParameterStore(batch, false), new NDList(gx), false)
                        .head()
                        .toFloatArray();
                for (int i = 0; i < y.length; i++) {
                    worst = Math.max(worst, Math.abs(y[i] - gy[i]));
                }
            }
        }
        return worst;
    }

    @Property(tries = 8)
    void everyWrapperMakesTheImportedModelInvariantUnderC4AndD4(@ForAll long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            for (DihedralGroup g : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(4))) {
                for (ImageSymmetrization.Method method : ImageSymmetrization.Method.values()) {
                    Block inv = ImageSymmetrization.wrap(torchscript().block(), method, g, true, seed);
                    double gap = maxInvarianceGap(inv, g, m, new SplittableRandom(seed));
                    assertTrue(gap <= TOLERANCE, method.label() + " under " + g.name() + ": |f(gx) - f(x)| = " + gap);
                }
            }
        }
    }

    @Property(tries = 4)
    void thePlainImportedModelIsNotInvariant(@ForAll long seed) {
        // the check above would pass for an invariant model without any wrapper; this one is not
        try (NDManager m = NDManager.newBaseManager()) {
            for (DihedralGroup g : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(4))) {
                double gap = maxInvarianceGap(torchscript().block(), g, m, new SplittableRandom(seed));
                assertTrue(gap > 1e-2, "plain model under " + g.name() + ": " + gap);
            }
        }
    }

    @Test
    void wrongInputShapeGivesOneLineErrorNamingBothShapes() {
        try (NDManager m = NDManager.newBaseManager();
                ImportedModel model = ImportedModel.load(DIR.resolve("tiny_cnn.pt"))) {
            model.expecting(new Shape(1, 8, 8));
            var e = assertThrows(
                    NoetherUserException.class,
                    () -> run(model.block(), m, new float[2 * 3 * 10 * 10], new Shape(2, 3, 10, 10)));
            assertEquals(
                    "model tiny_cnn.pt does not accept input of shape [2, 3, 10, 10] (expected [N, 1, 8, 8])",
                    e.getMessage());
        }
    }

    @Test
    void shapeTheModelRejectsWithoutADeclaredShapeIsStillOneLine() {
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(
                    NoetherUserException.class,
                    () -> run(torchscript().block(), m, new float[2 * 100], new Shape(2, 1, 10, 10)));
            assertTrue(
                    e.getMessage().startsWith("model tiny_cnn.pt does not accept input of shape [2, 1, 10, 10]: "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void missingOrUnknownFilesGiveOneLineErrors() {
        var e1 = assertThrows(NoetherUserException.class, () -> ImportedModel.load(DIR.resolve("nope.pt")));
        assertTrue(e1.getMessage().contains("does not exist"), e1.getMessage());
        var e2 = assertThrows(NoetherUserException.class, () -> ImportedModel.load(DIR.resolve("make_model.py")));
        assertTrue(
                e2.getMessage().contains("accepted: TorchScript (.pt, .pth, .torchscript) and ONNX (.onnx)"),
                e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> ImageSymmetrization.group("C3"));
        assertTrue(e3.getMessage().contains("accepted: C1, C2, C4, D1, D2, D4"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> ImageSymmetrization.Method.parse("average"));
        assertTrue(e4.getMessage().contains("equitune, equizero, lambda-equitune, canonicalize"), e4.getMessage());
    }

    @Test
    void sidecarGivesShapeAndNormalization() {
        InputSpec spec =
                InputSpec.read(InputSpec.sidecar(DIR.resolve("tiny_cnn.pt")).orElseThrow());
        assertEquals(new Shape(1, 8, 8), spec.shape());
        assertEquals((255 / 255f - 0.5f) / 0.25f, spec.normalize(new byte[] {(byte) 255})[0], 1e-6);
        var e = assertThrows(NoetherUserException.class, () -> spec.check(3, 8, 8, "x"));
        assertEquals(
                "the model expects inputs of shape [N, 1, 8, 8], the images of x are [N, 3, 8, 8]", e.getMessage());
    }

    @Test
    void symmetrizedInferenceLeavesNoArraysBehind() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        try (NDManager m = NDManager.newBaseManager()) {
            for (ImageSymmetrization.Method method : ImageSymmetrization.Method.values()) {
                Block b = ImageSymmetrization.wrap(torchscript().block(), method, d4, true, 1L);
                maxInvarianceGap(b, d4, m, new SplittableRandom(1));
                int before = LiveArrays.countAll();
                maxInvarianceGap(b, d4, m, new SplittableRandom(2));
                assertEquals(before, LiveArrays.countAll(), method.label());
            }
        }
    }

    @Test
    void checkReportsAccuracyAndInvarianceError() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 20;
        float[] x = new float[n * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        // labels: the plain model's own predictions, so plain accuracy on the originals is 100 %
        int[] labels = new int[n];
        try (NDManager m = NDManager.newBaseManager()) {
            float[] y = run(torchscript().block(), m, x, new Shape(n, 1, 8, 8));
            for (int i = 0; i < n; i++) {
                labels[i] = SymmetrizationCheck.argmax(y, 5 * i, 5);
            }
        }
        DihedralGroup c4 = DihedralGroup.cyclic(4);
        Block sym = ImageSymmetrization.wrap(torchscript().block(), ImageSymmetrization.Method.EQUITUNE, c4, true, 1L);
        SymmetrizationCheck.Result res =
                SymmetrizationCheck.run(torchscript().block(), sym, x, new Shape(1, 8, 8), labels, c4, 5L, 8);
        assertEquals(1.0, res.plainAccuracy());
        assertEquals(res.symmetrizedAccuracy(), res.symmetrizedAccuracyTransformed());
        assertTrue(res.plainInvarianceError() > 0.05, "plain error " + res.plainInvarianceError());
        assertTrue(res.symmetrizedInvarianceError() < 1e-5, "equitune error " + res.symmetrizedInvarianceError());
    }
}
