package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;

/**
 * A group acting on every sample of a batch of DJL arrays: axis 0 is the batch axis and each sample is transformed
 * by the same element. This is the one thing a domain (images, token sequences, vectors, point clouds) has to
 * supply to be symmetrized by {@link Equitune}, {@link Equizero}, {@link LambdaEquitune}, {@link Canonicalized} or
 * {@link Augmentation}; the wrappers themselves are written once. Ready-made actions are in {@link NDActions}.
 *
 * <p>It must be a left action, {@code act(gh, x) = act(g, act(h, x))} and {@code act(e, x) = x}, for the same
 * group law as the {@link org.noether.group.Group} it is used with. Results are created on the manager of {@code
 * batch} (the DJL rule: an op's result goes to the manager of the array it is called on), and {@code batch} is
 * never modified; it may be returned as is when {@code g} acts trivially.
 *
 * <pre>{@code
 * NDAction<DihedralElement> rot = NDActions.image(DihedralGroup.cyclic(4));     // NCHW, exact quarter turns
 * NDArray turned = rot.act(DihedralGroup.cyclic(4).rotation(1), images);        // every image turned by 90 deg
 * }</pre>
 *
 * @param <G> the group element type
 */
@FunctionalInterface
public interface NDAction<G> {

    /** g . x for every sample x of {@code batch}. */
    NDArray act(G g, NDArray batch);

    /** Whether the action is exact (false for resampled rotations); exactness of a wrapper needs it. */
    default boolean isExact() {
        return true;
    }

    /** Whether every element acts as the identity: the wrappers are then invariant rather than equivariant. */
    default boolean isTrivial() {
        return false;
    }
}
