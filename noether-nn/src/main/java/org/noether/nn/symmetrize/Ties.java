package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Weights that average over every minimizer instead of picking the first one. A value counts as a minimizer of its
 * column when it is within {@code tol * (1 + |min|)} of the column's minimum; the weights of a column are 1/m on its
 * m minimizers and 0 elsewhere, so an input whose stabilizer is nontrivial (all copies tie exactly) gets the average
 * over the whole tied coset and stays equivariant, where argmin's first-index rule is not.
 */
final class Ties {

    private Ties() {}

    /** {@code values} is {@code [K, B]}; returns {@code [K, B]} weights, each column summing to 1. */
    static NDArray minimizerWeights(NDArray values, double tol) {
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
}
