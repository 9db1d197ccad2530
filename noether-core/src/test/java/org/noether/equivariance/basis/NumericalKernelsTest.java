package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/**
 * The numerical kernels under the basis solver, on inputs whose answers are known exactly: the dense solver's
 * pivoted Cholesky past one panel (more than {@link GramSolver#PANEL} pivots) and with tolerances scaled far from 1,
 * its verification and eigen fallback, Gram-Schmidt with a relative drop threshold, the dominant directions of a
 * mixed set of vectors (in every order of their singular values), the reduced row echelon form of rank-deficient and badly scaled rows, and signed
 * permutations of sums, tensor products and duals.
 */
class NumericalKernelsTest {

    // ---- GramSolver ----

    /** Rows of a random r x n matrix, entries Gaussian times {@code amplitude}. */
    private static double[][] randomMatrix(int r, int n, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[r][n];
        for (double[] row : a) for (int j = 0; j < n; j++) row[j] = amplitude * random.nextGaussian();
        return a;
    }

    private static double[][] gramOf(double[][] a, int n) {
        double[][] g = new double[n][n];
        for (double[] row : a) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i][j] += row[i] * row[j];
        return g;
    }

    private static double[] flat(double[][] rows) {
        int n = rows.length;
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, g, i * n, n);
        return g;
    }

    private static double[] projector(List<double[]> basis, int n) {
        double[] p = new double[n * n];
        for (double[] v : basis) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i * n + j] += v[i] * v[j];
        return p;
    }

    private static double orthonormalityError(List<double[]> basis) {
        double worst = 0;
        for (int i = 0; i < basis.size(); i++)
            for (int j = i; j < basis.size(); j++)
                worst = Math.max(worst, Math.abs(Orthonormal.dot(basis.get(i), basis.get(j)) - (i == j ? 1 : 0)));
        return worst;
    }

    /**
     * A rank-50 Gram matrix of size 60 (A^T A, A a 50 x 60 Gaussian matrix times 100): 50 pivots are more than one
     * panel of 48, so the blocked trailing update is used, and the back substitution runs over a full triangle. The
     * bound on |G| is |A|_F^2 (about 3e7), far from 1, so a threshold that were not relative to it (1e-9 / bound
     * instead of 1e-9 * bound) would take rounding pivots (about 1e-16 |G|) for rank. Wanted: exactly 10 null
     * vectors, orthonormal to 1e-12 (Gram-Schmidt of 10 well-separated vectors leaves rounding only), with
     * |A w| below 1e-10 |A|_F (A's smallest nonzero singular value is about 0.7 |A|_F / 55, so the null vectors are
     * determined to about 1e-14 and 1e-10 leaves a wide margin), spanning the same space as the eigen route.
     */
    @Test
    void pivotedCholeskyPastOnePanelFindsTheExactNullSpaceOfALargeGramMatrix() {
        int r = 50, n = 60;
        double[][] a = randomMatrix(r, n, 100, 11);
        double frob2 = 0;
        for (double[] row : a) frob2 += Orthonormal.dot(row, row);
        double[][] g = gramOf(a, n);
        double[] gFlat = flat(g);
        List<double[]> null1 = GramSolver.pivotedCholesky(g, n, frob2);
        assertNotNull(null1);
        assertEquals(n - r, null1.size());
        assertTrue(orthonormalityError(null1) < 1e-12, "orthonormality error " + orthonormalityError(null1));
        double frob = Math.sqrt(frob2);
        for (double[] w : null1)
            for (double[] row : a) {
                double aw = Math.abs(Orthonormal.dot(row, w));
                assertTrue(aw < 1e-10 * frob, "|A w| = " + aw + " for a null vector");
            }
        List<double[]> null2 = GramSolver.eigen(gFlat, n, frob2);
        assertEquals(n - r, null2.size());
        assertArrayEquals(projector(null2, n), projector(null1, n), 1e-9);
    }

    /** A full-rank Gram matrix (60 x 60, two panels) has no null vectors; the factorization runs to the end. */
    @Test
    void pivotedCholeskyOfAFullRankGramMatrixFindsNoNullVectors() {
        int n = 60;
        double[][] a = randomMatrix(n + 5, n, 1, 12);
        double frob2 = 0;
        for (double[] row : a) frob2 += Orthonormal.dot(row, row);
        assertEquals(List.of(), GramSolver.pivotedCholesky(gramOf(a, n), n, frob2));
    }

    /**
     * The eigen route's threshold is relative to the bound: with the bound at 1e4, an eigenvalue of 1e-6 (1e-10
     * relative) is null and 1 (1e-4 relative) is not.
     */
    @Test
    void theEigenThresholdIsRelativeToTheBound() {
        double[] g = {1e4, 0, 0, 0, 1, 0, 0, 0, 1e-6};
        List<double[]> found = GramSolver.eigen(g, 3, 1e4);
        assertEquals(1, found.size());
        assertEquals(1, Math.abs(found.get(0)[2]), 1e-12);
        assertEquals(
                2,
                GramSolver.eigen(new double[] {1e4, 0, 0, 0, 1e-6, 0, 0, 0, 0}, 3, 1e4)
                        .size());
    }

    /** The bound on |C^T C| is the sum over constraints of the squared bounds on |C_c|: 3^2 + 4^2. */
    @Test
    void theNormBoundAddsSquaredConstraintBounds() {
        Constraint three = new Constraint(new double[] {3}, 1, new double[] {0}, 1);
        Constraint four = new Constraint(new double[] {0}, 1, new double[] {4}, 1);
        assertEquals(3, three.normBound(), 0);
        assertEquals(25, GramSolver.normBound(List.of(three, four)), 0);
    }

    /**
     * Verification accepts a vector whose summed squared residual stays below 1e-18 times the bound and rejects one
     * above it: for the constraint -w diag(10, 0) (bound 100, so the limit is 1e-16), the unit vector
     * (5e-10, 1) has residual 2.5e-17 and passes, (2e-9, 1) has 4e-16 and fails, and e_1 fails.
     */
    @Test
    void verificationComparesResidualsWithTheBound() {
        Constraint c = new Constraint(new double[] {0}, 1, new double[] {10, 0, 0, 0}, 2);
        List<Constraint> cs = List.of(c);
        double bound = GramSolver.normBound(cs);
        assertEquals(100, bound, 0);
        assertTrue(GramSolver.verified(List.of(new double[] {0, 1}), cs, bound));
        assertTrue(GramSolver.verified(List.of(new double[] {5e-10, 1}), cs, bound));
        assertFalse(GramSolver.verified(List.of(new double[] {2e-9, 1}), cs, bound));
        assertFalse(GramSolver.verified(List.of(new double[] {0, 1}, new double[] {1, 0}), cs, bound));
        assertTrue(GramSolver.verified(List.of(), cs, bound), "an empty basis is trivially verified");
    }

    /**
     * The dense solver returns the pivoted Cholesky basis when it verifies (the eigen fallback is only for a failed
     * verification): for the constraint w (1, 1, 1)^T = 0 on a 1 x 3 W, Cholesky pivots once and gives
     * Gram-Schmidt of (-1, 1, 0) and (-1, 0, 1); the eigen route gives another basis of the same plane.
     */
    @Test
    void theDenseSolverReturnsTheVerifiedCholeskyBasis() {
        double[] b = {1, 0, 0, 1, 0, 0, 1, 0, 0};
        List<Constraint> cs = List.of(new Constraint(new double[] {0}, 1, b, 3));
        List<double[]> got = GramSolver.solve(cs, 1, 3);
        double h = Math.sqrt(0.5), t = Math.sqrt(2.0 / 3);
        assertEquals(2, got.size());
        assertArrayEquals(new double[] {-h, h, 0}, got.get(0), 1e-15);
        assertArrayEquals(new double[] {-0.5 * t, -0.5 * t, t}, got.get(1), 1e-15);
        List<double[]> viaEigen = GramSolver.eigen(GramSolver.gram(cs, 3), 3, GramSolver.normBound(cs));
        assertArrayEquals(projector(got, 3), projector(viaEigen, 3), 1e-12);
        assertTrue(
                Math.abs(Math.abs(viaEigen.get(0)[0]) - h) > 1e-6 || Math.abs(Math.abs(viaEigen.get(0)[1]) - h) > 1e-6,
                "the eigen route happens to give the same first vector, so this input cannot tell the routes apart");
    }

    /**
     * An input outside the gap assumption: the constraint -w diag(1, 1e-6, 0) on a 1 x 3 W has a singular value of
     * 1e-6 relative, so its squared pivot 1e-12 falls below the Cholesky threshold 1e-9 and e_2 is offered as a null
     * vector, but its residual 1e-12 is far above the verification limit 1e-18: the solve is redone by the eigen
     * route, which with the same threshold answers span(e_2, e_3), orthonormal.
     */
    @Test
    void aBasisThatFailsVerificationIsRedoneByTheEigenRoute() {
        double[] b = {1, 0, 0, 0, 1e-6, 0, 0, 0, 0};
        List<Constraint> cs = List.of(new Constraint(new double[] {0}, 1, b, 3));
        double bound = GramSolver.normBound(cs);
        List<double[]> cholesky = GramSolver.pivotedCholesky(GramSolver.gramRows(cs, 3), 3, bound);
        assertEquals(2, cholesky.size());
        assertFalse(GramSolver.verified(cholesky, cs, bound));
        List<double[]> got = GramSolver.solve(cs, 1, 3);
        assertEquals(2, got.size());
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 1}, projector(got, 3), 1e-12);
        assertTrue(orthonormalityError(got) < 1e-12);
    }

    /** The dense limit is on m n itself: 6000 unknowns are accepted, 6001 refused in one line naming both. */
    @Test
    void theDenseLimitIsSixThousandUnknowns() {
        assertEquals(6000, GramSolver.solve(List.of(), 60, 100).size());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GramSolver.solve(List.of(), 17, 353));
        assertTrue(e.getMessage().contains("17 x 353 = 6001"), e.getMessage());
        assertTrue(e.getMessage().contains("limited to 6000"), e.getMessage());
    }

    // ---- Orthonormal ----

    @Test
    void normalizingTheZeroVectorLeavesItZero() {
        double[] z = new double[3];
        assertEquals(0, Orthonormal.normalize(z));
        assertArrayEquals(new double[3], z, 0, "no division by a zero norm");
    }

    /**
     * The drop threshold is relative to the vector's own norm: (1e6, 0) and (1e6, 1e-2) are dependent to 1e-8
     * relative, below 1e-6, so the second is dropped, whatever the absolute size; (0, 1e-9) is independent.
     */
    @Test
    void gramSchmidtDropsVectorsByTheirRelativeResidual() {
        List<double[]> out = Orthonormal.gramSchmidt(List.of(new double[] {1e6, 0}, new double[] {1e6, 1e-2}), 1e-6);
        assertEquals(1, out.size());
        List<double[]> small = Orthonormal.gramSchmidt(List.of(new double[] {1, 0}, new double[] {0, 1e-9}), 1e-6);
        assertEquals(2, small.size());
        assertArrayEquals(new double[] {0, 1}, small.get(1), 0);
        assertEquals(0, Orthonormal.gramSchmidt(List.of(new double[2]), 1e-6).size(), "the zero vector is dropped");
    }

    /**
     * The dominant directions of V = U S W^T (U orthonormal 6 x 3, S diagonal with 1, 2, 3 in each of the six
     * orders, W a rotation mixing all three columns) are the columns of U, largest singular value first:
     * V^T V = W S^2 W^T has eigenvectors W, and V W = U S. Tolerance 1e-12: the singular values are 1 apart, so the
     * directions are determined to rounding.
     */
    @Test
    void topDirectionsAreTheLeftSingularVectorsInDecreasingOrder() {
        int size = 6, p = 3;
        List<double[]> u = Orthonormal.gramSchmidt(List.of(randomMatrix(p, size, 1, 21)), 1e-6);
        assertEquals(p, u.size());
        double c1 = Math.cos(0.7), s1 = Math.sin(0.7), c2 = Math.cos(1.1), s2 = Math.sin(1.1);
        // W = R_x(1.1) R_z(0.7)
        double[][] rz = {{c1, -s1, 0}, {s1, c1, 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, c2, -s2}, {0, s2, c2}};
        double[][] w = new double[p][p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) for (int k = 0; k < p; k++) w[i][j] += rx[i][k] * rz[k][j];
        // every order of the singular values 1, 2, 3 over u_0, u_1, u_2
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            double[] s = {1 + order[0], 1 + order[1], 1 + order[2]};
            // column j of V = sum_i u_i s_i W[j][i]
            List<double[]> v = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                double[] col = new double[size];
                for (int i = 0; i < p; i++) Orthonormal.axpy(s[i] * w[j][i], u.get(i), col);
                v.add(col);
            }
            for (int k = 1; k <= 4; k++) {
                List<double[]> top = Orthonormal.topDirections(v, k);
                assertEquals(Math.min(k, p), top.size());
                for (int rank = 0; rank < top.size(); rank++) {
                    int expected = 0;
                    for (int i = 0; i < p; i++) if (s[i] == p - rank) expected = i;
                    assertEquals(
                            1,
                            Math.abs(Orthonormal.dot(top.get(rank), u.get(expected))),
                            1e-12,
                            "direction " + rank + " should be u_" + expected + ", k " + k);
                }
            }
        }
    }

    // ---- Rref ----

    /**
     * Entries below 1e-9 of the largest are rounding noise: with rows (1e12, 0, 0) and (0, 1e2, 0) the second row
     * is noise relative to the first (1e-10) and the rank is 1; rows (1e-12, 0, 0) and (0, 1e-12, 1e-12) have rank 2
     * although every entry is tiny.
     */
    @Test
    void rrefThresholdsAreRelativeToTheLargestEntry() {
        assertEquals(
                1,
                Rref.of(List.of(new double[] {1e12, 0, 0}, new double[] {0, 1e2, 0}))
                        .size());
        List<SparseVector> tiny = Rref.of(List.of(new double[] {1e-12, 0, 0}, new double[] {0, 1e-12, 1e-12}));
        assertEquals(2, tiny.size());
        assertArrayEquals(new int[] {1, 2}, tiny.get(1).index);
        assertArrayEquals(new double[] {1, 1}, tiny.get(1).value, 0);
    }

    /** Dependent rows leave zero rows behind: the echelon form has the rank's number of rows, past the last column. */
    @Test
    void rrefOfRankDeficientRowsKeepsTheRank() {
        List<SparseVector> r = Rref.of(List.of(
                new double[] {1, 2, 3}, new double[] {2, 4, 6}, new double[] {0, 0, 1}, new double[] {1, 2, 4}));
        assertEquals(2, r.size());
        assertArrayEquals(new int[] {0, 1}, r.get(0).index);
        assertArrayEquals(new double[] {1, 2}, r.get(0).value, 0);
        assertArrayEquals(new int[] {2}, r.get(1).index);
    }

    // ---- SignedPermutation ----

    /**
     * Sums, tensor products and duals of signed permutations are combined structurally, and the result is the
     * signed permutation of the composite's matrix, for every element of S3.
     */
    @Test
    void compositeSignedPermutationsAgreeWithTheirMatrices() {
        SymmetricGroup s3 = new SymmetricGroup(3);
        Representation<Permutation> p = RepresentationSpec.parse(s3, "P");
        Representation<Permutation> sgn = Representations.sign(s3);
        List<Representation<Permutation>> reps = List.of(
                p.plus(sgn),
                sgn.plus(p),
                p.times(sgn),
                sgn.times(p),
                p.times(p),
                p.dual(),
                p.plus(sgn.times(p)).dual());
        for (Representation<Permutation> rep : reps)
            for (Permutation g : s3.elements()) {
                SignedPermutation sp = SignedPermutation.of(rep, g);
                assertNotNull(sp, rep.name());
                assertEquals(SignedPermutation.fromDense(rep.matrix(g), rep.dimension()), sp, rep.name());
            }
    }

    /** A composite with one part that is not a signed permutation (D3 on the plane: a turn by 120 degrees) is not one. */
    @Test
    void compositesWithARotationPartAreNotSignedPermutations() {
        DihedralGroup d3 = DihedralGroup.dihedral(3);
        Representation<DihedralElement> v = RepresentationSpec.parse(d3, "V");
        Representation<DihedralElement> one = Representations.trivial(d3);
        int rotations = 0;
        for (DihedralElement g : d3.elements()) {
            if (SignedPermutation.fromDense(v.matrix(g), 2) != null) continue;
            rotations++;
            assertNull(SignedPermutation.of(one.plus(v), g));
            assertNull(SignedPermutation.of(v.plus(one), g));
            assertNull(SignedPermutation.of(one.times(v), g));
            assertNull(SignedPermutation.of(v.times(one), g));
            assertNull(SignedPermutation.of(v.dual(), g));
        }
        assertTrue(rotations > 0);
    }

    /**
     * Entries within 1e-12 of 0 count as 0, that bound included; a column with two entries is refused even when the
     * first is in row 0 and the second row is otherwise free.
     */
    @Test
    void denseMatricesAtTheSnapBoundAndWithTwoEntriesInAColumn() {
        SignedPermutation p = SignedPermutation.fromDense(new double[] {SignedPermutation.SNAP, 1, 1, 0}, 2);
        assertNotNull(p);
        assertArrayEquals(new int[] {1, 0}, p.image);
        // column 0 holds rows 0 and 1; columns 1 and 2 use rows 0 and 2
        double[] twoInColumn = {1, 1, 0, 1, 0, 0, 0, 0, 1};
        assertNull(SignedPermutation.fromDense(twoInColumn, 3));
    }

    /** The 48 signed permutations of 3 points have 48 different hash codes (image and signs both enter). */
    @Test
    void hashCodesSeparateAllSignedPermutationsOfThreePoints() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        Set<Integer> hashes = new HashSet<>();
        Set<SignedPermutation> all = new HashSet<>();
        for (int[] image : perms)
            for (int signs = 0; signs < 8; signs++) {
                boolean[] neg = {(signs & 1) != 0, (signs & 2) != 0, (signs & 4) != 0};
                SignedPermutation sp = new SignedPermutation(image.clone(), neg);
                hashes.add(sp.hashCode());
                all.add(sp);
            }
        assertEquals(48, all.size());
        assertEquals(48, hashes.size());
    }
}
