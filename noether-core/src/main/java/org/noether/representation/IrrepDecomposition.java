package org.noether.representation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;

/**
 * The decomposition of an orthogonal representation of SO(3), O(3), SO(2) or O(2) into irreducibles, with an explicit
 * orthogonal change of basis Q: {@code Q^T rho(g) Q} is block diagonal, and the block of each copy is exactly the
 * catalogue's irreducible ({@link #irrepMatrix}): the real Wigner-D matrix D^l (times det(g)^parity for O(3)), or for
 * SO(2) / O(2) the rotation by k t (reflections acting as diag(1, -1)), the trivial or the sign character.
 *
 * <p>Works from the Lie algebra, for any representation whose generators can be written down (tensor powers, sums,
 * duals, ...). The Casimir operator sum_k d rho(L_k)^2 is symmetric with eigenvalue -l(l+1) (SO(3)) or -k^2 (SO(2))
 * on the isotypic component of type l or k; for O(3) and O(2) a quarter of rho(s) is added, s the inversion -I or
 * the reflection, which splits each component by parity. One symmetric eigendecomposition gives all components.
 * Inside a component of SO(3) type l, highest-weight vectors (eigenvalue -l^2 of d rho(L_z)^2, chosen orthogonal
 * also to their images under L_z, so that the copies come out orthogonal) each generate one copy; the copy's
 * basis is matched to the Wigner-D basis by the (unique up to scale) intertwiner of the restricted generators. For
 * SO(2) / O(2) a copy of frequency k is (u, d rho(L) u / k).
 *
 * <pre>{@code
 * var v = Representations.defining(O3.SO3);
 * IrrepDecomposition<Orthogonal3> dec = IrrepDecomposition.of(O3.SO3, v.times(v));
 * dec.multiplicities();     // {D0=1, D1=1, D2=1}
 * double[] q = dec.changeOfBasis();   // 9 x 9 orthogonal
 * }</pre>
 *
 * <p>Cost: one symmetric eigendecomposition of a dim x dim matrix, a few dim x dim matrix products; memory a few
 * dim x dim matrices. {@link #of} refuses, in one line, representations whose decomposition would need more memory
 * than the heap allows or more than {@link #MAX_DIMENSION} dimensions.
 *
 * @param <G> element type of the group
 */
public final class IrrepDecomposition<G> {
    /** Largest dimension decomposed (a dense eigendecomposition of this size takes minutes on one core). */
    public static final int MAX_DIMENSION = 4000;

