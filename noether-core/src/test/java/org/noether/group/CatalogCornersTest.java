package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * Corners of the catalogue and of the group defaults: a direct product with a factor whose catalogue is only the trivial representation, the
 * alternating group on two points, and the index check of a functional representation's Lie-algebra generators, and the
 * default element lookup of a finite group.
 */
class CatalogCornersTest {

    /**
     * A factor whose catalogue holds only the trivial representation contributes that one; the other factor
     * contributes its first non-trivial one (for C2: V, the rotation by pi on the plane), and their outer product is
     * listed too: dimensions 1, 2 and 2 for trivial x C2, and 2, 1 and 2 for C2 x trivial.
     */
    @Test
    void aProductWithTheTrivialGroupUsesItsOnlyRepresentation() {
        DihedralGroup c2 = DihedralGroup.cyclic(2);
        int v = Catalog.of(c2).get(1).dimension();
        assertEquals(2, v);
        assertEquals(1, Catalog.of(TrivialGroup.INSTANCE).size());
        assertEquals(
                List.of(1, v, v),
                dimensions(DirectProduct.of(TrivialGroup.INSTANCE, c2).catalogRepresentations()));
        assertEquals(
                List.of(v, 1, v),
                dimensions(DirectProduct.of(c2, TrivialGroup.INSTANCE).catalogRepresentations()));
    }

    private static List<Integer> dimensions(List<? extends Representation<?>> reps) {
        return reps.stream().map(Representation::dimension).toList();
    }

    /** A_2 lists the permutation representation and (n >= 2) the standard one, of dimension 1. */
    @Test
    void theAlternatingGroupOnTwoPointsListsItsStandardRepresentation() {
        List<Representation<Permutation>> reps = new AlternatingGroup(2).catalogRepresentations();
        assertEquals(2, reps.size());
        assertEquals(2, reps.get(0).dimension());
        assertEquals(1, reps.get(1).dimension());
        assertEquals(1, new AlternatingGroup(1).catalogRepresentations().size());
    }

    /** Asking the Wigner-D representation D2 of SO(3) for generator 3 names the three SO(3) has. */
    @Test
    void lieAlgebraIndicesAreCheckedAgainstTheGroup() {
        Representation<Orthogonal3> d2 = Representations.wignerD(O3.SO3, 2);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> d2.lieAlgebra(3));
        assertTrue(e.getMessage().contains("SO3 has 3 Lie-algebra generators, asked for 3"), e.getMessage());
        assertEquals(25, d2.lieAlgebra(2).length);
    }

    /** Z/3 written out by hand: only the interface's defaults, as a group outside the catalogue would use them. */
    private static final FiniteGroup<Integer> Z3 = new FiniteGroup<>() {
        @Override
        public String name() {
            return "Z3";
        }

        @Override
        public Integer identity() {
            return 0;
        }

        @Override
        public Integer compose(Integer a, Integer b) {
            return (a + b) % 3;
        }

        @Override
        public Integer inverse(Integer g) {
            return (3 - g) % 3;
        }

        @Override
        public boolean equal(Integer a, Integer b) {
            return a.equals(b);
        }

        @Override
        public List<Integer> discreteGenerators() {
            return List.of(1);
        }

        @Override
        public List<Integer> elements() {
            return List.of(0, 1, 2);
        }
    };

    /** The default index lookup finds every element's position and refuses a non-element in one line. */
    @Test
    void theDefaultIndexLookupRefusesNonElements() {
        for (int g = 0; g < 3; g++) assertEquals(g, Z3.indexOf(g));
        var e = assertThrows(IllegalArgumentException.class, () -> Z3.indexOf(5));
        assertEquals("not an element of Z3: 5", e.getMessage());
        assertEquals(3, Z3.order());
    }
}
