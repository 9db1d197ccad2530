package org.noether.representation;

import org.noether.group.Group;

/**
 * A real finite-dimensional representation rho: G -> GL(d), given by its matrices {@code rho(g)} and, for Lie groups,
 * the matrices {@code d rho(A_k)} of the group's Lie-algebra basis (EMLP's recipe: together with the group's discrete
 * generators, that is all the equivariant-basis solver needs). Representations compose like algebra:
 *
 * <pre>{@code
 * var v = Representations.defining(O3.SO3);
 * Representation<Orthogonal3> t = v.times(v).plus(v.dual());   // V*V + V*
 * double[] m = t.matrix(O3.SO3.sample(new SplittableRandom(1)));  // 12 x 12, row-major
 * }</pre>
 *
 * @param <G> element type of the group
 */
public interface Representation<G> {

    Group<G> group();

    int dimension();

    /** A short name, e.g. {@code "V"}, {@code "regular"}, {@code "V*V+V*"}. */
    String name();

    /** rho(g) as a fresh row-major {@code dimension() x dimension()} array. */
    double[] matrix(G g);

    /**
     * d rho of the group's k-th Lie-algebra generator ({@link Group#lieAlgebraGenerator}), row-major. Finite groups
     * have none.
     */
    double[] lieAlgebra(int k);

    /** True when every rho(g) is orthogonal (compact groups, in the bases used here). */
    default boolean isOrthogonal() {
        return group().isCompact();
    }

    /** Direct sum: block-diagonal rho(g) = diag(this(g), other(g)). */
    default Representation<G> plus(Representation<G> other) {
        return new DirectSum<>(java.util.List.of(this, other));
    }

    /** Tensor product: rho(g) = this(g) (x) other(g) (Kronecker product). */
    default Representation<G> times(Representation<G> other) {
        return new TensorProduct<>(this, other);
    }

    /** Dual (contragredient): rho*(g) = rho(g^-1)^T; equal to rho for orthogonal representations. */
    default Representation<G> dual() {
        return new Dual<>(this);
    }

    /** The k-fold tensor power; k = 0 gives the trivial representation. */
    default Representation<G> power(int k) {
        if (k < 0) throw new IllegalArgumentException("tensor power must be >= 0, got " + k);
        if (k == 0) return Representations.trivial(group());
        Representation<G> r = this;
        for (int i = 1; i < k; i++) r = r.times(this);
        return r;
    }
}
