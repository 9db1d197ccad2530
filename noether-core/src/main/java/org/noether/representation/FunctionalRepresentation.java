package org.noether.representation;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.noether.group.Group;

/** A representation given by functions; the building block of the catalog in {@link Representations}. */
final class FunctionalRepresentation<G> implements Representation<G> {
    private final Group<G> group;
    private final String name;
    private final int dimension;
    private final Function<G, double[]> matrix;
    private final IntFunction<double[]> lie;
    private final boolean orthogonal;

    FunctionalRepresentation(
            Group<G> group,
            String name,
            int dimension,
            Function<G, double[]> matrix,
            IntFunction<double[]> lie,
            boolean orthogonal) {
        this.group = group;
        this.name = name;
        this.dimension = dimension;
        this.matrix = matrix;
        this.lie = lie;
        this.orthogonal = orthogonal;
    }

    @Override
    public Group<G> group() {
        return group;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] matrix(G g) {
        return matrix.apply(g);
    }

    @Override
    public double[] lieAlgebra(int k) {
        if (group.lieAlgebraDimension() == 0)
            throw new UnsupportedOperationException(group.name() + " has no Lie algebra");
        if (k < 0 || k >= group.lieAlgebraDimension())
            throw new IndexOutOfBoundsException(
                    group.name() + " has " + group.lieAlgebraDimension() + " Lie-algebra generators, asked for " + k);
        return lie.apply(k);
    }

    @Override
    public boolean isOrthogonal() {
        return orthogonal;
    }

    @Override
    public String toString() {
        return name + " of " + group.name();
    }
}
