package org.noether.group;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A group with finitely many elements, listed in a fixed order so that element indices are stable (the regular
 * representation, Cayley tables and the averaging wrappers all index elements this way). Element 0 is the identity.
 *
 * @param <G> the element type
 */
public interface FiniteGroup<G> extends Group<G> {

    /** All elements, identity first, in a fixed order. */
    List<G> elements();

    default int order() {
        return elements().size();
    }

    /** Position of {@code g} in {@link #elements()}. */
    default int indexOf(G g) {
        Object k = key(g);
        List<G> els = elements();
        for (int i = 0; i < els.size(); i++) if (key(els.get(i)).equals(k)) return i;
        throw new IllegalArgumentException("not an element of " + name() + ": " + format(g));
    }

    @Override
    default G sample(RandomGenerator random) {
        List<G> els = elements();
        return els.get(random.nextInt(els.size()));
    }

    /** Builds an index from keys to positions; finite groups cache one in their implementation. */
    static <G> Map<Object, Integer> indexMap(FiniteGroup<G> group) {
        Map<Object, Integer> m = new HashMap<>();
        List<G> els = group.elements();
        for (int i = 0; i < els.size(); i++) m.put(group.key(els.get(i)), i);
        return m;
    }
}
