package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.noether.experiment.NoetherUserException;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Altered;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * AUTO's documented strategy rule and cost model at sizes on both sides of each threshold, and the up-front size
 * limits: each refuses in one line that names the case, its size and the limit, and lets through what is exactly at
 * the limit.
 */
class StrategyLimitsTest {

    private static final double REL = 1e-12;

    @Test
    void autoTakesDenseUpToTheLimitThenAveragingForSmallKnownGroupsElseIterative() {
        assertEquals(Strategy.DENSE, BasisSolver.choose(50, 60, 6)); // 3000 unknowns: at the limit
        assertEquals(Strategy.DENSE, BasisSolver.choose(3000, 1, -1)); // even without a known order
        assertEquals(Strategy.REYNOLDS, BasisSolver.choose(3001, 1, 6)); // one past it, |G| = 6
        assertEquals(Strategy.ITERATIVE, BasisSolver.choose(3001, 1, -1)); // order unknown or infinite
        // order limit
        assertEquals(Strategy.REYNOLDS, BasisSolver.choose(100, 100, BasisSolver.REYNOLDS_ORDER_LIMIT));
        assertEquals(Strategy.ITERATIVE, BasisSolver.choose(100, 100, BasisSolver.REYNOLDS_ORDER_LIMIT + 1));
        // work limit: |G| (m^2 + n^2) = 500 (600^2 + 200^2) = 2e8 exactly, then one row or column more
        assertEquals(Strategy.REYNOLDS, BasisSolver.choose(600, 200, 500));
        assertEquals(Strategy.REYNOLDS, BasisSolver.choose(200, 600, 500));
        assertEquals(Strategy.ITERATIVE, BasisSolver.choose(601, 200, 500));
        assertEquals(Strategy.ITERATIVE, BasisSolver.choose(600, 201, 500));
        assertEquals(Strategy.ITERATIVE, BasisSolver.choose(201, 600, 500));
    }

    /** The cost model's two estimates are the formulas its Javadoc states (ms on the measuring machine). */
    @Test
    void theCostModelIsTheDocumentedFormula() {
        assertEquals(0.07, BasisSolver.denseMillis(81), REL);
        assertEquals(0.07 * Math.pow(9, 2.25), BasisSolver.denseMillis(729), REL);
        assertEquals(0.07 * Math.pow(1.0 / 9, 2.25), BasisSolver.denseMillis(9), REL);
        // SO(3)/O(3): 0.1 ms fixed; End(V): one decomposition
        assertEquals(0.1 + 4e-6 * 27, BasisSolver.irrepMillis(3, 3, true, 3), REL);
        assertEquals(0.1 + 4e-6 * (27 + 27), BasisSolver.irrepMillis(3, 3, false, 3), REL);
        assertEquals(0.1 + 4e-6 * (729 + 27), BasisSolver.irrepMillis(9, 3, false, 3), REL);
        assertEquals(0.1 + 4e-6 * (27 + 729), BasisSolver.irrepMillis(3, 9, false, 3), REL);
        // SO(2)/O(2): 0.02 ms fixed
        assertEquals(0.02 + 4e-6 * 512, BasisSolver.irrepMillis(8, 8, true, 1), REL);
        assertEquals(0.02 + 4e-6 * (512 + 64), BasisSolver.irrepMillis(8, 4, false, 1), REL);
    }

    /**
     * The crossovers docs/benchmarks/basis.md reports: square SO(3)/O(3) cases switch to IRREP above 81 unknowns,
     * square SO(2)/O(2) ones by 64; lopsided ones stay DENSE; past DENSE's limit IRREP is taken whatever the
     * estimate (the alternatives there are iterative).
     */
    @Test
    void theModelReproducesTheMeasuredCrossovers() {
        assertFalse(BasisSolver.irrepCheaper(9, 9, true, 3));
        assertTrue(BasisSolver.irrepCheaper(10, 10, true, 3));
        assertTrue(BasisSolver.irrepCheaper(8, 8, true, 1));
        assertTrue(BasisSolver.irrepCheaper(27, 27, true, 3));
        assertFalse(BasisSolver.irrepCheaper(243, 3, false, 3)); // V^5 -> V
        assertFalse(BasisSolver.irrepCheaper(3000, 1, false, 3)); // at the limit: one huge decomposition loses
        assertTrue(BasisSolver.irrepCheaper(3001, 1, false, 3)); // past it: IRREP
        assertTrue(BasisSolver.irrepCheaper(1, 3001, false, 1));
    }

