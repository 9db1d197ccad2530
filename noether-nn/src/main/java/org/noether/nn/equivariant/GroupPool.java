package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pools over the group axis: (N, C * |G|, H, W) -> (N, C, H, W) by max or mean over the |G| group channels of each
 * feature. The result transforms like an ordinary image under G (each map is only moved spatially).
 */
public final class GroupPool extends AbstractBlock {

    /** Reduction over the group axis. */
    public enum Mode {
        MAX,
        MEAN
    }

    private final int order;
    private final Mode mode;

    public GroupPool(int groupOrder, Mode mode) {
        if (groupOrder < 1) throw new IllegalArgumentException("group order must be >= 1");
        this.order = groupOrder;
        this.mode = mode;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray grouped = x.reshape(s.get(0), s.get(1) / order, order, s.get(2), s.get(3));
        return new NDList(mode == Mode.MAX ? grouped.max(new int[] {2}) : grouped.mean(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1) / order, s.get(2), s.get(3))};
    }
}
