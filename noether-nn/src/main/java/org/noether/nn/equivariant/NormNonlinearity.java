package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.noether.representation.Representation;

/**
 * Norm nonlinearity: every field (block of features) x_f is multiplied by {@code s(|x_f|)}, where {@code s} is
 * applied elementwise to the (batch, fields) array of field norms. Equivariant for any representation that is
 * orthogonal and block-diagonal along the fields, since then the norms are invariant and each field is only scaled.
 * Suitable for continuous groups (SO(3), O(3), SO(2)...). Input and output (batch, D).
 */
public final class NormNonlinearity extends AbstractBlock {

    /** Added under the square root so that the norm is differentiable at 0. */
    public static final float EPS = 1e-12f;

    private final int[] sizes;
    private final float[] membership;
    private final int d;
    private final UnaryOperator<NDArray> scale;

    /**
     * @param fieldSizes dimensions of the consecutive fields
     * @param scale maps the (batch, fields) norms to the (batch, fields) factors; use ops on its argument only
     */
    public NormNonlinearity(int[] fieldSizes, UnaryOperator<NDArray> scale) {
        this.sizes = fieldSizes.clone();
        this.membership = Fields.membership(sizes);
        this.d = Fields.total(sizes);
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    /** Fields are the direct summands of {@code rep} (see {@link Fields#sizes}). */
    public static NormNonlinearity of(Representation<?> rep, UnaryOperator<NDArray> scale) {
        return new NormNonlinearity(Fields.sizes(rep), scale);
    }

    /** s(n) = sigmoid(n): a smooth factor in (0, 1) that depends only on the field's norm. */
    public static NormNonlinearity sigmoid(Representation<?> rep) {
        return of(rep, Activation::sigmoid);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        NDArray member = m.create(membership, new Shape(d, sizes.length));
        NDArray norms = x.mul(x).matMul(member).add(EPS).sqrt();
        NDArray factors = scale.apply(norms).matMul(member.transpose());
        return new NDList(x.mul(factors));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
