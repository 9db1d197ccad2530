package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * The solver's bookkeeping: SolveStats' summary and units, the block cache's weight budget, the readable form's size
 * limit, a constraint's cost count, the key sizes, and the normal operator's contract.
 */
class BookkeepingTest {

    @Test
    void solveStatsReportMillisecondsAndSkipStrategiesThatSolvedNothing() {
        Map<Strategy, Integer> used = new EnumMap<>(Strategy.class);
        used.put(Strategy.DENSE, 2);
        used.put(Strategy.ORBIT, 0);
        SolveStats s = new SolveStats(2_500_000, 4, 2, 2, used);
        assertEquals(2.5, s.millis(), 1e-12);
        assertEquals("DENSE x2", s.methodSummary());
        assertEquals(List.of(), s.fallbacks());
        used.put(Strategy.ORBIT, 3);
        assertEquals("ORBIT x3, DENSE x2", new SolveStats(0, 5, 5, 0, used).methodSummary());
        assertEquals("none (all reused)", new SolveStats(0, 3, 0, 3, Map.of(Strategy.DENSE, 0)).methodSummary());
        assertEquals(
                "DENSE x2 (2 IRREP fallbacks)",
                new SolveStats(0, 2, 2, 0, Map.of(Strategy.DENSE, 2), List.of("a", "b")).methodSummary());
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        return v;
    }

    /** A block of {@code entries} nonzero entries (one basis element). */
    private static BlockSolution block(int entries) {
        return BlockSolution.ofDense(1, entries, Strategy.DENSE, List.of(ones(entries)));
    }

    @Test
    void theCacheWeighsKeysAndStoredEntriesAgainstItsBudget() {
        assertEquals(10, block(10).storedEntries());
        assertEquals(
                25,
                BlockSolution.ofDense(1, 25, Strategy.DENSE, List.of(new double[25], ones(25)))
                        .storedEntries()); // a zero vector stores nothing
        var cache = new BlockCache(100, 400);
        cache.put("a", block(10), 90); // 100: exactly a quarter of the budget, kept
        assertNotNull(cache.get("a"));
        assertEquals(100, cache.weight());
        cache.put("b", block(10), 91); // 101: over a quarter, not kept
        assertNull(cache.get("b"));
        assertEquals(100, cache.weight());
        cache.put("a", block(10), 90); // replacing an entry does not count it twice
        assertEquals(100, cache.weight());
        cache.put("c", block(10), 90);
        cache.put("d", block(10), 90);
        cache.put("e", block(10), 90); // 400: exactly the budget, all four kept
        assertEquals(4, cache.size());
        assertEquals(400, cache.weight());
        cache.put("f", block(5), 0); // 405: the least recently used ("a") goes
        assertEquals(4, cache.size());
        assertNull(cache.get("a"));
        assertEquals(305, cache.weight());
        cache.clear();
        assertEquals(0, cache.weight());
        assertEquals(0, cache.size());
    }

