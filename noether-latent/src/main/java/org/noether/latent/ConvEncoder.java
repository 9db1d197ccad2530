package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The default encoder of a {@link LatentAutoencoder}: three 3 x 3 convolutions with leaky ReLUs. Input {@code (N, c, S, S)}; output
 * {@code [z, skip]} with the latent {@code z} of shape {@code (N, latentChannels, S', S')} (S' = S / 2 when
 * {@code downsample}, else S) and the first layer's features {@code skip} of shape {@code (N, width, S, S)} for the
 * skip connection.
 */
public final class ConvEncoder extends AbstractBlock {
    private final Conv2d first;
    private final Conv2d second;
    private final Conv2d latent;

    public ConvEncoder(int width, int latentChannels, boolean downsample) {
        first = addChildBlock("first", conv(width, 1));
        second = addChildBlock("second", conv(width, downsample ? 2 : 1));
        latent = addChildBlock("latent", conv(latentChannels, 1));
    }

    static Conv2d conv(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(filters)
                .optPadding(new Shape(1, 1))
                .optStride(new Shape(stride, stride))
                .build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray skip = act(first.forward(ps, inputs, training).singletonOrThrow());
        NDArray h = act(second.forward(ps, new NDList(skip), training).singletonOrThrow());
        NDArray z = latent.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(z, skip);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = first.getOutputShapes(inputShapes)[0];
        Shape h = second.getOutputShapes(new Shape[] {s})[0];
        Shape z = latent.getOutputShapes(new Shape[] {h})[0];
        return new Shape[] {z, s};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes[0]);
        Shape s = first.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        second.initialize(manager, dataType, s);
        latent.initialize(manager, dataType, second.getOutputShapes(new Shape[] {s})[0]);
    }

    /** Leaky ReLU: with plain ReLU, small models on mostly black pictures sometimes die into a constant output. */
    static NDArray act(NDArray x) {
        return Activation.leakyRelu(x, 0.1f);
    }
}
