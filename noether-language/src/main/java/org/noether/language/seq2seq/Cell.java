package org.noether.language.seq2seq;

import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;

/** The recurrent unit of a {@link Seq2Seq} model: a gated recurrent unit or a long short-term memory. */
public enum Cell {
    GRU,
    LSTM;

    /** Number of state tensors the unit carries from step to step: 1 (h) for GRU, 2 (h, c) for LSTM. */
    public int stateCount() {
        return this == GRU ? 1 : 2;
    }

    /** A one-layer, one-direction, batch-first recurrent block of this kind over {@code hidden} units. */
    RecurrentBlock block(int hidden, boolean returnState) {
        return switch (this) {
            case GRU ->
                ai.djl
                        .nn
                        .recurrent
                        .GRU
                        .builder()
                        .setStateSize(hidden)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(returnState)
                        .build();
            case LSTM ->
                ai.djl
                        .nn
                        .recurrent
                        .LSTM
                        .builder()
                        .setStateSize(hidden)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(returnState)
                        .build();
        };
    }
}
