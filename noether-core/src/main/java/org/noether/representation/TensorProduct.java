package org.noether.representation;

import org.noether.group.Group;
import org.noether.linalg.Dense;

/**
 * rho(g) = a(g) (x) b(g); on the Lie algebra d rho = da (x) I + I (x) db. Index (i, j) of the product space is
 * i * dim(b) + j, matching row-major flattening of a dim(a) x dim(b) matrix.
 */
public final class TensorProduct<G> implements Representation<G> {
    private final Representation<G> a;
    private final Representation<G> b;

    TensorProduct(Representation<G> a, Representation<G> b) {
        if (a.group() != b.group() && !a.group().name().equals(b.group().name()))
            throw new IllegalArgumentException("tensor product of representations of different groups: "
                    + a.group().name() + " and " + b.group().name());
        this.a = a;
        this.b = b;
    }

    public Representation<G> left() {
        return a;
    }

    public Representation<G> right() {
        return b;
    }

    @Override
    public Group<G> group() {
        return a.group();
    }

    @Override
    public int dimension() {
        return a.dimension() * b.dimension();
    }

    @Override
    public String name() {
        return wrap(a) + "*" + wrap(b);
    }

    private static String wrap(Representation<?> r) {
        return r instanceof DirectSum ? "(" + r.name() + ")" : r.name();
    }

    @Override
    public double[] matrix(G g) {
        return Dense.kron(a.matrix(g), a.dimension(), b.matrix(g), b.dimension());
    }

    @Override
    public double[] lieAlgebra(int k) {
        int p = a.dimension(), q = b.dimension();
        return Dense.add(
                Dense.kron(a.lieAlgebra(k), p, Dense.identity(q), q),
                Dense.kron(Dense.identity(p), p, b.lieAlgebra(k), q));
    }

    @Override
    public boolean isOrthogonal() {
        return a.isOrthogonal() && b.isOrthogonal();
    }

    @Override
    public String toString() {
        return name();
    }
}
