package org.noether.representation;

import org.noether.group.Group;
import org.noether.linalg.Dense;

/** The contragredient rho*(g) = rho(g^-1)^T, with d rho*(A) = -d rho(A)^T. */
public final class Dual<G> implements Representation<G> {
    private final Representation<G> rep;

    Dual(Representation<G> rep) {
        this.rep = rep;
    }

    public Representation<G> of() {
        return rep;
    }

    @Override
    public Group<G> group() {
        return rep.group();
    }

    @Override
    public int dimension() {
        return rep.dimension();
    }

    @Override
    public String name() {
        return (rep instanceof DirectSum || rep instanceof TensorProduct ? "(" + rep.name() + ")" : rep.name()) + "'";
    }

    @Override
    public double[] matrix(G g) {
        return Dense.transpose(rep.matrix(group().inverse(g)), rep.dimension());
    }

    @Override
    public double[] lieAlgebra(int k) {
        return Dense.scale(Dense.transpose(rep.lieAlgebra(k), rep.dimension()), -1);
    }

    @Override
    public boolean isOrthogonal() {
        return rep.isOrthogonal();
    }

    @Override
    public Representation<G> dual() {
        return rep;
    }

    @Override
    public String toString() {
        return name();
    }
}
