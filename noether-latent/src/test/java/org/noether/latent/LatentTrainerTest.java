package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.data.ImageDataset;
import org.noether.group.DihedralElement;
import org.noether.group.O2Element;
import org.noether.nn.util.LiveArrays;

class LatentTrainerTest {
    static final ImageDataset DATA = SyntheticDigits.create(64, 16, 21);
    static final RotationPairs BLOCKED = new RotationPairs("blocked", DATA, 14, 5);
    static final LatentAutoencoder.Config TINY =
            new LatentAutoencoder.Config(6, 4, 2, false, true, true, LatentAutoencoder.Kind.LATENT_ACTION);

    /** The regular representation of C4 acts on the latent and skip channels, so both are multiples of 4. */
    static final LatentAutoencoder.Config CONTRAST =
            new LatentAutoencoder.Config(8, 4, 2, false, true, true, LatentAutoencoder.Kind.LATENT_ACTION);

    static LatentTrainer.Settings settings(int steps) {
        return new LatentTrainer.Settings(steps, 8, 5e-3f, 0);
    }

    static float mean(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return (float) (s / (to - from));
    }

    @Test
    void tinyModelLearnsAndLiveArraysStayFlat() {
        int steps = 60;
        int[] model = new int[steps], all = new int[steps];
        try (LatentTrainer<O2Element> run = LatentTrainer.create(BLOCKED, TINY, settings(steps), 1)) {
            float[] losses = run.train((step, loss) -> {
                model[(int) step] = LiveArrays.count(run.model().getNDManager());
                all[(int) step] = LiveArrays.countAll();
            });
            float early = mean(losses, 0, 10), late = mean(losses, steps - 10, steps);
            assertTrue(late < 0.75f * early, "loss should drop: first 10 steps " + early + ", last 10 " + late);
            assertTrue(model[10] > 0);
            assertEquals(model[10], model[steps - 1], "arrays of the model after step 10 and at the end");
            assertEquals(all[10], all[steps - 1], "arrays of the whole engine after step 10 and at the end");
        }
    }

    @Test
    void conditionalBaselineAndContrastTaskTrainToo() {
        var contrast = new ContrastPairs("contrast", DATA, 14, 4);
        var conditional = TINY.withKind(LatentAutoencoder.Kind.CONDITIONAL).withAttention(false);
        try (LatentTrainer<DihedralElement> a = LatentTrainer.create(contrast, CONTRAST, settings(30), 2);
                LatentTrainer<O2Element> b = LatentTrainer.create(BLOCKED, conditional, settings(30), 2)) {
            for (float[] losses : List.of(a.train(null), b.train(null)))
                assertTrue(mean(losses, 20, 30) < mean(losses, 0, 10), Arrays.toString(losses));
        }
    }

    @Test
    void sameSeedGivesIdenticalParameters() {
        float[] a = trained(5), b = trained(5), c = trained(6);
        assertArrayEquals(a, b, "same seed, same parameters");
        assertFalse(Arrays.equals(a, c), "another seed, other parameters");
    }

    private static float[] trained(long seed) {
        try (LatentTrainer<O2Element> run =
                LatentTrainer.create(BLOCKED, TINY.withDownsample(true), settings(5), seed)) {
            run.train(null);
            return run.parameters();
        }
    }

    @Test
    void checkpointRoundTripPredictsTheSameAndSwapDecodes(@TempDir Path dir) throws Exception {
        List<Pair<O2Element>> pairs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5; i++) pairs.add(BLOCKED.sample(true, random));
        var config = TINY.withSkip(false);
        float[][] before;
        Path file = dir.resolve("m.params");
        try (LatentTrainer<O2Element> run = LatentTrainer.create(BLOCKED, config, settings(5), 4)) {
            run.train(null);
            before = run.predict(pairs);
            run.save(file);
        }
        assertTrue(Files.size(file) > 0);
        try (LatentTrainer<O2Element> loaded = LatentTrainer.load(BLOCKED, config, settings(5), file)) {
            float[][] after = loaded.predict(pairs);
            for (int i = 0; i < pairs.size(); i++) assertArrayEquals(before[i], after[i]);
            float[][] swapped = loaded.swap(
                    List.of(pairs.get(0).source(), pairs.get(1).source()),
                    List.of(pairs.get(2).source(), pairs.get(3).source()));
            assertEquals(2, swapped.length);
            assertEquals(14 * 14, swapped[0].length);
            for (float v : swapped[0]) assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void identityElementLeavesTheLatentAloneWithOrWithoutAttention() {
        // With g = e the transformed and untransformed latents agree, so the gate's choice cannot matter: the
        // prediction is the same plain reconstruction whatever the gate weights are.
        try (LatentTrainer<O2Element> run = LatentTrainer.create(BLOCKED, TINY, settings(1), 8)) {
            Pair<O2Element> p = BLOCKED.sample(true, new SplittableRandom(1));
            Pair<O2Element> still = new Pair<>(p.source(), p.source(), new O2Element(0, false), p.item(), p.factors());
            float[] withGate = run.predict(List.of(still))[0];
            float[] byQuarterTurns = run.predict(List.of(
                    new Pair<>(p.source(), p.source(), new O2Element(2 * Math.PI, false), p.item(), p.factors())))[0];
            assertArrayEquals(withGate, byQuarterTurns);
        }
    }
}
