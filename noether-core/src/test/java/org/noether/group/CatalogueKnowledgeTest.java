package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.equivariance.basis.EquivariantBasis;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/**
 * Each group carries its own catalogue knowledge (defining, sign, ... and its order without enumerating), so the
 * catalogue, the expression parser and the basis solver work for a group they have never heard of: here a Klein
 * four-group written in this file only.
 */
class CatalogueKnowledgeTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        org.noether.equivariance.basis.BasisSolver.standard().clearCache();
    }

    /** Z2 x Z2 as the integers 0..3 under XOR, acting on the plane by the sign flips diag(+-1, +-1). */
    static final class KleinFour implements FiniteGroup<Integer> {
        @Override
        public String name() {
            return "V4";
        }

        @Override
        public Integer identity() {
            return 0;
        }

        @Override
        public Integer compose(Integer a, Integer b) {
            return a ^ b;
        }

        @Override
        public Integer inverse(Integer g) {
            return g;
        }

        @Override
        public boolean equal(Integer a, Integer b) {
            return a.equals(b);
        }

        @Override
        public List<Integer> discreteGenerators() {
            return List.of(1, 2);
        }

        @Override
        public List<Integer> elements() {
            return List.of(0, 1, 2, 3);
        }

        @Override
        public Optional<Representation<Integer>> defining() {
            return Optional.of(Representations.functional(
                    this,
                    "V",
                    2,
                    g -> new double[] {(g & 1) == 0 ? 1 : -1, 0, 0, (g & 2) == 0 ? 1 : -1},
                    Representations::noLieAlgebra,
                    true));
        }

        @Override
        public Optional<Representation<Integer>> sign() {
            return Optional.of(Representations.character(this, "sign", g -> g == 0 || g == 3 ? 1 : -1));
        }

        @Override
        public List<Representation<Integer>> catalogRepresentations() {
            return List.of(sign().orElseThrow(), defining().orElseThrow());
        }

        @Override
        public OptionalLong orderWithoutEnumerating() {
            return OptionalLong.of(4);
        }
    }

    @Test
    void aGroupDefinedInOneFileJoinsTheCatalogueTheParserAndTheSolver() {
        KleinFour v4 = new KleinFour();
        List<String> names = Catalog.of(v4).stream().map(Representation::name).collect(Collectors.toList());
        assertEquals(List.of("1", "sign", "V", "regular"), names);
        assertEquals(4, RepresentationSpec.parse(v4, "V*V").dimension());
        assertEquals(2 + 1 + 4, RepresentationSpec.parse(v4, "V+sign+regular'").dimension());
        // V is the sum of two different characters, so its commutant is the 2-dimensional diagonal algebra; the
        // regular representation of an abelian group of order 4 has a 4-dimensional commutant.
        assertEquals(
                2,
                EquivariantBasis.solve(Representations.defining(v4), Representations.defining(v4))
                        .dimension());
        Representation<Integer> reg = Representations.regular(v4);
        assertEquals(4, EquivariantBasis.solve(reg, reg).dimension());
        // Hom(sign, V) is zero: sign is neither of V's characters (it is their product).
        assertEquals(
                0,
                EquivariantBasis.solve(Representations.sign(v4), Representations.defining(v4))
                        .dimension());
    }

    @Test
    void eachGroupListsItsCatalogueRepresentations() {
        String[][] cases = {
            {"S3", "1 sign P3 std2 regular"},
            {"A4", "1 P4 std3 regular"},
            {"C4", "1 V vertices regular"},
            {"D4", "1 sign V vertices regular"},
            {"D7", "1 sign V vertices F2 F3 regular"},
            {"SO2", "1 V F2 F3"},
            {"O2", "1 sign V F2 F3"},
            {"SO3", "1 V D2 D3 D4"},
            {"O3", "1 det V D2e D3e D4e D1o"},
            {"SE3", "1 V D2 affine"},
            {"E3", "1 det V D2e affine"},
            {"C2xC2", "1 V_1 V_2 V_1*V_2 regular"},
            {"SO2xC3", "1 V_1 V_2 V_1*V_2"},
            {"D4xS3", "1 sign_1 sign_2 sign_1*sign_2 regular"}
        };
        for (String[] c : cases) {
            String names = Catalog.of(GroupSpec.parse(c[0])).stream()
                    .map(Representation::name)
                    .collect(Collectors.joining(" "));
            assertEquals(c[1], names, c[0]);
        }
        DihedralGroup d6 = DihedralGroup.dihedral(6);
        GeneratedGroup<DihedralElement> c3 = GeneratedGroup.of("C3 in D6", d6, List.of(d6.rotation(2)), 100);
        assertEquals(
                "1 V vertices F2 regular",
                Catalog.of(c3).stream().map(Representation::name).collect(Collectors.joining(" ")));
    }

    @Test
    void knownOrdersAgreeWithTheEnumeratedOnes() {
        for (String s : List.of("trivial", "C1", "C5", "D1", "D6", "S1", "S4", "A1", "A2", "A5", "C2xC2", "D3xS3")) {
            FiniteGroup<?> g = (FiniteGroup<?>) GroupSpec.parse(s);
            assertEquals(OptionalLong.of(g.order()), g.orderWithoutEnumerating(), s);
        }
        assertEquals(OptionalLong.of(3628800), new SymmetricGroup(10).orderWithoutEnumerating());
        assertEquals(OptionalLong.of(1814400), new AlternatingGroup(10).orderWithoutEnumerating());
        for (String s : List.of("SO2", "O2", "SO3", "O3", "SE3", "E3", "C2xSO3"))
            assertTrue(GroupSpec.parse(s).orderWithoutEnumerating().isEmpty(), s);
    }

    @Test
    void signExactlyWhereTheGroupHasReflectionsOrOddPermutations() {
        for (String s : List.of("D1", "D4", "S3", "A4", "O2", "O3", "E3"))
            assertTrue(GroupSpec.parse(s).sign().isPresent(), s);
        for (String s : List.of("trivial", "C4", "SO2", "SO3", "SE3", "C2xC2"))
            assertFalse(GroupSpec.parse(s).sign().isPresent(), s);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Representations.sign(GroupSpec.parse("C4")));
        assertEquals("C4 has no sign representation in the catalog", e.getMessage());
    }

    @Test
    void definingDimensionsAndTheSubgroupsAmbientOne() {
        String[][] cases = {
            {"C3", "2"},
            {"D4", "2"},
            {"SO2", "2"},
            {"O2", "2"},
            {"SO3", "3"},
            {"O3", "3"},
            {"SE3", "3"},
            {"E3", "3"},
            {"S4", "4"},
            {"A5", "5"},
            {"D4xS3", "5"}
        };
        for (String[] c : cases)
            assertEquals(
                    Integer.parseInt(c[1]),
                    Representations.defining(GroupSpec.parse(c[0])).dimension(),
                    c[0]);
        assertTrue(TrivialGroup.INSTANCE.defining().isEmpty());
        DihedralGroup d6 = DihedralGroup.dihedral(6);
        GeneratedGroup<DihedralElement> c3 = GeneratedGroup.of("C3 in D6", d6, List.of(d6.rotation(2)), 100);
        Representation<DihedralElement> v = Representations.defining(c3);
        for (DihedralElement g : c3.elements())
            assertArrayEquals(d6.defining().orElseThrow().matrix(g), v.matrix(g), 0.0);
        assertEquals(OptionalLong.of(3), c3.orderWithoutEnumerating());
    }
}
