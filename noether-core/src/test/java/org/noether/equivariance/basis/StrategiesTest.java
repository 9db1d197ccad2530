package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.E3;
import org.noether.group.Group;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/** The strategies agree on the space they find (compared by orthogonal projectors), and wrong constraints are caught. */
class StrategiesTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    private static <G> void allAgree(Group<G> g, String in, String out, List<Strategy> strategies) {
        Representation<G> ri = RepresentationSpec.parse(g, in), ro = RepresentationSpec.parse(g, out);
        EquivariantBasis<G> reference = BasisSolver.using(Strategy.DENSE).solve(ri, ro);
        for (Strategy s : strategies) {
            EquivariantBasis<G> other = BasisSolver.using(s).solve(ri, ro);
            assertEquals(
                    reference.dimension(),
                    other.dimension(),
                    s + " vs DENSE on " + in + " -> " + out + " of " + g.name());
            double d = BasisChecks.projectorDistance(reference, other);
            assertTrue(d < 1e-8, s + " vs DENSE on " + in + " -> " + out + ": projectors differ by " + d);
            assertTrue(BasisChecks.equivarianceError(other, 4, 5) < 1e-9, s + " on " + in + " -> " + out);
            assertTrue(BasisChecks.orthonormalityError(other) < 1e-9, s + " on " + in + " -> " + out);
        }
    }

    @Test
    void denseAndIterativeFindTheSameSubspace() {
        List<Strategy> it = List.of(Strategy.ITERATIVE, Strategy.AUTO);
        allAgree(O3.SO3, "V*V", "V", it);
        allAgree(O3.SO3, "V^4", "1", it);
        allAgree(O3.O3, "D1*D2", "D1+D2+D3", it);
        allAgree(E3.SE3, "affine", "affine+1", it);
        allAgree(new SymmetricGroup(4), "std*std", "std", it);
        allAgree(DihedralGroup.dihedral(6), "F1*F2", "F1+F2+regular", it);
    }

    @Test
    void orbitReynoldsAndDenseAgreeOnFiniteGroups() {
        List<Strategy> exact = List.of(Strategy.ORBIT, Strategy.REYNOLDS, Strategy.ITERATIVE);
        allAgree(new SymmetricGroup(4), "P*P", "P*P", exact);
        allAgree(new SymmetricGroup(3), "P*P*P", "sign", exact);
        allAgree(DihedralGroup.dihedral(4), "regular", "regular", exact);
        allAgree(DihedralGroup.dihedral(5), "F1*F2", "F1+F2", List.of(Strategy.REYNOLDS, Strategy.ITERATIVE));
    }

    @Test
    void decomposingDirectSumsGivesTheSameSpace() {
        var g = new SymmetricGroup(4);
        var in = RepresentationSpec.parse(g, "P+std+1");
        var out = RepresentationSpec.parse(g, "std+P*P");
        var split = BasisSolver.using(Strategy.DENSE).solve(in, out);
        var whole = BasisSolver.using(Strategy.DENSE).withoutDecomposition().solve(in, out);
        assertEquals(whole.dimension(), split.dimension());
        assertTrue(BasisChecks.projectorDistance(split, whole) < 1e-8);
        assertEquals(6, split.stats().blocks());
        assertEquals(1, whole.stats().blocks());
    }

    /** C2 rotates the plane by pi: -I up to 1e-16, so every 2 x 2 matrix commutes; thresholds must be absolute. */
    @Test
    void constraintsThatVanishUpToRoundingLeaveEverything() {
        var c2 = DihedralGroup.cyclic(2);
        var v = Representations.defining(c2);
        for (Strategy s : List.of(Strategy.AUTO, Strategy.DENSE, Strategy.ITERATIVE, Strategy.REYNOLDS))
            assertEquals(4, BasisSolver.using(s).solve(v, v).dimension(), s.toString());
    }

    @Test
    void orbitStrategyRefusesNonPermutationRepresentations() {
        var v = Representations.defining(O3.SO3);
        var e = assertThrows(IllegalArgumentException.class, () -> BasisSolver.using(Strategy.ORBIT)
                .solve(v, v));
        assertTrue(e.getMessage().contains("signed-permutation"), e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> BasisSolver.using(Strategy.REYNOLDS)
                .solve(v, v));
        assertTrue(r.getMessage().contains("finite"), r.getMessage());
    }

    /**
     * The random-element check is what makes the other tests meaningful: a solver that skips a generator returns a
     * space that is too large, and the check must reject it.
     */
    @Test
    void droppedGeneratorIsCaughtByTheRandomElementCheck() {
        var c4 = DihedralGroup.cyclic(4);
        var reg = Representations.regular(c4);
        for (Strategy s : List.of(Strategy.AUTO, Strategy.DENSE, Strategy.ITERATIVE)) {
            EquivariantBasis<DihedralElement> none = BasisSolver.using(s).solve(reg, reg, List.of());
            assertEquals(16, none.dimension(), s.toString());
            assertTrue(BasisChecks.equivarianceError(none, 8, 3) > 0.5, s + ": unconstrained basis passed the check");
            // r^2 generates only C2: regular of C4 restricted to C2 is 2 regular(C2), so 2 * 2 * 2 = 8 maps
            EquivariantBasis<DihedralElement> half = BasisSolver.using(s).solve(reg, reg, List.of(c4.rotation(2)));
            assertEquals(8, half.dimension(), s.toString());
            assertTrue(BasisChecks.equivarianceError(half, 8, 3) > 0.5, s + ": C2-only basis passed the check");
            EquivariantBasis<DihedralElement> full = BasisSolver.using(s).solve(reg, reg);
            assertEquals(4, full.dimension());
            assertTrue(BasisChecks.equivarianceError(full, 8, 3) < 1e-9);
        }
    }

    @Test
    void differentGroupsAreRejected() {
        var a = Representations.defining(O3.SO3);
        var b = Representations.permutation(new SymmetricGroup(3));
        @SuppressWarnings({"unchecked", "rawtypes"})
        var e = assertThrows(
                IllegalArgumentException.class, () -> EquivariantBasis.solve((Representation) a, (Representation) b));
        assertTrue(e.getMessage().contains("different groups"), e.getMessage());
    }

    @Test
    void groupOrdersForTheAutoChoiceNeedNoEnumeration() {
        assertEquals(3_628_800, BasisSolver.orderWithoutEnumerating(new SymmetricGroup(10)));
        assertEquals(60, BasisSolver.orderWithoutEnumerating(new org.noether.group.AlternatingGroup(5)));
        assertEquals(16, BasisSolver.orderWithoutEnumerating(DihedralGroup.dihedral(8)));
        assertEquals(8, BasisSolver.orderWithoutEnumerating(DihedralGroup.cyclic(8)));
        assertEquals(96, BasisSolver.orderWithoutEnumerating(org.noether.group.GroupSpec.parse("S4xC4")));
        assertEquals(24, BasisSolver.orderWithoutEnumerating(org.noether.group.TestGroups.octahedralRotations()));
        assertEquals(-1, BasisSolver.orderWithoutEnumerating(O3.SO3));
        assertEquals(-1, BasisSolver.orderWithoutEnumerating(org.noether.group.GroupSpec.parse("SO2xC2")));
    }
}
