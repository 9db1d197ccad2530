package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.IntFunction;

/**
 * The shared half of the latent actions that mix channels by one matrix per sample ({@link So2Irreps},
 * {@link So3Irreps}, {@link RegularRepresentation}): stacking the per-sample matrices, and applying them to a feature
 * map whose channels are whole copies of the matrix's size.
 */
final class ChannelMixing {

    private ChannelMixing() {}

    /** The {@code count} matrices {@code matrixOf(b)} (each {@code n x n}, row-major) as one {@code (count, n, n)} array. */
    static NDArray stack(NDManager manager, int count, int n, IntFunction<float[]> matrixOf) {
        float[] all = new float[count * n * n];
        for (int b = 0; b < count; b++) System.arraycopy(matrixOf.apply(b), 0, all, b * n * n, n * n);
        return manager.create(all, new Shape(count, n, n));
    }

    /**
     * Each sample's matrix times its channels: {@code z} of shape {@code (N, C, ...)} read as {@code (N, n, C/n ...)}
     * for an {@code (N, n, n)} operator. Differentiable with respect to {@code z}; the result has z's shape.
     */
    static NDArray apply(NDArray z, NDArray operator) {
        Shape s = z.getShape();
        long n = operator.getShape().get(1);
        return operator.matMul(z.reshape(s.get(0), n, -1)).reshape(s);
    }
}
