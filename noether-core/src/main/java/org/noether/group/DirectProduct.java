package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * The direct product G x H with componentwise operations. Its Lie algebra is the direct sum of the factors' (in a
 * block-diagonal defining representation), so the basis solver works on products of Lie groups too.
 */
public class DirectProduct<A, B> implements Group<Pair<A, B>> {
    final Group<A> left;
    final Group<B> right;

    DirectProduct(Group<A> left, Group<B> right) {
        this.left = left;
        this.right = right;
    }

    /** G x H; finite when both factors are. */
    public static <A, B> DirectProduct<A, B> of(Group<A> left, Group<B> right) {
        if (left instanceof FiniteGroup<A> fl && right instanceof FiniteGroup<B> fr) return new Finite<>(fl, fr);
        return new DirectProduct<>(left, right);
    }

    public Group<A> left() {
        return left;
    }

    public Group<B> right() {
        return right;
    }

    @Override
    public String name() {
        String l = left.name(), r = right.name();
        return l + "x" + r;
    }

    @Override
    public Pair<A, B> identity() {
        return new Pair<>(left.identity(), right.identity());
    }

    @Override
    public Pair<A, B> compose(Pair<A, B> a, Pair<A, B> b) {
        return new Pair<>(left.compose(a.first(), b.first()), right.compose(a.second(), b.second()));
    }

    @Override
    public Pair<A, B> inverse(Pair<A, B> g) {
        return new Pair<>(left.inverse(g.first()), right.inverse(g.second()));
    }

    @Override
    public boolean equal(Pair<A, B> a, Pair<A, B> b) {
        return left.equal(a.first(), b.first()) && right.equal(a.second(), b.second());
    }

    @Override
    public Object key(Pair<A, B> g) {
        return List.of(left.key(g.first()), right.key(g.second()));
    }

    @Override
    public List<Pair<A, B>> discreteGenerators() {
        List<Pair<A, B>> gens = new ArrayList<>();
        for (A a : left.discreteGenerators()) gens.add(new Pair<>(a, right.identity()));
        for (B b : right.discreteGenerators()) gens.add(new Pair<>(left.identity(), b));
        return gens;
    }

    @Override
    public int lieAlgebraDimension() {
        return left.lieAlgebraDimension() + right.lieAlgebraDimension();
    }

    @Override
    public int definingDimension() {
        return left.definingDimension() + right.definingDimension();
    }

    @Override
    public double[] lieAlgebraGenerator(int k) {
        int dl = left.definingDimension(), dr = right.definingDimension(), n = dl + dr;
        double[] m = new double[n * n];
        if (k < left.lieAlgebraDimension()) {
            double[] a = left.lieAlgebraGenerator(k);
            for (int i = 0; i < dl; i++) System.arraycopy(a, i * dl, m, i * n, dl);
        } else {
            double[] b = right.lieAlgebraGenerator(k - left.lieAlgebraDimension());
            for (int i = 0; i < dr; i++) System.arraycopy(b, i * dr, m, (dl + i) * n + dl, dr);
        }
        return m;
    }

    @Override
    public Pair<A, B> sample(RandomGenerator random) {
        return new Pair<>(left.sample(random), right.sample(random));
    }

    @Override
    public boolean isCompact() {
        return left.isCompact() && right.isCompact();
    }

    @Override
    public String format(Pair<A, B> g) {
        return "(" + left.format(g.first()) + ", " + right.format(g.second()) + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    /** The direct sum of the factors' defining representations, each acting through its factor. */
    @Override
    public Optional<Representation<Pair<A, B>>> defining() {
        Optional<Representation<A>> l = left.defining();
        Optional<Representation<B>> r = right.defining();
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        return Optional.of(Representations.onFirst(this, l.get()).plus(Representations.onSecond(this, r.get())));
    }

    /**
     * The first non-trivial catalogue representation of each factor (the trivial one if it has none), acting
     * through its factor, and their outer tensor product when it has at most 64 dimensions.
     */
    @Override
    public List<Representation<Pair<A, B>>> catalogRepresentations() {
        List<Representation<Pair<A, B>>> out = new ArrayList<>();
        List<Representation<A>> ls = Catalog.of(left);
        List<Representation<B>> rs = Catalog.of(right);
        Representation<A> l = ls.size() > 1 ? ls.get(1) : ls.get(0);
        Representation<B> r = rs.size() > 1 ? rs.get(1) : rs.get(0);
        out.add(Representations.onFirst(this, l));
        out.add(Representations.onSecond(this, r));
        if (l.dimension() * r.dimension() <= 64) out.add(Representations.outer(this, l, r));
        return out;
    }

    /** Product of two finite groups, elements in lexicographic order of (left index, right index). */
    static final class Finite<A, B> extends DirectProduct<A, B> implements FiniteGroup<Pair<A, B>> {
        private final FiniteGroup<A> finiteLeft;
        private final FiniteGroup<B> finiteRight;
        private List<Pair<A, B>> elements;
        private java.util.Map<Object, Integer> index;

        Finite(FiniteGroup<A> left, FiniteGroup<B> right) {
            super(left, right);
            this.finiteLeft = left;
            this.finiteRight = right;
        }

        /** The product of the factors' orders, when both are known without enumerating. */
        @Override
        public OptionalLong orderWithoutEnumerating() {
            OptionalLong a = left.orderWithoutEnumerating(), b = right.orderWithoutEnumerating();
            return a.isPresent() && b.isPresent()
                    ? OptionalLong.of(a.getAsLong() * b.getAsLong())
                    : OptionalLong.empty();
        }

        @Override
        public synchronized List<Pair<A, B>> elements() {
            if (elements == null) {
                List<Pair<A, B>> out = new ArrayList<>();
                for (A a : finiteLeft.elements()) for (B b : finiteRight.elements()) out.add(new Pair<>(a, b));
                elements = List.copyOf(out);
                index = FiniteGroup.indexMap(this);
            }
            return elements;
        }

        @Override
        public int indexOf(Pair<A, B> g) {
            elements();
            Integer i = index.get(key(g));
            if (i == null) throw new IllegalArgumentException("not an element of " + name() + ": " + format(g));
            return i;
        }

        @Override
        public Pair<A, B> sample(RandomGenerator random) {
            return FiniteGroup.super.sample(random);
        }
    }
}
