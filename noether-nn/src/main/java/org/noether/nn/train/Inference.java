package org.noether.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Batched inference where every batch lives in its own sub-manager and only Java arrays come out.
 */
public final class Inference {

    /** Work done on one batch inside its scope; must return plain Java data, never NDArrays. */
    @FunctionalInterface
    public interface ScopedFunction<B, R> {
        R apply(NDManager scope, B batch);
    }

    private Inference() {}

    /**
     * Applies {@code fn} to each batch inside a fresh sub-manager of {@code parent}, closing the
     * sub-manager afterwards.
     *
     * @throws IllegalArgumentException if {@code fn} returns an NDArray/NDList (it would be closed)
     */
    public static <B, R> List<R> map(NDManager parent, Iterable<? extends B> batches, ScopedFunction<? super B, R> fn) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(fn, "fn");
        List<R> out = new ArrayList<>();
        for (B batch : batches) {
            try (NDManager scope = parent.newSubManager()) {
                R r = fn.apply(scope, batch);
                if (r instanceof NDResource) {
                    throw new IllegalArgumentException(
                            "ScopedFunction returned an NDResource, which is closed with its scope;"
                                    + " convert it to a Java array inside the function");
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Runs {@code block} in inference mode on {@code rows} (each of the same length) in chunks of
     * {@code batchSize} and returns one output row per input row (the block's single output,
     * flattened per sample).
     */
    public static float[][] predict(Block block, NDManager parent, float[][] rows, int batchSize) {
        Objects.requireNonNull(block, "block");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (rows.length == 0) {
            return new float[0][];
        }
        int width = rows[0].length;
        List<int[]> ranges = new ArrayList<>();
        for (int start = 0; start < rows.length; start += batchSize) {
            ranges.add(new int[] {start, Math.min(rows.length, start + batchSize)});
        }
        float[][] result = new float[rows.length][];
        map(parent, ranges, (scope, range) -> {
            int n = range[1] - range[0];
            float[] flat = new float[n * width];
            for (int i = 0; i < n; i++) {
                float[] row = rows[range[0] + i];
                if (row.length != width) {
                    throw new IllegalArgumentException(
                            "row " + (range[0] + i) + " has length " + row.length + ", expected " + width);
                }
                System.arraycopy(row, 0, flat, i * width, width);
            }
            NDArray x = scope.create(flat, new Shape(n, width));
            NDList y = block.forward(new ParameterStore(scope, false), new NDList(x), false);
            float[] values = y.singletonOrThrow().toFloatArray();
            int per = values.length / n;
            for (int i = 0; i < n; i++) {
                float[] outRow = new float[per];
                System.arraycopy(values, i * per, outRow, 0, per);
                result[range[0] + i] = outRow;
            }
            return null;
        });
        return result;
    }
}
