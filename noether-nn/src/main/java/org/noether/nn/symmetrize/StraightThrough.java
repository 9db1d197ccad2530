package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;

/**
 * The straight-through estimator of equizero's fine-tuning (Basu et al. 2023): the forward value is the selected
 * output, the gradient is that of the group average. {@code surrogate + stopGradient(selected - surrogate)} equals
 * {@code selected} up to float rounding and has the gradient of {@code surrogate}.
 *
 * <p>Apply it to the values the loss reads: a nonlinearity applied afterwards (a softmax, a log-softmax) would be
 * differentiated at {@code selected}, not at {@code surrogate}, and the gradient would be the average's only up to that
 * Jacobian.
 */
public final class StraightThrough {

    private StraightThrough() {}

    /** {@code surrogate + stopGradient(selected - surrogate)}; the inputs stay open and belong to the caller. */
    public static NDArray of(NDArray selected, NDArray surrogate) {
        try (NDArray gap = selected.sub(surrogate);
                NDArray frozenGap = gap.stopGradient()) {
            return surrogate.add(frozenGap);
        }
    }
}
