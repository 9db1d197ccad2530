package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.E3;
import org.noether.group.O2;
import org.noether.group.O2Element;
import org.noether.nn.Engines;
import org.noether.representation.Representations;

class SymmetryTest {

    @Test
    void wholeFiniteGroupsAreExactAndStartWithTheIdentity() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Symmetry<?> s = Symmetry.invariant(d4, NDActions.image(d4));
        assertTrue(s.isExact());
        assertTrue(s.isInvariant());
        assertTrue(s.size() == 8 && d4.equal(d4.identity(), d4.elements().get(0)));
    }

    @Test
    void aSampleOfACompactGroupIsOnlyApproximatelyEquivariantAndImprovesWithSize() {
        NDAction<O2Element> v = NDActions.representation(Representations.defining(O2.SO2));
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            double coarse =
                    invarianceError(Symmetry.sampled(O2.SO2, 4, new SplittableRandom(1), v, NDActions.trivial()), m);
            double fine =
                    invarianceError(Symmetry.sampled(O2.SO2, 512, new SplittableRandom(1), v, NDActions.trivial()), m);
            assertTrue(fine < coarse, "512 samples: " + fine + ", 4 samples: " + coarse);
        }
        Symmetry<O2Element> s = Symmetry.sampled(O2.SO2, 3, new SplittableRandom(2), v, v);
        assertFalse(s.isExact(), "a sample is never exact");
        assertTrue(O2.SO2.equal(O2.SO2.identity(), s.elements().get(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Symmetry.sampled(E3.SE3, 3, new SplittableRandom(2), NDActions.trivial(), NDActions.trivial()));
    }

    /** Mean over random rotations g of |f(g x) - f(x)| for the equituned random MLP. */
    private static double invarianceError(Symmetry<O2Element> s, NDManager m) {
        Equitune<O2Element> f = Nets.init(new Equitune<>(Nets.mlp(16, 1), s), m, 3, new Shape(8, 2));
        SplittableRandom random = new SplittableRandom(5);
        double total = 0;
        int trials = 16;
        NDArray x = Nets.gaussian(m, random, 8, 2);
        float[] fx = Nets.eval(f, m, x);
        for (int t = 0; t < trials; t++) {
            NDArray gx = s.input().act(O2.SO2.sample(random), x);
            total += Nets.relativeError(fx, Nets.eval(f, m, gx));
        }
        return total / trials;
    }
}
