package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code equal} tells distinct elements apart in every group of the catalogue (a group whose equal is always true would make every equivariance check vacuous). */
class ElementEqualityTest {

    @Test
    void distinctElementsAreNotEqualAndEqualOnesAre() {
        for (Group<?> g : TestGroups.all()) check(g);
        check(GroupSpec.parse("O3xC2"));
        check(GroupSpec.parse("E3xSO2"));
    }

    private static <G> void check(Group<G> group) {
        SplittableRandom random = new SplittableRandom(11);
        G e = group.identity();
        assertTrue(group.equal(e, e), group.name());
        G g = other(group, random);
        if (g == null) return; // the trivial group
        String what = group.name() + ": " + group.format(g);
        assertFalse(group.equal(e, g), what + " equals the identity");
        assertFalse(group.equal(g, e), what + " equals the identity");
        assertTrue(group.equal(g, group.compose(g, e)), what);
        assertTrue(group.equal(group.compose(group.inverse(g), g), e), what);
        G h = other(group, random);
        if (!group.key(g).equals(group.key(h))) assertFalse(group.equal(g, h), what + " vs " + group.format(h));
    }

    /** A non-identity element: the second listed one for finite groups, a random one otherwise. */
    private static <G> G other(Group<G> group, SplittableRandom random) {
        if (group instanceof FiniteGroup<G> f) {
            if (f.order() < 2) return null;
            return f.elements().get(1 + random.nextInt(f.order() - 1));
        }
        return group.sample(random);
    }
}
