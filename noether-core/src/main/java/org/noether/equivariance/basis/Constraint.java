package org.noether.equivariance.basis;

/**
 * One linear constraint {@code A W - W B = 0} on an m x n matrix W: A = rho_out(h), B = rho_in(h) for a discrete
 * generator h, or A = d rho_out(X), B = d rho_in(X) for a Lie-algebra generator X. Writing the group constraint as
 * a commutator rather than {@code rho_out(h) W rho_in(h)^-1 = W} needs no inverse, so it also covers the
 * non-orthogonal representations of SE(3).
 *
 * <p>With row-major vec, vec(A W B) = (A (x) B^T) vec(W), so the constraint matrix is C = A (x) I_n - I_m (x) B^T. The
 * iterative solver applies C and C^T to W directly (four sparse products) and never forms C.
 */
final class Constraint {
    final int m;
    final int n;
    final double[] a;
    final double[] b;
    final Csr sa;
    final Csr sb;

    Constraint(double[] a, int m, double[] b, int n) {
        this.m = m;
        this.n = n;
        this.a = a;
        this.b = b;
        this.sa = new Csr(a, m);
        this.sb = new Csr(b, n);
    }

    /** Multiply-adds of one {@link #apply}: nnz(A) n + nnz(B) m. */
    double cost() {
        return (double) sa.nonzeros() * n + (double) sb.nonzeros() * m;
    }

    boolean isZero() {
        return sa.nonzeros() == 0 && sb.nonzeros() == 0;
    }

    /** An upper bound on |C|_2 (via |X|_2 <= sqrt(|X|_1 |X|_inf)), to scale tolerances. */
    double normBound() {
        return sa.spectralBound() + sb.spectralBound();
    }

    /** r = A w - w B. */
    void apply(double[] w, double[] r) {
        java.util.Arrays.fill(r, 0.0);
        sa.leftMultiplyAdd(w, n, r, 1.0);
        sb.rightMultiplyAdd(w, m, r, -1.0);
    }

    /** out += C^T r = A^T r - r B^T. */
    void applyTransposeAdd(double[] r, double[] out) {
        sa.leftTransposeMultiplyAdd(r, n, out, 1.0);
        sb.rightTransposeMultiplyAdd(r, m, out, -1.0);
    }

    /**
     * g += C^T C as a dense (mn) x (mn) matrix, from C^T C = A^T A (x) I - A^T (x) B^T - A (x) B + I (x) B B^T, in
     * O((mn)^2) rather than the O((mn)^3) of multiplying out the stacked constraint matrix.
     */
    void addGram(double[][] g) {
        double[] ata = sa.transposeTimesSelf();
        double[] bbt = sb.selfTimesTranspose();
        for (int i = 0; i < m; i++)
            for (int k = 0; k < m; k++) {
                double v = ata[i * m + k];
                if (v == 0) continue;
                for (int j = 0; j < n; j++) g[i * n + j][k * n + j] += v;
            }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int l = 0; l < n; l++) {
                    double v = bbt[j * n + l];
                    if (v != 0) g[i * n + j][i * n + l] += v;
                }
        // A (x) B at ((i, j), (k, l)) is A[i][k] B[j][l]; its transpose is the A^T (x) B^T term.
        for (int i = 0; i < m; i++)
            for (int p = sa.rowStart[i]; p < sa.rowStart[i + 1]; p++) {
                int k = sa.column[p];
                double av = sa.value[p];
                for (int j = 0; j < n; j++)
                    for (int q = sb.rowStart[j]; q < sb.rowStart[j + 1]; q++) {
                        int l = sb.column[q];
                        double v = av * sb.value[q];
                        int row = i * n + j, col = k * n + l;
                        g[row][col] -= v;
                        g[col][row] -= v;
                    }
            }
    }
}
