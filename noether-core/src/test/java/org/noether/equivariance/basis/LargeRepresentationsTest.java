package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.GroupSpec;
import org.noether.group.SymmetricGroup;
import org.noether.representation.RepresentationSpec;

/**
 * Representations of about a thousand dimensions, where the dense constraint matrix (10^12 entries for
 * Hom(P10^3, P10^3)) could not even be stored. Checked with random combinations at random elements.
 */
class LargeRepresentationsTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    /** S_n orbits on 6-tuples of indices are the set partitions of 6 things into at most n blocks: Bell(6) = 203. */
    @Test
    void thirdOrderTensorsOfS10() {
        var s10 = new SymmetricGroup(10);
        var t3 = RepresentationSpec.parse(s10, "T(3)");
        assertEquals(1000, t3.dimension());
        var b = BasisSolver.standard().solve(t3, t3);
        assertEquals(203, b.dimension());
        assertEquals(1_000_000, b.rows() * b.columns());
        assertTrue(b.stats().strategies().containsKey(Strategy.ORBIT));
        double e = BasisChecks.equivarianceError(b, 3, 7);
        assertTrue(e < 1e-12, "equivariance error " + e);
        // The readable elements are orbit indicators: every nonzero is +-1.
        double[] r = b.readableElement(202);
        for (double v : r) assertTrue(v == 0 || Math.abs(v) == 1);
        assertTrue(b.format(2).contains("more"), "large elements are listed by entries, truncated");
    }

    @Test
    void invariantsAndVectorsOfT3UnderS10() {
        var s10 = new SymmetricGroup(10);
        assertEquals(5, FixedPoints.of(RepresentationSpec.parse(s10, "T(3)")).dimension()); // Bell(3)
        var b = BasisSolver.standard().solve(RepresentationSpec.parse(s10, "T(3)"), RepresentationSpec.parse(s10, "V"));
        assertEquals(15, b.dimension()); // Bell(4)
        assertTrue(BasisChecks.equivarianceError(b, 3, 2) < 1e-12);
    }

    /** End(regular) of a group of order 960 is the right regular action: 960 maps of 960 x 960 matrices. */
    @Test
    void regularRepresentationOfAGroupOfOrder960() {
        var b = endomorphisms(GroupSpec.parse("S4xD20"), "regular");
        assertEquals(960, b.rows());
        assertEquals(960, b.dimension());
        double e = BasisChecks.equivarianceError(b, 2, 3);
        assertTrue(e < 1e-12, "equivariance error " + e);
        assertEquals(960, b.readableNonzeros(5)); // a permutation matrix
    }

    private static <G> EquivariantBasis<G> endomorphisms(org.noether.group.Group<G> g, String spec) {
        var r = RepresentationSpec.parse(g, spec);
        return BasisSolver.standard().solve(r, r);
    }
}
