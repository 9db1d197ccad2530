package org.noether.language.seq2seq;

/**
 * How a {@link SymmetrizedSeq2Seq} combines the model's per-step output distributions over the orbit {g.x : g in G}
 * (Basu et al., "Efficient Equivariant Transfer Learning from Pretrained Models", NeurIPS 2023). At each decoding
 * step the model reads g.x and the prefix generated so far mapped by g, and its log-probabilities are mapped back by
 * g^-1 on the output vocabulary.
 */
public enum Symmetrization {
    /** The model itself, on x only. */
    NONE,
    /** Equitune: the mean over G of the mapped-back log-probabilities (a product of experts, renormalized). */
    EQUITUNE,
    /**
     * Equizero: decode every g.x on its own, score each with the proxy "mean over steps of the largest token
     * probability", and keep g*^-1 decode(g*.x) for the best g*. Several best elements (ties under nn's {@code Ties}
     * rule, as for inputs fixed by part of G) are averaged as in equitune over the tied set, not broken by the first
     * index. Fine-tuned with a straight-through estimator: forward equizero, gradient of equitune.
     */
    EQUIZERO,
    /** Lambda-equitune: the mean over G weighted by a learned positive lambda(g.x), normalized by the sum of weights. */
    LAMBDA_EQUITUNE
}
