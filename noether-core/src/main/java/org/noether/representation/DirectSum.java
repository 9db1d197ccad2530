package org.noether.representation;

import java.util.ArrayList;
import java.util.List;
import org.noether.group.Group;
import org.noether.linalg.Dense;

/** The direct sum of representations of one group; keeps its summands so solvers can work block by block. */
public final class DirectSum<G> implements Representation<G> {
    private final List<Representation<G>> summands;
    private final int dimension;

    DirectSum(List<Representation<G>> parts) {
        List<Representation<G>> flat = new ArrayList<>();
        for (Representation<G> p : parts) {
            if (p instanceof DirectSum<G> d) flat.addAll(d.summands);
            else flat.add(p);
        }
        Group<G> g = flat.get(0).group();
        for (Representation<G> p : flat)
            if (p.group() != g && !p.group().name().equals(g.name()))
                throw new IllegalArgumentException("direct sum of representations of different groups: " + g.name()
                        + " and " + p.group().name());
        this.summands = List.copyOf(flat);
        int d = 0;
        for (Representation<G> p : flat) d += p.dimension();
        this.dimension = d;
    }

    public List<Representation<G>> summands() {
        return summands;
    }

    @Override
    public Group<G> group() {
        return summands.get(0).group();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (Representation<G> s : summands) {
            if (sb.length() > 0) sb.append('+');
            sb.append(s.name());
        }
        return sb.toString();
    }

    private double[] blocks(java.util.function.Function<Representation<G>, double[]> f) {
        double[][] b = new double[summands.size()][];
        int[] sizes = new int[summands.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = f.apply(summands.get(i));
            sizes[i] = summands.get(i).dimension();
        }
        return Dense.blockDiagonal(b, sizes);
    }

    @Override
    public double[] matrix(G g) {
        return blocks(r -> r.matrix(g));
    }

    @Override
    public double[] lieAlgebra(int k) {
        return blocks(r -> r.lieAlgebra(k));
    }

    @Override
    public boolean isOrthogonal() {
        return summands.stream().allMatch(Representation::isOrthogonal);
    }

    @Override
    public Representation<G> plus(Representation<G> other) {
        List<Representation<G>> l = new ArrayList<>(summands);
        l.add(other);
        return new DirectSum<>(l);
    }

    @Override
    public String toString() {
        return name();
    }
}
