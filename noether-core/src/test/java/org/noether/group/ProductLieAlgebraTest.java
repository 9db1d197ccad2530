package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Lie algebra of G x H: the factors' generators, block-diagonal in the (dl + dr)-dimensional defining space. */
class ProductLieAlgebraTest {

    @Test
    void generatorsAreTheFactorsInTheirDiagonalBlocks() {
        DirectProduct<Orthogonal3, O2Element> p = DirectProduct.of(O3.SO3, O2.SO2);
        assertEquals(4, p.lieAlgebraDimension());
        assertEquals(5, p.definingDimension());
        for (int k = 0; k < 4; k++) {
            double[] m = p.lieAlgebraGenerator(k);
            assertEquals(25, m.length);
            double[] upper = new double[9], lower = new double[4];
            double rest = 0;
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 5; j++) {
                    double v = m[i * 5 + j];
                    if (i < 3 && j < 3) upper[i * 3 + j] = v;
                    else if (i >= 3 && j >= 3) lower[(i - 3) * 2 + (j - 3)] = v;
                    else rest += Math.abs(v);
                }
            assertEquals(0, rest, 0, "generator " + k + " couples the factors");
            assertArrayEquals(k < 3 ? O3.SO3.lieAlgebraGenerator(k) : new double[9], upper, 0, "generator " + k);
            assertArrayEquals(k < 3 ? new double[4] : O2.SO2.lieAlgebraGenerator(0), lower, 0, "generator " + k);
        }
    }
}
