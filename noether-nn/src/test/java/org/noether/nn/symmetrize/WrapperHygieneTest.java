package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.LambdaEquitune.Positivity;
import org.noether.nn.util.LiveArrays;

/**
 * What the wrappers' laws tests cannot see: every intermediate array of a wrapped forward pass is closed (only the
 * output is left in the caller's scope, so the count is exact rather than "flat after the sub-manager closes"), the
 * lambda weights are the documented softmax or normalized softplus, and an equivariant symmetry is not invariant.
 */
class WrapperHygieneTest {

    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);
    private static final Shape IMAGES = new Shape(2, 1, 6, 6);

    /**
     * Stand-in networks that leave nothing behind but their output (minus a slice of the flattened input, or its
     * row sums), so that whatever else stays open after a wrapped forward pass was left by the wrapper.
     */
    static Block logits(int classes) {
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            try (NDArray flat = x.reshape(x.getShape().get(0), -1);
                    NDArray slice = flat.get(new NDIndex(":, 0:" + classes))) {
                return new NDList(slice.neg());
            }
        });
    }

    static Block score() {
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            try (NDArray flat = x.reshape(x.getShape().get(0), -1)) {
                return new NDList(flat.sum(new int[] {1}, true));
            }
        });
    }

    private static List<Block> wrappers() {
        Symmetry<DihedralElement> inv = Symmetry.invariant(D4, NDActions.image(D4));
        Symmetry<DihedralElement> eq = Symmetry.equivariant(D4, NDActions.image(D4), NDActions.regular(D4));
        List<Block> list = new ArrayList<>();
        list.add(new Equitune<>(logits(8), eq));
        list.add(new Equitune<>(logits(3), inv));
        list.add(new Equizero<>(logits(8), eq, Proxy.entropy()));
        list.add(new Equizero<>(logits(3), inv, Proxy.negativeMaxProbability()));
        list.add(new LambdaEquitune<>(logits(8), score(), eq, Positivity.SOFTPLUS));
        list.add(new LambdaEquitune<>(logits(3), score(), inv, Positivity.EXP));
        list.add(new Canonicalized<>(logits(8), score(), eq));
        list.add(new Canonicalized<>(logits(3), score(), inv));
        return list;
    }

    @Test
    void aWrappedForwardPassLeavesOnlyItsOutput() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            assertEquals(1, leftBehind(logits(3), m, false), "the stand-in network itself leaves more than its output");
            assertEquals(1, leftBehind(score(), m, false), "the stand-in scorer itself leaves more than its output");
            for (Block w : wrappers())
                for (boolean training : new boolean[] {false, true})
                    assertEquals(1, leftBehind(w, m, training), w + " (training " + training + ") left arrays open");
        }
    }

    @Test
    void augmentationAndTheActionsLeaveOnlyTheirResult() {
        Symmetry<DihedralElement> eq = Symmetry.equivariant(D4, NDActions.image(D4), NDActions.regular(D4));
        Augmentation<DihedralElement> aug = new Augmentation<>(eq);
        try (NDManager m = Engines.pytorch().newBaseManager();
                NDManager scope = m.newSubManager()) {
            NDArray x = Nets.gaussian(scope, new SplittableRandom(6), 5, 1, 6, 6);
            NDArray y = Nets.gaussian(scope, new SplittableRandom(7), 5, 8);
            int[] k = {0, 3, 5, 3, 7};
            int before = LiveArrays.count(scope);
            aug.transformInputs(x, k);
            assertEquals(before + 1, LiveArrays.count(scope), "transformInputs");
            aug.transformOutputs(y, k);
            assertEquals(before + 2, LiveArrays.count(scope), "transformOutputs");
            eq.orbit(x);
            assertEquals(before + 3, LiveArrays.count(scope), "orbit");
            for (DihedralElement g : D4.elements()) {
                int n = LiveArrays.count(scope);
                // an action may return its input unchanged (the identity): then it adds nothing
                int added = NDActions.image(D4).act(g, x) == x ? 0 : 1;
                added += NDActions.regular(D4).act(g, y) == y ? 0 : 1;
                assertEquals(n + added, LiveArrays.count(scope), "actions of " + g);
            }
        }
    }

    /** Arrays still open in the caller's scope after one forward pass, the input not counted. */
    private static int leftBehind(Block block, NDManager manager, boolean training) {
        if (!block.isInitialized()) block.initialize(manager, DataType.FLOAT32, IMAGES);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Nets.gaussian(scope, new SplittableRandom(5), 2, 1, 6, 6);
            int before = LiveArrays.count(scope);
            block.forward(new ParameterStore(scope, false), new NDList(x), training);
            return LiveArrays.count(scope) - before;
        }
    }

    @Test
    void lambdaWeightsAreASoftmaxOrANormalizedSoftplus() {
        float[] z = {0.5f, -1f, 2f, 0f, 1f, -3f}; // [K = 3, B = 2]
        double[] exp = new double[6], soft = new double[6];
        for (int b = 0; b < 2; b++) {
            double se = 0, ss = 0;
            for (int k = 0; k < 3; k++) {
                se += Math.exp(z[2 * k + b]);
                ss += Math.log1p(Math.exp(z[2 * k + b]));
            }
            for (int k = 0; k < 3; k++) {
                exp[2 * k + b] = Math.exp(z[2 * k + b]) / se;
                soft[2 * k + b] = Math.log1p(Math.exp(z[2 * k + b])) / ss;
            }
        }
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray raw = m.create(z, new Shape(3, 2));
            assertArrayEquals(
                    toFloat(exp), LambdaEquitune.normalize(raw, Positivity.EXP).toFloatArray(), 1e-6f);
            assertArrayEquals(
                    toFloat(soft),
                    LambdaEquitune.normalize(raw, Positivity.SOFTPLUS).toFloatArray(),
                    1e-6f);
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Test
    void anEquivariantSymmetryIsNotInvariant() {
        Symmetry<DihedralElement> eq = Symmetry.equivariant(D4, NDActions.image(D4), NDActions.regular(D4));
        assertFalse(eq.isInvariant());
        assertTrue(Symmetry.invariant(D4, NDActions.image(D4)).isInvariant());
        assertTrue(new Equitune<>(Nets.cnnClassifier(8), eq).toString().contains("equivariant"));
    }
}
