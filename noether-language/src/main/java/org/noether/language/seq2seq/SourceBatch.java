package org.noether.language.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.noether.language.scan.Vocabulary;

/**
 * A right-padded batch of source sequences with what the encoder needs to ignore the padding exactly: each row
 * reversed within its own length (for the backward direction), the index that puts the reversed outputs back in
 * place, the index of each row's last token, and masks for attention and pooling.
 *
 * @param tokens       (B, T) int64 token ids, {@link Vocabulary#PAD} after each row's end
 * @param reversed     (B, T) int64, each row's tokens in reverse order, padding still at the end
 * @param reverseIndex (B, T, 1) int64, position of original token t in the reversed row (t itself on padding)
 * @param lastIndex    (B, 1, 1) int64, length - 1 of each row
 * @param mask         (B, T) float32, 1 on tokens and 0 on padding
 * @param maskBias     (B, 1, T) float32, 0 on tokens and -1e9 on padding, added to attention scores
 */
record SourceBatch(
        NDArray tokens, NDArray reversed, NDArray reverseIndex, NDArray lastIndex, NDArray mask, NDArray maskBias) {

    static final int ARRAYS = 6;
    static final float MASKED = -1e9f;

    static SourceBatch of(NDManager manager, int[][] sources) {
        int b = sources.length, t = 0;
        if (b == 0) throw new IllegalArgumentException("a batch needs at least one source sequence");
        for (int[] s : sources) {
            if (s.length == 0) throw new IllegalArgumentException("source sequences must not be empty");
            t = Math.max(t, s.length);
        }
        long[] tok = new long[b * t], rev = new long[b * t], revIdx = new long[b * t], last = new long[b];
        float[] mask = new float[b * t], bias = new float[b * t];
        for (int i = 0; i < b; i++) {
            int n = sources[i].length;
            last[i] = n - 1;
            for (int j = 0; j < t; j++) {
                int k = i * t + j;
                if (j < n) {
                    tok[k] = sources[i][j];
                    rev[k] = sources[i][n - 1 - j];
                    revIdx[k] = n - 1 - j;
                    mask[k] = 1;
                } else {
                    tok[k] = Vocabulary.PAD;
                    rev[k] = Vocabulary.PAD;
                    revIdx[k] = j;
                    bias[k] = MASKED;
                }
            }
        }
        return new SourceBatch(
                manager.create(tok, new Shape(b, t)),
                manager.create(rev, new Shape(b, t)),
                manager.create(revIdx, new Shape(b, t, 1)),
                manager.create(last, new Shape(b, 1, 1)),
                manager.create(mask, new Shape(b, t)),
                manager.create(bias, new Shape(b, 1, t)));
    }

    /** Reads the six arrays starting at {@code offset} of a list written by {@link #addTo}. */
    static SourceBatch from(NDList list, int offset) {
        if (list.size() < offset + ARRAYS)
            throw new IllegalArgumentException(
                    "expected " + ARRAYS + " source arrays at position " + offset + " of a list of " + list.size());
        return new SourceBatch(
                list.get(offset),
                list.get(offset + 1),
                list.get(offset + 2),
                list.get(offset + 3),
                list.get(offset + 4),
                list.get(offset + 5));
    }

    NDList addTo(NDList list) {
        list.add(tokens);
        list.add(reversed);
        list.add(reverseIndex);
        list.add(lastIndex);
        list.add(mask);
        list.add(maskBias);
        return list;
    }

    long batch() {
        return tokens.getShape().get(0);
    }

    long length() {
        return tokens.getShape().get(1);
    }

    /** Source shapes of a batch of {@code b} rows of length {@code t}, for initialization. */
    static Shape[] shapes(long b, long t) {
        return new Shape[] {
            new Shape(b, t),
            new Shape(b, t),
            new Shape(b, t, 1),
            new Shape(b, 1, 1),
            new Shape(b, t),
            new Shape(b, 1, t)
        };
    }
}
