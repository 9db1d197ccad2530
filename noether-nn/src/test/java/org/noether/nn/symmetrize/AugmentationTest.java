package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;

class AugmentationTest {

    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void eachSampleIsMovedByItsOwnElementAndInvariantLabelsStay() {
        Augmentation<DihedralElement> aug = new Augmentation<>(Symmetry.invariant(D4, NDActions.image(D4)));
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Nets.gaussian(scope, new SplittableRandom(1), 6, 2, 5, 5);
            NDArray y = scope.create(new float[] {0, 1, 2, 3, 4, 5});
            int[] k = {7, 0, 3, 3, 5, 1};
            NDArray moved = aug.transformInputs(x, k);
            for (int i = 0; i < k.length; i++) {
                NDArray expected = NDActions.image(D4).act(D4.elements().get(k[i]), x.get(i + ":" + (i + 1)));
                assertArrayEquals(
                        expected.toFloatArray(), moved.get(i + ":" + (i + 1)).toFloatArray(), "sample " + i);
            }
            assertSame(y, aug.transformOutputs(y, k), "an invariant symmetry leaves labels alone");
        }
    }

    @Test
    void equivariantTargetsMoveWithTheirInputs() {
        Augmentation<DihedralElement> aug =
                new Augmentation<>(Symmetry.equivariant(D4, NDActions.image(D4), NDActions.regular(D4)));
        SplittableRandom random = new SplittableRandom(2);
        BatchSource source = (m, step) -> new LabeledBatch(
                new NDList(Nets.gaussian(m, random, 5, 1, 4, 4)),
                new NDList(m.eye(8).get("0:5")));
        BatchSource augmented = aug.augment(source, new SplittableRandom(3));
        try (NDManager scope = manager.newSubManager()) {
            LabeledBatch b = augmented.next(scope, 0);
            float[] labels = b.labels().singletonOrThrow().toFloatArray();
            // one-hot e_h becomes e_{gh}: still one-hot, still 5 rows
            assertEquals(5 * 8, labels.length);
            for (int i = 0; i < 5; i++) {
                float sum = 0;
                for (int j = 0; j < 8; j++) {
                    sum += labels[i * 8 + j];
                }
                assertEquals(1f, sum);
            }
            int[] draws = aug.draw(2000, new SplittableRandom(4));
            int[] counts = new int[8];
            for (int d : draws) {
                counts[d]++;
            }
            for (int c : counts) {
                assertTrue(c > 180 && c < 320, "uniform draws, got " + java.util.Arrays.toString(counts));
            }
        }
    }
}
