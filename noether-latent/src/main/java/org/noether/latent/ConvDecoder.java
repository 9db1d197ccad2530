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
 * The default decoder of a {@link LatentAutoencoder}: 3 x 3 convolutions, a nearest-neighbour upsampling by two when
 * {@code upsample}, an optional skip input concatenated at full resolution, and a linear output layer (a sigmoid
 * there let small models on mostly black pictures saturate into an all-black output and stop learning; predictions
 * are clipped to [0, 1] when evaluated instead). Input {@code [z]} or {@code [z, skip]}; output {@code (N, imageChannels, S, S)}.
 */
public final class ConvDecoder extends AbstractBlock {
    private final boolean upsample;
    private final boolean skip;
    private final Conv2d first;
    private final Conv2d second;
    private final Conv2d merge;
    private final Conv2d out;

    public ConvDecoder(int width, int imageChannels, boolean upsample, boolean skip) {
        this.upsample = upsample;
        this.skip = skip;
        first = addChildBlock("first", ConvEncoder.conv(width, 1));
        second = addChildBlock("second", ConvEncoder.conv(width, 1));
        merge = skip ? addChildBlock("merge", ConvEncoder.conv(width, 1)) : null;
        out = addChildBlock("out", ConvEncoder.conv(imageChannels, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = act(first.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
        if (upsample) h = h.repeat(2, 2).repeat(3, 2);
        h = act(second.forward(ps, new NDList(h), training).singletonOrThrow());
        if (skip) {
            h = act(merge.forward(ps, new NDList(h.concat(inputs.get(1), 1)), training)
                    .singletonOrThrow());
        }
        return new NDList(out.forward(ps, new NDList(h), training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape z = inputShapes[0];
        long f = upsample ? 2 : 1;
        Shape h = new Shape(z.get(0), 1, z.get(2) * f, z.get(3) * f);
        return new Shape[] {out.getOutputShapes(new Shape[] {h})[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape z = inputShapes[0];
        first.initialize(manager, dataType, z);
        Shape h = first.getOutputShapes(new Shape[] {z})[0];
        if (upsample) h = new Shape(h.get(0), h.get(1), h.get(2) * 2, h.get(3) * 2);
        second.initialize(manager, dataType, h);
        h = second.getOutputShapes(new Shape[] {h})[0];
        if (skip) {
            Shape s = inputShapes[1];
            Shape cat = new Shape(h.get(0), h.get(1) + s.get(1), h.get(2), h.get(3));
            merge.initialize(manager, dataType, cat);
            h = merge.getOutputShapes(new Shape[] {cat})[0];
        }
        out.initialize(manager, dataType, h);
    }

    /** Leaky ReLU: with plain ReLU, small models on mostly black pictures sometimes die into a constant output. */
    static NDArray act(NDArray x) {
        return Activation.leakyRelu(x, 0.1f);
    }
}
