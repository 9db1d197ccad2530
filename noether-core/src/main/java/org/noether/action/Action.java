package org.noether.action;

import org.noether.group.Group;

/**
 * A left action of a group on a space of values of type {@code X}: {@code act(g, act(h, x)) = act(gh, x)} and
 * {@code act(e, x) = x}. The action also says how far apart two values are, so that equivariance can be measured on
 * any space ({@link org.noether.equivariance.Equivariance}).
 *
 * <pre>{@code
 * Action<DihedralElement, Image> rot = ImageActions.exact(DihedralGroup.cyclic(4));
 * Image turned = rot.act(DihedralGroup.cyclic(4).rotation(1), image);
 * }</pre>
 */
public interface Action<G, X> {

    Group<G> group();

    /** g . x; never modifies {@code x}. */
    X act(G g, X x);

    /** A distance between two values (Euclidean for vectors, images and point clouds). */
    double distance(X a, X b);

    /** The size of a value, the scale against which {@link #distance} is made relative. */
    double magnitude(X x);

    /** Whether {@code act} is exact (false for resampled image rotations by arbitrary angles). */
    default boolean isExact() {
        return true;
    }
}