    @Test
    void theIterativeSolveIsRefusedPastTenMinutesOrHalfTheHeap() {
        long bigHeap = 1L << 40;
        // time: 4 applyCost 400 / 1e9 s; 3.75e8 multiply-adds per application is exactly 600 s
        assertDoesNotThrow(() -> BasisSolver.checkIterative("'a' -> 'b' of G", 10, 10, 3.75e8, bigHeap));
        var slow = assertThrows(
                NoetherUserException.class,
                () -> BasisSolver.checkIterative("'a' -> 'b' of G", 10, 20, 3.75e8 + 1e4, bigHeap));
        String m = slow.getMessage();
        assertTrue(m.contains("'a' -> 'b' of G (10 x 20 unknowns)"), m);
        assertTrue(m.contains("at least 10 min") && m.contains("limits: 600 s"), m);
        assertTrue(m.contains("0.0 GB") && !m.contains("\n"), m);
        var hours = assertThrows(
                NoetherUserException.class, () -> BasisSolver.checkIterative("x", 10, 10, 3.75e8 * 12, bigHeap));
        assertTrue(hours.getMessage().contains("at least 2 h"), hours.getMessage());
        // memory: 48 vectors of mn doubles, 384 mn bytes, against half the heap
        long heap = 768_000_000L; // half: 3.84e8 bytes = 384 * 1e6
        assertDoesNotThrow(() -> BasisSolver.checkIterative("x", 1000, 1000, 1, heap));
        var big = assertThrows(NoetherUserException.class, () -> BasisSolver.checkIterative("x", 1000, 1001, 1, heap));
        String b = big.getMessage();
        assertTrue(b.contains("(1000 x 1001 unknowns)"), b);
        assertTrue(b.contains("at least 1 s and 0.4 GB"), b);
        assertTrue(b.contains("half the heap = 0.8 GB"), b);
    }

    @Test
    void averagingIsRefusedPastTenMinutes() {
        // |G| 5 (m^2 + n^2) / 1e9 s: 1200 5 (8000^2 + 6000^2) = 6e11 operations, exactly 600 s
        assertDoesNotThrow(() -> BasisSolver.checkReynolds("a", "b", "G", 1200, 8000, 6000));
        assertDoesNotThrow(() -> BasisSolver.checkReynolds("a", "b", "G", 1200, 6000, 8000));
        var e = assertThrows(
                NoetherUserException.class, () -> BasisSolver.checkReynolds("a", "b", "G", 1201, 8000, 6000));
        assertEquals(
                "group averaging of 'a' -> 'b' over the 1201 elements of G would need about 10 min (limit 600 s)",
                e.getMessage());
        assertThrows(NoetherUserException.class, () -> BasisSolver.checkReynolds("a", "b", "G", 1200, 8001, 6000));
        assertThrows(NoetherUserException.class, () -> BasisSolver.checkReynolds("a", "b", "G", 1200, 8000, 6001));
    }

    /** The check is wired in: REYNOLDS over S10's 3.6 million elements refuses before evaluating any of them. */
    @Test
    void averagingOverAHugeGroupIsRefusedBeforeStarting() {
        var s10 = new SymmetricGroup(10);
        Representation<Permutation> std3 = Representations.standard(s10).power(3);
        var e = assertThrows(NoetherUserException.class, () -> BasisSolver.using(Strategy.REYNOLDS)
                .solve(std3, std3));
        assertTrue(e.getMessage().contains("over the 3628800 elements of S10"), e.getMessage());
    }

