package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;

/**
 * What a symmetrization wrapper averages over: a list of group elements (all of a finite group, identity first, or
 * a finite sample of a compact group), how they act on the model's inputs, and how they act on its outputs (the
 * trivial action for invariant models). It also does the two batched moves every wrapper shares: building the orbit
 * of a batch as one batch, and pulling outputs back with g^-1.
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * Symmetry<DihedralElement> inv = Symmetry.invariant(c4, NDActions.image(c4));                        // class logits
 * Symmetry<DihedralElement> eq = Symmetry.equivariant(c4, NDActions.image(c4), NDActions.image(c4)); // image to image
 * }</pre>
 *
 * <p>Wrappers over all elements of a finite group with exact actions are exactly invariant or equivariant (up to
 * float32 rounding); over a sample of a compact group they are only approximately so, which {@link #isExact()} says.
 *
 * @param <G> the group element type
 */
public final class Symmetry<G> {

    private final Group<G> group;
    private final List<G> elements;
    private final List<G> inverses;
    private final NDAction<G> input;
    private final NDAction<G> output;
    private final boolean wholeGroup;

    private Symmetry(Group<G> group, List<G> elements, NDAction<G> input, NDAction<G> output, boolean wholeGroup) {
        this.group = Objects.requireNonNull(group, "group");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.elements = List.copyOf(elements);
        List<G> inv = new ArrayList<>(elements.size());
        for (G g : this.elements) {
            inv.add(group.inverse(g));
        }
        this.inverses = List.copyOf(inv);
        this.wholeGroup = wholeGroup;
        if (!group.equal(this.elements.get(0), group.identity())) {
            throw new IllegalArgumentException(
                    "the first element must be the identity, got " + group.format(elements.get(0)));
        }
    }

    /** An invariant symmetry over all of {@code group}: outputs are left alone (class scores, energies). */
    public static <G> Symmetry<G> invariant(FiniteGroup<G> group, NDAction<G> input) {
        return new Symmetry<>(group, group.elements(), input, NDActions.trivial(), true);
    }

    /** An equivariant symmetry over all of {@code group}: {@code f(g . x) = g . f(x)} with the given actions. */
    public static <G> Symmetry<G> equivariant(FiniteGroup<G> group, NDAction<G> input, NDAction<G> output) {
        return new Symmetry<>(group, group.elements(), input, output, true);
    }

    /**
     * An approximate symmetry over a finite sample of a compact group: the identity followed by {@code count - 1}
     * Haar-random elements drawn from {@code random}. Wrappers over it are equivariant only approximately (their
     * error shrinks as the sample grows), which {@link #isExact()} reports.
     */
    public static <G> Symmetry<G> sampled(
            Group<G> group, int count, RandomGenerator random, NDAction<G> input, NDAction<G> output) {
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least 1 element, got " + count);
        }
        if (!group.isCompact()) {
            throw new IllegalArgumentException(group.name() + " is not compact: averaging over a sample of it does "
                    + "not approximate a group average");
        }
        List<G> els = new ArrayList<>(count);
        els.add(group.identity());
        for (int i = 1; i < count; i++) {
            els.add(group.sample(random));
        }
        return new Symmetry<>(group, els, input, output, false);
    }

    public Group<G> group() {
        return group;
    }

    /** The elements averaged over, identity first. */
    public List<G> elements() {
        return elements;
    }

    /** Number of elements, K: wrapped models see batches of K x B inputs. */
    public int size() {
        return elements.size();
    }

    public NDAction<G> input() {
        return input;
    }

    public NDAction<G> output() {
        return output;
    }

    /** Whether outputs are invariant (trivial output action). */
    public boolean isInvariant() {
        return output.isTrivial();
    }

    /** True when the elements are a whole finite group and both actions are exact. */
    public boolean isExact() {
        return wholeGroup && input.isExact() && output.isExact();
    }

    /**
     * The orbit of a batch {@code [B, ...]} as one batch {@code [K * B, ...]}, element-major: rows {@code k B .. (k+1)
     * B - 1} hold {@code g_k . x}.
     */
    public NDArray orbit(NDArray batch) {
        NDList parts = new NDList(elements.size());
        for (G g : elements) {
            parts.add(input.act(g, batch));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        NDArray out = NDArrays.concat(parts, 0);
        closeAllBut(parts, batch);
        return out;
    }

    /**
     * Pulls outputs of the orbit back: {@code outputs} is {@code [K * B, ...]} in the order of {@link #orbit}; the
     * result is {@code [K, B, ...]} with {@code g_k^-1} applied to block k.
     */
    public NDArray pullBack(NDArray outputs) {
        int k = elements.size();
        Shape s = outputs.getShape();
        if (s.get(0) % k != 0) {
            throw new IllegalArgumentException("outputs of " + s.get(0) + " rows are not " + k + " equal blocks");
        }
        long b = s.get(0) / k;
        Shape split = new Shape(k, b).addAll(s.slice(1));
        if (output.isTrivial()) {
            return outputs.reshape(split);
        }
        if (k == 1) {
            return output.act(inverses.get(0), outputs).reshape(split);
        }
        NDList blocks = outputs.split(k, 0);
        NDList back = new NDList(k);
        for (int i = 0; i < k; i++) {
            back.add(output.act(inverses.get(i), blocks.get(i)));
        }
        NDArray stacked = NDArrays.stack(back, 0);
        closeAllBut(back, null);
        blocks.close();
        return stacked;
    }

    /** g_k^-1 for the k-th element. */
    G inverse(int k) {
        return inverses.get(k);
    }

    private static void closeAllBut(NDList list, NDArray keep) {
        for (NDArray a : list) {
            if (a != keep) {
                a.close();
            }
        }
    }
}
