package org.noether.language.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Token-level negative log-likelihood, averaged over the real (unmasked) target positions of the batch. Predictions
 * are (B, T, V) log-probabilities; labels are the (B, T) int64 target tokens and their (B, T) float32 mask, as
 * {@link Seq2SeqBatch} makes them. Padding contributes neither to the loss nor to its gradient.
 */
public final class Seq2SeqLoss extends Loss {

    public Seq2SeqLoss() {
        super("seq2seq-nll");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbs = predictions.head();
        NDArray target = labels.get(0), mask = labels.get(1);
        NDArray picked = logProbs.gather(target.expandDims(2), 2).squeeze(2);
        return picked.mul(mask).sum().neg().div(mask.sum());
    }
}
