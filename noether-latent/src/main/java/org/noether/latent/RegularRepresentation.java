package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;

/**
 * A finite group G acting on latent channels by its regular representation: the C channels are |G| blocks of
 * C / |G|, one per group element h, and g sends block h to block g h. Exact for every g, and a permutation of
 * channels, so it commutes with anything that acts on the spatial axes. Suited to groups that act on a hidden factor
 * that no pixel action describes, e.g. a cyclic group of contrast levels.
 *
 * <pre>{@code
 * var c4 = new RegularRepresentation<>(DihedralGroup.cyclic(4));
 * NDArray gz = c4.apply(z, c4.operator(manager, elements, z.getShape()));
 * }</pre>
 */
public final class RegularRepresentation<G> implements LatentAction<G> {
    private final FiniteGroup<G> group;
    private final List<G> elements;

    public RegularRepresentation(FiniteGroup<G> group) {
        this.group = group;
        this.elements = List.copyOf(group.elements());
    }

    @Override
    public Group<G> group() {
        return group;
    }

    /** Index of {@code g} in the group's element list, the order of the channel blocks. */
    public int index(G g) {
        return group.indexOf(g);
    }

    /** The |G| x |G| permutation matrix of g, row-major: {@code P[gh][h] = 1}. */
    public float[] matrix(G g) {
        int n = elements.size();
        float[] p = new float[n * n];
        for (int h = 0; h < n; h++) p[index(group.compose(g, elements.get(h))) * n + h] = 1;
        return p;
    }

    @Override
    public NDArray operator(NDManager manager, List<G> gs, Shape featureShape) {
        SpatialRotation.checkShape(featureShape, gs.size());
        int n = elements.size();
        if (featureShape.get(1) % n != 0)
            throw new IllegalArgumentException("the regular representation of " + group.name() + " needs channels "
                    + "divisible by " + n + ", got " + featureShape.get(1));
        return ChannelMixing.stack(manager, gs.size(), n, b -> matrix(gs.get(b)));
    }

    @Override
    public NDArray apply(NDArray z, NDArray operator) {
        return ChannelMixing.apply(z, operator);
    }

    @Override
    public int codeSize() {
        return elements.size();
    }

    @Override
    public float[] code(G g) {
        float[] c = new float[elements.size()];
        c[index(g)] = 1;
        return c;
    }

    @Override
    public String toString() {
        return "regular representation of " + group.name();
    }
}
