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
 * An encoder whose latent is one vector per picture, shaped {@code (N, C, 1, 1)}: a 3 x 3 convolution at full
 * resolution (its features are the skip output), two stride-2 convolutions, and a linear map of the flattened
 * features to {@code latentChannels}. A group acting on latent channels (e.g. {@link So3Irreps}) then acts on a
 * global description of the picture, which it can rearrange freely, instead of on one vector per position.
 * Output {@code [z, skip]}, as {@link ConvEncoder}.
 */
public final class VectorEncoder extends AbstractBlock {
    private final Conv2d first;
    private final Conv2d second;
    private final Conv2d third;
    private final Linear latent;
    private final int latentChannels;

    public VectorEncoder(int width, int latentChannels) {
        this.latentChannels = latentChannels;
        first = addChildBlock("first", ConvEncoder.conv(width, 1));
        second = addChildBlock("second", ConvEncoder.conv(width, 2));
        third = addChildBlock("third", ConvEncoder.conv(width, 2));
        latent = addChildBlock(
                "latent", Linear.builder().setUnits(latentChannels).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray skip = ConvEncoder.act(first.forward(ps, inputs, training).singletonOrThrow());
        NDArray h =
                ConvEncoder.act(second.forward(ps, new NDList(skip), training).singletonOrThrow());
        h = ConvEncoder.act(third.forward(ps, new NDList(h), training).singletonOrThrow());
        long n = h.getShape().get(0);
        NDArray z = latent.forward(ps, new NDList(h.reshape(n, -1)), training).singletonOrThrow();
        return new NDList(z.reshape(n, latentChannels, 1, 1), skip);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = first.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(s.get(0), latentChannels, 1, 1), s};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes[0]);
        Shape s = first.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        second.initialize(manager, dataType, s);
        Shape h = second.getOutputShapes(new Shape[] {s})[0];
        third.initialize(manager, dataType, h);
        h = third.getOutputShapes(new Shape[] {h})[0];
        latent.initialize(manager, dataType, new Shape(h.get(0), h.get(1) * h.get(2) * h.get(3)));
    }
}
