package org.noether.nn.train;

import ai.djl.ndarray.NDList;
import java.util.Objects;

/**
 * Inputs and labels of one training step.
 *
 * @param data network inputs
 * @param labels targets handed to the loss
 */
public record LabeledBatch(NDList data, NDList labels) {
    public LabeledBatch {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(labels, "labels");
    }
}
