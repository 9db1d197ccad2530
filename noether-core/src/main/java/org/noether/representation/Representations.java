package org.noether.representation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.DirectProduct;
import org.noether.group.E3;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Pair;
import org.noether.group.Permutation;
import org.noether.group.PermutationGroup;
import org.noether.group.RigidMotion;
import org.noether.linalg.Dense;

/**
 * Factory of the representations in Noether's catalog: trivial, sign (one-dimensional characters), defining /
 * standard, permutation, regular, irreducibles of SO(2) / O(2) / D_n (frequency k) and of SO(3) / O(3) (real
 * Wigner-D of any degree), restrictions and pullbacks. Composites come from {@link Representation#plus},
 * {@link Representation#times} and {@link Representation#dual}.
 *
 * <pre>{@code
 * var s5 = new SymmetricGroup(5);
 * var reg = Representations.regular(s5);        // 120-dimensional
 * var d2 = Representations.wignerD(O3.SO3, 2);  // 5-dimensional irreducible
 * }</pre>
 */
public final class Representations {
    private Representations() {}

    /** The trivial representation of dimension 1. */
    public static <G> Representation<G> trivial(Group<G> group) {
        return new FunctionalRepresentation<>(group, "1", 1, g -> new double[] {1}, k -> new double[] {0}, true);
    }

    /** A one-dimensional representation g -> chi(g) with chi(g) = +-1 (a sign character). */
    public static <G> Representation<G> character(Group<G> group, String name, ToDoubleFunction<G> chi) {
        return new FunctionalRepresentation<>(
                group, name, 1, g -> new double[] {chi.applyAsDouble(g)}, k -> new double[] {0}, true);
    }

    /**
     * A representation given by its matrices: {@code matrix} maps an element to its {@code dimension}-square
     * row-major matrix, {@code lie} maps k to d rho of the k-th Lie-algebra generator (never called for groups
     * without a Lie algebra). The building block with which groups define their catalogue representations.
     */
    public static <G> Representation<G> functional(
            Group<G> group,
            String name,
            int dimension,
            Function<G, double[]> matrix,
            IntFunction<double[]> lie,
            boolean orthogonal) {
        return new FunctionalRepresentation<>(group, name, dimension, matrix, lie, orthogonal);
    }

    /**
     * The sign representation: parity of a permutation (S_n), or -1 on reflections (D_n, O(2)), or the determinant
     * (O(3), E(3)). Throws for groups without a natural sign (see {@link Group#sign()}).
     */
    public static <G> Representation<G> sign(Group<G> group) {
        return group.sign()
                .orElseThrow(() ->
                        new IllegalArgumentException(group.name() + " has no sign representation in the catalog"));
    }

    /**
     * The defining representation: 2x2 matrices for C_n, D_n, SO(2), O(2); 3x3 for SO(3), O(3) and for the rotation
     * part of SE(3), E(3); the n x n permutation matrices for S_n and A_n (see {@link Group#defining()}).
     */
    public static <G> Representation<G> defining(Group<G> group) {
        return group.defining()
                .orElseThrow(() ->
                        new IllegalArgumentException(group.name() + " has no defining representation in the catalog"));
    }

    /** Permutation matrices of a permutation group on its points: rho(g) e_i = e_{g(i)}. */
    public static Representation<Permutation> permutation(PermutationGroup group) {
        int n = group.degree();
        return new FunctionalRepresentation<>(
                group, "P" + n, n, g -> permutationMatrix(g), Representations::noLieAlgebra, true);
    }

