package org.noether.nn.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for ops on the autograd path, in memory that libtorch owns.
 *
 * <p>With DJL 0.36 and PyTorch, an op with a {@code Number} operand ({@code mul(Number)}, {@code
 * div(Number)}, {@code pow(Number)}, {@code maximum(Number)}, ...) wraps a Java direct buffer as a
 * 0-dimensional tensor without copying and closes it as soon as the op returns. If autograd kept
 * that operand for the gradient (as it does for {@code mul}, {@code maximum}, ...), a garbage
 * collection before {@code backward} can free the buffer, and the backward pass reads whatever
 * was written there later. Passing {@code Scalars.like(x, v)} instead of {@code v} gives the same
 * result without that hazard. Ops whose gradient does not need the scalar ({@code add}, {@code
 * sub}) and ops off the autograd path are unaffected.
 */
public final class Scalars {

    private Scalars() {}

    /** A 0-dimensional array holding {@code value}, with the data type and manager of {@code like}. */
    public static NDArray like(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
