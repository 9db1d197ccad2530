package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.linalg.Dense;

/**
 * The ends of the Wigner-D degree range, the generator cache and what clearing it does, and the parity rule of the
 * O(3) representations rho(g) = det(g)^parity D^l(det(g) g).
 */
class WignerDLimitsTest {

    @BeforeEach
    void clearCaches() {
        WignerD.clearCaches();
    }

    /** Degrees 0 to 40 are built (degree 0: three 1 x 1 zero generators); -1 and 41 are refused in one line. */
    @Test
    void degreesZeroToFortyAreBuiltAndOthersRefused() {
        double[][] zero = WignerD.generators(0);
        assertEquals(3, zero.length);
        for (double[] g : zero) assertArrayEquals(new double[] {0}, g, 0);
        double[][] forty = WignerD.generators(40);
        assertEquals(81 * 81, forty[2].length);
        // the Casimir on degree 40 is -40 * 41 on the diagonal
        double cas = 0;
        for (int k = 0; k < 3; k++) cas += Dense.multiply(forty[k], forty[k], 81)[0];
        assertEquals(-40 * 41, cas, 1e-6);
        for (int l : new int[] {-1, 41}) {
            var e = assertThrows(IllegalArgumentException.class, () -> WignerD.generators(l));
            assertEquals("Wigner-D degree must be in 0..40, got " + l, e.getMessage());
        }
    }

    /** Generators are cached per degree (the same arrays again), and clearing the caches makes them be built anew. */
    @Test
    void generatorsAreCachedUntilTheCachesAreCleared() {
        double[][] first = WignerD.generators(3);
        assertSame(first, WignerD.generators(3));
        WignerD.clearCaches();
        double[][] again = WignerD.generators(3);
        assertNotSame(first, again);
        for (int k = 0; k < 3; k++) assertArrayEquals(first[k], again[k], 0);
    }

    /**
     * For O(3), D^l with parity p sends -R to (-1)^p D^l(R), and the inversion -I to (-1)^p I; proper rotations are
     * unaffected by the parity. Checked for l = 1, 2, 3 at random rotations, to 1e-12.
     */
    @Test
    void parityMultipliesImproperElementsByTheDeterminant() {
        var random = new SplittableRandom(17);
        for (int l = 1; l <= 3; l++) {
            int d = 2 * l + 1;
            for (int p = 0; p <= 1; p++) {
                Representation<Orthogonal3> rep = Representations.wignerD(O3.O3, l, p);
                double sign = p == 0 ? 1 : -1;
                assertArrayEquals(
                        Dense.scale(Dense.identity(d), sign),
                        rep.matrix(Orthogonal3.identity().negate()),
                        1e-12,
                        "inversion, l " + l + ", parity " + p);
                for (int s = 0; s < 5; s++) {
                    Orthogonal3 g = O3.SO3.sample(random);
                    double[] proper = WignerD.matrix(l, g);
                    assertArrayEquals(proper, rep.matrix(g), 1e-12);
                    assertArrayEquals(Dense.scale(proper, sign), rep.matrix(g.negate()), 1e-12);
                }
            }
        }
        assertTrue(Representations.wignerD(O3.O3, 1, 1).name().endsWith("o"));
    }
}
