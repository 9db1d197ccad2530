package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;
import org.noether.representation.RepresentationSpec;

/** The readable (reduced row echelon) form: same span, unique, sparse, printable. */
class ReadableFormTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void permutationEndomorphismsReadAsIdentityAndOffDiagonalOnes() {
        int n = 5;
        var p = RepresentationSpec.parse(new SymmetricGroup(n), "P");
        for (Strategy s : new Strategy[] {Strategy.ORBIT, Strategy.DENSE, Strategy.ITERATIVE}) {
            var b = BasisSolver.using(s).solve(p, p);
            double[] ones = new double[n * n];
            java.util.Arrays.fill(ones, 1);
            // RREF is unique, so every strategy prints the same basis.
            assertArrayEquals(Dense.identity(n), b.readableElement(0), 1e-12, s.toString());
            assertArrayEquals(Dense.subtract(ones, Dense.identity(n)), b.readableElement(1), 1e-12, s.toString());
        }
    }

    @Test
    void readableElementsSpanTheSameSpace() {
        var g = O3.SO3;
        var b = BasisSolver.standard().solve(RepresentationSpec.parse(g, "V*V"), RepresentationSpec.parse(g, "V*V"));
        assertEquals(3, b.dimension()); // trace, antisymmetric and symmetric-traceless projections
        for (int k = 0; k < b.dimension(); k++) {
            double[] r = b.readableElement(k);
            assertArrayEquals(r, b.project(r), 1e-12, "readable element " + k + " is in the span");
        }
        assertTrue(b.readableNonzeros(0) <= 9);
    }

    @Test
    void formatShowsSmallMatricesAsGrids() {
        var g = O3.SO3;
        var b = BasisSolver.standard().solve(RepresentationSpec.parse(g, "V*V"), RepresentationSpec.parse(g, "V"));
        String text = b.format(5);
        assertTrue(text.startsWith("B1 (6 nonzero):\n"), text);
        assertEquals(1 + 3, text.split("\n").length, text);
        assertTrue(text.contains("-1") && text.contains(" 1"), text);
        assertEquals(
                "(no nonzero equivariant maps)\n",
                BasisSolver.standard()
                        .solve(RepresentationSpec.parse(O3.O3, "V*V"), RepresentationSpec.parse(O3.O3, "V"))
                        .format(5));
    }

    @Test
    void fractionsAndLimits() {
        assertEquals("1/3", Format.number(1.0 / 3));
        assertEquals("-5/12", Format.number(-5.0 / 12));
        assertEquals("0.7071", Format.number(Math.sqrt(0.5)));
        var b = BasisSolver.standard()
                .solve(
                        RepresentationSpec.parse(new SymmetricGroup(4), "P*P"),
                        RepresentationSpec.parse(new SymmetricGroup(4), "P*P"));
        assertTrue(b.format(3).endsWith("... 12 more elements\n"), b.format(3));
        assertThrows(IndexOutOfBoundsException.class, () -> b.readableElement(15));
        var e = assertThrows(IllegalArgumentException.class, () -> b.combine(new double[3]));
        assertTrue(e.getMessage().contains("15 coefficients"), e.getMessage());
    }
}
