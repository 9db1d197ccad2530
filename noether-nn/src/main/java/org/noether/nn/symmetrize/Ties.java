package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Weights that average over every minimizer instead of picking the first one. A value counts as a minimizer of its
 * column when it is within {@code tol * (1 + |min|)} of the column's minimum; the weights of a column are 1/m on its
 * m minimizers and 0 elsewhere, so an input whose stabilizer is nontrivial (all copies tie exactly) gets the average
 * over the whole tied coset and stays equivariant, where argmin's first-index rule is not.
 *
 * <p>The rule exists twice, once on NDArrays (for batched training) and once on Java doubles (for callers that score
 * on the host, such as SCAN's greedy decoder); both count {@code v} as tied when {@code v <= min + tol * (1 + |min|)}.
 * To select maximizers of a score, pass the negated scores.
 */
public final class Ties {

    private Ties() {}

    /** {@code values} is {@code [K, B]}; returns {@code [K, B]} weights, each column summing to 1. */
    public static NDArray minimizerWeights(NDArray values, double tol) {
        try (NDArray min = values.min(new int[] {0}, true);
                NDArray magnitude = min.abs();
                NDArray onePlus = magnitude.add(1);
                NDArray slack = onePlus.mul(tol);
                NDArray threshold = min.add(slack);
                NDArray isMin = values.lte(threshold);
                NDArray mask = isMin.toType(DataType.FLOAT32, false);
                NDArray count = mask.sum(new int[] {0}, true)) {
            return mask.div(count);
        }
    }

    /**
     * Which of {@code values[from .. to-1]} are minimizers under the same rule as {@link #minimizerWeights(NDArray,
     * double)}: {@code v <= min + tol * (1 + |min|)}.
     *
     * @throws IllegalArgumentException for an empty range, a negative tolerance or a NaN value
     */
    public static boolean[] minimizers(double[] values, int from, int to, double tol) {
        if (from < 0 || to > values.length || from >= to) {
            throw new IllegalArgumentException(
                    "need a non-empty range of " + values.length + " values, got [" + from + ", " + to + ")");
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("value " + i + " is NaN; ties need comparable values");
            }
            min = Math.min(min, values[i]);
        }
        double threshold = min + tol * (1 + Math.abs(min));
        boolean[] out = new boolean[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = values[i] <= threshold;
        }
        return out;
    }
}
