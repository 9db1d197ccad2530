package org.noether.language.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The importance weight lambda(x) > 0 of lambda-equitune: a small network on the command alone (mean of token
 * embeddings over the real positions, one hidden ReLU layer, softplus plus a floor of 1e-4 so that every weight is
 * strictly positive). Input: the six arrays of a source batch; output: (B, 1) weights.
 */
final class LambdaNet extends AbstractBlock {
    private static final byte VERSION = 1;
    static final float FLOOR = 1e-4f;

    private final int vocabulary;
    private final Parameter embedding;
    private final Linear hidden;
    private final Linear out;

    LambdaNet(int vocabulary, int width) {
        super(VERSION);
        this.vocabulary = vocabulary;
        embedding = addParameter(Parameter.builder()
                .setName("embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, width))
                .build());
        hidden = addChildBlock("hidden", Linear.builder().setUnits(width).build());
        out = addChildBlock("out", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        SourceBatch src = SourceBatch.from(inputs, 0);
        NDArray e = ps.getValue(embedding, src.tokens().getDevice(), training);
        NDArray emb = src.tokens().oneHot(vocabulary, DataType.FLOAT32).matMul(e);
        NDArray mask = src.mask();
        NDArray pooled = emb.mul(mask.expandDims(2)).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        NDArray h =
                Activation.relu(hidden.forward(ps, new NDList(pooled), training).head());
        NDArray z = out.forward(ps, new NDList(h), training).head();
        return new NDList(Activation.softPlus(z).add(FLOOR));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0), w = embedding.getShape().get(1);
        hidden.initialize(manager, dataType, new Shape(b, w));
        out.initialize(manager, dataType, new Shape(b, w));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
