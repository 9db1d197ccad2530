package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Dense solver: the nullspace of the stacked constraint matrix C is the nullspace of the (mn) x (mn) Gram matrix
 * C^T C = sum_c C_c^T C_c. Accumulating the Gram matrix from Kronecker identities costs O((mn)^2) per constraint,
 * far less than forming C and multiplying it out.
 *
 * <p>The nullspace is then read off a Cholesky factorization with diagonal pivoting, which stops when the largest
 * remaining pivot is below the threshold: the remaining columns give the nullspace as
 * {@code [-L11^-T L21^T; I]}. That costs (mn)^3 / 3 flops, about a tenth of a symmetric eigendecomposition with
 * vectors (at mn = 729, 640 ms for EJML's eigendecomposition vs under 200 ms) and far less than an SVD of C. Squaring the
 * singular values loses nothing that matters: nonzero singular values of these constraints are bounded away from
 * zero by the group (for a rotation of order q by about 2 sin(pi / q), for a Lie algebra by the smallest nonzero
 * Casimir eigenvalue), so the pivots fall from O(|C|^2) to rounding level with nothing in between. Every vector is
 * then verified against the constraints themselves; if any fails, the solve is redone with EJML's symmetric
 * eigendecomposition, which is slower but rank-revealing without assumptions.
 */
final class GramSolver {
    private GramSolver() {}

    /** Threshold on Gram pivots / eigenvalues (squared singular values), relative to the bound on |C^T C|. */
    static final double NULL_TOLERANCE = 1e-9;

    /** Verification: sum_c |C_c w|^2 / |w|^2 must stay below this times the bound on |C^T C|. */
    static final double VERIFY_TOLERANCE = 1e-18;

    /** Largest mn for which a dense Gram matrix is allowed at all (about 290 MB). */
    static final int MAX_UNKNOWNS = 6000;

    static List<double[]> solve(List<Constraint> constraints, int m, int n) {
        int size = m * n;
        if (size > MAX_UNKNOWNS)
            throw new IllegalArgumentException("dense solver limited to " + MAX_UNKNOWNS + " unknowns, got " + m + " x "
                    + n + " = " + size + "; use the iterative or orbit strategy");
        List<Constraint> active = new ArrayList<>();
        for (Constraint c : constraints) if (!c.isZero()) active.add(c);
        if (active.isEmpty()) return unconstrained(size);
        // Thresholds are relative to the size of the generator matrices, not of the Gram matrix: for C2 acting on
        // the plane by rotation through pi, C^T C is 1e-32 everywhere and all of it is rounding.
        double scale = normBound(active);
        List<double[]> viaCholesky = pivotedCholesky(gramRows(active, size), size, scale);
        if (viaCholesky != null && verified(viaCholesky, active, scale)) return viaCholesky;
        return eigen(gram(active, size), size, scale);
    }

    static double[] gram(List<Constraint> constraints, int size) {
        double[][] rows = gramRows(constraints, size);
        double[] g = new double[size * size];
        for (int i = 0; i < size; i++) System.arraycopy(rows[i], 0, g, i * size, size);
        return g;
    }

    /** The Gram matrix as separate rows, so pivoting swaps rows by reference. */
    static double[][] gramRows(List<Constraint> constraints, int size) {
        double[][] rows = new double[size][size];
        for (Constraint c : constraints) c.addGram(rows);
        return rows;
    }

    /** Panel width of the blocked factorization: the trailing update then streams the matrix once per panel. */
    static final int PANEL = 48;

    /**
     * Null vectors from pivoted Cholesky of a (destroyed) Gram matrix, orthonormalized; null on breakdown. Blocked
     * like LAPACK's dpstrf: inside a panel only the pivot column and the running diagonal are updated, and the
     * trailing lower triangle gets one rank-PANEL update per panel. Unblocked, the (mn)^2 matrix would be streamed
     * from memory once per column, which made mn = 3125 take 35 s instead of a few.
     */
    static List<double[]> pivotedCholesky(double[][] a, int size, double scale) {
        double tol = NULL_TOLERANCE * scale;
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) perm[i] = i;
        double[] dd = new double[size];
        int rank = 0;
        boolean stopped = false;
        double[][] panelT = new double[PANEL][];
        for (int j0 = 0; j0 < size && !stopped; j0 += PANEL) {
            int j1 = Math.min(size, j0 + PANEL);
            for (int i = j0; i < size; i++) dd[i] = a[i][i];
            for (int j = j0; j < j1; j++) {
                int p = j;
                for (int i = j + 1; i < size; i++) if (dd[i] > dd[p]) p = i;
                if (!(dd[p] > tol)) {
                    stopped = true;
                    break;
                }
                if (p != j) {
                    swapSymmetric(a, j, p, size);
                    double t = dd[p];
                    dd[p] = dd[j];
                    dd[j] = t;
                    int q = perm[p];
                    perm[p] = perm[j];
                    perm[j] = q;
                }
                double d = Math.sqrt(dd[j]);
                double[] rj = a[j];
                rj[j] = d;
                for (int i = j + 1; i < size; i++) {
                    double[] ri = a[i];
                    double v = ri[j];
                    for (int t = j0; t < j; t++) v -= ri[t] * rj[t];
                    v /= d;
                    ri[j] = v;
                    dd[i] -= v * v;
                }
                rank++;
            }
            if (stopped || j1 >= size) break;
            // Trailing update of the lower triangle: a[i][l] -= sum_t L[i][t] L[l][t], l in [j1, i].
            int w = j1 - j0;
            for (int t = 0; t < w; t++) {
                double[] col = panelT[t] == null ? new double[size] : panelT[t];
                for (int l = j1; l < size; l++) col[l] = a[l][j0 + t];
                panelT[t] = col;
            }
            for (int i = j1; i < size; i++) {
                double[] ri = a[i];
                for (int t = 0; t < w; t++) {
                    double f = ri[j0 + t];
                    if (f == 0) continue;
                    double[] col = panelT[t];
                    for (int l = j1; l <= i; l++) ri[l] -= f * col[l];
                }
            }
        }
        int k = size - rank;
        if (k == 0) return List.of();
        // U = L11^T, row-major, for row-contiguous back substitution. Only the lower triangle of a is valid.
        double[][] u = new double[rank][rank];
        for (int i = 0; i < rank; i++) for (int mIdx = 0; mIdx <= i; mIdx++) u[mIdx][i] = a[i][mIdx];
        List<double[]> basis = new ArrayList<>(k);
        double[] y = new double[rank];
        for (int t = 0; t < k; t++) {
            double[] l = a[rank + t];
            for (int i = rank - 1; i >= 0; i--) {
                double s = l[i];
                double[] ui = u[i];
                for (int mIdx = i + 1; mIdx < rank; mIdx++) s -= ui[mIdx] * y[mIdx];
                y[i] = s / ui[i];
            }
            double[] w = new double[size];
            for (int i = 0; i < rank; i++) w[perm[i]] = -y[i];
            w[perm[rank + t]] = 1;
            for (double v : w) if (!Double.isFinite(v)) return null;
            basis.add(w);
        }
        List<double[]> ortho = Orthonormal.gramSchmidt(basis, 1e-10);
        return ortho.size() == k ? ortho : null;
    }

    /** Swaps indices j < p of a symmetric matrix stored in its lower triangle (rows and columns together). */
    private static void swapSymmetric(double[][] a, int j, int p, int size) {
        double[] rj = a[j], rp = a[p];
        for (int t = 0; t < j; t++) {
            double v = rj[t];
            rj[t] = rp[t];
            rp[t] = v;
        }
        double v = rj[j];
        rj[j] = rp[p];
        rp[p] = v;
        for (int i = j + 1; i < p; i++) {
            double x = a[i][j];
            a[i][j] = rp[i];
            rp[i] = x;
        }
        for (int i = p + 1; i < size; i++) {
            double[] ri = a[i];
            double x = ri[j];
            ri[j] = ri[p];
            ri[p] = x;
        }
    }

    /** An upper bound on |C^T C| = sum_c |C_c|^2 from the generator matrices. */
    static double normBound(List<Constraint> constraints) {
        double bound = 0;
        for (Constraint c : constraints) bound += c.normBound() * c.normBound();
        return bound;
    }

    static boolean verified(List<double[]> basis, List<Constraint> constraints, double bound) {
        int size = basis.isEmpty() ? 0 : basis.get(0).length;
        double[] r = new double[size];
        for (double[] w : basis) {
            double s = 0;
            for (Constraint c : constraints) {
                c.apply(w, r);
                s += Orthonormal.dot(r, r);
            }
            if (s > VERIFY_TOLERANCE * bound) return false;
        }
        return true;
    }

    static List<double[]> eigen(double[] g, int size, double scale) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(size, size, g)))
            throw new ArithmeticException(
                    "symmetric eigendecomposition failed on a " + size + " x " + size + " Gram matrix");
        double threshold = NULL_TOLERANCE * scale;
        List<double[]> out = new ArrayList<>();
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
