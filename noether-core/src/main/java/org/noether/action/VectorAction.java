package org.noether.action;

import org.noether.group.Group;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;

/** The linear action x -> rho(g) x of a representation on vectors of its dimension. */
public final class VectorAction<G> implements Action<G, double[]> {
    private final Representation<G> rep;

    public VectorAction(Representation<G> rep) {
        this.rep = rep;
    }

    public Representation<G> representation() {
        return rep;
    }

    @Override
    public Group<G> group() {
        return rep.group();
    }

    @Override
    public double[] act(G g, double[] x) {
        int d = rep.dimension();
        if (x.length != d)
            throw new IllegalArgumentException(
                    "vector of length " + x.length + " given to representation " + rep.name() + " of dimension " + d);
        return Dense.apply(rep.matrix(g), x, d, d);
    }

    @Override
    public double distance(double[] a, double[] b) {
        return Dense.norm(Dense.subtract(a, b));
    }

    @Override
    public double magnitude(double[] x) {
        return Dense.norm(x);
    }
}
