package org.noether.action;

import java.util.function.Function;
import org.noether.group.Group;
import org.noether.group.Permutation;

/**
 * A group acting on token sequences (arrays of vocabulary indices) through a permutation of the vocabulary: every
 * token t becomes p_g(t). {@code toPermutation} must be a homomorphism into permutations of the vocabulary. Used for
 * SCAN's word swaps (jump &lt;-&gt; run together with I_JUMP &lt;-&gt; I_RUN).
 *
 * <pre>{@code
 * var swap = new SymmetricGroup(2);  // {e, (1 2)}
 * var act = TokenAction.of(swap, 5, p -> p.size() == 2 && p.image(0) == 1 ? Permutation.cycle(5, 3, 4) : Permutation.identity(5));
 * }</pre>
 */
public final class TokenAction<G> implements Action<G, int[]> {
    private final Group<G> group;
    private final int vocabularySize;
    private final Function<G, Permutation> toPermutation;

    private TokenAction(Group<G> group, int vocabularySize, Function<G, Permutation> toPermutation) {
        this.group = group;
        this.vocabularySize = vocabularySize;
        this.toPermutation = toPermutation;
    }

    public static <G> TokenAction<G> of(Group<G> group, int vocabularySize, Function<G, Permutation> toPermutation) {
        if (vocabularySize < 1) throw new IllegalArgumentException("vocabulary size must be >= 1");
        return new TokenAction<>(group, vocabularySize, toPermutation);
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** The vocabulary permutation of g. */
    public Permutation permutation(G g) {
        Permutation p = toPermutation.apply(g);
        if (p.size() != vocabularySize)
            throw new IllegalArgumentException(
                    "permutation of " + p.size() + " tokens for a vocabulary of " + vocabularySize);
        return p;
    }

    @Override
    public Group<G> group() {
        return group;
    }

    @Override
    public int[] act(G g, int[] tokens) {
        Permutation p = permutation(g);
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int t = tokens[i];
            if (t < 0 || t >= vocabularySize)
                throw new IllegalArgumentException(
                        "token " + t + " at position " + i + " is outside the vocabulary of " + vocabularySize);
            out[i] = p.image(t);
        }
        return out;
    }

    /** Fraction of positions that differ (1 for sequences of different lengths). */
    @Override
    public double distance(int[] a, int[] b) {
        if (a.length != b.length) return 1;
        if (a.length == 0) return 0;
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d / (double) a.length;
    }

    @Override
    public double magnitude(int[] x) {
        return 1;
    }
}
