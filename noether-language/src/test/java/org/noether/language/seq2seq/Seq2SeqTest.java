package org.noether.language.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.noether.language.scan.ScanSplit;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;
import org.noether.nn.util.LiveArrays;

class Seq2SeqTest {

    @ParameterizedTest
    @EnumSource(Cell.class)
    void forwardGivesNormalizedLogProbabilitiesOfTheTargetShape(Cell cell) {
        Seq2Seq net = new Seq2Seq(TestModels.tiny(cell));
        try (Model model = TestModels.untrained(net, 1);
                NDManager m = model.getNDManager().newSubManager()) {
            List<int[]> src = List.of(TestModels.command("jump twice"), TestModels.command("walk left after run"));
            List<int[]> tgt = List.of(new int[] {6, 6}, new int[] {7, 3, 5, 8, 8});
            LabeledBatch b = Seq2SeqBatch.of(m, src, tgt);
            NDArray lp =
                    net.forward(new ParameterStore(m, false), b.data(), false).head();
            assertEquals(new Shape(2, 6, net.config().targetVocabulary()), lp.getShape());
            float[] sums = lp.exp().sum(new int[] {2}).toFloatArray();
            for (float s : sums) assertEquals(1f, s, 1e-5f);
            assertArrayEquals(
                    new float[] {1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1},
                    b.labels().get(1).toFloatArray());
        }
    }

    /** Padding can hold anything: no real position of the output changes, in either encoder direction or attention. */
    @ParameterizedTest
    @EnumSource(Cell.class)
    void paddingIsInvisibleToTheModel(Cell cell) {
        Seq2Seq net = new Seq2Seq(TestModels.tiny(cell));
        try (Model model = TestModels.untrained(net, 2);
                NDManager m = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            int[] shortCmd = TestModels.command("look"),
                    longCmd = TestModels.command("jump around right thrice and walk left twice");
            int[] target = {3, 4, 5};
            // alone, no padding at all
            LabeledBatch alone = Seq2SeqBatch.of(m, List.of(shortCmd), List.of(target));
            float[] ref = net.forward(ps, alone.data(), false).head().toFloatArray();
            // next to a longer command: padded with PAD, then with garbage tokens in the padding
            LabeledBatch padded = Seq2SeqBatch.of(m, List.of(shortCmd, longCmd), List.of(target, target));
            float[] withPad = firstRow(net.forward(ps, padded.data(), false).head());
            SourceBatch s = SourceBatch.from(padded.data(), 0);
            long[] tok = s.tokens().toLongArray(), rev = s.reversed().toLongArray();
            for (int j = shortCmd.length; j < (int) s.length(); j++) {
                tok[j] = 9;
                rev[j] = 12;
            }
            NDList garbage = new SourceBatch(
                            m.create(tok, s.tokens().getShape()),
                            m.create(rev, s.reversed().getShape()),
                            s.reverseIndex(),
                            s.lastIndex(),
                            s.mask(),
                            s.maskBias())
                    .addTo(new NDList());
            garbage.add(padded.data().get(SourceBatch.ARRAYS));
            float[] withGarbage = firstRow(net.forward(ps, garbage, false).head());
            assertArrayEquals(withPad, withGarbage, "padding content leaked into the output");
            assertArrayEquals(ref, withPad, 1e-5f, "a padded row must compute what it computes alone");
        }
    }

    private static float[] firstRow(NDArray lp) {
        return lp.get("0:1").toFloatArray();
    }

    @Test
    void lossIgnoresPaddedTargets() {
        try (NDManager m = org.noether.nn.Engines.pytorch().newBaseManager()) {
            NDArray lp = m.randomNormal(new Shape(2, 3, 9)).logSoftmax(2);
            NDArray mask = m.create(new float[] {1, 1, 0, 1, 1, 1}, new Shape(2, 3));
            NDArray a = m.create(new long[] {3, 2, 0, 4, 5, 2}, new Shape(2, 3));
            NDArray b = m.create(new long[] {3, 2, 7, 4, 5, 2}, new Shape(2, 3));
            Seq2SeqLoss loss = new Seq2SeqLoss();
            assertEquals(
                    loss.evaluate(new NDList(a, mask), new NDList(lp)).getFloat(),
                    loss.evaluate(new NDList(b, mask), new NDList(lp)).getFloat());
        }
    }

