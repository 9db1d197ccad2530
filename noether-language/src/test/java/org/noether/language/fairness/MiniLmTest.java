package org.noether.language.fairness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.nn.Engines;
import org.noether.nn.util.LiveArrays;

class MiniLmTest {
    private static MiniLm lm;

    @BeforeAll
    static void load() {
        Engines.pytorch();
        lm = MiniLm.load();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void embeddingsAreUnitLengthAndSemanticallyOrdered() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] e = lm.embed(
                            m,
                            "A doctor treats patients in the hospital.",
                            "This person is a doctor.",
                            "This person is a carpenter.")
                    .toFloatArray();
            int d = MiniLm.DIMENSION;
            double n0 = 0, near = 0, far = 0;
            for (int i = 0; i < d; i++) {
                n0 += e[i] * e[i];
                near += e[i] * e[d + i];
                far += e[i] * e[2 * d + i];
            }
            assertEquals(1.0, n0, 1e-5);
            assertTrue(near > far, "cos(doctor sentence, doctor prompt) = " + near + " <= cos(.., carpenter) = " + far);
        }
    }

    @Test
    void anEmbeddingDoesNotDependOnItsBatchOrPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] alone = lm.embed(m, "He is a nurse.").toFloatArray();
            float[] batched = lm.embed(
                            m,
                            "My grandmother spent forty years repairing old clocks in the village.",
                            "He is a nurse.")
                    .toFloatArray();
            float[] second = java.util.Arrays.copyOfRange(batched, MiniLm.DIMENSION, 2 * MiniLm.DIMENSION);
            assertArrayEquals(alone, second, 0f);
        }
    }

    @Test
    void commonDemographicWordsAreSingleTokens() {
        assertTrue(lm.singleTokenId("woman") > 0);
        assertTrue(lm.singleTokenId("he") > 0);
        assertEquals(101L, lm.tokenize("hi")[0], "[CLS] first");
    }

    @Test
    void embeddingLeavesNoArraysBehind() {
        try (NDManager m = NDManager.newBaseManager()) {
            lm.embed(m, "warm up").close();
            int before = LiveArrays.countAll();
            for (int i = 0; i < 3; i++) {
                try (NDArray e = lm.embed(m, "The man is a teacher.", "The woman is a teacher.")) {
                    e.toFloatArray();
                }
            }
            assertEquals(before, LiveArrays.countAll());
        }
    }
}
