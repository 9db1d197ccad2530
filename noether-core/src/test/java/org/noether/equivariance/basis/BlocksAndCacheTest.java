package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/** Direct sums are solved block by block; identical blocks are solved once; cache keys never conflate. */
class BlocksAndCacheTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void repeatedSummandsAreSolvedOnce() {
        var solver = BasisSolver.using(Strategy.AUTO);
        var v3 = RepresentationSpec.parse(O3.SO3, "V+V+V");
        var b = solver.solve(v3, v3);
        assertEquals(9, b.dimension()); // 3 x 3 blocks, each the multiples of I
        assertEquals(9, b.stats().blocks());
        assertEquals(1, b.stats().solved());
        assertEquals(8, b.stats().reused());
        assertTrue(BasisChecks.equivarianceError(b, 4, 1) < 1e-9);
        assertTrue(BasisChecks.orthonormalityError(b) < 1e-12);
        // A second solve on the same solver comes entirely from its cache.
        var again = solver.solve(v3, v3);
        assertEquals(0, again.stats().solved());
        assertEquals(0.0, BasisChecks.projectorDistance(b, again), 1e-15);
    }

    @Test
    void blockSparsityMatchesTheSummands() {
        // V -> V + D2 of SO(3): only the V -> V block is nonzero.
        var in = RepresentationSpec.parse(O3.SO3, "V");
        var out = RepresentationSpec.parse(O3.SO3, "V+D2");
        var b = BasisSolver.standard().solve(in, out);
        assertEquals(1, b.dimension());
        double[] w = b.element(0);
        for (int r = 3; r < 8; r++) for (int c = 0; c < 3; c++) assertEquals(0.0, w[r * 3 + c]);
        assertEquals(1 / Math.sqrt(3), w[0], 1e-12);
    }

    @Test
    void sameNameInDifferentGroupsIsNotConflated() {
        var solver = BasisSolver.using(Strategy.AUTO);
        var c4 = DihedralGroup.cyclic(4);
        var d4 = DihedralGroup.dihedral(4);
        Representation<DihedralElement> vc = Representations.defining(c4), vd = Representations.defining(d4);
        assertEquals(vc.name(), vd.name());
        assertEquals(2, solver.solve(vc, vc).dimension()); // rotations commute with rotations
        assertEquals(1, solver.solve(vd, vd).dimension()); // a reflection leaves only multiples of I
        assertEquals(2, solver.solve(vc, vc).dimension());
    }

    @Test
    void sameNameDifferentRepresentationIsNotConflated() {
        var solver = BasisSolver.using(Strategy.AUTO);
        var c4 = DihedralGroup.cyclic(4);
        var parity = Representations.character(c4, "chi", (DihedralElement g) -> g.rotation() % 2 == 0 ? 1 : -1);
        var trivialNamedChi = Representations.character(c4, "chi", (DihedralElement g) -> 1);
        var one = Representations.trivial(c4);
        assertEquals(0, solver.solve(one, parity).dimension());
        assertEquals(1, solver.solve(one, trivialNamedChi).dimension());
        assertNotEquals(
                solver.solve(one, parity).dimension(),
                solver.solve(one, trivialNamedChi).dimension());
    }

    @Test
    void distinctObjectsWithEqualMatricesShareABlock() {
        var s4 = new SymmetricGroup(4);
        var a = Representations.permutation(s4);
        var b = Representations.permutation(s4); // a different object, the same matrices
        var solver = BasisSolver.using(Strategy.DENSE);
        var r = solver.solve(a.plus(b), a.plus(b));
        assertEquals(4 * 2, r.dimension());
        assertEquals(1, r.stats().solved());
        assertEquals(3, r.stats().reused());
    }

    @Test
    void cacheIsBoundedByEntriesAndWeight() {
        var block = BlockSolution.ofDense(1, 10, Strategy.DENSE, java.util.List.of(new double[10]));
        var cache = new BlockCache(2, 400);
        cache.put("a", block, 0);
        cache.put("b", block, 0);
        cache.get("a"); // a is now more recent than b
        cache.put("c", block, 0);
        assertEquals(2, cache.size());
        assertTrue(cache.get("b") == null && cache.get("a") != null && cache.get("c") != null);
        cache.put("huge", block, 200); // over a quarter of the budget: not kept
        assertTrue(cache.get("huge") == null);
        var weighty = new BlockCache(100, 400);
        for (int i = 0; i < 10; i++) weighty.put(i, block, 90); // 100 each: at most 4 fit
        assertEquals(4, weighty.size());
        assertTrue(weighty.weight() <= 400);
    }
}
