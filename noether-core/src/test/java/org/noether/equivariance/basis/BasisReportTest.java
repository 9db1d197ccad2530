package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasisReportTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void crossProductReport() {
        BasisReport r = BasisReport.of("SO3", "V*V", "V");
        assertEquals(1, r.dimension());
        assertEquals(3, r.rows());
        assertEquals(9, r.columns());
        assertEquals("SO3", r.group());
        assertTrue(r.solveMillis() >= 0);
        String text = r.render();
        assertTrue(text.startsWith("Equivariant maps V*V -> V of SO3 (3 x 9 matrices): dimension 1\n"), text);
        // 27 unknowns: AUTO's flop model prefers the dense solve to decomposing (both well under a millisecond)
        assertTrue(text.contains("DENSE x1"), text);
        assertTrue(text.contains("B1 (6 nonzero):"), text);
    }

    @Test
    void blocksAreReported() {
        BasisReport r = BasisReport.of("S4", "P+P", "P");
        assertEquals(4, r.dimension());
        assertTrue(r.method().contains("2 blocks, 1 reused"), r.method());
    }

    @Test
    void badInputFailsWithTheParsersMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> BasisReport.of("SO3", "V*W", "V"));
        assertTrue(e.getMessage().contains("unknown representation 'W'"), e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> BasisReport.of("SO4", "V", "V"));
        assertTrue(g.getMessage().contains("Unknown group"), g.getMessage());
    }
}
