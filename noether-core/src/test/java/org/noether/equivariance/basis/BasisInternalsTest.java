package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;
import org.noether.representation.RepresentationSpec;

/**
 * Small pieces of the basis solver with exact answers: the time estimates in its size errors, snapping of printed
 * values to small fractions, sparse dot products, signed permutations read from dense matrices (and the matrices
 * that are not one), and the accessors of a fixed-point space.
 */
class BasisInternalsTest {

    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void durationsAreSecondsMinutesHoursOrDays() {
        assertEquals("1 s", BasisSolver.duration(0.2));
        assertEquals("45 s", BasisSolver.duration(45));
        assertEquals("119 s", BasisSolver.duration(119));
        assertEquals("2 min", BasisSolver.duration(120));
        assertEquals("120 min", BasisSolver.duration(7199));
        assertEquals("2 h", BasisSolver.duration(7200));
        assertEquals("48 h", BasisSolver.duration(2 * 86400 - 1));
        assertEquals("2 days", BasisSolver.duration(2 * 86400));
        assertEquals("12 days", BasisSolver.duration(1e6));
    }

    @Test
    void printedValuesSnapToSmallFractions() {
        assertEquals(1.0 / 3, Rref.snap(1.0 / 3 + 1e-12));
        assertEquals(0.5, Rref.snap(0.5 - 1e-11));
        assertEquals(7.0 / 12, Rref.snap(7.0 / 12 + 1e-11));
        assertEquals(-2.0, Rref.snap(-2 + 1e-10));
        assertEquals(Math.sqrt(0.5), Rref.snap(Math.sqrt(0.5)), "not near a small fraction: unchanged");
        assertEquals(1.0 / 13, Rref.snap(1.0 / 13), "13 is past the largest denominator");
        assertEquals(0.5 + 1e-7, Rref.snap(0.5 + 1e-7), "1e-7 away is not a rounding error");
    }

    @Test
    void sparseDotProductsMatchDenseOnes() {
        double[] a = {0, 2, 0, -1.5, 0, 4}, b = {7, 3, -2, 2, 9, 0.25};
        SparseVector s = SparseVector.fromDense(a);
        assertEquals(3, s.nonzeros());
        assertEquals(2 * 3 - 1.5 * 2 + 4 * 0.25, s.dot(b), 0);
        assertEquals(0, SparseVector.fromDense(new double[6]).dot(b));
    }

    @Test
    void signedPermutationsAreReadFromDenseMatricesAndCompareByValue() {
        // column j has its single ±1 in row image[j]
        double[] m = {0, 0, -1, 1, 0, 0, 0, 1, 0};
        SignedPermutation p = SignedPermutation.fromDense(m, 3);
        assertArrayEquals(new int[] {1, 2, 0}, p.image);
        assertArrayEquals(new boolean[] {false, false, true}, p.negative);
        assertEquals(p, SignedPermutation.fromDense(m.clone(), 3));
        assertEquals(p.hashCode(), SignedPermutation.fromDense(m.clone(), 3).hashCode());
        double[] flipped = m.clone();
        flipped[3] = -1;
        SignedPermutation q = SignedPermutation.fromDense(flipped, 3);
        assertNotEquals(p, q, "another sign");
        assertNotEquals(p.hashCode(), q.hashCode());
        assertNotEquals(p, SignedPermutation.fromDense(Dense.identity(3), 3), "another permutation");
        assertNotEquals(p, (Object) "not a permutation");
        assertNull(SignedPermutation.fromDense(new double[] {0.5, 0, 0, 1}, 2), "not ±1");
        assertNull(SignedPermutation.fromDense(new double[] {1, 1, 0, 0}, 2), "two entries in a row");
        assertNull(SignedPermutation.fromDense(new double[] {1, 0, 1, 0}, 2), "two entries in a column");
        assertNull(SignedPermutation.fromDense(new double[] {1, 0, 0, 0}, 2), "an empty column");
        double[] nearly = {1 + 1e-13, 1e-13, 0, -1};
        SignedPermutation n = SignedPermutation.fromDense(nearly, 2);
        assertArrayEquals(new boolean[] {false, true}, n.negative, "within 1e-12 of a signed permutation");
        assertNull(SignedPermutation.fromDense(new double[] {1 + 1e-9, 0, 0, 1}, 2), "1e-9 off is not one");
    }

    @Test
    void fixedPointAccessorsDescribeTheSameSpace() {
        var p = RepresentationSpec.parse(new SymmetricGroup(4), "P");
        FixedPoints<?> f = FixedPoints.of(p);
        assertSame(p, f.representation());
        assertEquals(1, f.dimension());
        List<double[]> v = f.vectors();
        assertEquals(1, v.size());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, v.get(0), 1e-12);
        assertArrayEquals(v.get(0), f.basis(), 1e-12);
        var b = f.asEquivariantBasis();
        assertEquals(1, b.dimension());
        assertEquals(4, b.rows(), "a map from the trivial representation into P");
        assertEquals(1, b.columns());
        var d4 = RepresentationSpec.parse(DihedralGroup.dihedral(4), "V");
        assertEquals(0, FixedPoints.of(d4).dimension());
        assertEquals(List.of(), FixedPoints.of(d4).vectors());
    }

    private static double[] projector(List<double[]> basis, int n) {
        double[] p = new double[n * n];
        for (double[] v : basis) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i * n + j] += v[i] * v[j];
        return p;
    }

    /**
     * The dense solver's fallback (a symmetric eigendecomposition of the Gram matrix, used when pivoted Cholesky
     * fails verification) finds the same null space as the Cholesky route: for G = A^T A with A's rows (1, 1, 0, 0)
     * and (0, 0, 1, -1), the span of (1, -1, 0, 0) and (0, 0, 1, 1).
     */
    @Test
    void theEigenFallbackAndPivotedCholeskyFindTheSameNullSpace() {
        double[][] a = {{1, 1, 0, 0}, {0, 0, 1, -1}};
        int n = 4;
        double[][] rows = new double[n][n];
        for (double[] r : a) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) rows[i][j] += r[i] * r[j];
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, g, i * n, n);
        double h = Math.sqrt(0.5);
        double[] want = projector(List.of(new double[] {h, -h, 0, 0}, new double[] {0, 0, h, h}), n);
        List<double[]> viaEigen = GramSolver.eigen(g.clone(), n, 1.0);
        assertEquals(2, viaEigen.size());
        assertArrayEquals(want, projector(viaEigen, n), 1e-12);
        List<double[]> viaCholesky = GramSolver.pivotedCholesky(rows, n, 1.0);
        assertEquals(2, viaCholesky.size());
        assertArrayEquals(want, projector(viaCholesky, n), 1e-12);
    }
}
