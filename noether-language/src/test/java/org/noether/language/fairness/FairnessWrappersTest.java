package org.noether.language.fairness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.nn.Engines;
import org.noether.nn.util.LiveArrays;

/**
 * The symmetrized MiniLM encoders give bitwise identical embeddings to a sentence and its demographic swap (tolerance
 * 0: the orbit of a pair is the same two sentences, the encoder is a function of a sentence and averaging two terms
 * commutes exactly), and the plain encoder does not: the test fails when a wrapper is replaced by the plain model.
 */
class FairnessWrappersTest {
    private static MiniLm lm;
    private static DemographicSwap swap;
    private static ZeroShot head;
    private static Map<String, Block> models;

    @BeforeAll
    static void load() {
        Engines.pytorch();
        lm = MiniLm.load();
        swap = DemographicSwap.standard(lm::singleTokenId, MiniLm.VOCABULARY);
        head = ZeroShot.of(lm, OccupationTemplates.prompts(), FairnessMiniLmExperiment.SCALE);
        models = FairnessMiniLmExperiment.models(lm, swap, head);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    static long[][][] randomPairs(long seed, int n) {
        List<OccupationTemplates.Sentence> s = OccupationTemplates.sample(n, new SplittableRandom(seed));
        DihedralElement g = DemographicSwap.GROUP.rotation(1);
        long[][] male = new long[n][];
        long[][] female = new long[n][];
        for (int i = 0; i < n; i++) {
            male[i] = lm.tokenize(s.get(i).text());
            female[i] = FairnessMiniLmExperiment.toLong(swap.action().act(g, FairnessMiniLmExperiment.toInt(male[i])));
        }
        return new long[][][] {male, female};
    }

    @Test
    void everyWrapperIsExactlyInvariantUnderTheSwap() {
        long[][][] pairs = randomPairs(20261204L, 12);
        for (String m : List.of("equitune", "equizero", "lambda-equitune")) {
            float[] a = FairnessMiniLmExperiment.embed(models.get(m), pairs[0]);
            float[] b = FairnessMiniLmExperiment.embed(models.get(m), pairs[1]);
            assertArrayEquals(a, b, 0f, m + " must give a sentence and its swap the same embedding");
        }
    }

    @Test
    void thePlainEncoderIsNotInvariant() {
        long[][][] pairs = randomPairs(20261204L, 12);
        float[] a = FairnessMiniLmExperiment.embed(models.get("plain"), pairs[0]);
        float[] b = FairnessMiniLmExperiment.embed(models.get("plain"), pairs[1]);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst > 1e-3, "plain MiniLM should see the demographic words; largest difference " + worst);
    }

    @Test
    void equitunesEmbeddingIsTheMeanOverTheOrbit() {
        long[][][] pairs = randomPairs(99L, 4);
        float[] plainA = FairnessMiniLmExperiment.embed(models.get("plain"), pairs[0]);
        float[] plainB = FairnessMiniLmExperiment.embed(models.get("plain"), pairs[1]);
        float[] eq = FairnessMiniLmExperiment.embed(models.get("equitune"), pairs[0]);
        for (int i = 0; i < eq.length; i++) {
            assertEquals((plainA[i] + plainB[i]) / 2, eq[i], 1e-6f);
        }
        float[] ez = FairnessMiniLmExperiment.embed(models.get("equizero"), pairs[0]);
        for (int p = 0; p < 4; p++) {
            int off = p * MiniLm.DIMENSION;
            float[] chosen = Arrays.copyOfRange(ez, off, off + MiniLm.DIMENSION);
            boolean isA = head.entropy(plainA, off) <= head.entropy(plainB, off);
            float[] expected = Arrays.copyOfRange(isA ? plainA : plainB, off, off + MiniLm.DIMENSION);
            assertArrayEquals(expected, chosen, 1e-6f, "equizero keeps the lower-entropy member of the orbit");
        }
    }

    @Test
    void symmetrizedInferenceLeavesNoArraysBehind() {
        long[][][] pairs = randomPairs(5L, 3);
        for (Block b : models.values()) {
            FairnessMiniLmExperiment.embed(b, pairs[0]);
        }
        int before = LiveArrays.countAll();
        for (Block b : models.values()) {
            FairnessMiniLmExperiment.embed(b, pairs[0]);
        }
        assertEquals(before, LiveArrays.countAll());
    }

    @Test
    void measuredGapIsZeroForEveryWrapper() {
        long[][][] pairs = randomPairs(31L, 10);
        int[] labels = new int[10];
        for (String m : List.of("equitune", "equizero", "lambda-equitune")) {
            var r = FairnessMiniLmExperiment.measure(
                    head,
                    FairnessMiniLmExperiment.embed(models.get(m), pairs[0]),
                    FairnessMiniLmExperiment.embed(models.get(m), pairs[1]),
                    labels);
            assertEquals(0.0, Arrays.stream(r.tv()).max().orElseThrow(), 0.0, m);
            assertEquals(0.0, FairnessMiniLmExperiment.parityGap(r.maleLabel(), r.femaleLabel(), 10), 0.0, m);
        }
    }
}
