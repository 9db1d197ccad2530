package org.noether.group;

import java.util.List;
import java.util.Map;

/** Caches the element list and an index by key, so {@link #indexOf} is a hash lookup. */
abstract class AbstractFiniteGroup<G> implements FiniteGroup<G> {
    private List<G> elements;
    private Map<Object, Integer> index;

    /** Enumerates the elements once, identity first. */
    protected abstract List<G> enumerate();

    @Override
    public final synchronized List<G> elements() {
        if (elements == null) {
            elements = List.copyOf(enumerate());
            index = FiniteGroup.indexMap(this);
            if (index.size() != elements.size()) throw new IllegalStateException(name() + ": duplicate elements");
        }
        return elements;
    }

    @Override
    public int indexOf(G g) {
        elements();
        Integer i = index.get(key(g));
        if (i == null) throw new IllegalArgumentException("not an element of " + name() + ": " + format(g));
        return i;
    }

    @Override
    public boolean equal(G a, G b) {
        return key(a).equals(key(b));
    }

    @Override
    public String toString() {
        return name();
    }
}
