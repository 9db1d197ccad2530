package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;
import org.noether.representation.RepresentationSpec;

class FixedPointsTest {

    @Test
    void permutationFixedPointsAreConstants() {
        var f = FixedPoints.of(RepresentationSpec.parse(new SymmetricGroup(4), "P"));
        assertEquals(1, f.dimension());
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, f.project(new double[] {1, 2, 3, 4}), 1e-12);
        assertArrayEquals(
                Dense.scale(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.25), f.projector(), 1e-12);
    }

    @Test
    void projectorIsSymmetricIdempotentAndLandsInFixedPoints() {
        var rep = RepresentationSpec.parse(O3.SO3, "V*V+V^4+D2");
        var f = FixedPoints.of(rep);
        assertEquals(1 + 3, f.dimension());
        int d = rep.dimension();
        double[] p = f.projector();
        assertTrue(Dense.maxAbsDifference(p, Dense.transpose(p, d)) < 1e-12);
        assertTrue(Dense.maxAbsDifference(Dense.multiply(p, p, d), p) < 1e-10);
        var random = new SplittableRandom(4);
        double[] x = random.doubles(d).toArray();
        double[] y = f.project(x);
        assertArrayEquals(Dense.apply(p, x, d, d), y, 1e-10);
        for (int t = 0; t < 5; t++) {
            double[] gy = Dense.apply(rep.matrix(O3.SO3.sample(random)), y, d, d);
            assertTrue(Dense.maxAbsDifference(gy, y) < 1e-10);
        }
        // and x - Px is orthogonal to every fixed vector
        double[] r = Dense.subtract(x, y);
        for (double[] v : f.vectors()) assertEquals(0, Dense.apply(v, r, 1, d)[0], 1e-10);
    }

    @Test
    void noFixedPointsAndWrongLength() {
        var f = FixedPoints.of(RepresentationSpec.parse(O3.O3, "V"));
        assertEquals(0, f.dimension());
        assertArrayEquals(new double[3], f.project(new double[] {1, 2, 3}));
        var e = assertThrows(IllegalArgumentException.class, () -> f.project(new double[4]));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
        assertEquals(
                2,
                FixedPoints.of(RepresentationSpec.parse(DihedralGroup.dihedral(6), "regular+P"))
                        .dimension());
    }
}
