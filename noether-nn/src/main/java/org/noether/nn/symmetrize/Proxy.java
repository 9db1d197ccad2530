package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;

/**
 * The proxy loss of {@link Equizero}: a score per sample of a model's raw outputs, lower meaning "the model is more
 * at ease with this transformed input". Equizero picks, for each input, the group elements whose transformed copy
 * has the lowest proxy loss. Any function of the outputs works; the two of the paper, for classifiers that output
 * logits on the last axis, are {@link #entropy()} and {@link #negativeMaxProbability()}.
 *
 * <pre>{@code
 * Proxy confident = Proxy.negativeMaxProbability();
 * Proxy lowMargin = outputs -> outputs.max(new int[] {-1}).neg();          // user-supplied: highest logit
 * }</pre>
 */
@FunctionalInterface
public interface Proxy {

    /**
     * The loss of each sample: {@code outputs} is {@code [N, ...]}, the result {@code [N]}. Called on outputs that
     * carry no gradient; create results on the manager of {@code outputs}.
     */
    NDArray loss(NDArray outputs);

    /** Shannon entropy (nats) of the softmax of the logits on the last axis. */
    static Proxy entropy() {
        return outputs -> {
            try (NDArray logp = outputs.logSoftmax(-1);
                    NDArray p = logp.exp();
                    NDArray plogp = p.mul(logp);
                    NDArray s = plogp.sum(new int[] {-1})) {
                NDArray h = s.neg();
                return h.getShape().dimension() == 1 ? h : flatten(h);
            }
        };
    }

    /** Minus the largest softmax probability of the logits on the last axis. */
    static Proxy negativeMaxProbability() {
        return outputs -> {
            try (NDArray p = outputs.softmax(-1);
                    NDArray m = p.max(new int[] {-1})) {
                NDArray l = m.neg();
                return l.getShape().dimension() == 1 ? l : flatten(l);
            }
        };
    }

    /** Averages any trailing axes (e.g. sequence positions) into one loss per sample. */
    private static NDArray flatten(NDArray perPosition) {
        try (perPosition;
                NDArray flat = perPosition.reshape(perPosition.getShape().get(0), -1)) {
            return flat.mean(new int[] {1});
        }
    }
}
