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

    private enum Kind {
        SO3,
        O3,
        SO2,
        O2
    }

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
            throw new IllegalArgumentException(
                    "representation '" + rep.name() + "' is of " + rep.group().name() + ", not of " + group.name());
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
            throw new IllegalArgumentException(
                    "irreducible decomposition is implemented for SO3, O3, SO2 and O2, not " + group.name());
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
                throw new ArithmeticException(
                        "Casimir eigenvalue " + lambda + " of '" + rep.name() + "' is not an integer");
            }
            long casimir = -Math.round(base);
            components
                    .computeIfAbsent(casimir * 2 + parity, x -> new ArrayList<>())
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
                    throw new ArithmeticException(
                            "Casimir value " + casimir + " of '" + rep.name() + "' is not l(l+1)");
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
            throw new ArithmeticException(
                    "decomposition of '" + rep.name() + "' found " + next[0] + " of " + d + " dimensions");
        return new IrrepDecomposition<>(rep, kind, q, copies);
    }

    private static Irrep so3Irrep(Kind kind, int l, int parity) {
        String label = "D" + l + (kind == Kind.O3 ? (parity == 0 ? "e" : "o") : "");
        return new Irrep(l, parity, 2 * l + 1, label);
    }

    private static Irrep so2Irrep(int k) {
        return new Irrep(k, 0, 2, k == 1 ? "V" : "F" + k);
    }

    private static void so2Copies(
            Representation<?> rep,
            double[] gen,
            int d,
            int k,
            List<double[]> basis,
            boolean complexChoice,
            double[] q,
            List<Copy> copies,
            int[] next) {
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
            // re-orthogonalize against the chosen planes (rounding), then normalize
            for (double[] b : chosen) {
                axpy(-dot(b, u), b, u);
                double[] lb = apply(gen, b, d);
                scale(lb, 1.0 / k);
                axpy(-dot(lb, u), lb, u);
            }
            scale(u, 1 / Math.sqrt(dot(u, u)));
            double[] lu = apply(gen, u, d);
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

    private static void so3Copies(
            Representation<?> rep,
            double[][] gens,
            int d,
            List<double[]> basis,
            Irrep t,
            java.util.function.Supplier<double[]> halfTurn,
            double[] q,
            List<Copy> copies,
            int[] next) {
        int l = t.degree(), n = t.dimension(), nc = basis.size();
        if (nc % n != 0)
            throw new ArithmeticException(
                    "component " + t + " of '" + rep.name() + "' has " + nc + " dimensions, not a multiple of " + n);
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
            if (Math.abs(eig.getEigenvalue(i).real + (double) l * l) < 0.25)
                top.add(eig.getEigenVector(i).data.clone());
        if (top.size() != 2 * m)
            throw new ArithmeticException("component " + t + " of '" + rep.name() + "' has " + top.size() + " weight-"
                    + l + " vectors, expected " + 2 * m);
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
            throw new ArithmeticException(
                    "component " + t + " of '" + rep.name() + "': found " + found + " of " + m + " copies");
    }

    /**
     * The copy whose order-l cos-type basis vector (index n - 1 of the Wigner-D basis) is x, as n orthonormal
     * columns E with d rho(L_k) E = E D_k. Pairs (v, E v) are propagated from (e_{n-1}, x) by (D_k v, L_k E v),
     * Gram-Schmidt on the small side with the same operations on the large side, until the v span R^n; then
     * E = W V^T. O(n d^2) for the matrix-vector products, O(n^3) for the rest.
     */
    private static double[][] copyFrom(
            double[][] gens, int d, double[] x, int n, double[][] dgen, Representation<?> rep, Irrep t) {
        List<double[]> vs = new ArrayList<>(), ws = new ArrayList<>();
        List<double[][]> images = new ArrayList<>(); // images.get(j)[k] = L_k w_j
        double[] v0 = new double[n];
        v0[n - 1] = 1;
        double[] w0 = x.clone();
        scale(w0, 1 / Math.sqrt(dot(w0, w0)));
        vs.add(v0);
        ws.add(w0);
        for (int j = 0; j < vs.size(); j++) {
            double[][] im = new double[gens.length][];
            for (int k = 0; k < gens.length; k++) {
                im[k] = apply(gens[k], ws.get(j), d);
                if (vs.size() < n) {
                    double[] v = apply(dgen[k], vs.get(j), n), w = im[k].clone();
                    for (int pass = 0; pass < 2; pass++)
                        for (int i = 0; i < vs.size(); i++) {
                            double c = dot(vs.get(i), v);
                            axpy(-c, vs.get(i), v);
                            axpy(-c, ws.get(i), w);
                        }
                    double norm = Math.sqrt(dot(v, v));
                    if (norm > 1e-6) {
                        scale(v, 1 / norm);
                        scale(w, 1 / norm);
                        vs.add(v);
                        ws.add(w);
                    }
                }
            }
            images.add(im);
        }
        if (vs.size() != n)
            throw new ArithmeticException(
                    "copy of " + t + " in '" + rep.name() + "' spans " + vs.size() + " dimensions, expected " + n);
        // E = W V^T: column c of E = sum_j V[j][c] w_j; L_k E = sum_j V[j][c] L_k w_j
        double[][] e = new double[n][d];
        for (int c = 0; c < n; c++) for (int j = 0; j < n; j++) axpy(vs.get(j)[c], ws.get(j), e[c]);
        double orth = 0;
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++) orth = Math.max(orth, Math.abs(dot(e[a], e[b]) - (a == b ? 1 : 0)));
        if (orth > 1e-8)
            throw new ArithmeticException(
                    "copy of " + t + " in '" + rep.name() + "' is not orthonormal (" + orth + ")");
        for (int k = 0; k < gens.length; k++)
            for (int c = 0; c < n; c++) {
                double[] res = new double[d];
                for (int j = 0; j < n; j++) axpy(vs.get(j)[c], images.get(j)[k], res);
                for (int r = 0; r < n; r++) axpy(-dgen[k][r * n + c], e[r], res);
                double rn = Math.sqrt(dot(res, res));
                if (rn > 1e-8 * (1 + t.degree()))
                    throw new ArithmeticException("copy of " + t + " in '" + rep.name()
                            + "' does not intertwine with the Wigner-D generators (residual " + rn + ")");
            }
        return e;
    }

    private static void checkSize(Representation<?> rep, int d) {
        long bytes = 6L * d * d * 8;
        long heap = Runtime.getRuntime().maxMemory();
        if (d > MAX_DIMENSION || bytes > heap / 2)
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "decomposing '%s' (%d dimensions) needs about %.1f GB of dense matrices and %s; the limit is %d "
                            + "dimensions and half the heap (%.1f GB)",
                    rep.name(),
                    d,
                    bytes / 1e9,
                    estimateTime(d),
                    MAX_DIMENSION,
                    heap / 1e9));
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
                throw new ArithmeticException(
                        "eigenvectors of the Casimir operator of '" + rep.name() + "' are not independent");
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