    static double[] permutationMatrix(Permutation p) {
        int n = p.size();
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) m[p.image(i) * n + i] = 1;
        return m;
    }

    /** The permutation representation of any group through a homomorphism into permutations of m points. */
    public static <G> Representation<G> permutation(
            Group<G> group, String name, int points, Function<G, Permutation> action) {
        return new FunctionalRepresentation<>(
                group,
                name,
                points,
                g -> {
                    Permutation p = action.apply(g);
                    if (p.size() != points)
                        throw new IllegalArgumentException(
                                "action gave a permutation of " + p.size() + " points, expected " + points);
                    return permutationMatrix(p);
                },
                k -> new double[points * points],
                true);
    }

    /** D_n permuting the n vertices of the regular n-gon (vertex j at angle 2 pi j / n). */
    public static Representation<DihedralElement> vertices(DihedralGroup group) {
        int n = group.rotations();
        return permutation(group, "vertices", n, g -> {
            int[] p = new int[n];
            for (int j = 0; j < n; j++) p[j] = Math.floorMod(g.rotation() + (g.reflection() ? -j : j), n);
            return new Permutation(p);
        });
    }

    /**
     * The standard irreducible representation of S_n (or A_n) of dimension n - 1: the permutation representation
     * restricted to vectors whose entries sum to zero, in an orthonormal (Helmert) basis.
     */
    public static Representation<Permutation> standard(PermutationGroup group) {
        int n = group.degree();
        if (n < 2) throw new IllegalArgumentException("the standard representation needs n >= 2");
        double[] q = new double[(n - 1) * n]; // rows: orthonormal basis of the sum-zero subspace
        for (int r = 0; r < n - 1; r++) {
            double c = 1 / Math.sqrt((r + 1.0) * (r + 2.0));
            for (int j = 0; j <= r; j++) q[r * n + j] = c;
            q[r * n + r + 1] = -(r + 1) * c;
        }
        double[] qt = Dense.transpose(q, n - 1, n);
        return new FunctionalRepresentation<>(
                group,
                "std" + (n - 1),
                n - 1,
                g -> Dense.multiply(Dense.multiply(q, permutationMatrix(g), n - 1, n, n), qt, n - 1, n, n - 1),
                Representations::noLieAlgebra,
                true);
    }

    /** The regular representation of a finite group: rho(g) e_h = e_{gh}, dimension |G|. */
    public static <G> Representation<G> regular(FiniteGroup<G> group) {
        // Known orders (S_n, A_n, D_n, products, ...) are checked before group.order() would list the elements:
        // S10 has 3,628,800 of them.
        java.util.OptionalLong known = group.orderWithoutEnumerating();
        if (known.isPresent() && known.getAsLong() > 5000)
            throw new IllegalArgumentException("regular representation of " + group.name() + " would have "
                    + known.getAsLong() + " dimensions; the limit is 5000");
        int n = group.order();
        if (n > 5000)
            throw new IllegalArgumentException("regular representation of " + group.name() + " would have " + n
                    + " dimensions; the limit is 5000");
        List<G> els = group.elements();
        // rho(g) is a permutation matrix: store only where each basis vector goes, computed once per element.
        int[][] table = new int[n][];
        return new FunctionalRepresentation<>(
                group,
                "regular",
                n,
                g -> {
                    int gi = group.indexOf(g);
                    int[] row;
                    synchronized (table) {
                        row = table[gi];
                        if (row == null) {
                            row = new int[n];
                            for (int h = 0; h < n; h++) row[h] = group.indexOf(group.compose(g, els.get(h)));
                            table[gi] = row;
                        }
                    }
                    double[] m = new double[n * n];
                    for (int h = 0; h < n; h++) m[row[h] * n + h] = 1;
                    return m;
                },
                k -> new double[n * n],
                true);
    }

    /**
     * Frequency-k representation of a planar group (C_n, D_n, SO(2), O(2)): rho(rotation by t) = R(k t), and
     * reflections act by diag(1, -1). Irreducible for k >= 1 (for D_n when 0 &lt; k &lt; n / 2). k = 0 is trivial.
     */
    public static <G> Representation<G> planar(Group<G> group, int k) {
        if (k < 0) throw new IllegalArgumentException("frequency must be >= 0, got " + k);
        if (k == 0) return trivial(group);
        return group.planar(k)
                .orElseThrow(() ->
                        new IllegalArgumentException(group.name() + " is not a planar group (C_n, D_n, SO2, O2)"));
    }

    /**
     * The Lie-algebra function of a representation of a finite group: finite groups have no Lie algebra and
     * FunctionalRepresentation checks before calling, so this never runs.
     */
    public static double[] noLieAlgebra(int k) {
        throw new IllegalStateException("a finite group has no Lie-algebra generator " + k);
    }

    /** The 2x2 row-major matrix of the rotation by {@code angle}, followed by diag(1, -1) first when {@code reflect}. */
    public static double[] planarMatrix(double angle, boolean reflect) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return reflect ? new double[] {c, s, s, -c} : new double[] {c, -s, s, c};
    }

    /** The real Wigner-D representation of degree l of SO(3); for O(3) the even-parity one (see {@link #wignerD(O3, int, int)}). */
    public static Representation<Orthogonal3> wignerD(O3 group, int l) {
        return wignerD(group, l, 0);
    }

    /** Degree l with parity (0 even, 1 odd) for O(3): rho(g) = det(g)^parity D^l(det(g) g). */
    public static Representation<Orthogonal3> wignerD(O3 group, int l, int parity) {
        if (parity != 0 && parity != 1) throw new IllegalArgumentException("parity must be 0 or 1, got " + parity);
        if (parity == 1 && !group.hasReflections())
            throw new IllegalArgumentException("parity applies to O3 only; SO3 has no reflections");
        return WignerD.representation(group, l, parity);
    }

    /** A representation of SO(3)/O(3) pulled back to SE(3)/E(3) through the rotation part (translations act trivially). */
    public static Representation<RigidMotion> rotationPart(E3 group, Representation<Orthogonal3> rep) {
        int d = rep.dimension();
        return new FunctionalRepresentation<>(
                group,
                rep.name(),
                d,
                g -> rep.matrix(g.rotation()),
                k -> k < 3 ? rep.lieAlgebra(k) : new double[d * d],
                rep.isOrthogonal());
    }

    /** The 4 x 4 homogeneous-coordinate representation [[R, t], [0, 1]] of SE(3)/E(3); not orthogonal. */
    public static Representation<RigidMotion> affine(E3 group) {
        return new FunctionalRepresentation<>(
                group, "affine", 4, RigidMotion::homogeneous, group::lieAlgebraGenerator, false);
    }

    /** The representation of G x H acting through the first factor. */
    public static <A, B> Representation<Pair<A, B>> onFirst(DirectProduct<A, B> group, Representation<A> rep) {
        int d = rep.dimension(), la = group.left().lieAlgebraDimension();
        return new FunctionalRepresentation<>(
                group,
                rep.name() + "_1",
                d,
                g -> rep.matrix(g.first()),
                k -> k < la ? rep.lieAlgebra(k) : new double[d * d],
                rep.isOrthogonal());
    }

    /** The representation of G x H acting through the second factor. */
    public static <A, B> Representation<Pair<A, B>> onSecond(DirectProduct<A, B> group, Representation<B> rep) {
        int d = rep.dimension(), la = group.left().lieAlgebraDimension();
        return new FunctionalRepresentation<>(
                group,
                rep.name() + "_2",
                d,
                g -> rep.matrix(g.second()),
                k -> k >= la ? rep.lieAlgebra(k - la) : new double[d * d],
                rep.isOrthogonal());
    }

    /** The outer tensor product a ⊠ b of G x H: (g, h) -> a(g) (x) b(h). */
    public static <A, B> Representation<Pair<A, B>> outer(
            DirectProduct<A, B> group, Representation<A> a, Representation<B> b) {
        return onFirst(group, a).times(onSecond(group, b));
    }

    /** The restriction of a representation of an ambient group to a subgroup with the same element type. */
    public static <G> Representation<G> restrict(Group<G> subgroup, Representation<G> rep) {
        int d = rep.dimension();
        return new FunctionalRepresentation<>(
                subgroup, rep.name(), d, rep::matrix, rep::lieAlgebra, rep.isOrthogonal());
    }

    /** A list builder used by the catalog: skips entries that throw (a group may lack some). */
    static <G> void addIfDefined(List<Representation<G>> out, java.util.function.Supplier<Representation<G>> s) {
        try {
            out.add(s.get());
        } catch (IllegalArgumentException | UnsupportedOperationException ignored) {
            // the group has no such representation: the catalog lists only those it has
        }
    }

    static <G> List<Representation<G>> list() {
        return new ArrayList<>();
    }
}
