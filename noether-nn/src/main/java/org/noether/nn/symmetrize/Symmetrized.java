package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * A DJL block that makes any block with one input and one output invariant or equivariant under a {@link Symmetry}
 * by evaluating it on the orbit of its input. The orbit of a batch of B inputs is evaluated as one batch of K x B
 * inputs (K the number of group elements), never as K separate calls, and the K outputs are pulled back with
 * g^-1 before they are combined. The subclasses differ only in how they weigh the K pulled-back outputs:
 *
 * <ul>
 *   <li>{@link Equitune}: equal weights 1/K (group averaging, "equitune").</li>
 *   <li>{@link Equizero}: all weight on the copies that minimize a proxy loss of the model's output.</li>
 *   <li>{@link LambdaEquitune}: weights proportional to a learned positive function lambda(g x).</li>
 *   <li>{@link Canonicalized}: all weight on the copies that a canonicalization network scores highest.</li>
 * </ul>
 *
 * <p>Each is exactly invariant/equivariant for <em>any</em> wrapped model when the symmetry {@link
 * Symmetry#isExact() is exact}, up to float32 rounding. Intermediate arrays are created on the manager of the
 * input, so calling a wrapper inside a step- or batch-scoped manager (as {@code TrainingLoop} and {@code
 * Inference} do) leaves nothing behind.
 *
 * @param <G> the group element type
 */
public abstract sealed class Symmetrized<G> extends AbstractBlock
        permits Equitune, Equizero, LambdaEquitune, Canonicalized {

    private static final byte VERSION = 1;

    /** The wrapped model. */
    protected final Block model;

    /** Elements and actions. */
    protected final Symmetry<G> symmetry;

    Symmetrized(Block model, Symmetry<G> symmetry) {
        super(VERSION);
        this.model = addChildBlock("model", Objects.requireNonNull(model, "model"));
        this.symmetry = Objects.requireNonNull(symmetry, "symmetry");
    }

    /** The wrapped model. */
    public Block model() {
        return model;
    }

    public Symmetry<G> symmetry() {
        return symmetry;
    }

    /** Freezes or unfreezes the wrapped model's parameters (e.g. to train only lambda or a canonicalizer). */
    public void freezeModel(boolean freeze) {
        model.freezeParameters(freeze);
    }

    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " wraps models with one input, got " + inputs.size() + " arrays");
        }
        return new NDList(symmetrize(parameterStore, inputs.get(0), training, params));
    }

    /** Output for a batch {@code x} of shape {@code [B, ...]}. */
    abstract NDArray symmetrize(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params);

    /** The model on a batch, which must give exactly one array. */
    final NDArray runModel(ParameterStore ps, NDArray batch, boolean training, PairList<String, Object> params) {
        NDList out = model.forward(ps, new NDList(batch), training, params);
        if (out.size() != 1) {
            throw new IllegalStateException(getClass().getSimpleName() + " wraps models with one output, the model "
                    + "gave " + out.size() + " arrays");
        }
        return out.get(0);
    }

    /** Sum over axis 0 of {@code pulled [K, B, ...]} weighted by {@code weights [K, B]}. */
    static NDArray weightedSum(NDArray weights, NDArray pulled) {
        Shape ws = weights.getShape();
        int extra = pulled.getShape().dimension() - 2;
        long[] dims = new long[2 + extra];
        dims[0] = ws.get(0);
        dims[1] = ws.get(1);
        for (int i = 0; i < extra; i++) {
            dims[2 + i] = 1;
        }
        try (NDArray w = weights.reshape(new Shape(dims));
                NDArray weighted = pulled.mul(w)) {
            return weighted.sum(new int[] {0});
        }
    }

    /** Closes {@code a} unless it is one of {@code keep} (a model may return its input). */
    static void closeUnless(NDArray a, NDArray... keep) {
        for (NDArray k : keep) {
            if (a == k) {
                return;
            }
        }
        a.close();
    }

    /** The orbit shape {@code [K * B, ...]} of an input shape {@code [B, ...]}. */
    final Shape orbitShape(Shape input) {
        return new Shape(input.get(0) * symmetry.size()).addAll(input.slice(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape out = model.getOutputShapes(new Shape[] {orbitShape(in)})[0];
        return new Shape[] {new Shape(in.get(0)).addAll(out.slice(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        model.initialize(manager, dataType, orbitShape(inputShapes[0]));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + symmetry.group().name() + ", K=" + symmetry.size()
                + (symmetry.isInvariant() ? ", invariant" : ", equivariant") + ")";
    }
}
