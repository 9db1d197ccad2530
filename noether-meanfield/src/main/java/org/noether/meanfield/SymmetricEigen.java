package org.noether.meanfield;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a small symmetric matrix (the parameter dimension, a few to a few dozen) by EJML's
 * symmetric eigensolver, with eigenvalues sorted in decreasing order and eigenvectors as rows (each with its
 * largest entry positive, so the result does not depend on the solver's sign choice): the form the
 * subspace-discovery heuristic and {@link Subspace#distance} read.
 */
final class SymmetricEigen {
    final double[] values;
    /** Row k is the unit eigenvector of values[k]. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * The decomposition of the symmetric n x n {@code matrix} (row-major; only symmetric input is meaningful).
     *
     * @throws IllegalArgumentException if the matrix does not have n x n entries or EJML does not converge
     */
    static SymmetricEigen of(double[] matrix, int n) {
        if (matrix.length != n * n)
            throw new IllegalArgumentException(
                    "expected " + n + " x " + n + " = " + n * n + " entries, got " + matrix.length);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, matrix)))
            throw new IllegalArgumentException("the symmetric eigensolver did not converge on a " + n + " x " + n
                    + " matrix (non-finite entries?)");
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int r = 0; r < n; r++) {
            values[r] = raw[order[r]];
            vectors[r] = eig.getEigenVector(order[r]).getData().clone();
            canonicalSign(vectors[r]);
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Flips v so that its largest-magnitude entry (the first among equals) is positive: an eigenvector's sign is
     * the solver's choice, and the heuristic's random draws in the span should not depend on it.
     */
    private static void canonicalSign(double[] v) {
        int at = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[at])) at = i;
        if (v[at] < 0) for (int i = 0; i < v.length; i++) v[i] = -v[i];
    }
}
