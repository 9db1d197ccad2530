package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.nn.Engines;

/** The host-side tie rule picks the same minimizers as the NDArray rule that nn's equizero uses. */
class TiesHostRuleTest {

    @Test
    void hostAndArrayRulesAgreeOnTiesNearTiesAndClearWinners() {
        double tol = 1e-3;
        SplittableRandom r = new SplittableRandom(3);
        int k = 4;
        int b = 200;
        float[] grid = new float[k * b];
        for (int i = 0; i < b; i++) {
            float base = (float) r.nextDouble(-2, 2);
            for (int g = 0; g < k; g++) {
                // a mix of exact ties, gaps well inside the tolerance and gaps well outside it
                double gap =
                        switch (r.nextInt(3)) {
                            case 0 -> 0;
                            case 1 -> 0.1 * tol * (1 + Math.abs(base));
                            default -> 10 * tol * (1 + Math.abs(base)) * (1 + r.nextInt(3));
                        };
                grid[g * b + i] = (float) (base + gap);
            }
        }
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            float[] w =
                    Ties.minimizerWeights(m.create(grid, new Shape(k, b)), tol).toFloatArray();
            for (int i = 0; i < b; i++) {
                double[] column = new double[k];
                for (int g = 0; g < k; g++) {
                    column[g] = grid[g * b + i];
                }
                boolean[] host = Ties.minimizers(column, 0, k, tol);
                boolean[] array = new boolean[k];
                for (int g = 0; g < k; g++) {
                    array[g] = w[g * b + i] > 0;
                }
                assertArrayEquals(array, host, "column " + i);
            }
        }
    }

    @Test
    void badRangesAndNaNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(new double[] {1, 2}, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(new double[] {1, Double.NaN}, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> Ties.minimizers(new double[] {1, 2}, 0, 2, -1));
        assertArrayEquals(new boolean[] {true, false}, Ties.minimizers(new double[] {0, 1, 1.5}, 1, 3, 0.1));
        assertArrayEquals(new boolean[] {true, true}, Ties.minimizers(new double[] {0, 1, 1.15}, 1, 3, 0.1));
    }
}
