package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Dense solver: the nullspace of the stacked constraint matrix C is the eigenvalue-0 eigenspace of the (mn) x (mn)
 * Gram matrix C^T C = sum_c C_c^T C_c. Accumulating the Gram matrix from Kronecker identities costs O((mn)^2) per
 * constraint, and a symmetric eigensolver on it costs a fraction of an SVD of the (constraints * mn) x mn matrix C
 * (which would also need all right singular vectors). Squaring the singular values loses nothing that matters here:
 * nonzero singular values of these constraints are bounded away from zero by the group (for a rotation of order
 * q by about 2 sin(pi / q), for a Lie algebra by the smallest nonzero Casimir eigenvalue), so eigenvalue 0 is
 * separated from the rest by many orders of magnitude more than rounding error.
 */
final class GramSolver {
    private GramSolver() {}

    /** Relative threshold on Gram eigenvalues (squared singular values) counted as zero. */
    static final double NULL_TOLERANCE = 1e-9;

    /** Largest mn for which a dense Gram matrix is allowed at all (about 290 MB). */
    static final int MAX_UNKNOWNS = 6000;

    static List<double[]> solve(List<Constraint> constraints, int m, int n) {
        int size = m * n;
        if (size > MAX_UNKNOWNS)
            throw new IllegalArgumentException("dense solver limited to " + MAX_UNKNOWNS + " unknowns, got " + m + " x "
                    + n + " = " + size + "; use the iterative or orbit strategy");
        double[] g = new double[size * size];
        boolean any = false;
        for (Constraint c : constraints) {
            if (c.isZero()) continue;
            c.addGram(g);
            any = true;
        }
        if (!any) return unconstrained(size);
        List<double[]> out = new ArrayList<>();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(size, size, g)))
            throw new ArithmeticException("symmetric eigendecomposition failed on a " + size + " x " + size + " Gram matrix");
        double max = 0;
        for (int i = 0; i < size; i++) max = Math.max(max, eig.getEigenvalue(i).real);
        double threshold = NULL_TOLERANCE * max;
        for (int i = 0; i < size; i++) {
            if (eig.getEigenvalue(i).real > threshold) continue;
            out.add(eig.getEigenVector(i).data.clone());
        }
        return Orthonormal.gramSchmidt(out, 1e-6);
    }

    /** Every W is equivariant: the standard basis. */
    static List<double[]> unconstrained(int size) {
        List<double[]> out = new ArrayList<>(size);
        for (int u = 0; u < size; u++) {
            double[] e = new double[size];
            e[u] = 1;
            out.add(e);
        }
        return out;
    }
}
