package org.noether.language.fairness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.Permutation;

/** The swap is an honest action of C2 (a vocabulary permutation that is its own inverse); no model needed. */
class DemographicSwapTest {

    /** A toy vocabulary: every word of the pairs gets its own id, other words none. */
    static final Map<String, Long> IDS = new HashMap<>();

    static {
        long next = 5;
        for (List<String> p : DemographicSwap.PAIRS) {
            for (String w : p) {
                IDS.put(w, next++);
            }
        }
    }

    static final int SIZE = 200;

    static long id(String w) {
        return IDS.getOrDefault(w, -1L);
    }

    @Test
    void swapIsAnInvolutionAndTheIdentityActsTrivially() {
        DemographicSwap swap = DemographicSwap.standard(DemographicSwapTest::id, SIZE);
        DihedralElement s = DemographicSwap.GROUP.rotation(1);
        DihedralElement e = DemographicSwap.GROUP.identity();
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            int[] x = r.ints(1 + r.nextInt(20), 0, SIZE).toArray();
            assertArrayEquals(x, swap.action().act(e, x));
            int[] once = swap.action().act(s, x);
            assertArrayEquals(x, swap.action().act(s, once), "swap twice must be the identity (s*s = e)");
            // composition law of the group, checked against the action: act(gh, x) = act(g, act(h, x))
            for (DihedralElement g : DemographicSwap.GROUP.elements()) {
                for (DihedralElement h : DemographicSwap.GROUP.elements()) {
                    assertArrayEquals(
                            swap.action().act(DemographicSwap.GROUP.compose(g, h), x),
                            swap.action().act(g, swap.action().act(h, x)));
                }
            }
        }
        Permutation p = swap.permutation();
        assertEquals(Permutation.identity(SIZE).images().length, p.images().length);
        assertArrayEquals(
                Permutation.identity(SIZE).images(), Permutation.compose(p, p).images());
        assertNotEquals(id("he"), (long) p.image((int) id("he")));
        assertEquals(id("she"), (long) p.image((int) id("he")));
        assertEquals(4, p.image(4), "words outside the pairs are fixed");
    }

    @Test
    void aWordWithTwoPartnersIsRejected() {
        Map<String, Long> ids = Map.of("him", 1L, "her", 2L, "his", 3L);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DemographicSwap.of(
                        List.of(List.of("his", "her"), List.of("him", "her")), w -> ids.getOrDefault(w, -1L), 10));
        assertTrue(e.getMessage().contains("'her' is in two swap pairs"), e.getMessage());
    }

    @Test
    void aWordThatIsNotOneTokenIsRejected() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DemographicSwap.of(List.of(List.of("he", "zyx")), DemographicSwapTest::id, SIZE));
        assertTrue(e.getMessage().contains("'zyx' is not a single token"), e.getMessage());
    }

    @Test
    void wordSwapOnTextMatchesThePairs() {
        DemographicSwap swap = DemographicSwap.standard(DemographicSwapTest::id, SIZE);
        assertEquals("my mother says she likes her job.", swap.swapWords("my father says he likes his job."));
        assertEquals("the girl's mother", swap.swapWords("the boy's father"));
    }
}