    /** RepData refuses to store generator matrices over half the heap, and accepts up to half. */
    @Test
    void denseGeneratorsAreRefusedPastHalfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        // a 4-dimensional representation: count matrices of 16 doubles, 128 count bytes
        // the most that fit in half the heap (exactly half when the heap is a multiple of 256)
        assumeTrue(heap / 256 < Integer.MAX_VALUE, "heap " + heap + " too large for an int count");
        var s3 = new SymmetricGroup(3);
        Representation<Permutation> r = Representations.standard(s3).plus(Representations.standard(s3));
        RepData<Permutation> d = new RepData<>(r, s3.discreteGenerators());
        int half = (int) (heap / 256);
        assertDoesNotThrow(() -> d.checkDense(half));
        var e = assertThrows(NoetherUserException.class, () -> d.checkDense(half + 1));
        String expected = String.format(
                Locale.ROOT,
                "is 4-dimensional: its %d generator matrices would take %.1f GB, more than half the heap (%.1f GB)",
                half + 1,
                128.0 * (half + 1) / 1e9,
                heap / 1e9);
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " / " + expected);
    }

    /**
     * A 32768-dimensional representation is refused before any of its matrices is formed: the right factor fails
     * the test if it is ever asked for a matrix (the left one, a rotation by 120 degrees, is no signed permutation, so
     * the orbit check stops there).
     */
    @Test
    void hugeGeneratorMatricesAreNeverFormed() {
        DihedralGroup c3 = DihedralGroup.cyclic(3);
        Representation<DihedralElement> huge = Representations.defining(c3).times(new Unmaterializable(c3, 16384));
        var e = assertThrows(NoetherUserException.class, () -> BasisSolver.using(Strategy.DENSE)
                .solve(huge, Representations.trivial(c3)));
        assertTrue(e.getMessage().contains("32768-dimensional"), e.getMessage());
        assertTrue(e.getMessage().contains("more than half the heap"), e.getMessage());
    }

    private record Unmaterializable(DihedralGroup group, int dimension) implements Representation<DihedralElement> {
        @Override
        public String name() {
            return "U";
        }

        @Override
        public double[] matrix(DihedralElement g) {
            throw new AssertionError("a " + dimension + "-dimensional matrix was formed");
        }

        @Override
        public double[] lieAlgebra(int k) {
            throw new AssertionError("no Lie algebra");
        }
    }

    @Test
    void irrepBasesThatWouldNotFitAreRefusedPastHalfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        // 12 bytes per entry of each element: 1 x 2 elements take 24 bytes; the most that fit in half the heap
        // (exactly half when the heap is a multiple of 48, as -Xmx3g is)
        long half = heap / 48;
        assertDoesNotThrow(() -> IrrepSolver.checkSize("'a' -> 'b' of SO3", half, 1, 2));
        var e = assertThrows(
                NoetherUserException.class, () -> IrrepSolver.checkSize("'a' -> 'b' of SO3", half + 1, 1, 2));
        String expected = String.format(
                Locale.ROOT,
                "the equivariant basis of 'a' -> 'b' of SO3 has %d elements of 1 x 2 entries: about %.1f GB to store, "
                        + "more than half the heap (%.1f GB)",
                half + 1,
                24.0 * (half + 1) / 1e9,
                heap / 1e9);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage() + " / " + expected);
    }

    /** IrrepSolver.dimension counts what IrrepSolver.solve returns: m_out m_in per type, twice for SO(2)'s complex ones. */
    @Test
    void theIrrepDimensionCountIsTheNumberOfElementsSolved() {
        var v = Representations.defining(O3.SO3);
        check(v.times(v), v, 1);
        check(v.times(v), v.times(v), 3); // 0 + 1 + 2, each once
        check(v.plus(v).times(v), v.plus(v), 4); // (2 V (x) V) -> 2 V: 2 copies of V in, 2 out
        check(v, Representations.trivial(O3.SO3), 0);
        var so2 = org.noether.group.O2.SO2;
        var p = Representations.defining(so2);
        check(p, p, 2); // identity and the quarter turn
        check(p.times(p), p.times(p), 6); // 1 + 1 + freq 2 (x2): 2 trivial copies (4) + 2
        var o2 = org.noether.group.O2.O2;
        var q = Representations.defining(o2);
        check(q, q, 1); // real type under reflections
    }

    private static <G> void check(Representation<G> in, Representation<G> out, long expected) {
        var di = org.noether.representation.IrrepDecomposition.of(in);
        var dout = org.noether.representation.IrrepDecomposition.of(out);
        assertEquals(expected, IrrepSolver.dimension(di, dout), in.name() + " -> " + out.name());
        assertEquals(IrrepSolver.solve(di, dout).size(), IrrepSolver.dimension(di, dout));
    }

    /** Vector and pseudovector of O(3) share their Lie algebra and differ at reflections: their blocks differ. */
    @Test
    void vectorAndPseudovectorAreNotConflated() {
        Representation<Orthogonal3> v = Representations.wignerD(O3.O3, 1, 1);
        Representation<Orthogonal3> a = Representations.wignerD(O3.O3, 1, 0);
        BasisSolver solver = BasisSolver.using(Strategy.AUTO);
        EquivariantBasis<Orthogonal3> b = solver.solve(v.plus(a), v.plus(a));
        assertEquals(2, b.dimension());
        assertEquals(4, b.stats().blocks());
        assertEquals(4, b.stats().solved() + b.stats().reused());
        assertEquals(
                BasisSolver.using(Strategy.DENSE)
                        .withoutDecomposition()
                        .solve(v.plus(a), v.plus(a))
                        .dimension(),
                b.dimension());
        assertEquals(0, solver.solve(v, a).dimension());
        assertEquals(1, solver.solve(a, a).dimension());
    }

    /**
     * Representations of Lie groups whose Lie algebra acts by zero and whose generators are signed permutations (the
     * trivial and determinant representations of O(3)) are monomial: AUTO solves them by ORBIT.
     */
    @Test
    void liftedSignRepresentationsOfLieGroupsAreSolvedByOrbits() {
        Representation<Orthogonal3> det = Representations.sign(O3.O3);
        Representation<Orthogonal3> one = Representations.trivial(O3.O3);
        EquivariantBasis<Orthogonal3> b = BasisSolver.using(Strategy.AUTO).solve(det.plus(one), det.plus(one));
        assertEquals(2, b.dimension());
        assertEquals(List.of(Strategy.ORBIT), List.copyOf(b.stats().strategies().keySet()));
    }
    /**
     * The weight count sees through sums nested in products and through duals of orthogonal representations too
     * large to decompose as leaves: End and Hom dimensions of SO(3) from the Clebsch-Gordan multiplicities.
     */
    @Test
    void weightEstimatesSeeThroughNestedSumsAndDuals() {
        var v = Representations.defining(O3.SO3);
        Representation<Orthogonal3> v2v = v.times(v.plus(v)); // 2 (0 + 1 + 2)
        assertEquals(2, IrrepSolver.estimateDimension(v2v, v).getAsLong());
        assertEquals(12, IrrepSolver.estimateDimension(v2v, v2v).getAsLong());
        assertEquals(2, IrrepSolver.estimateDimension(v.plus(v).times(v), v).getAsLong());
        // V^5 has 243 dimensions (over the leaf limit) and contains l = 1 fifteen times
        Representation<Orthogonal3> dual = v.power(5).dual();
        assertTrue(dual.dimension() > IrrepSolver.LEAF_LIMIT);
        assertEquals(15, IrrepSolver.estimateDimension(dual, v).getAsLong());
        assertEquals(15, IrrepSolver.estimateDimension(v, dual).getAsLong());
    }
    /** Averaging a Hom-space of dimension 0 (sign to trivial of S3) gives the empty basis, not an error. */
    @Test
    void averagingAnEmptyHomSpaceGivesNoElements() {
        var s3 = new SymmetricGroup(3);
        EquivariantBasis<Permutation> b =
                BasisSolver.using(Strategy.REYNOLDS).solve(Representations.sign(s3), Representations.trivial(s3));
        assertEquals(0, b.dimension());
        assertEquals(
                1,
                BasisSolver.using(Strategy.REYNOLDS)
                        .solve(Representations.sign(s3), Representations.sign(s3))
                        .dimension());
    }

    /** Matrices equal up to the sign of their zeros are the same constraint data: one block solved, one reused. */
    @Test
    void negativeZerosDoNotSplitTheCacheKey() {
        var s3 = new SymmetricGroup(3);
        Representation<Permutation> std = Representations.standard(s3);
        Representation<Permutation> negZero = Altered.matrices(std, "std-0", (g, m) -> {
            for (int i = 0; i < m.length; i++) if (m[i] == 0) m[i] = -0.0;
            return m;
        });
        EquivariantBasis<Permutation> b = BasisSolver.using(Strategy.DENSE).solve(std.plus(negZero), std);
        assertEquals(2, b.dimension());
        assertEquals(1, b.stats().solved());
        assertEquals(1, b.stats().reused());
    }
    /** A Hom-space past Java's array indexing is refused in one line naming both representations and the size. */
    @Test
    void homSpacesPastArrayIndexingAreRefused() {
        var s3 = new SymmetricGroup(3);
        Representation<Permutation> r = Representations.regular(s3).power(6); // 46656-dimensional, monomial
        var e = assertThrows(
                IllegalArgumentException.class, () -> BasisSolver.standard().solve(r, r));
        assertTrue(
                e.getMessage().contains("2176782336 unknowns (46656 x 46656), more than can be indexed"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("Hom-space of '"), e.getMessage());
    }

    /**
     * O(2) has no weight estimate, so an IRREP basis too large to store is refused after the decomposition, from its
     * exact dimension: End(V^8) has 6435 elements of 65536 entries, about 5 GB.
     */
    @Test
    void irrepBasesWithoutAnEstimateAreRefusedFromTheDecomposition() {
        var o2 = org.noether.group.O2.O2;
        var v8 = Representations.defining(o2).power(8);
        assertTrue(IrrepSolver.estimateDimension(v8, v8).isEmpty());
        assumeTrue(12.0 * 6435 * 65536 > Runtime.getRuntime().maxMemory() / 2.0, "heap over 10 GB");
        var e = assertThrows(NoetherUserException.class, () -> BasisSolver.using(Strategy.AUTO)
                .solve(v8, v8));
        assertTrue(
                e.getMessage()
                        .startsWith("the equivariant basis of '" + v8.name() + "' -> '" + v8.name()
                                + "' of O2 has 6435 elements of 256 x 256 entries"),
                e.getMessage());
    }

    /** The recorded time is the solve's own wall time. */
    @Test
    void solveStatsRecordTheWallTime() {
        var v = Representations.defining(O3.SO3);
        long t0 = System.nanoTime();
        EquivariantBasis<Orthogonal3> b = BasisSolver.using(Strategy.DENSE).solve(v.times(v), v);
        long elapsed = System.nanoTime() - t0;
        assertTrue(
                b.stats().nanos() > 0 && b.stats().nanos() <= elapsed, b.stats().nanos() + " of " + elapsed);
    }
    /**
     * Opaque leaves (neither sums, products nor duals) of up to {@link IrrepSolver#LEAF_LIMIT} dimensions are
     * decomposed to read their weights; larger ones give no estimate.
     */
    @Test
    void opaqueLeavesAreEstimatedUpToTheLeafLimit() {
        var v = Representations.defining(O3.SO3);
        var one = Representations.trivial(O3.SO3);
        // 2 V^4 + V^3 + V^2 + 2: 81 + 81 + 27 + 9 + 2 = 200 dimensions; l = 1 occurs 6 + 6 + 3 + 1 = 16 times
        Representation<Orthogonal3> sum = v.power(4)
                .plus(v.power(4))
                .plus(v.power(3))
                .plus(v.power(2))
                .plus(one)
                .plus(one);
        Representation<Orthogonal3> leaf = Altered.opaque(sum, "opaque");
        assertEquals(200, leaf.dimension());
        assertEquals(16, IrrepSolver.estimateDimension(leaf, v).getAsLong());
        assertTrue(IrrepSolver.estimateDimension(Altered.opaque(sum.plus(one), "opaque"), v)
                .isEmpty());
        assertEquals(16, IrrepSolver.estimateDimension(sum.plus(one), v).getAsLong()); // a visible sum is fine
    }
    /**
     * D6 x S3 has four discrete generators (two per factor); the outer tensor product of the factors' 2-dimensional
     * irreducibles is irreducible (End of dimension 1), and the two factors' planes share no map. DENSE, REYNOLDS and
     * AUTO agree.
     */
    @Test
    void productsWithFourGeneratorsAreSolved() {
        DihedralGroup d6 = DihedralGroup.dihedral(6);
        var s3 = new SymmetricGroup(3);
        var g = org.noether.group.DirectProduct.of(d6, s3);
        assertEquals(4, g.discreteGenerators().size());
        var a = Representations.onFirst(g, Representations.defining(d6));
        var b = Representations.onSecond(g, Representations.standard(s3));
        var ab = a.times(b);
        for (Strategy s : List.of(Strategy.DENSE, Strategy.REYNOLDS, Strategy.AUTO)) {
            assertEquals(1, BasisSolver.using(s).solve(ab, ab).dimension(), s::toString);
            assertEquals(0, BasisSolver.using(s).solve(a, b).dimension(), s::toString);
            assertEquals(2, BasisSolver.using(s).solve(a.plus(b), a.plus(b)).dimension(), s::toString);
        }
    }
    /**
     * IRREP needs orthogonal representations: a representation of SO(3) conjugated by diag(1, 2, 1) is refused by an
     * explicit IRREP solver, and AUTO solves it by constraints (End of dimension 1).
     */
    @Test
    void irrepRefusesNonOrthogonalRepresentationsAndAutoSolvesThemOtherwise() {
        Representation<Orthogonal3> skew = new Altered<>(
                Representations.defining(O3.SO3), "SVS^-1", (g, m) -> stretched(m), (k, a) -> stretched(a), false);
        var e = assertThrows(IllegalArgumentException.class, () -> BasisSolver.using(Strategy.IRREP)
                .solve(skew, skew));
        assertTrue(e.getMessage().startsWith("the irrep strategy needs orthogonal representations"), e.getMessage());
        EquivariantBasis<Orthogonal3> b = BasisSolver.using(Strategy.AUTO).solve(skew, skew);
        assertEquals(1, b.dimension());
        assertEquals(List.of(Strategy.DENSE), List.copyOf(b.stats().strategies().keySet()));
        assertEquals(Strategy.IRREP, BasisSolver.using(Strategy.IRREP).strategy());
        assertEquals(Strategy.AUTO, BasisSolver.standard().strategy());
    }

    /** Sums and products with a part the weight count cannot see into give no estimate. */
    @Test
    void partsWithoutWeightsLeaveNoEstimate() {
        var v = Representations.defining(O3.SO3);
        Representation<Orthogonal3> big = Altered.opaque(v.power(5), "opaque"); // 243 dimensions, opaque
        assertTrue(IrrepSolver.estimateDimension(v.plus(big), v).isEmpty());
        assertTrue(IrrepSolver.estimateDimension(v.times(big), v).isEmpty());
        assertTrue(IrrepSolver.estimateDimension(big.times(v), v).isEmpty());
        assertTrue(IrrepSolver.estimateDimension(v, v.plus(big)).isEmpty());
    }

    /** Averaging checks that the character inner product is a whole number: a 1 x 1 "representation" 0.5 is not. */
    @Test
    void averagingRejectsMatricesThatAreNoRepresentation() {
        var s3 = new SymmetricGroup(3);
        Representation<Permutation> half = Representations.character(s3, "half", g -> 0.5);
        var e = assertThrows(
                ArithmeticException.class, () -> ReynoldsSolver.solve(s3, half, Representations.trivial(s3), 1));
        assertTrue(e.getMessage().startsWith("character inner product 0.5 of half and"), e.getMessage());
    }

    /** S m S^-1 with S = diag(1, 2, 1): a similar representation that is not orthogonal. */
    private static double[] stretched(double[] m) {
        double[] s = {1, 2, 1};
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) out[i * 3 + j] = s[i] * m[i * 3 + j] / s[j];
        return out;
    }
}
