package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.nn.Engines;

class So3IrrepsTest {
    static final So3Irreps IRREPS = new So3Irreps(1, 2);

    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void channelsAreCutIntoWholeBlocksWithInvariantLeftovers() {
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 2, 2}, IRREPS.channelDegrees(8));
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 2, 2, 0, 0}, IRREPS.channelDegrees(10));
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2}, IRREPS.channelDegrees(16));
        assertThrows(IllegalArgumentException.class, () -> new So3Irreps(0));
    }

    @Test
    void matricesAreAnOrthogonalHomomorphism() {
        // law: rho(g h) = rho(g) rho(h), rho(e) = I, rho(g)^T rho(g) = I; float32 entries, tolerance 1e-5
        SplittableRandom random = new SplittableRandom(7);
        for (int c : new int[] {8, 11, 16}) {
            for (int trial = 0; trial < 20; trial++) {
                Orthogonal3 g = O3.SO3.sample(random), h = O3.SO3.sample(random);
                float[] gh = IRREPS.matrix(O3.SO3.compose(g, h), c);
                float[] product = FiniteAndIrrepActionsTest.product(IRREPS.matrix(g, c), IRREPS.matrix(h, c), c);
                assertTrue(maxDiff(gh, product) < 1e-5, "C = " + c + ": " + maxDiff(gh, product));
                float[] swapped = FiniteAndIrrepActionsTest.product(IRREPS.matrix(h, c), IRREPS.matrix(g, c), c);
                assertTrue(maxDiff(gh, swapped) > 1e-2, "the check can fail: rho(h) rho(g) is another matrix");
                float[] m = IRREPS.matrix(g, c), mt = new float[c * c];
                for (int i = 0; i < c; i++) for (int j = 0; j < c; j++) mt[j * c + i] = m[i * c + j];
                float[] id = new float[c * c];
                for (int i = 0; i < c; i++) id[i * c + i] = 1;
                assertTrue(maxDiff(FiniteAndIrrepActionsTest.product(mt, m, c), id) < 1e-5);
            }
            float[] id = new float[c * c];
            for (int i = 0; i < c; i++) id[i * c + i] = 1;
            assertTrue(maxDiff(IRREPS.matrix(O3.SO3.identity(), c), id) < 1e-6);
        }
    }

    @Test
    void actionOnFeatureMapsComposesAndTheIdentityFixes() {
        // g . (h . z) = (g h) . z on (N, C, H, W) maps, per sample; tolerance 1e-5 (float32 matrix products)
        SplittableRandom random = new SplittableRandom(3);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape shape = new Shape(2, 16, 3, 3);
            float[] z = new float[(int) shape.size()];
            for (int i = 0; i < z.length; i++) z[i] = (float) random.nextGaussian();
            NDArray x = m.create(z, shape);
            List<Orthogonal3> g = List.of(O3.SO3.sample(random), O3.SO3.sample(random));
            List<Orthogonal3> h = List.of(O3.SO3.sample(random), O3.SO3.sample(random));
            List<Orthogonal3> gh = List.of(O3.SO3.compose(g.get(0), h.get(0)), O3.SO3.compose(g.get(1), h.get(1)));
            float[] twice = IRREPS.apply(IRREPS.apply(x, IRREPS.operator(m, h, shape)), IRREPS.operator(m, g, shape))
                    .toFloatArray();
            float[] once = IRREPS.apply(x, IRREPS.operator(m, gh, shape)).toFloatArray();
            assertTrue(maxDiff(twice, once) < 1e-5, "composition error " + maxDiff(twice, once));
            float[] same = IRREPS.apply(x, IRREPS.operator(m, List.of(O3.SO3.identity(), O3.SO3.identity()), shape))
                    .toFloatArray();
            assertTrue(maxDiff(same, z) < 1e-6);
            // norms of each degree-1 block are invariant: it is a rotation of that block
            double before = 0, after = 0;
            for (int k = 0; k < 3; k++) {
                before += z[k * 9] * z[k * 9];
                after += once[k * 9] * once[k * 9];
            }
            assertEquals(before, after, 1e-4);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> IRREPS.operator(m, List.of(O3.SO3.identity().negate(), O3.SO3.identity()), shape));
        }
        assertEquals(9, IRREPS.code(O3.SO3.identity()).length);
    }
}
