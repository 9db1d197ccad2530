package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.action.Image;
import org.noether.action.ImageActions;
import org.noether.data.ImageDataset;
import org.noether.group.DihedralElement;
import org.noether.group.O2;
import org.noether.group.O2Element;

class PairTasksTest {
    static final ImageDataset DATA = SyntheticDigits.create(40, 20, 11);

    @Test
    void blockStaysFixedWhileTheDigitRotates() {
        int size = 14;
        RotationPairs task = new RotationPairs("blocked", DATA, size, 5);
        var rotate = ImageActions.resampled(O2.SO2);
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 20; n++) {
            Pair<O2Element> p = task.sample(n % 2 == 0, random);
            int row = (int) p.factors()[1], col = (int) p.factors()[2];
            double a = p.factors()[0];
            ImageDataset.Split split = n % 2 == 0 ? DATA.test() : DATA.train();
            float[] digit = Pictures.read(split.images(), p.item(), size);
            float[] x1 = rotate.act(new O2Element(a, false), new Image(size, size, 1, digit))
                    .data();
            float[] x2 = rotate.act(new O2Element(a + p.element().angle(), false), new Image(size, size, 1, digit))
                    .data();
            for (int i = 0; i < size; i++)
                for (int j = 0; j < size; j++) {
                    boolean inBlock = i >= row && i < row + 5 && j >= col && j < col + 5;
                    int k = i * size + j;
                    if (inBlock) {
                        assertEquals(RotationPairs.BLOCK_VALUE, p.source()[k]);
                        assertEquals(RotationPairs.BLOCK_VALUE, p.target()[k]);
                    } else {
                        assertEquals(x1[k], p.source()[k], 1e-6, "source digit at " + i + "," + j);
                        assertEquals(x2[k], p.target()[k], 1e-6, "target digit at " + i + "," + j);
                    }
                }
            assertTrue(row >= 1 && row + 5 <= size - 1 && col >= 1 && col + 5 <= size - 1);
        }
    }

    @Test
    void dataSpaceBaselineRotatesThePixelsBlockIncluded() {
        int size = 14;
        RotationPairs task = new RotationPairs("blocked", DATA, size, 5);
        Pair<O2Element> p = task.sample(false, new SplittableRandom(5));
        float[] expected = ImageActions.resampled(O2.SO2)
                .act(p.element(), new Image(size, size, 1, p.source()))
                .data();
        assertArrayEquals(expected, task.dataSpacePrediction(p));
    }

    @Test
    void withoutBlockTargetIsTheSourceRotatedUpToResampling() {
        // Pure rotation: the data-space action maps x1 to x2 up to bilinear blur, which is why it is a strong
        // baseline there (digits keep away from the corners, so nothing is cropped).
        int size = 28;
        RotationPairs task = new RotationPairs("rotated", DATA, size, 0);
        SplittableRandom random = new SplittableRandom(9);
        for (int n = 0; n < 5; n++) {
            Pair<O2Element> p = task.sample(false, random);
            assertTrue(ImageMetrics.psnr(task.dataSpacePrediction(p), p.target()) > 22);
            assertEquals(-1.0, p.factors()[1]);
        }
    }

    @Test
    void contrastActsOnTheRightHalfOnly() {
        int size = 14;
        ContrastPairs task = new ContrastPairs("contrast", DATA, size, 4);
        SplittableRandom random = new SplittableRandom(4);
        for (int n = 0; n < 20; n++) {
            Pair<DihedralElement> p = task.sample(false, random);
            int k1 = (int) p.factors()[0], k2 = (k1 + p.element().rotation()) % 4;
            float[] digit = Pictures.read(DATA.train().images(), p.item(), size);
            for (int i = 0; i < size; i++)
                for (int j = 0; j < size; j++) {
                    int k = i * size + j;
                    float c1 = j < size / 2 ? 1 : (k1 + 1) / 4f, c2 = j < size / 2 ? 1 : (k2 + 1) / 4f;
                    assertEquals(digit[k] * c1, p.source()[k], 1e-6);
                    assertEquals(digit[k] * c2, p.target()[k], 1e-6);
                }
            assertNull(task.dataSpacePrediction(p));
        }
    }

    @Test
    void pairsAreDeterministicGivenTheSeed() {
        RotationPairs task = new RotationPairs("blocked", DATA, 14, 5);
        SplittableRandom r1 = new SplittableRandom(77), r2 = new SplittableRandom(77), r3 = new SplittableRandom(78);
        for (int n = 0; n < 5; n++) {
            Pair<O2Element> a = task.sample(false, r1), b = task.sample(false, r2), c = task.sample(false, r3);
            assertArrayEquals(a.source(), b.source());
            assertArrayEquals(a.target(), b.target());
            assertEquals(a.element(), b.element());
            assertNotEquals(a.element(), c.element());
        }
    }

    @Test
    void picturesAreReducedByBlockAveraging() {
        float[] full = Pictures.read(DATA.train().images(), 0, 28);
        float[] half = Pictures.read(DATA.train().images(), 0, 14);
        assertEquals((full[0] + full[1] + full[28] + full[29]) / 4, half[0], 1e-6);
        int k = 5 * 14 + 7;
        assertEquals(
                (full[10 * 28 + 14] + full[10 * 28 + 15] + full[11 * 28 + 14] + full[11 * 28 + 15]) / 4, half[k], 1e-6);
    }
}