    /** A repeated solve is served from the cache, and equals an uncached solve. */
    @Test
    void cachedBlocksAreTheSameObjectsAndAgreeWithAFreshSolve() {
        var s4 = new SymmetricGroup(4);
        Representation<Permutation> std = Representations.standard(s4);
        BasisSolver solver = BasisSolver.using(Strategy.DENSE);
        EquivariantBasis<Permutation> first = solver.solve(std.times(std), std);
        assertEquals(1, solver.cachedBlocks());
        EquivariantBasis<Permutation> second = solver.solve(std.times(std), std);
        assertEquals(0, second.stats().solved());
        assertEquals(1, second.stats().reused());
        assertEquals(first.dimension(), second.dimension());
        List<double[]> a = first.elements(), b = second.elements();
        for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k), b.get(k), 0.0);
        EquivariantBasis<Permutation> fresh = BasisSolver.using(Strategy.DENSE).solve(std.times(std), std);
        assertEquals(fresh.dimension(), first.dimension());
        for (int k = 0; k < a.size(); k++) assertArrayEquals(fresh.elements().get(k), a.get(k), 0.0);
    }

    /**
     * Above READABLE_LIMIT (dimension^2 m n), the orthonormal basis stands in for the reduced form; below it the form
     * is the row-reduced one (leading entries 1).
     */
    @Test
    void theReadableFormIsSkippedOnlyAboveItsLimit() {
        // pairs (e_2i + e_2i+1) / sqrt 2: orthonormal, not reduced
        int d = 1100, m = 47, n = 47; // 1100^2 47^2 = 2.7e9 > 2e9
        BlockSolution big = BlockSolution.ofDense(m, n, Strategy.DENSE, pairs(d, m * n));
        assertSame(big.orthonormal, big.readable());
        BlockSolution small = BlockSolution.ofDense(4, 4, Strategy.DENSE, pairs(3, 16));
        List<SparseVector> r = small.readable();
        assertEquals(3, r.size());
        for (SparseVector v : r) {
            assertEquals(2, v.nonzeros());
            assertEquals(1.0, v.value[0], 1e-12);
            assertEquals(1.0, v.value[1], 1e-12);
        }
    }

    private static List<double[]> pairs(int count, int size) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] v = new double[size];
            v[2 * i] = v[2 * i + 1] = Math.sqrt(0.5);
            out.add(v);
        }
        return out;
    }

    /** Multiply-adds of one application: nnz(A) n + nnz(B) m. */
    @Test
    void aConstraintCostsItsNonzerosTimesTheOtherSide() {
        double[] a = {1, 0, 2, 3}; // 2 x 2, 3 nonzeros
        double[] b = {1, 0, 0, 0, 1, 0, 0, 0, 1}; // 3 x 3, 3 nonzeros
        Constraint c = new Constraint(a, 2, b, 3);
        assertEquals(3 * 3 + 3 * 2, c.cost(), 0.0);
        double[] b2 = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(3 * 3 + 9 * 2, new Constraint(a, 2, b2, 3).cost(), 0.0);
    }

    /** The operator LOBPCG is handed overwrites its output: applying it twice into the same array gives one result. */
    @Test
    void theNormalOperatorOverwritesItsOutput() {
        double[] a = {0, 1, -1, 0};
        Constraint c = new Constraint(a, 2, a, 2);
        Lobpcg.Operator op = BasisSolver.normalOperator(List.of(c), 4);
        double[] x = {1, 2, 3, 4}, y = new double[4], z = new double[4];
        op.apply(x, y);
        java.util.Arrays.fill(z, 7.0);
        op.apply(x, z);
        assertArrayEquals(y, z, 1e-12);
        double[] r = new double[4];
        c.apply(x, r);
        double[] expected = new double[4];
        c.applyTransposeAdd(r, expected);
        assertArrayEquals(expected, y, 1e-12);
    }

    /** Key sizes in doubles: generators times dimension for signed permutations, matrices' entries otherwise. */
    @Test
    void keySizesCountTheStoredGeneratorData() {
        var s3 = new SymmetricGroup(3);
        var gens = s3.discreteGenerators();
        assertEquals(2, gens.size());
        assertEquals(2 * 6, new RepData<>(Representations.regular(s3), gens).keySize());
        assertEquals(2 * 2 * 2, new RepData<>(Representations.standard(s3), gens).keySize());
        Representation<Permutation> std3 = Representations.standard(s3).power(3); // 8-dimensional
        assertEquals(2 * 64, new RepData<>(std3, gens).keySize());
        var v = Representations.defining(O3.SO3);
        var so3gens = O3.SO3.discreteGenerators();
        assertEquals((so3gens.size() + 3) * 9L, new RepData<>(v, so3gens).keySize());
    }
    /**
     * Printed numbers snap to p/q (q up to 12) when within 1e-9 of it, and stay decimal beyond; integers print whole
     * below 1e9 in magnitude.
     */
    @Test
    void printedNumbersSnapWithinOneBillionth() {
        assertEquals("1/2", Format.number(0.5 + 4e-10));
        assertEquals("1/3", Format.number(1.0 / 3 + 5e-10));
        assertEquals("-7/12", Format.number(-7.0 / 12 - 8e-10));
        assertEquals("0.5000", Format.number(0.5 + 2e-9));
        // "within" is strict: 5e-10 prints as 0, 1e-9 itself does not
        assertEquals("0", Format.number(5e-10));
        assertEquals("1.000e-09", Format.number(1e-9));
        assertEquals("999999999", Format.number(999_999_999.0));
        assertEquals("1.000e+09", Format.number(1e9));
        assertEquals("-1.000e+09", Format.number(-1e9));
    }
    /** Elements are numbered 0 .. dimension - 1 across the blocks; anything else is refused with both numbers. */
    @Test
    void elementIndicesOutsideTheBasisAreRefused() {
        var s3 = new SymmetricGroup(3);
        Representation<Permutation> std = Representations.standard(s3);
        EquivariantBasis<Permutation> b = BasisSolver.using(Strategy.DENSE).solve(std.plus(std), std);
        assertEquals(2, b.dimension());
        assertEquals(2 * 4, b.element(1).length);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> b.element(2));
        assertEquals("basis element 2 of 2", e.getMessage());
        var neg = org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> b.element(-1));
        assertEquals("basis element -1 of 2", neg.getMessage());
    }
}
