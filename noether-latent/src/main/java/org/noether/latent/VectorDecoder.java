package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The decoder of a vector latent ({@link VectorEncoder}): a linear map to a {@code width x S/4 x S/4} grid, two
 * nearest-neighbour upsamplings by two each followed by a 3 x 3 convolution, an optional skip input concatenated at
 * full resolution, and a linear output convolution. Input {@code [z (N, C, 1, 1)]} or {@code [z, skip]}; output
 * {@code (N, imageChannels, S, S)}.
 */
public final class VectorDecoder extends AbstractBlock {
    private final int width;
    private final int side;
    private final boolean skip;
    private final Linear grid;
    private final Conv2d first;
    private final Conv2d second;
    private final Conv2d merge;
    private final Conv2d out;

    /** @param side the picture side, a multiple of 4 */
    public VectorDecoder(int width, int imageChannels, int side, boolean skip) {
        if (side % 4 != 0)
            throw new IllegalArgumentException("a vector latent needs a picture side divisible by 4, got " + side);
        this.width = width;
        this.side = side;
        this.skip = skip;
        grid = addChildBlock(
                "grid",
                Linear.builder()
                        .setUnits((long) width * (side / 4) * (side / 4))
                        .build());
        first = addChildBlock("first", ConvEncoder.conv(width, 1));
        second = addChildBlock("second", ConvEncoder.conv(width, 1));
        merge = skip ? addChildBlock("merge", ConvEncoder.conv(width, 1)) : null;
        out = addChildBlock("out", ConvEncoder.conv(imageChannels, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = inputs.get(0);
        long n = z.getShape().get(0);
        NDArray h = ConvEncoder.act(
                        grid.forward(ps, new NDList(z.reshape(n, -1)), training).singletonOrThrow())
                .reshape(n, width, side / 4, side / 4);
        h = h.repeat(2, 2).repeat(3, 2);
        h = ConvEncoder.act(first.forward(ps, new NDList(h), training).singletonOrThrow());
        h = h.repeat(2, 2).repeat(3, 2);
        h = ConvEncoder.act(second.forward(ps, new NDList(h), training).singletonOrThrow());
        if (skip)
            h = ConvEncoder.act(merge.forward(ps, new NDList(h.concat(inputs.get(1), 1)), training)
                    .singletonOrThrow());
        return new NDList(out.forward(ps, new NDList(h), training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape h = new Shape(inputShapes[0].get(0), width, side, side);
        return new Shape[] {out.getOutputShapes(new Shape[] {h})[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape z = inputShapes[0];
        grid.initialize(manager, dataType, new Shape(z.get(0), z.get(1) * z.get(2) * z.get(3)));
        first.initialize(manager, dataType, new Shape(z.get(0), width, side / 2, side / 2));
        second.initialize(manager, dataType, new Shape(z.get(0), width, side, side));
        Shape h = new Shape(z.get(0), width, side, side);
        if (skip) {
            Shape s = inputShapes[1];
            Shape cat = new Shape(h.get(0), width + s.get(1), side, side);
            merge.initialize(manager, dataType, cat);
        }
        out.initialize(manager, dataType, h);
    }
}
