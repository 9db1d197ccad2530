package org.noether.nn.train;

import ai.djl.ndarray.NDManager;

/**
 * Produces the batch for one training step.
 *
 * <p>Create every array on the given {@code manager}: it is a sub-manager that lives exactly as long
 * as the step. Arrays of the returned batch are attached to it in any case, so ownership of the
 * returned arrays always passes to the loop; never return a long-lived array itself (return a
 * slice or copy of it).
 */
@FunctionalInterface
public interface BatchSource {

    /**
     * @param manager step-scoped manager, closed when the step ends
     * @param step 0-based index of the step over the lifetime of the loop
     */
    LabeledBatch next(NDManager manager, long step);
}
