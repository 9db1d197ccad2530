package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.representation.Representation;

/**
 * Any elementwise activation, which commutes with a representation exactly when every rho(g) is a permutation
 * matrix (regular, permutation and quotient representations of finite groups, and sums of them). The constructor
 * checks this on the group's generators (all elements for small finite groups). Input and output of any shape.
 */
public final class PointwiseNonlinearity extends AbstractBlock {

    private final UnaryOperator<NDArray> fn;

    /**
     * @throws IllegalArgumentException if {@code rep} is not a permutation representation of a finite group
     */
    public <G> PointwiseNonlinearity(Representation<G> rep, UnaryOperator<NDArray> fn) {
        this.fn = Objects.requireNonNull(fn, "fn");
        Group<G> group = rep.group();
        if (group.lieAlgebraDimension() > 0)
            throw new IllegalArgumentException("a pointwise nonlinearity is not equivariant for the continuous group "
                    + group.name() + "; use NormNonlinearity or GatedNonlinearity");
        List<G> check =
                group instanceof FiniteGroup<G> fg && fg.order() <= 1000 ? fg.elements() : group.discreteGenerators();
        for (G g : check) {
            if (!isPermutation(rep.matrix(g), rep.dimension()))
                throw new IllegalArgumentException("rho(" + g + ") of " + rep.name()
                        + " is not a permutation matrix, so an elementwise activation is not equivariant");
        }
    }

    static boolean isPermutation(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            int ones = 0;
            for (int j = 0; j < n; j++) {
                double v = m[i * n + j];
                if (Math.abs(v - 1) < 1e-9) ones++;
                else if (Math.abs(v) > 1e-9) return false;
            }
            if (ones != 1) return false;
        }
        return true;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(fn.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
