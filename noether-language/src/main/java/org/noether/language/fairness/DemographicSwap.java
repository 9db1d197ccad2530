package org.noether.language.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Permutation;

/**
 * The demographic swap: the group of order 2 whose non-identity element exchanges each word of a list of
 * male/female word pairs with its partner (he/she, his/her, man/woman, father/mother, ...), acting on WordPiece
 * token ids through the core's {@link TokenAction}. The pairs are disjoint and every word is one token, so the
 * swap is a permutation of the vocabulary that is its own inverse: an honest action of C2 ({@code
 * DihedralGroup.cyclic(2)}), checked by the constructor and by tests. "him" is left out on purpose: its partner
 * would be "her", which already pairs with "his", and a word with two partners is not a permutation.
 *
 * <pre>{@code
 * DemographicSwap swap = DemographicSwap.standard(lm::singleTokenId, MiniLm.VOCABULARY);
 * int[] swapped = swap.action().act(DemographicSwap.GROUP.rotation(1), tokens);   // "he is a nurse" -> "she is a nurse"
 * }</pre>
 */
public final class DemographicSwap {

    /** C2: {@code rotation(1)} is the swap. */
    public static final DihedralGroup GROUP = DihedralGroup.cyclic(2);

    /** The word pairs, male first (listed in the docs). */
    public static final List<List<String>> PAIRS = List.of(
            List.of("he", "she"),
            List.of("his", "her"),
            List.of("man", "woman"),
            List.of("men", "women"),
            List.of("boy", "girl"),
            List.of("boys", "girls"),
            List.of("father", "mother"),
            List.of("son", "daughter"),
            List.of("brother", "sister"),
            List.of("husband", "wife"),
            List.of("uncle", "aunt"),
            List.of("grandfather", "grandmother"),
            List.of("nephew", "niece"),
            List.of("king", "queen"),
            List.of("gentleman", "lady"),
            List.of("male", "female"),
            List.of("mr", "mrs"),
            List.of("boyfriend", "girlfriend"),
            List.of("dad", "mom"),
            List.of("himself", "herself"));

    /** Maps a word to its single token id, or a negative number when it is not one token. */
    @FunctionalInterface
    public interface Vocabulary {
        long singleTokenId(String word);
    }

    private final Permutation swap;
    private final TokenAction<DihedralElement> action;
    private final Map<String, String> words;

    private DemographicSwap(List<List<String>> pairs, Vocabulary vocabulary, int vocabularySize) {
        int[] images = new int[vocabularySize];
        for (int t = 0; t < vocabularySize; t++) {
            images[t] = t;
        }
        Set<Long> used = new HashSet<>();
        Map<String, String> w = new HashMap<>();
        for (List<String> pair : pairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a swap pair has two words, got " + pair);
            }
            long a = vocabulary.singleTokenId(pair.get(0));
            long b = vocabulary.singleTokenId(pair.get(1));
            for (int i = 0; i < 2; i++) {
                long id = i == 0 ? a : b;
                if (id < 0 || id >= vocabularySize) {
                    throw new IllegalArgumentException("'" + pair.get(i) + "' is not a single token of the "
                            + "vocabulary; swap pairs need one-token words");
                }
                if (!used.add(id)) {
                    throw new IllegalArgumentException("'" + pair.get(i) + "' is in two swap pairs; each word may "
                            + "have one partner, or the swap is not a permutation");
                }
            }
            images[(int) a] = (int) b;
            images[(int) b] = (int) a;
            w.put(pair.get(0), pair.get(1));
            w.put(pair.get(1), pair.get(0));
        }
        this.swap = new Permutation(images);
        this.words = Map.copyOf(w);
        Permutation id = Permutation.identity(vocabularySize);
        this.action = TokenAction.of(GROUP, vocabularySize, g -> GROUP.equal(g, GROUP.identity()) ? id : swap);
    }

    /** The swap of {@link #PAIRS} on a vocabulary. */
    public static DemographicSwap standard(Vocabulary vocabulary, int vocabularySize) {
        return new DemographicSwap(PAIRS, vocabulary, vocabularySize);
    }

    /** The swap of any disjoint one-token word pairs. */
    public static DemographicSwap of(List<List<String>> pairs, Vocabulary vocabulary, int vocabularySize) {
        return new DemographicSwap(pairs, vocabulary, vocabularySize);
    }

    /** C2 acting on token ids. */
    public TokenAction<DihedralElement> action() {
        return action;
    }

    /** The vocabulary permutation of the swap. */
    public Permutation permutation() {
        return swap;
    }

    /** The same swap on lower-case words separated by spaces (for showing sentences; punctuation kept). */
    public String swapWords(String sentence) {
        String[] parts = sentence.split("((?<=[^a-z])|(?=[^a-z]))");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(words.getOrDefault(p, p));
        }
        return sb.toString();
    }

    /** The words of the pairs, male first, for display. */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        for (List<String> p : PAIRS) {
            out.add(p.get(0) + "/" + p.get(1));
        }
        return out;
    }
}
