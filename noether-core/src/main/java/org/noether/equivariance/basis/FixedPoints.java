package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import org.noether.representation.Representation;

/**
 * The fixed-point subspace {@code E^G = {x : rho(g) x = x for all g}} of a representation: an orthonormal basis and
 * the orthogonal projector onto it. It is the equivariant basis from the trivial representation, so it shares the
 * solver and its cache.
 *
 * <pre>{@code
 * var s4 = new SymmetricGroup(4);
 * FixedPoints<Permutation> f = FixedPoints.of(Representations.permutation(s4));
 * f.dimension();                              // 1: constant vectors
 * f.project(new double[] {1, 2, 3, 4});       // {2.5, 2.5, 2.5, 2.5}
 * }</pre>
 *
 * @param <G> element type of the group
 */
public final class FixedPoints<G> {
    private final Representation<G> rep;
    private final EquivariantBasis<G> basis;

    FixedPoints(Representation<G> rep, EquivariantBasis<G> basis) {
        this.rep = rep;
        this.basis = basis;
    }

    /** The fixed points of {@code rep}, by the shared {@link BasisSolver}. */
    public static <G> FixedPoints<G> of(Representation<G> rep) {
        return BasisSolver.standard().fixedPoints(rep);
    }

    public Representation<G> representation() {
        return rep;
    }

    /** dim E^G. */
    public int dimension() {
        return basis.dimension();
    }

    /** The orthonormal basis vectors, each of length dim(rho). */
    public List<double[]> vectors() {
        return basis.elements();
    }

    /** The basis as a d x k row-major matrix B with orthonormal columns. */
    public double[] basis() {
        return basis.matrix();
    }

    /** The d x d orthogonal projector B B^T onto E^G. */
    public double[] projector() {
        int d = rep.dimension();
        double[] p = new double[d * d];
        List<double[]> vs = new ArrayList<>();
        for (int k = 0; k < dimension(); k++) vs.add(basis.element(k));
        for (double[] v : vs)
            for (int i = 0; i < d; i++) {
                if (v[i] == 0) continue;
                for (int j = 0; j < d; j++) p[i * d + j] += v[i] * v[j];
            }
        return p;
    }

    /** The orthogonal projection of x onto E^G, without forming the projector. */
    public double[] project(double[] x) {
        if (x.length != rep.dimension())
            throw new IllegalArgumentException("expected a vector of length " + rep.dimension() + " (dimension of "
                    + rep.name() + "), got " + x.length);
        return basis.project(x);
    }

    /** The same space as an equivariant basis from the trivial representation. */
    public EquivariantBasis<G> asEquivariantBasis() {
        return basis;
    }

    @Override
    public String toString() {
        return "FixedPoints[" + rep.name() + " of " + rep.group().name() + ": dimension " + dimension() + " of "
                + rep.dimension() + "]";
    }
}
