package org.noether.representation;

import java.util.function.BiFunction;
import org.noether.group.Group;

/**
 * Test helper: a representation that reads another one's matrices and Lie-algebra generators and alters them (to
 * break a law on purpose, to hide the library type from the solver's cost estimates, or to change signs of zeros).
 * The orthogonality flag is the interface default unless {@link #notOrthogonal} says otherwise.
 *
 * @param base        the representation read
 * @param name        the name shown
 * @param matrix      (g, base matrix of g) to the matrix of g; the base matrix is a fresh copy and may be changed
 * @param lie         (k, base generator k) to generator k; likewise a fresh copy
 * @param orthogonal  whether {@link #isOrthogonal()} may report the interface default
 */
public record Altered<G>(
        Representation<G> base,
        String name,
        BiFunction<G, double[], double[]> matrix,
        BiFunction<Integer, double[], double[]> lie,
        boolean orthogonal)
        implements Representation<G> {

    /** The same matrices and generators behind another type and name. */
    public static <G> Altered<G> opaque(Representation<G> base, String name) {
        return new Altered<>(base, name, (g, m) -> m, (k, a) -> a, true);
    }

    /** Altered matrices, the same generators. */
    public static <G> Altered<G> matrices(
            Representation<G> base, String name, BiFunction<G, double[], double[]> matrix) {
        return new Altered<>(base, name, matrix, (k, a) -> a, true);
    }

    /** The same matrices, altered generators. */
    public static <G> Altered<G> generators(
            Representation<G> base, String name, BiFunction<Integer, double[], double[]> lie) {
        return new Altered<>(base, name, (g, m) -> m, lie, true);
    }

    /** This one, reporting itself as not orthogonal. */
    public Altered<G> notOrthogonal() {
        return new Altered<>(base, name, matrix, lie, false);
    }

    @Override
    public Group<G> group() {
        return base.group();
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double[] matrix(G g) {
        return matrix.apply(g, base.matrix(g));
    }

    @Override
    public double[] lieAlgebra(int k) {
        return lie.apply(k, base.lieAlgebra(k));
    }

    @Override
    public boolean isOrthogonal() {
        return orthogonal && Representation.super.isOrthogonal();
    }
}
