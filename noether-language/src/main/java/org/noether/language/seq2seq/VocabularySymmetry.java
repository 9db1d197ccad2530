package org.noether.language.seq2seq;

import java.util.List;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.FiniteGroup;
import org.noether.group.Permutation;
import org.noether.language.scan.ScanSymmetry;
import org.noether.language.scan.Vocabulary;

/**
 * A finite group acting on a sequence-to-sequence task by permuting the input vocabulary and, in step, the output
 * vocabulary: g maps a command x to g.x token by token, and an output distribution p to (g.p)(a) = p(g^-1 a). This
 * is all the symmetrization wrappers need to know about the task, so the same wrappers serve any such symmetry (the
 * sequence analogue of an image action in the generic wrappers). The special tokens PAD, SOS and EOS must be fixed by
 * every element, so that padding, the start token and the end of a sequence mean the same thing in every frame.
 *
 * <pre>{@code
 * VocabularySymmetry<DihedralElement> s = VocabularySymmetry.of(ScanSymmetry.addJump());
 * int[] moved = s.actOnInput(1, commandIds);   // element 1: jump <-> run
 * }</pre>
 *
 * @param <G> the group's element type
 */
public final class VocabularySymmetry<G> {
    private final String name;
    private final FiniteGroup<G> group;
    private final TokenAction<G> onInputs;
    private final TokenAction<G> onOutputs;
    private final List<G> elements;
    private final int[][] input;
    private final int[][] output;
    private final int[][] outputInverse;

    private VocabularySymmetry(String name, FiniteGroup<G> group, TokenAction<G> onInputs, TokenAction<G> onOutputs) {
        this.name = name;
        this.group = group;
        this.onInputs = onInputs;
        this.onOutputs = onOutputs;
        this.elements = List.copyOf(group.elements());
        int n = elements.size();
        input = new int[n][];
        output = new int[n][];
        outputInverse = new int[n][];
        for (int i = 0; i < n; i++) {
            G g = elements.get(i);
            Permutation pin = onInputs.permutation(g), pout = onOutputs.permutation(g);
            for (int special : new int[] {Vocabulary.PAD, Vocabulary.SOS, Vocabulary.EOS}) {
                if (special < pin.size() && pin.image(special) != special
                        || special < pout.size() && pout.image(special) != special)
                    throw new IllegalArgumentException("symmetry '" + name + "': element " + group.format(g)
                            + " moves special token " + special + " (PAD=0, SOS=1, EOS=2 must be fixed)");
            }
            input[i] = pin.images();
            output[i] = pout.images();
            outputInverse[i] = pout.inverse().images();
        }
    }

    /** The symmetry acting on inputs and outputs through the given token actions of {@code group}. */
    public static <G> VocabularySymmetry<G> of(
            String name, FiniteGroup<G> group, TokenAction<G> onInputs, TokenAction<G> onOutputs) {
        return new VocabularySymmetry<>(name, group, onInputs, onOutputs);
    }

    /** SCAN's word swaps (jump/run with I_JUMP/I_RUN, or left/right with the two turns). */
    public static VocabularySymmetry<DihedralElement> of(ScanSymmetry s) {
        return of(s.name(), s.group(), s.onCommands(), s.onActions());
    }

    /** The group with only its identity, acting trivially: symmetrizing over it changes nothing. */
    public static VocabularySymmetry<DihedralElement> trivial(int inputVocabulary, int outputVocabulary) {
        var c1 = org.noether.group.DihedralGroup.cyclic(1);
        return of(
                "trivial",
                c1,
                TokenAction.of(c1, inputVocabulary, g -> Permutation.identity(inputVocabulary)),
                TokenAction.of(c1, outputVocabulary, g -> Permutation.identity(outputVocabulary)));
    }

    public String name() {
        return name;
    }

    public FiniteGroup<G> group() {
        return group;
    }

    public TokenAction<G> onInputs() {
        return onInputs;
    }

    public TokenAction<G> onOutputs() {
        return onOutputs;
    }

    /** |G|. */
    public int order() {
        return elements.size();
    }

    /** The elements, identity first, in the group's order; element indices below refer to this list. */
    public List<G> elements() {
        return elements;
    }

    public int inputVocabulary() {
        return input[0].length;
    }

    public int outputVocabulary() {
        return output[0].length;
    }

    /** g.x for the element with index {@code g}. */
    public int[] actOnInput(int g, int[] tokens) {
        return apply(input[g], tokens);
    }

    /** g.y for the element with index {@code g}. */
    public int[] actOnOutput(int g, int[] tokens) {
        return apply(output[g], tokens);
    }

    /** g^-1.y for the element with index {@code g}. */
    public int[] actOnOutputInverse(int g, int[] tokens) {
        return apply(outputInverse[g], tokens);
    }

    /** Image of output token {@code a} under element {@code g}. */
    int outputImage(int g, int a) {
        return output[g][a];
    }

    private static int[] apply(int[] p, int[] tokens) {
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int t = tokens[i];
            if (t < 0 || t >= p.length)
                throw new IllegalArgumentException(
                        "token " + t + " at position " + i + " is outside the vocabulary of " + p.length);
            out[i] = p[t];
        }
        return out;
    }
}
