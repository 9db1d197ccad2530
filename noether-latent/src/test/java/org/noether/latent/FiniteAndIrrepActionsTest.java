package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.O2Element;
import org.noether.nn.Engines;

class FiniteAndIrrepActionsTest {

    static float[] product(float[] a, float[] b, int n) {
        float[] c = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }

    @Test
    void regularRepresentationIsAnExactHomomorphism() {
        for (DihedralGroup g : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(3))) {
            var reg = new RegularRepresentation<>(g);
            int n = g.order();
            for (DihedralElement a : g.elements())
                for (DihedralElement b : g.elements())
                    assertArrayEquals(reg.matrix(g.compose(a, b)), product(reg.matrix(a), reg.matrix(b), n));
            float[] id = reg.matrix(g.identity());
            for (int i = 0; i < n; i++) assertEquals(1f, id[i * n + i]);
        }
    }

    @Test
    void regularRepresentationPermutesChannelBlocks() {
        var c4 = DihedralGroup.cyclic(4);
        var reg = new RegularRepresentation<>(c4);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape shape = new Shape(1, 8, 2, 2); // 4 blocks of 2 channels
            float[] z = new float[32];
            for (int i = 0; i < z.length; i++) z[i] = i;
            NDArray x = m.create(z, shape);
            float[] once = reg.apply(x, reg.operator(m, c4.rotation(1), shape)).toFloatArray();
            // block h moves to block h + 1: the new block 1 is the old block 0
            for (int i = 0; i < 8; i++) assertEquals(z[i], once[8 + i]);
            for (int i = 0; i < 8; i++) assertEquals(z[24 + i], once[i]);
            float[] twice = reg.apply(
                            reg.apply(x, reg.operator(m, c4.rotation(1), shape)),
                            reg.operator(m, c4.rotation(1), shape))
                    .toFloatArray();
            assertArrayEquals(
                    reg.apply(x, reg.operator(m, c4.rotation(2), shape)).toFloatArray(), twice);
            assertArrayEquals(
                    z, reg.apply(x, reg.operator(m, c4.identity(), shape)).toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> reg.operator(m, c4.rotation(1), new Shape(1, 6, 2, 2)));
        }
        assertArrayEquals(new float[] {0, 0, 1, 0}, reg.code(c4.rotation(2)));
    }

    @Test
    void irrepsComposeByAddingAngles() {
        var irreps = new So2Irreps(1, 2, 0);
        float[] ab = product(irreps.matrix(0.4), irreps.matrix(1.1), 6);
        float[] sum = irreps.matrix(1.5);
        for (int i = 0; i < 36; i++) assertEquals(sum[i], ab[i], 1e-6);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape shape = new Shape(1, 6, 1, 1);
            NDArray x = m.create(new float[] {1, 0, 1, 0, 3, 4}, shape);
            float[] y = irreps.apply(x, irreps.operator(m, new O2Element(Math.PI / 2, false), shape))
                    .toFloatArray();
            // frequency 1 turns (1, 0) into (0, 1); frequency 2 into (-1, 0); frequency 0 leaves (3, 4)
            float[] expected = {0, 1, -1, 0, 3, 4};
            for (int i = 0; i < 6; i++) assertEquals(expected[i], y[i], 1e-6);
            assertArrayEquals(
                    x.toFloatArray(),
                    irreps.apply(x, irreps.operator(m, new O2Element(0, false), shape))
                            .toFloatArray());
        }
    }
}
