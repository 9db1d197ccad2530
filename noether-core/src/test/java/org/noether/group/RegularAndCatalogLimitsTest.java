package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * The inclusive limits of the regular representation (5000 dimensions, checked from the known order and, for a group
 * that does not know its order in advance, from the enumeration), of the catalogue (the regular representation is
 * listed for orders 2 to {@value Catalog#REGULAR_LIMIT}), and frequency 0 of a planar representation (the trivial one).
 */
class RegularAndCatalogLimitsTest {

    /** Z/n under addition, without a known order: the regular representation must count the elements. */
    private static final class Unannounced extends AbstractFiniteGroup<Integer> {
        private final int n;

        Unannounced(int n) {
            this.n = n;
        }

        @Override
        public String name() {
            return "Z" + n;
        }

        @Override
        public Integer identity() {
            return 0;
        }

        @Override
        public Integer compose(Integer a, Integer b) {
            return (a + b) % n;
        }

        @Override
        public Integer inverse(Integer g) {
            return (n - g) % n;
        }

        @Override
        public List<Integer> discreteGenerators() {
            return List.of(1);
        }

        @Override
        protected List<Integer> enumerate() {
            return new ArrayList<>(IntStream.range(0, n).boxed().toList());
        }
    }

    @Test
    void theRegularRepresentationHasAtMost5000Dimensions() {
        assertEquals(5000, Representations.regular(DihedralGroup.cyclic(5000)).dimension());
        var known =
                assertThrows(IllegalArgumentException.class, () -> Representations.regular(DihedralGroup.cyclic(5001)));
        assertTrue(
                known.getMessage().contains("C5001 would have 5001 dimensions; the limit is 5000"), known.getMessage());
        assertTrue(new Unannounced(5000).orderWithoutEnumerating().isEmpty());
        Representation<Integer> z5000 = Representations.regular(new Unannounced(5000));
        assertEquals(5000, z5000.dimension());
        double[] m = z5000.matrix(1); // e_h goes to e_{h+1}
        assertEquals(1, m[1 * 5000 + 0]);
        assertEquals(1, m[0 * 5000 + 4999]);
        var counted =
                assertThrows(IllegalArgumentException.class, () -> Representations.regular(new Unannounced(5001)));
        assertTrue(
                counted.getMessage().contains("Z5001 would have 5001 dimensions; the limit is 5000"),
                counted.getMessage());
    }

    private static boolean listsRegular(FiniteGroup<?> g) {
        return Catalog.of(g).stream().anyMatch(r -> r.name().equals("regular") && r.dimension() == g.order());
    }

    @Test
    void theCatalogueListsTheRegularRepresentationForOrders2ToTheLimit() {
        assertEquals(720, Catalog.REGULAR_LIMIT);
        assertTrue(!listsRegular(TrivialGroup.INSTANCE), "order 1: the regular representation is the trivial one");
        assertEquals(1, Catalog.of(TrivialGroup.INSTANCE).size());
        assertTrue(listsRegular(DihedralGroup.cyclic(2)));
        assertTrue(listsRegular(DihedralGroup.cyclic(720)));
        assertTrue(listsRegular(new SymmetricGroup(6)));
        assertTrue(!listsRegular(DihedralGroup.cyclic(721)));
    }

    @Test
    void frequencyZeroIsTheTrivialRepresentation() {
        for (Group<?> g : List.<Group<?>>of(DihedralGroup.cyclic(5), DihedralGroup.dihedral(4), O2.SO2, O2.O2))
            checkTrivial(g);
        assertThrows(IllegalArgumentException.class, () -> Representations.planar(O2.SO2, -1));
    }

    private static <G> void checkTrivial(Group<G> g) {
        Representation<G> r = Representations.planar(g, 0);
        assertEquals(1, r.dimension(), g.name());
        G x = g.sample(new java.util.SplittableRandom(3));
        assertEquals(1, r.matrix(x)[0], g.name());
    }
}
