package org.noether.language.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.noether.language.scan.Vocabulary;
import org.noether.nn.train.LabeledBatch;

/**
 * Teacher-forcing batches for a {@link Seq2Seq}: padded sources, decoder inputs (SOS then the target), and as labels
 * the decoder outputs (the target then EOS) with a mask that is 1 on real positions and 0 on padding.
 *
 * <pre>{@code
 * LabeledBatch b = Seq2SeqBatch.of(manager, List.of(commandIds), List.of(actionIds));
 * }</pre>
 */
public final class Seq2SeqBatch {
    private Seq2SeqBatch() {}

    /** Sources and targets are token ids without SOS or EOS; targets may be empty. */
    public static LabeledBatch of(NDManager manager, List<int[]> sources, List<int[]> targets) {
        if (sources.size() != targets.size())
            throw new IllegalArgumentException(sources.size() + " sources but " + targets.size() + " targets");
        NDList data = SourceBatch.of(manager, sources.toArray(int[][]::new)).addTo(new NDList());
        Targets t = Targets.of(manager, targets.toArray(int[][]::new));
        data.add(t.input());
        return new LabeledBatch(data, new NDList(t.output(), t.mask()));
    }

    /** Decoder inputs (B, T) int64, outputs (B, T) int64 and mask (B, T) float32, T = longest target + 1. */
    record Targets(NDArray input, NDArray output, NDArray mask) {
        static Targets of(NDManager manager, int[][] targets) {
            int b = targets.length, t = 0;
            for (int[] y : targets) t = Math.max(t, y.length + 1);
            long[] in = new long[b * t], out = new long[b * t];
            float[] mask = new float[b * t];
            for (int i = 0; i < b; i++) {
                int[] y = targets[i];
                in[i * t] = Vocabulary.SOS;
                for (int j = 0; j < y.length; j++) {
                    out[i * t + j] = y[j];
                    in[i * t + j + 1] = y[j];
                }
                out[i * t + y.length] = Vocabulary.EOS;
                for (int j = 0; j <= y.length; j++) mask[i * t + j] = 1;
            }
            Shape s = new Shape(b, t);
            return new Targets(manager.create(in, s), manager.create(out, s), manager.create(mask, s));
        }
    }
}
