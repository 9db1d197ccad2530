package org.noether.equivariance.basis;

import java.util.SplittableRandom;
import org.noether.group.Group;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;

/**
 * Checks of a solved basis that do not trust the solver: equivariance at random group elements (not only the
 * generators the solver saw), from the representations' own matrices, and orthonormality.
 */
final class BasisChecks {
    private BasisChecks() {}

    /**
     * max over basis elements W and random g of |rho_out(g) W - W rho_in(g)|_max / max(|W|_max, 1e-300). For large
     * bases random combinations of all elements are checked instead (any violating element shows up in them).
     */
    static <G> double equivarianceError(EquivariantBasis<G> b, int elements, long seed) {
        var random = new SplittableRandom(seed);
        Group<G> group = b.input().group();
        int m = b.rows(), n = b.columns();
        boolean combos = b.dimension() > 64 || (long) m * n > 40_000;
        int count = combos ? 3 : b.dimension();
        double worst = 0;
        for (int t = 0; t < elements; t++) {
            G g = sample(group, random);
            double[] ro = b.output().matrix(g), ri = b.input().matrix(g);
            double[] riT = Dense.transpose(ri, n);
            for (int k = 0; k < count; k++) {
                double[] w;
                if (combos) {
                    double[] c = new double[b.dimension()];
                    for (int i = 0; i < c.length; i++) c[i] = random.nextGaussian();
                    w = b.combine(c);
                } else {
                    w = b.element(k);
                }
                double[] lhs = Dense.multiply(ro, w, m, m, n);
                // W rho_in = (rho_in^T W^T)^T keeps the sparse factor on the left, where Dense.multiply skips zeros.
                double[] rhs = Dense.transpose(Dense.multiply(riT, Dense.transpose(w, m, n), n, n, m), n, m);
                worst = Math.max(worst, Dense.maxAbsDifference(lhs, rhs) / Math.max(Dense.maxAbs(w), 1e-300));
            }
        }
        return worst;
    }

    /**
     * A random element. S_n for large n is sampled by shuffling: its default sampler would first enumerate n!
     * elements.
     */
    @SuppressWarnings("unchecked")
    static <G> G sample(Group<G> group, SplittableRandom random) {
        if (group instanceof SymmetricGroup s && s.degree() > 7) {
            int[] p = new int[s.degree()];
            for (int i = 0; i < p.length; i++) p[i] = i;
            for (int i = p.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return (G) new Permutation(p);
        }
        return group.sample(random);
    }

    /** max |<B_i, B_j> - delta_ij|. */
    static double orthonormalityError(EquivariantBasis<?> b) {
        int k = b.dimension();
        double[][] e = new double[k][];
        for (int i = 0; i < k; i++) e[i] = b.element(i);
        double worst = 0;
        for (int i = 0; i < k; i++)
            for (int j = i; j < k; j++) {
                double d = 0;
                for (int p = 0; p < e[i].length; p++) d += e[i][p] * e[j][p];
                worst = Math.max(worst, Math.abs(d - (i == j ? 1 : 0)));
            }
        return worst;
    }

    /** |P_a - P_b|_max for the orthogonal projectors Q Q^T onto the two spans (same space iff ~0). */
    static double projectorDistance(EquivariantBasis<?> a, EquivariantBasis<?> b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) return Double.POSITIVE_INFINITY;
        double[] pa = projector(a), pb = projector(b);
        return Dense.maxAbsDifference(pa, pb);
    }

    static double[] projector(EquivariantBasis<?> b) {
        int size = b.rows() * b.columns(), k = b.dimension();
        double[] q = b.matrix();
        double[] p = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) s += q[i * k + c] * q[j * k + c];
                p[i * size + j] = s;
            }
        return p;
    }

    static <G> String describe(EquivariantBasis<G> b) {
        return b + " via " + b.stats().methodSummary();
    }
}