    /**
     * An irreducible type. {@code degree} is l for SO(3) / O(3) and the frequency k for SO(2) / O(2); {@code parity}
     * is 0 / 1 for even / odd under the inversion (O(3)), trivial / sign for the frequency 0 of O(2), and 0 otherwise.
     *
     * @param degree    l or k
     * @param parity    0 or 1
     * @param dimension 2l + 1, or 1 (k = 0) / 2 (k >= 1)
     * @param label     the catalogue's name, e.g. D2, D1o, F3, sign
     */
    public record Irrep(int degree, int parity, int dimension, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One copy of an irreducible: columns {@code offset .. offset + irrep.dimension() - 1} of Q.
     *
     * @param irrep  its type
     * @param offset first column in Q
     */
    public record Copy(Irrep irrep, int offset) {}

    /** The rotation by pi about the x-axis; fixes the phase of highest-weight vectors. */
    private static final Orthogonal3 HALF_TURN_X = Orthogonal3.rotation(new double[] {1, 0, 0}, Math.PI);

    private final Representation<G> representation;
    private final int dimension;
    private final double[] q;
    private final List<Copy> copies;
    private final Kind kind;

    private enum Kind { SO3, O3, SO2, O2 }

    private IrrepDecomposition(Representation<G> rep, Kind kind, double[] q, List<Copy> copies) {
        this.representation = rep;
        this.dimension = rep.dimension();
        this.kind = kind;
        this.q = q;
        this.copies = List.copyOf(copies);
    }

    /** True for the groups this class decomposes: SO(3), O(3), SO(2), O(2). */
    public static boolean supports(Group<?> group) {
        return group instanceof O3 || group instanceof O2;
    }

    /** Same as {@link #of(Representation)}; the group is named for readability and checked. */
    public static <G> IrrepDecomposition<G> of(Group<G> group, Representation<G> rep) {
        if (rep.group() != group && !rep.group().name().equals(group.name()))
            throw new IllegalArgumentException("representation '" + rep.name() + "' is of " + rep.group().name()
                    + ", not of " + group.name());
        return of(rep);
    }

    /**
     * Decomposes an orthogonal representation of SO(3), O(3), SO(2) or O(2).
     *
     * @throws IllegalArgumentException for other groups, non-orthogonal representations (generators not
     *                                  skew-symmetric), or sizes beyond the limits (the message names what it needs)
     * @throws ArithmeticException      when the numerics do not produce a consistent decomposition
     */
    @SuppressWarnings("unchecked")
    public static <G> IrrepDecomposition<G> of(Representation<G> rep) {
        Group<G> group = rep.group();
        Kind kind;
        Object split = null;
        if (group instanceof O3 o3) {
            kind = o3.hasReflections() ? Kind.O3 : Kind.SO3;
            if (o3.hasReflections()) split = Orthogonal3.identity().negate();
        } else if (group instanceof O2 o2) {
            kind = o2.hasReflections() ? Kind.O2 : Kind.SO2;
            if (o2.hasReflections()) split = new O2Element(0, true);
        } else {
            throw new IllegalArgumentException("irreducible decomposition is implemented for SO3, O3, SO2 and O2, not "
                    + group.name());
        }
        int d = rep.dimension();
        checkSize(rep, d);
        int lieDim = group.lieAlgebraDimension();
        double[][] gens = new double[lieDim][];
        for (int k = 0; k < lieDim; k++) {
            gens[k] = rep.lieAlgebra(k);
            if (!skew(gens[k], d))
                throw new IllegalArgumentException("representation '" + rep.name() + "' of " + group.name()
                        + " is not orthogonal (its Lie-algebra generator " + k + " is not skew-symmetric); the "
                        + "decomposition needs an orthogonal representation");
        }
        double[] s = split == null ? null : rep.matrix((G) split);
        // Casimir (plus parity) operator, symmetric.
        double[] c = new double[d * d];
        for (double[] a : gens) addSquare(a, d, c);
        if (s != null) for (int i = 0; i < d * d; i++) c[i] += 0.25 * s[i];
        symmetrize(c, d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, c)))
            throw new ArithmeticException("eigendecomposition of the Casimir operator of '" + rep.name() + "' failed");
        // Components keyed by (Casimir value, parity), ascending.
        TreeMap<Long, List<double[]>> components = new TreeMap<>();
        for (int i = 0; i < d; i++) {
            double lambda = eig.getEigenvalue(i).real;
            int parity = 0;
            double base = lambda;
            if (s != null) {
                double even = lambda - 0.25, odd = lambda + 0.25;
                if (Math.abs(even - Math.rint(even)) < 1e-6) base = even;
                else if (Math.abs(odd - Math.rint(odd)) < 1e-6) {
                    base = odd;
                    parity = 1;
                } else {
                    throw new ArithmeticException("Casimir eigenvalue " + lambda + " of '" + rep.name()
                            + "' is not an integer plus or minus 1/4");
                }
            } else if (Math.abs(base - Math.rint(base)) > 1e-6) {
                throw new ArithmeticException("Casimir eigenvalue " + lambda + " of '" + rep.name()
                        + "' is not an integer");
            }
            long casimir = -Math.round(base);
            components.computeIfAbsent(casimir * 2 + parity, x -> new ArrayList<>())
                    .add(eig.getEigenVector(i).data.clone());
        }
        double[] q = new double[d * d];
        List<Copy> copies = new ArrayList<>();
        int[] next = {0};
        double[][] halfTurnCache = new double[1][];
        java.util.function.Supplier<double[]> halfTurn = () -> {
            if (halfTurnCache[0] == null) halfTurnCache[0] = rep.matrix((G) HALF_TURN_X);
            return halfTurnCache[0];
        };
        for (Map.Entry<Long, List<double[]>> e : components.entrySet()) {
            long casimir = e.getKey() >> 1;
            int parity = (int) (e.getKey() & 1);
            List<double[]> basis = orthonormalized(e.getValue(), rep);
            if (kind == Kind.SO3 || kind == Kind.O3) {
                int l = (int) Math.round((Math.sqrt(1 + 4.0 * casimir) - 1) / 2);
                if ((long) l * (l + 1) != casimir)
                    throw new ArithmeticException("Casimir value " + casimir + " of '" + rep.name() + "' is not l(l+1)");
                Irrep t = so3Irrep(kind, l, parity);
                so3Copies(rep, gens, d, basis, t, halfTurn, q, copies, next);
            } else {
                int k = (int) Math.round(Math.sqrt(casimir));
                if ((long) k * k != casimir)
                    throw new ArithmeticException("Casimir value " + casimir + " of '" + rep.name() + "' is not k^2");
                if (k == 0) {
                    Irrep t = new Irrep(0, parity, 1, parity == 0 ? "1" : "sign");
                    for (double[] v : basis) place(q, d, v, next, copies, t);
                } else if (kind == Kind.O2 && parity == 1) {
                    continue; // the odd half of a frequency-k component: the second columns of the even half's copies
                } else {
                    so2Copies(rep, gens[0], d, k, basis, kind == Kind.SO2, q, copies, next);
                }
            }
        }
        if (next[0] != d)
            throw new ArithmeticException("decomposition of '" + rep.name() + "' found " + next[0] + " of " + d
                    + " dimensions");
        return new IrrepDecomposition<>(rep, kind, q, copies);
    }

    private static Irrep so3Irrep(Kind kind, int l, int parity) {
        String label = "D" + l + (kind == Kind.O3 ? (parity == 0 ? "e" : "o") : "");
        return new Irrep(l, parity, 2 * l + 1, label);
    }

    private static Irrep so2Irrep(int k) {
        return new Irrep(k, 0, 2, k == 1 ? "V" : "F" + k);
    }

    private static void so2Copies(Representation<?> rep, double[] gen, int d, int k, List<double[]> basis,
                                  boolean complexChoice, double[] q, List<Copy> copies, int[] next) {
        int m = complexChoice ? basis.size() / 2 : basis.size();
        List<double[]> chosen = new ArrayList<>();
        // Residuals of the candidates after projecting out the planes (u, L u / k) chosen so far; each step takes
        // the largest (a fixed threshold could strand the last copies when the candidates are nearly spent).
        List<double[]> residual = new ArrayList<>();
        for (double[] w : basis) residual.add(w.clone());
        while (chosen.size() < m) {
            int best = -1;
            double bestNorm = 0;
            for (int c = 0; c < residual.size(); c++) {
                double nrm = Math.sqrt(dot(residual.get(c), residual.get(c)));
                if (nrm > bestNorm) {
                    bestNorm = nrm;
                    best = c;
                }
            }
            if (best < 0 || bestNorm < 1e-3) break;
            double[] u = residual.remove(best);
            scale(u, 1 / bestNorm);
            double[] lu = apply(gen, u, d);
            scale(lu, 1.0 / k);
            // re-orthogonalize against the chosen planes (rounding), then renormalize
            for (double[] b : chosen) {
                axpy(-dot(b, u), b, u);
                double[] lb = apply(gen, b, d);
                scale(lb, 1.0 / k);
                axpy(-dot(lb, u), lb, u);
            }
            scale(u, 1 / Math.sqrt(dot(u, u)));
            lu = apply(gen, u, d);
            scale(lu, 1.0 / k);
            chosen.add(u);
            for (double[] r : residual) {
                for (int pass = 0; pass < 2; pass++) {
                    axpy(-dot(u, r), u, r);
                    axpy(-dot(lu, r), lu, r);
                }
            }
            Irrep t = so2Irrep(k);
            int offset = next[0];
            place(q, d, u, next, null, null);
            place(q, d, lu, next, null, null);
            copies.add(new Copy(t, offset));
        }
        if (chosen.size() != m)
            throw new ArithmeticException("frequency " + k + " component of '" + rep.name() + "' has " + basis.size()
                    + " dimensions but only " + chosen.size() + " copies were found");
    }

    private static void so3Copies(Representation<?> rep, double[][] gens, int d, List<double[]> basis, Irrep t,
                                  java.util.function.Supplier<double[]> halfTurn, double[] q, List<Copy> copies, int[] next) {
        int l = t.degree(), n = t.dimension(), nc = basis.size();
        if (nc % n != 0)
            throw new ArithmeticException("component " + t + " of '" + rep.name() + "' has " + nc
                    + " dimensions, not a multiple of " + n);
        if (l == 0) {
            for (double[] v : basis) place(q, d, v, next, copies, t);
            return;
        }
        int m = nc / n;
        // L_z restricted to the component (P^T L_z P), its square, and the weight-l eigenvectors.
        double[][] lzp = new double[nc][];
        for (int j = 0; j < nc; j++) lzp[j] = apply(gens[2], basis.get(j), d);
        double[] lz = new double[nc * nc];
        for (int i = 0; i < nc; i++) for (int j = 0; j < nc; j++) lz[i * nc + j] = dot(basis.get(i), lzp[j]);
        double[] lz2 = new double[nc * nc];
        for (int i = 0; i < nc; i++)
            for (int j = 0; j < nc; j++) {
                double v = 0;
                for (int r = 0; r < nc; r++) v += lz[i * nc + r] * lz[r * nc + j];
                lz2[i * nc + j] = v;
            }
        symmetrize(lz2, nc);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nc, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(nc, nc, lz2)))
            throw new ArithmeticException("eigendecomposition of L_z^2 on component " + t + " failed");
        List<double[]> top = new ArrayList<>();
        for (int i = 0; i < nc; i++)
            if (Math.abs(eig.getEigenvalue(i).real + (double) l * l) < 0.25) top.add(eig.getEigenVector(i).data.clone());
        if (top.size() != 2 * m)
            throw new ArithmeticException("component " + t + " of '" + rep.name() + "' has " + top.size()
                    + " weight-" + l + " vectors, expected " + 2 * m);
        double[][] dgen = WignerD.generators(l);
        // The weight-l space holds, per copy, the plane of the two real basis functions of order l (cos- and
        // sin-type). A random vector there mixes copies with different phases and generates more than one copy.
        // The rotation by pi about x is an involution of that space; in D^l the cos-type function is one of its
        // eigenvectors and the sin-type one the other, so its eigenspace of the cos-type sign holds exactly the
        // images of that basis function under real intertwiners: an orthonormal basis of it gives orthogonal copies.
        List<double[]> lifted = new ArrayList<>();
        for (double[] w : top) {
            double[] x = new double[d];
            for (int j = 0; j < nc; j++) axpy(w[j], basis.get(j), x);
            lifted.add(x);
        }
        int tn = lifted.size();
        double[] rx = halfTurn.get();
        double[] r = new double[tn * tn];
        for (int j = 0; j < tn; j++) {
            double[] y = apply(rx, lifted.get(j), d);
            for (int i = 0; i < tn; i++) r[i * tn + j] = dot(lifted.get(i), y);
        }
        symmetrize(r, tn);
        double[] dx = WignerD.matrix(l, HALF_TURN_X);
        double sign = dx[(n - 1) * n + (n - 1)];
        if (Math.abs(Math.abs(sign) - 1) > 1e-9)
            throw new ArithmeticException("the half turn about x does not fix the order-" + l + " basis function");
        EigenDecomposition_F64<DMatrixRMaj> reig = DecompositionFactory_DDRM.eig(tn, true, true);
        if (!reig.decompose(DMatrixRMaj.wrap(tn, tn, r)))
            throw new ArithmeticException("eigendecomposition of the half turn on component " + t + " failed");
        List<double[]> highest = new ArrayList<>();
        for (int i = 0; i < tn; i++) {
            if (Math.abs(reig.getEigenvalue(i).real - sign) > 1e-6) continue;
            double[] c = reig.getEigenVector(i).data;
            double[] x = new double[d];
            for (int j = 0; j < tn; j++) axpy(c[j], lifted.get(j), x);
            highest.add(x);
        }
        if (highest.size() != m)
            throw new ArithmeticException("component " + t + " of '" + rep.name() + "' has " + highest.size()
                    + " highest-weight vectors of the right phase, expected " + m);
        highest = orthonormalized(highest, rep);
        int found = 0;
        for (double[] x : highest) {
            double[][] e = copyFrom(gens, d, x, n, dgen, rep, t);
            int offset = next[0];
            for (double[] col : e) place(q, d, col, next, null, null);
            copies.add(new Copy(t, offset));
            found++;
        }
        if (found != m)
            throw new ArithmeticException("component " + t + " of '" + rep.name() + "': found " + found + " of " + m
                    + " copies");
    }

    /**
     * The copy generated by the highest-weight vector x, as n orthonormal columns E with d rho(L_k) E = E D_k: a
     * Krylov basis B of the span of x under the generators, then the intertwiner T with (B^T L_k B) T = T D_k.
     */
    private static double[][] copyFrom(double[][] gens, int d, double[] x, int n, double[][] dgen,
                                       Representation<?> rep, Irrep t) {
        List<double[]> b = new ArrayList<>();
        List<double[][]> images = new ArrayList<>(); // images.get(j)[k] = L_k b_j
        double[] x0 = x.clone();
        scale(x0, 1 / Math.sqrt(dot(x0, x0)));
        b.add(x0);
        for (int j = 0; j < b.size(); j++) {
            double[][] im = new double[gens.length][];
            for (int k = 0; k < gens.length; k++) {
                im[k] = apply(gens[k], b.get(j), d);
                if (b.size() < n) {
                    double[] y = im[k].clone();
                    for (int pass = 0; pass < 2; pass++) for (double[] v : b) axpy(-dot(v, y), v, y);
                    double norm = Math.sqrt(dot(y, y));
                    if (norm > 1e-6) {
                        scale(y, 1 / norm);
                        b.add(y);
                    }
                }
            }
            images.add(im);
        }
        if (b.size() != n)
            throw new ArithmeticException("copy of " + t + " in '" + rep.name() + "' spans " + b.size()
                    + " dimensions, expected " + n);
        // a_k = B^T L_k B
        double[][] a = new double[gens.length][n * n];
        for (int k = 0; k < gens.length; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[k][i * n + j] = dot(b.get(i), images.get(j)[k]);
        // Gram of the constraints a_k T - T D_k on row-major vec(T): C_k = a_k (x) I - I (x) D_k^T.
        int nn = n * n;
        double[] g = new double[nn * nn];
        double[] col = new double[nn];
        for (int k = 0; k < gens.length; k++) {
            double[] ck = new double[nn * nn];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    for (int r = 0; r < n; r++) {
                        ck[(i * n + j) * nn + r * n + j] += a[k][i * n + r];
                        ck[(i * n + j) * nn + i * n + r] -= dgen[k][r * n + j];
                    }
            for (int p = 0; p < nn; p++) {
                for (int rr = 0; rr < nn; rr++) col[rr] = ck[rr * nn + p];
                for (int p2 = p; p2 < nn; p2++) {
                    double v = 0;
                    for (int rr = 0; rr < nn; rr++) v += col[rr] * ck[rr * nn + p2];
                    g[p * nn + p2] += v;
                    if (p2 != p) g[p2 * nn + p] += v;
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nn, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(nn, nn, g)))
            throw new ArithmeticException("intertwiner solve for " + t + " failed");
        int best = -1, count = 0;
        for (int i = 0; i < nn; i++) {
            double v = eig.getEigenvalue(i).real;
            if (v < 1e-8) {
                count++;
                if (best < 0 || v < eig.getEigenvalue(best).real) best = i;
            }
        }
        if (count != 1)
            throw new ArithmeticException("copy of " + t + " in '" + rep.name() + "' has " + count
                    + " intertwiners with the Wigner-D basis, expected 1");
        double[] tv = eig.getEigenVector(best).data;
        double fro = Math.sqrt(dot(tv, tv) / n); // T is orthogonal up to this scale
        double[][] e = new double[n][d];
        for (int j = 0; j < n; j++)
            for (int r = 0; r < n; r++) axpy(tv[r * n + j] / fro, b.get(r), e[j]);
        // residual check: L_k E - E D_k, with L_k E = (L_k B) T
        for (int k = 0; k < gens.length; k++)
            for (int j = 0; j < n; j++) {
                double[] res = new double[d];
                for (int r = 0; r < n; r++) axpy(tv[r * n + j] / fro, images.get(r)[k], res);
                for (int r = 0; r < n; r++) axpy(-dgen[k][r * n + j], e[r], res);
                if (Math.sqrt(dot(res, res)) > 1e-7 * (1 + t.degree()))
                    throw new ArithmeticException("copy of " + t + " in '" + rep.name()
                            + "' does not intertwine with the Wigner-D generators (residual "
                            + Math.sqrt(dot(res, res)) + ")");
            }
        return e;
    }

    private static void checkSize(Representation<?> rep, int d) {
        long bytes = 6L * d * d * 8;
        long heap = Runtime.getRuntime().maxMemory();
        if (d > MAX_DIMENSION || bytes > heap / 2)
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "decomposing '%s' (%d dimensions) needs about %.1f GB of dense matrices and %s; the limit is %d "
                            + "dimensions and half the heap (%.1f GB)", rep.name(), d, bytes / 1e9,
                    estimateTime(d), MAX_DIMENSION, heap / 1e9));
    }

    /** A rough estimate of the eigendecomposition time at about 1 GFlop/s (about 10 d^3 flops). */
    static String estimateTime(int d) {
        double s = 10.0 * d * d * (double) d / 1e9;
        if (s < 120) return String.format(java.util.Locale.ROOT, "about %.0f s", Math.max(1, s));
        if (s < 7200) return String.format(java.util.Locale.ROOT, "about %.0f min", s / 60);
        return String.format(java.util.Locale.ROOT, "about %.0f h", s / 3600);
    }

    // ---- accessors ----

    public Representation<G> representation() {
        return representation;
    }

    public int dimension() {
        return dimension;
    }

    /** Q as a fresh dim x dim row-major orthogonal matrix; column blocks are the {@link #copies()}. */
    public double[] changeOfBasis() {
        return q.clone();
    }

    /** The copies in the order of Q's columns, grouped by type. */
    public List<Copy> copies() {
        return copies;
    }

    /** Multiplicity of each irreducible type present, in the order of Q's columns. */
    public Map<Irrep, Integer> multiplicities() {
        Map<Irrep, Integer> out = new LinkedHashMap<>();
        for (Copy c : copies) out.merge(c.irrep(), 1, Integer::sum);
        return Collections.unmodifiableMap(out);
    }

    /** Columns of Q for copy c, as irrep-dimension arrays of length dim (column j of the copy is entry j). */
    public double[][] embedding(int c) {
        Copy copy = copies.get(c);
        int n = copy.irrep().dimension();
        double[][] e = new double[n][dimension];
        for (int j = 0; j < n; j++) for (int i = 0; i < dimension; i++) e[j][i] = q[i * dimension + copy.offset() + j];
        return e;
    }

    /**
     * True when the commutant of the irreducible is 2-dimensional (spanned by I and the rotation by pi / 2): the
     * frequency-k (k >= 1) irreducibles of SO(2). All others here are of real type (commutant: the scalars).
     */
    public boolean complexType(Irrep t) {
        return kind == Kind.SO2 && t.degree() > 0;
    }

    /** The irreducible's matrix at g, as placed in the blocks of Q^T rho(g) Q. */
    @SuppressWarnings("unchecked")
    public double[] irrepMatrix(Irrep t, G g) {
        switch (kind) {
            case SO3 -> {
                return WignerD.matrix(t.degree(), (Orthogonal3) g);
            }
            case O3 -> {
                Orthogonal3 r = (Orthogonal3) g;
                boolean improper = r.determinant() < 0;
                double[] m = WignerD.matrix(t.degree(), improper ? r.negate() : r);
                if (improper && t.parity() == 1) for (int i = 0; i < m.length; i++) m[i] = -m[i];
                return m;
            }
            default -> {
                O2Element e = (O2Element) g;
                if (t.degree() == 0) return new double[] {t.parity() == 1 && e.reflection() ? -1 : 1};
                return Representations.planarMatrix(t.degree() * e.angle(), e.reflection());
            }
        }
    }

    /** The irreducible's k-th Lie-algebra generator. */
    public double[] irrepGenerator(Irrep t, int k) {
        if (kind == Kind.SO3 || kind == Kind.O3) return WignerD.generators(t.degree())[k].clone();
        if (t.degree() == 0) return new double[] {0};
        return new double[] {0, -t.degree(), t.degree(), 0};
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Irrep, Integer> e : multiplicities().entrySet()) {
            if (sb.length() > 0) sb.append(" + ");
            if (e.getValue() > 1) sb.append(e.getValue()).append(' ');
            sb.append(e.getKey());
        }
        return representation.name() + " = " + sb;
    }

    // ---- small dense helpers ----

    private static void place(double[] q, int d, double[] v, int[] next, List<Copy> copies, Irrep t) {
        int c = next[0]++;
        if (c >= d) throw new ArithmeticException("decomposition found more than " + d + " dimensions");
        for (int i = 0; i < d; i++) q[i * d + c] = v[i];
        if (copies != null) copies.add(new Copy(t, c));
    }

    /** Eigenvectors of a repeated eigenvalue, orthonormalized again (two passes of Gram-Schmidt). */
    private static List<double[]> orthonormalized(List<double[]> vs, Representation<?> rep) {
        List<double[]> out = new ArrayList<>(vs.size());
        for (double[] v : vs) {
            double[] u = v.clone();
            for (int pass = 0; pass < 2; pass++) for (double[] b : out) axpy(-dot(b, u), b, u);
            double norm = Math.sqrt(dot(u, u));
            if (norm < 0.5)
                throw new ArithmeticException("eigenvectors of the Casimir operator of '" + rep.name()
                        + "' are not independent");
            scale(u, 1 / norm);
            out.add(u);
        }
        return out;
    }

    private static boolean skew(double[] a, int d) {
        double max = 0, asym = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) {
                max = Math.max(max, Math.abs(a[i * d + j]));
                asym = Math.max(asym, Math.abs(a[i * d + j] + a[j * d + i]));
            }
        return asym <= 1e-9 * (1 + max);
    }

    /** c += a a (a skew, so a a = -a^T a is symmetric). */
    private static void addSquare(double[] a, int d, double[] c) {
        for (int i = 0; i < d; i++)
            for (int r = 0; r < d; r++) {
                double v = a[i * d + r];
                if (v == 0) continue;
                int ro = r * d, io = i * d;
                for (int j = 0; j < d; j++) c[io + j] += v * a[ro + j];
            }
    }

    private static void symmetrize(double[] c, int d) {
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (c[i * d + j] + c[j * d + i]);
                c[i * d + j] = v;
                c[j * d + i] = v;
            }
    }

    private static double[] apply(double[] a, double[] x, int d) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double v = 0;
            int o = i * d;
            for (int j = 0; j < d; j++) v += a[o + j] * x[j];
            y[i] = v;
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        if (alpha == 0) return;
        for (int i = 0; i < y.length; i++) y[i] += alpha * x[i];
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) x[i] *= s;
    }
}
