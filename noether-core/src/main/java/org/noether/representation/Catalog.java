package org.noether.representation;

import java.util.ArrayList;
import java.util.List;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;

/**
 * The representations Noether lists for each group of its catalog (as shown by {@code noether group NAME} and used
 * by the property tests): trivial, sign, defining, permutation, standard, regular (finite groups up to order 720)
 * and low-frequency / low-degree irreducibles.
 */
public final class Catalog {
    private Catalog() {}

    /** Largest group order for which the catalog includes the regular representation. */
    public static final int REGULAR_LIMIT = 720;

    /**
     * Trivial first, then what the group lists ({@link Group#catalogRepresentations()}), then the regular
     * representation for finite groups of order 2 to {@link #REGULAR_LIMIT}.
     */
    public static <G> List<Representation<G>> of(Group<G> group) {
        List<Representation<G>> out = new ArrayList<>();
        out.add(Representations.trivial(group));
        out.addAll(group.catalogRepresentations());
        if (group instanceof FiniteGroup<G> f && f.order() <= REGULAR_LIMIT && f.order() > 1)
            out.add(Representations.regular(f));
        return out;
    }
}