    @Test
    void lossFallsOnATinySubsetAndLiveArraysStayFlat() {
        ScanTask tiny = ScanTask.of(ScanSplit.of("simple", 0).train()).subset(24, 3);
        Seq2Seq net = new Seq2Seq(TestModels.tiny(Cell.GRU));
        int steps = 150;
        int[] live = new int[steps];
        try (Model model = TestModels.untrained(net, 3);
                Trainer trainer = Seq2SeqModels.trainer(model, 1e-2f, 5f)) {
            float[] losses = new TrainingLoop(trainer)
                    .run(
                            tiny.sampler(8, 1, Seq2SeqBatch::of),
                            steps,
                            (step, loss) -> live[(int) step] = LiveArrays.countAll());
            float early = mean(losses, 0, 10), late = mean(losses, steps - 10, steps);
            assertTrue(late < 0.3f * early, "loss should fall: early " + early + ", late " + late);
            assertTrue(
                    Math.abs(live[steps - 1] - live[20]) <= 2,
                    "live arrays after step 20: " + live[20] + ", after " + steps + ": " + live[steps - 1]);
            // decoding leaves nothing behind either
            int before = LiveArrays.countAll();
            net.decode(model.getNDManager(), tiny.sources(), 10);
            assertEquals(before, LiveArrays.countAll());
        }
    }

    @Test
    void sameSeedSameModelDifferentSeedDifferentModel() throws Exception {
        ScanTask data = ScanTask.of(ScanSplit.of("simple", 0).train()).subset(40, 4);
        byte[][] saved = new byte[1][];
        float[] a = trainBriefly(data, 11, saved), b = trainBriefly(data, 11, null), c = trainBriefly(data, 12, null);
        assertArrayEquals(a, b, "same seed must give bit-identical parameters");
        assertFalse(Arrays.equals(a, c), "another seed should give other parameters");
        // saved parameters restore the model exactly
        Seq2Seq restored = new Seq2Seq(TestModels.tiny(Cell.LSTM));
        try (Model model =
                Seq2SeqModels.create("restored", restored, Seq2Seq.inputShapes(2, 4, 5), 99, restored, saved[0])) {
            assertArrayEquals(a, parameters(restored));
        }
        // parameters of another shape are refused with a checked error
        Seq2Seq other = new Seq2Seq(TestModels.tiny(Cell.GRU));
        assertThrows(java.io.IOException.class, () -> Seq2SeqModels.create(
                        "other", other, Seq2Seq.inputShapes(2, 4, 5), 99, other, saved[0])
                .close());
    }

    private static float[] trainBriefly(ScanTask data, int seed, byte[][] save) throws Exception {
        Seq2Seq net = new Seq2Seq(TestModels.tiny(Cell.LSTM));
        try (Model model = TestModels.untrained(net, seed);
                Trainer trainer = Seq2SeqModels.trainer(model, 1e-2f, 5f)) {
            new TrainingLoop(trainer).run(data.sampler(8, seed, Seq2SeqBatch::of), 10);
            if (save != null) save[0] = Seq2SeqModels.parameters(net);
            return parameters(net);
        }
    }

    static float[] parameters(ai.djl.nn.Block block) {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (var p : block.getParameters().values()) {
            float[] v = p.getArray().toFloatArray();
            parts.add(v);
            n += v.length;
        }
        float[] all = new float[n];
        int k = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, all, k, v.length);
            k += v.length;
        }
        return all;
    }

    @Test
    void badInputsAreRejectedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Seq2SeqConfig.scan(Cell.GRU, 0, true));
        assertTrue(e.getMessage().contains("hidden"), e.getMessage());
        try (NDManager m = org.noether.nn.Engines.pytorch().newBaseManager()) {
            var empty = assertThrows(
                    IllegalArgumentException.class,
                    () -> Seq2SeqBatch.of(m, List.of(new int[0]), List.of(new int[] {3})));
            assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        }
    }

    private static float mean(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return (float) (s / (to - from));
    }
}
