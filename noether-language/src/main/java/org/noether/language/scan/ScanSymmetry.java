package org.noether.language.scan;

import java.util.List;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Permutation;

/**
 * The vocabulary symmetries used for SCAN: a group of order 2 whose generator swaps two command words and the two
 * corresponding actions at once. {@link #addJump} swaps jump &lt;-&gt; run with I_JUMP &lt;-&gt; I_RUN; {@link #aroundRight}
 * swaps left &lt;-&gt; right with I_TURN_LEFT &lt;-&gt; I_TURN_RIGHT. SCAN's interpretation commutes with these swaps, which
 * the tests check on the whole data set.
 */
public record ScanSymmetry(
        String name,
        DihedralGroup group,
        Vocabulary commands,
        Vocabulary actions,
        TokenAction<DihedralElement> onCommands,
        TokenAction<DihedralElement> onActions) {

    public static ScanSymmetry addJump() {
        return swap("jump<->run", "jump", "run", "I_JUMP", "I_RUN");
    }

    public static ScanSymmetry aroundRight() {
        return swap("left<->right", "left", "right", "I_TURN_LEFT", "I_TURN_RIGHT");
    }

    /** The group {e, s} where s swaps words a, b and actions x, y. */
    public static ScanSymmetry swap(String name, String a, String b, String x, String y) {
        DihedralGroup c2 = DihedralGroup.cyclic(2);
        Vocabulary in = Vocabulary.commands(), out = Vocabulary.actions();
        Permutation pin = transposition(in.size(), in.indexOf(a), in.indexOf(b));
        Permutation pout = transposition(out.size(), out.indexOf(x), out.indexOf(y));
        TokenAction<DihedralElement> ain =
                TokenAction.of(c2, in.size(), g -> g.rotation() == 0 ? Permutation.identity(in.size()) : pin);
        TokenAction<DihedralElement> aout =
                TokenAction.of(c2, out.size(), g -> g.rotation() == 0 ? Permutation.identity(out.size()) : pout);
        return new ScanSymmetry(name, c2, in, out, ain, aout);
    }

    private static Permutation transposition(int n, int i, int j) {
        return Permutation.cycle(n, i, j);
    }

    /** Applies g to an example's words and actions. */
    public ScanExample act(DihedralElement g, ScanExample e) {
        int[] c = onCommands.act(g, commands.encode(e.command()));
        int[] a = onActions.act(g, actions.encode(e.actions()));
        return new ScanExample(commands.decode(c), actions.decode(a));
    }

    public List<DihedralElement> elements() {
        return group.elements();
    }
}
