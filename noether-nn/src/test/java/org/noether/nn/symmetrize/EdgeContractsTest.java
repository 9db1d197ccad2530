package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.util.LiveArrays;

/**
 * Edges of the wrappers' contracts: the canonicalization prior and {@code canonicalIndices} leave nothing open in
 * the caller's scope; image actions on other layouts accept axis 1; an odd number of quarter turns needs square
 * images and a half turn does not; augmentation refuses element indices outside the symmetry; the host tie rule
 * with tolerance 0 keeps exactly the minimum, and refuses an empty range.
 */
class EdgeContractsTest {
    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);
    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);
    private static final Shape IMAGES = new Shape(2, 1, 6, 6);

    private static DihedralElement rotation(DihedralGroup g, int quarter) {
        return g.elements().stream()
                .filter(e -> !e.reflection() && e.rotation() == quarter)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePriorBlockAndCanonicalIndicesLeaveOnlyTheirResult() {
        Symmetry<DihedralElement> inv = Symmetry.invariant(D4, NDActions.image(D4));
        Canonicalized<DihedralElement> c =
                new Canonicalized<>(WrapperHygieneTest.logits(3), WrapperHygieneTest.score(), inv);
        Block prior = c.priorBlock();
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            c.initialize(m, DataType.FLOAT32, IMAGES);
            prior.initialize(m, DataType.FLOAT32, IMAGES);
            for (boolean training : new boolean[] {false, true}) {
                try (NDManager scope = m.newSubManager()) {
                    NDArray x = Nets.gaussian(scope, new SplittableRandom(8), 2, 1, 6, 6);
                    int before = LiveArrays.count(scope);
                    NDArray logits = prior.forward(new ParameterStore(scope, false), new NDList(x), training)
                            .singletonOrThrow();
                    assertEquals(new Shape(2, 8), logits.getShape(), "[B, K] logits");
                    assertEquals(before + 1, LiveArrays.count(scope), "prior (training " + training + ")");
                    int[][] chosen = c.canonicalIndices(new ParameterStore(scope, false), x);
                    assertEquals(before + 1, LiveArrays.count(scope), "canonicalIndices left arrays open");
                    assertEquals(2, chosen.length);
                    for (int[] row : chosen) assertTrue(row.length >= 1 && row[0] >= 0 && row[row.length - 1] < 8);
                }
            }
        }
    }

    @Test
    void imageActionsAcceptAxisOneAndTurnTheSameWay() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray nchw = Nets.gaussian(m, new SplittableRandom(9), 2, 1, 5, 5);
            NDArray nhw = nchw.reshape(2, 5, 5);
            NDArray nwc = nchw.reshape(2, 5, 5, 1);
            NDAction<DihedralElement> hw = NDActions.image(D4, 1, 2);
            NDAction<DihedralElement> rowsSecond = NDActions.image(D4, 2, 1);
            for (DihedralElement g : D4.elements()) {
                float[] want = NDActions.image(D4).act(g, nchw).toFloatArray();
                assertArrayEquals(want, hw.act(g, nhw).toFloatArray(), D4.format(g));
                assertArrayEquals(want, NDActions.image(D4, 1, 2).act(g, nwc).toFloatArray(), D4.format(g));
                assertEquals(new Shape(2, 5, 5), rowsSecond.act(g, nhw).getShape());
            }
            for (int[] bad : new int[][] {{0, 2}, {1, 0}, {2, 2}}) {
                var e = assertThrows(IllegalArgumentException.class, () -> NDActions.image(D4, bad[0], bad[1]));
                assertTrue(e.getMessage().contains("got " + bad[0] + " and " + bad[1]), e.getMessage());
            }
        }
    }

    @Test
    void oddQuarterTurnsNeedSquareImagesAndHalfTurnsDoNot() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray wide = Nets.gaussian(m, new SplittableRandom(10), 1, 1, 2, 3);
            NDAction<DihedralElement> a = NDActions.image(C4);
            for (int q : new int[] {1, 3}) {
                var e = assertThrows(IllegalArgumentException.class, () -> a.act(rotation(C4, q), wide));
                assertTrue(e.getMessage().contains("square images"), e.getMessage());
            }
            float[] x = wide.toFloatArray();
            float[] half = a.act(rotation(C4, 2), wide).toFloatArray();
            for (int i = 0; i < 6; i++) assertEquals(x[5 - i], half[i], "a half turn reverses the 2x3 picture");
            DihedralGroup c2 = DihedralGroup.cyclic(2);
            assertArrayEquals(
                    half, NDActions.image(c2).act(rotation(c2, 1), wide).toFloatArray(), "C2's r");
        }
    }

    @Test
    void augmentationRefusesIndicesOutsideTheSymmetry() {
        Symmetry<DihedralElement> eq = Symmetry.equivariant(C4, NDActions.image(C4), NDActions.regular(C4));
        Augmentation<DihedralElement> aug = new Augmentation<>(eq);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = Nets.gaussian(m, new SplittableRandom(11), 2, 1, 4, 4);
            for (int bad : new int[] {4, -1}) {
                var e = assertThrows(IllegalArgumentException.class, () -> aug.transformInputs(x, new int[] {0, bad}));
                assertEquals("element index " + bad + " outside 0..3", e.getMessage());
            }
            NDArray last = aug.transformInputs(x, new int[] {3, 3});
            assertArrayEquals(
                    NDActions.image(C4).act(rotation(C4, 3), x).toFloatArray(), last.toFloatArray(), "index 3 is r^3");
        }
    }

    @Test
    void theHostTieRuleWithToleranceZeroKeepsExactlyTheMinimum() {
        double[] v = {3, 1, 2, 1, 5};
        assertArrayEquals(new boolean[] {false, true, false, true, false}, Ties.minimizers(v, 0, 5, 0));
        assertArrayEquals(new boolean[] {true, false, true}, Ties.minimizers(v, 1, 4, 0), "a sub-range");
        assertArrayEquals(new boolean[] {true}, Ties.minimizers(v, 4, 5, 0), "a one-element range is its minimum");
        var e = assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(v, 2, 2, 0));
        assertTrue(e.getMessage().contains("got [2, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(v, 3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(v, 0, 6, 0));
    }
}
