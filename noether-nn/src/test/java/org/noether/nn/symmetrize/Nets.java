package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.noether.nn.Engines;

/** Test fixtures: random, deliberately non-equivariant models, random inputs and comparisons. */
final class Nets {

    /** Relative tolerance of every exactness check: |a - b|_inf <= REL * max(1, |a|_inf). */
    static final double REL = 1e-5;

    private Nets() {}

    /** Image [B, c, s, s] -> logits [B, classes]: a conv layer, then a dense layer on the flattened map. */
    static Block cnnClassifier(int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .setFilters(4)
                        .optPadding(new Shape(1, 1))
                        .build())
                .add(Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(classes).build());
    }

    /** Image [B, c, s, s] -> image [B, c, s, s]: convolutions (random kernels) plus a fixed ramp across the rows. */
    static Block cnnImageToImage(int channels) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .setFilters(4)
                        .optPadding(new Shape(1, 1))
                        .build())
                .add(Activation::tanh)
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .setFilters(channels)
                        .optPadding(new Shape(1, 1))
                        .build())
                .add(LambdaBlock.singleton(Nets::addRowRamp));
    }

    private static NDArray addRowRamp(NDArray x) {
        long h = x.getShape().get(2);
        try (NDArray ramp = x.getManager().arange(0f, (float) h).div(h).reshape(1, 1, h, 1)) {
            return x.add(ramp);
        }
    }

    /** Features [B, ..., d] flattened -> [B, out]: a plain MLP. */
    static Block mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(out).build());
    }

    /** Per-position MLP on [B, L, V] -> [B, L, V] (Linear acts on the last axis). */
    static Block positionwise(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(out).build());
    }

    /** A small score network: one value per input. */
    static Block scorer() {
        return mlp(8, 1);
    }

    /** Seeds the engine and initializes {@code block} for inputs of {@code shape}. */
    static <B extends Block> B init(B block, NDManager manager, long seed, Shape shape) {
        Engines.seed((int) seed);
        block.initialize(manager, DataType.FLOAT32, shape);
        return block;
    }

    /** Gaussian array of the given shape, from a Java seed. */
    static NDArray gaussian(NDManager manager, SplittableRandom random, long... shape) {
        Shape s = new Shape(shape);
        float[] v = new float[Math.toIntExact(s.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return manager.create(v, s);
    }

    /** Inference-mode output of {@code block} on a scoped copy of {@code x}, as Java floats. */
    static float[] eval(Block block, NDManager manager, NDArray x) {
        return eval(
                manager, scope -> block.forward(new ParameterStore(scope, false), new NDList(local(x, scope)), false)
                        .singletonOrThrow());
    }

    /** A copy of {@code x} owned by {@code scope}, so that every op on it leaves its results there. */
    static NDArray local(NDArray x, NDManager scope) {
        NDArray copy = x.duplicate();
        copy.attach(scope);
        return copy;
    }

    /** Runs {@code f} in a sub-manager and returns its result as floats. */
    static float[] eval(NDManager manager, Function<NDManager, NDArray> f) {
        try (NDManager scope = manager.newSubManager()) {
            return f.apply(scope).toFloatArray();
        }
    }

    /** |a - b|_inf / max(1, |a|_inf). */
    static double relativeError(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double diff = 0;
        double scale = 1;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        return diff / scale;
    }
}
