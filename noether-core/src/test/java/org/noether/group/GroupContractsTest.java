package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * Small contracts of groups that larger tests pass through without pinning: the trivial group has exactly one
 * element, finiteness is reported, a generated subgroup names itself and the element it was given when that element
 * is not in it, conjugacy classes come as ascending index lists ordered by their smallest index, and sums and tensor
 * products refuse representations of different groups while accepting two instances of the same group.
 */
class GroupContractsTest {

    @Test
    void theTrivialGroupHasExactlyItsIdentity() {
        TrivialGroup t = TrivialGroup.INSTANCE;
        assertEquals(List.of(TrivialGroup.Element.E), t.elements());
        assertEquals(1, t.order());
        assertEquals(0, t.indexOf(t.identity()));
        assertTrue(t.isFinite());
    }

    @Test
    void finitenessIsReported() {
        for (Group<?> g : List.of(
                DihedralGroup.cyclic(3), DihedralGroup.dihedral(4), new SymmetricGroup(3), new AlternatingGroup(4)))
            assertTrue(g.isFinite(), g.name());
        for (Group<?> g : List.<Group<?>>of(O3.SO3, O3.O3, O2.SO2, O2.O2)) assertFalse(g.isFinite(), g.name());
    }

    @Test
    void aGeneratedSubgroupNamesItselfAndTheElementItWasGiven() {
        Orthogonal3 quarter = Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2);
        GeneratedGroup<Orthogonal3> c4 = GeneratedGroup.of("C4 in SO3", O3.SO3, List.of(quarter), 100);
        assertEquals("C4 in SO3", c4.name());
        assertSame(O3.SO3, c4.ambient());
        assertEquals(3, c4.definingDimension());
        assertEquals(4, c4.order());
        Orthogonal3 other = Orthogonal3.rotation(new double[] {0, 0, 1}, 1.0);
        assertEquals(O3.SO3.format(other), c4.format(other));
        assertFalse(c4.format(other).isBlank(), "an element's text is not blank");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c4.indexOf(other));
        assertTrue(e.getMessage().contains("C4 in SO3"), e.getMessage());
        assertTrue(e.getMessage().contains(O3.SO3.format(other)), e.getMessage());
    }

    @Test
    void conjugacyClassesAreAscendingIndexListsOrderedByTheirSmallestIndex() {
        for (FiniteGroup<?> g : List.<FiniteGroup<?>>of(
                new SymmetricGroup(4),
                new AlternatingGroup(4),
                new AlternatingGroup(5),
                DihedralGroup.dihedral(5),
                DihedralGroup.dihedral(6))) checkClasses(g);
    }

    private static <G> void checkClasses(FiniteGroup<G> g) {
        List<List<Integer>> classes = FiniteGroups.conjugacyClasses(g);
        assertEquals(List.of(0), classes.get(0), g.name() + ": the identity's class comes first");
        int seen = 0, previousFirst = -1;
        for (List<Integer> c : classes) {
            for (int i = 1; i < c.size(); i++)
                assertTrue(c.get(i - 1) < c.get(i), g.name() + ": class " + c + " is not ascending");
            assertTrue(c.get(0) > previousFirst, g.name() + ": classes out of order");
            previousFirst = c.get(0);
            seen += c.size();
        }
        assertEquals(g.order(), seen, g.name() + ": the classes partition the group");
    }

    @Test
    void sumsAndProductsRefuseRepresentationsOfDifferentGroups() {
        DihedralGroup c4 = DihedralGroup.cyclic(4), c5 = DihedralGroup.cyclic(5);
        Representation<DihedralElement> a = Representations.vertices(c4);
        Representation<DihedralElement> b = Representations.vertices(c5);
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> a.plus(b));
        assertTrue(sum.getMessage().contains("C4") && sum.getMessage().contains("C5"), sum.getMessage());
        IllegalArgumentException prod = assertThrows(IllegalArgumentException.class, () -> a.times(b));
        assertTrue(prod.getMessage().contains("C4") && prod.getMessage().contains("C5"), prod.getMessage());
        // another instance of the same group is the same group
        DihedralGroup c4again = DihedralGroup.cyclic(4);
        Representation<DihedralElement> a2 = Representations.vertices(c4again);
        DihedralElement g = c4.discreteGenerators().get(0);
        assertEquals(8, a.plus(a2).dimension());
        assertEquals(16, a.times(a2).dimension());
        double[] m = a.matrix(g);
        double[] sumMatrix = a.plus(a2).matrix(g);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                assertEquals(m[4 * i + j], sumMatrix[8 * i + j]);
                assertEquals(m[4 * i + j], sumMatrix[8 * (i + 4) + j + 4]);
            }
        assertArrayEquals(
                new double[] {1, 0, 0, 1},
                Representations.trivial(c4)
                        .plus(Representations.trivial(c4again))
                        .matrix(g),
                1e-15);
    }

    @Test
    void missingRepresentationsAndBadSizesAreNamedInTheError() {
        var noDefining =
                assertThrows(IllegalArgumentException.class, () -> Representations.defining(TrivialGroup.INSTANCE));
        assertEquals("trivial has no defining representation in the catalog", noDefining.getMessage());
        var notPlanar = assertThrows(IllegalArgumentException.class, () -> Representations.planar(O3.SO3, 1));
        assertEquals("SO3 is not a planar group (C_n, D_n, SO2, O2)", notPlanar.getMessage());
        var c0 = assertThrows(IllegalArgumentException.class, () -> DihedralGroup.cyclic(0));
        assertEquals("C0: n must be >= 1", c0.getMessage());
        var d0 = assertThrows(IllegalArgumentException.class, () -> DihedralGroup.dihedral(0));
        assertEquals("D0: n must be >= 1", d0.getMessage());
        assertTrue(DihedralGroup.dihedral(1).hasReflections());
        assertFalse(DihedralGroup.cyclic(1).hasReflections());
        assertEquals(2, DihedralGroup.dihedral(1).order());
    }

    @Test
    void theClosureLimitIsInclusive() {
        Orthogonal3 quarter = Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2);
        assertEquals(4, GeneratedGroup.of("C4", O3.SO3, List.of(quarter), 4).order());
        var e = assertThrows(
                IllegalArgumentException.class, () -> GeneratedGroup.of("C4", O3.SO3, List.of(quarter), 3));
        assertTrue(e.getMessage().contains("the group generated for C4 has more than 3 elements"), e.getMessage());
        assertEquals(
                1,
                GeneratedGroup.of("e", O3.SO3, List.of(Orthogonal3.identity()), 1)
                        .order());
        var zero = assertThrows(
                IllegalArgumentException.class,
                () -> GeneratedGroup.of("e", O3.SO3, List.of(Orthogonal3.identity()), 0));
        assertEquals("limit must be >= 1, got 0", zero.getMessage());
    }

    @Test
    void aPermutationRefusesImagesOutOfRange() {
        for (int[] bad : new int[][] {{0, 2}, {1, 1}, {-1, 0}, {3, 0, 1}}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new Permutation(bad));
            assertEquals("not a permutation: " + java.util.Arrays.toString(bad), e.getMessage());
        }
        assertEquals(1, new Permutation(1, 0).image(0));
    }

    @Test
    void smallGroupsListTheirSmallestRepresentations() {
        // the vertices of a triangle (D3 and C3); a 2-gon's vertices are not listed for D2
        assertTrue(listed(DihedralGroup.dihedral(3), "vertices", 3));
        assertTrue(listed(DihedralGroup.cyclic(3), "vertices", 3));
        assertFalse(listed(DihedralGroup.dihedral(2), "vertices", 2));
        // S2 has a 1-dimensional standard representation (the sign); S1 has none
        Representation<Permutation> std = Representations.standard(new SymmetricGroup(2));
        assertTrue(new SymmetricGroup(2)
                .catalogRepresentations().stream().anyMatch(r -> r.name().equals(std.name()) && r.dimension() == 1));
        assertEquals(-1, std.matrix(new Permutation(1, 0))[0], 1e-12);
    }

    private static <G> boolean listed(Group<G> g, String name, int dimension) {
        return g.catalogRepresentations().stream().anyMatch(r -> r.name().equals(name) && r.dimension() == dimension);
    }
}
