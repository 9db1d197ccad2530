package org.noether.nn.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays built from Java data, in memory that libtorch owns, for ops on the autograd path.
 *
 * <p>With DJL 0.36 and PyTorch, {@code manager.create(javaArray)} wraps a Java direct buffer as a tensor without
 * copying ({@code from_blob}); the {@code NDArray} keeps the buffer reachable only until it is closed. Autograd keeps
 * some operands for the backward pass: the index of an advanced {@code get}, the other factor of a {@code matMul}. If
 * such an operand is closed right after the op (as a try-with-resources block does), a garbage collection before
 * {@code backward} frees the buffer and the backward pass reads whatever was written there later: an index "out of
 * bounds" at best, silently wrong gradients at worst. The arrays returned here are clones in libtorch's own memory, so
 * closing them is always safe; autograd's reference keeps them alive as long as it needs them. {@link Scalars} does the
 * same for scalar operands.
 */
public final class Constants {

    private Constants() {}

    /** A 1-dimensional int64 array holding {@code values}, owned by libtorch, attached to {@code manager}. */
    public static NDArray of(NDManager manager, long[] values) {
        try (NDArray wrapped = manager.create(values)) {
            return wrapped.duplicate();
        }
    }

    /** A float32 array of {@code shape} holding {@code values}, owned by libtorch, attached to {@code manager}. */
    public static NDArray of(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }
}
