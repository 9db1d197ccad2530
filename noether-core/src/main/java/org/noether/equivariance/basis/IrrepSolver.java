package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.noether.experiment.NoetherUserException;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.representation.DirectSum;
import org.noether.representation.Dual;
import org.noether.representation.IrrepDecomposition;
import org.noether.representation.IrrepDecomposition.Copy;
import org.noether.representation.IrrepDecomposition.Irrep;
import org.noether.representation.Representation;
import org.noether.representation.TensorProduct;

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
            throw new NoetherUserException(String.format(
                    Locale.ROOT,
                    "the equivariant basis of %s has %d elements of %d x %d entries: about %.1f GB to store, more "
                            + "than half the heap (%.1f GB); raise -Xmx (NOETHER_JAVA_OPTS) or solve a smaller case",
                    what,
                    elements,
                    m,
                    n,
                    bytes / 1e9,
                    heap / 1e9));
    }

    /**
     * The number of basis elements computed from weights alone, before any large matrix exists: tensor products
     * add weights (and parities), sums join them, duals of orthogonal representations keep them, and leaves of at
     * most {@link #LEAF_LIMIT} dimensions are decomposed directly. Multiplicities then follow from the weights
     * (SO(3): m_l = w(l) - w(l + 1); SO(2): m_k = w(k)). Empty for O(2) and for structures it cannot see into.
     */
    static <G> java.util.OptionalLong estimateDimension(Representation<G> in, Representation<G> out) {
        Group<G> g = in.group();
        boolean so3 = g instanceof O3;
        if (!(so3 || (g instanceof O2 o2 && !o2.hasReflections()))) return java.util.OptionalLong.empty();
        Map<Long, Long> wi = weights(in), wo = weights(out);
        if (wi == null || wo == null) return java.util.OptionalLong.empty();
        Map<Long, Long> mi = multiplicities(wi, so3), mo = multiplicities(wo, so3);
        long k = 0;
        for (var e : mo.entrySet()) {
            Long c = mi.get(e.getKey());
            if (c == null) continue;
            long degree = e.getKey() >> 1;
            k += e.getValue() * c * (!so3 && degree > 0 ? 2 : 1);
        }
        return java.util.OptionalLong.of(k);
    }

    /** Leaves up to this dimension are decomposed to read off their weights. */
    static final int LEAF_LIMIT = 200;

    /** Key (weight << 1 | parity) -> count; weights of SO(2) copies are +-k, of SO(3) copies -l..l. */
    private static <G> Map<Long, Long> weights(Representation<G> r) {
        if (r instanceof DirectSum<G> s) {
            Map<Long, Long> out = new HashMap<>();
            for (Representation<G> part : s.summands()) {
                Map<Long, Long> w = weights(part);
                if (w == null) return null;
                w.forEach((key, c) -> out.merge(key, c, Long::sum));
            }
            return out;
        }
        if (r instanceof TensorProduct<G> t) {
            Map<Long, Long> a = weights(t.left()), b = weights(t.right());
            if (a == null || b == null) return null;
            Map<Long, Long> out = new HashMap<>();
            for (var x : a.entrySet())
                for (var y : b.entrySet()) {
                    long w = (x.getKey() >> 1) + (y.getKey() >> 1);
                    long p = (x.getKey() & 1) ^ (y.getKey() & 1);
                    out.merge(w * 2 + p, x.getValue() * y.getValue(), Long::sum);
                }
            return out;
        }
        if (r instanceof Dual<G> d && d.of().isOrthogonal()) return weights(d.of());
        if (r.dimension() > LEAF_LIMIT || !r.isOrthogonal()) return null;
        IrrepDecomposition<G> dec;
        try {
            dec = IrrepDecomposition.of(r);
        } catch (RuntimeException e) {
            return null;
        }
        Map<Long, Long> out = new HashMap<>();
        for (Copy c : dec.copies()) {
            Irrep t = c.irrep();
            int deg = t.degree();
            if (t.dimension() == 2 * deg + 1) { // SO(3)/O(3) degree l (and any 1-dimensional irreducible)
                for (long w = -deg; w <= deg; w++) out.merge(w * 2 + t.parity(), 1L, Long::sum);
            } else if (deg == 0) {
                out.merge((long) t.parity(), 1L, Long::sum);
            } else {
                out.merge((long) deg * 2 + t.parity(), 1L, Long::sum);
                out.merge((long) -deg * 2 + t.parity(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Key (degree << 1 | parity) -> multiplicity. */
    private static Map<Long, Long> multiplicities(Map<Long, Long> weights, boolean so3) {
        Map<Long, Long> out = new HashMap<>();
        for (var e : weights.entrySet()) {
            long w = e.getKey() >> 1, p = e.getKey() & 1;
            if (w < 0) continue;
            long m = e.getValue();
            if (so3) m -= weights.getOrDefault((w + 1) * 2 + p, 0L);
            if (m > 0) out.put(w * 2 + p, m);
        }
        return out;
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
