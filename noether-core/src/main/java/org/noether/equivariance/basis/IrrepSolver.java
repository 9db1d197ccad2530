package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.noether.experiment.NoetherUserException;
import org.noether.representation.IrrepDecomposition;
import org.noether.representation.IrrepDecomposition.Copy;
import org.noether.representation.IrrepDecomposition.Irrep;

/**
 * Equivariant maps through the decomposition into irreducibles (Schur's lemma): with orthogonal changes of basis
 * Q_in, Q_out, every equivariant map is {@code Q_out (sum over types t of M_t (x) C_t) Q_in^T}, where M_t is any
 * m_out(t) x m_in(t) matrix and C_t runs over the commutant of the irreducible t: the identity for real type (every
 * irreducible of SO(3) and O(3), and of O(2)), the identity and the quarter turn for the frequency-k irreducibles of
 * SO(2). An orthonormal basis is therefore {@code E_out,i C E_in,j^T / |C|} over pairs of copies (i, j) of the same
 * type, E the copies' columns of Q. No constraint system is solved at all: the cost is the two decompositions plus
 * writing the basis out.
 */
final class IrrepSolver {
    private IrrepSolver() {}

    /** Number of basis elements: sum over types of m_out m_in times the commutant dimension. */
    static <G> long dimension(IrrepDecomposition<G> in, IrrepDecomposition<G> out) {
        long k = 0;
        for (var e : out.multiplicities().entrySet()) {
            Integer mi = in.multiplicities().get(e.getKey());
            if (mi != null) k += (long) e.getValue() * mi * (out.complexType(e.getKey()) ? 2 : 1);
        }
        return k;
    }

    /**
     * Refuses, in one line, a basis that would not fit: each element is stored with its nonzero entries (12 bytes
     * each, and these elements are dense in the original coordinates).
     */
    static void checkSize(String what, long elements, int m, int n) {
        double bytes = 12.0 * elements * m * (double) n;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2.0)
            throw new NoetherUserException(String.format(Locale.ROOT,
                    "the equivariant basis of %s has %d elements of %d x %d entries: about %.1f GB to store, more "
                            + "than half the heap (%.1f GB); raise -Xmx (NOETHER_JAVA_OPTS) or solve a smaller case",
                    what, elements, m, n, bytes / 1e9, heap / 1e9));
    }

    static <G> List<double[]> solve(IrrepDecomposition<G> in, IrrepDecomposition<G> out) {
        int m = out.dimension(), n = in.dimension();
        List<Copy> ci = in.copies(), co = out.copies();
        List<double[]> basis = new ArrayList<>();
        double[][][] embIn = new double[ci.size()][][];
        for (int j = 0; j < ci.size(); j++) embIn[j] = in.embedding(j);
        for (int i = 0; i < co.size(); i++) {
            Irrep t = co.get(i).irrep();
            double[][] eo = null;
            for (int j = 0; j < ci.size(); j++) {
                if (!ci.get(j).irrep().equals(t)) continue;
                if (eo == null) eo = out.embedding(i);
                int size = t.dimension();
                basis.add(outer(eo, embIn[j], null, size, m, n));
                if (out.complexType(t)) {
                    // the quarter turn J = [[0, -1], [1, 0]]: E_out J E_in^T
                    basis.add(outer(eo, embIn[j], new double[] {0, -1, 1, 0}, size, m, n));
                }
            }
        }
        return basis;
    }

    /** vec(E_out C E_in^T) / |C|_F, row-major m x n; C = identity when null. */
    private static double[] outer(double[][] eo, double[][] ei, double[] c, int size, int m, int n) {
        double[][] f = eo;
        if (c != null) { // F = E_out C: column s of F = sum_r E_out[:, r] C[r][s]
            f = new double[size][m];
            for (int s = 0; s < size; s++)
                for (int r = 0; r < size; r++) {
                    double v = c[r * size + s];
                    if (v == 0) continue;
                    for (int a = 0; a < m; a++) f[s][a] += v * eo[r][a];
                }
        }
        double norm = Math.sqrt(size);
        double[] w = new double[m * n];
        for (int s = 0; s < size; s++) {
            double[] fs = f[s], es = ei[s];
            for (int a = 0; a < m; a++) {
                double v = fs[a] / norm;
                if (v == 0) continue;
                int o = a * n;
                for (int b = 0; b < n; b++) w[o + b] += v * es[b];
            }
        }
        return w;
    }
}
