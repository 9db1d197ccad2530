package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noether.group.DihedralGroup;
import org.noether.group.DirectProduct;
import org.noether.group.E3;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.group.TestGroups;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/**
 * Dimensions of Hom-spaces known in closed form, each basis also checked for equivariance at random elements and
 * for orthonormality. Tolerances: 1e-9 relative for equivariance and orthonormality (solvers reach ~1e-13).
 */
class ClosedFormDimensionsTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    static final double TOL = 1e-9;

    static <G> EquivariantBasis<G> checked(Representation<G> in, Representation<G> out, int expected) {
        EquivariantBasis<G> b = BasisSolver.standard().solve(in, out);
        assertEquals(expected, b.dimension(), BasisChecks.describe(b));
        double e = BasisChecks.equivarianceError(b, 6, 17);
        assertTrue(e < TOL, BasisChecks.describe(b) + ": equivariance error " + e);
        if (b.dimension() <= 300 && (long) b.rows() * b.columns() <= 40_000) {
            double o = BasisChecks.orthonormalityError(b);
            assertTrue(o < TOL, BasisChecks.describe(b) + ": orthonormality error " + o);
        }
        return b;
    }

    static <G> EquivariantBasis<G> checked(Group<G> g, String in, String out, int expected) {
        return checked(RepresentationSpec.parse(g, in), RepresentationSpec.parse(g, out), expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7})
    void permutationToPermutationHasIdentityAndAllOnes(int n) {
        checked(new SymmetricGroup(n), "P", "P", 2);
    }

    /** Orbits of S_n on index 4-tuples: set partitions of 4 indices into at most n blocks (Bell number 15). */
    @Test
    void matricesToMatricesUnderSn() {
        checked(new SymmetricGroup(2), "P*P", "P*P", 8);
        checked(new SymmetricGroup(3), "P*P", "P*P", 14);
        for (int n = 4; n <= 6; n++) checked(new SymmetricGroup(n), "P*P", "P*P", 15);
    }

    @Test
    void trivialToPermutationIsTheConstants() {
        for (int n = 1; n <= 6; n++) checked(new SymmetricGroup(n), "1", "P", 1);
    }

    @Test
    void crossProductIsSO3ButNotO3Equivariant() {
        var b = checked(O3.SO3, "V*V", "V", 1);
        // The readable element is the Levi-Civita symbol: six entries +-1 and zeros elsewhere.
        double[] w = b.readableElement(0);
        int nonzero = 0;
        for (double v : w) {
            if (v != 0) {
                nonzero++;
                assertEquals(1.0, Math.abs(v), 1e-12);
            }
        }
        assertEquals(6, nonzero);
        checked(O3.O3, "V*V", "V", 0);
    }

    @Test
    void tripleProductInvariant() {
        checked(O3.SO3, "V*V*V", "1", 1);
        checked(O3.O3, "V*V*V", "1", 0);
        checked(O3.O3, "V*V*V", "det", 1);
    }

    /** Invariants of V^(x)k under SO(3) are counted by the Riordan numbers 1, 0, 1, 1, 3, 6, 15. */
    @Test
    void riordanNumbersOfSO3Invariants() {
        int[] riordan = {1, 0, 1, 1, 3, 6};
        for (int k = 1; k <= 5; k++) checked(O3.SO3, "V^" + k, "1", riordan[k]);
    }

    @Test
    void planarRotations() {
        checked(O2.SO2, "V", "V", 2);
        checked(O2.O2, "V", "V", 1);
        checked(O2.SO2, "F1", "F2", 0);
        checked(O2.SO2, "F1*F1", "F2", 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8})
    void regularOfCyclicAndDihedral(int n) {
        checked(DihedralGroup.cyclic(n), "regular", "regular", n);
        checked(DihedralGroup.dihedral(n), "regular", "regular", 2 * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void schurForWignerD(int l) {
        checked(O3.SO3, "D" + l, "D" + l, 1);
        checked(O3.O3, "D" + l, "D" + l, 1);
        if (l > 0) checked(O3.SO3, "D" + l, "D" + (l - 1), 0);
    }

    @Test
    void clebschGordanMultiplicities() {
        // D1 (x) D2 = D1 + D2 + D3: each appears once.
        for (int l = 1; l <= 3; l++) checked(O3.SO3, "D1*D2", "D" + l, 1);
        checked(O3.SO3, "D1*D2", "D4", 0);
    }

    @Test
    void rigidMotionsOnHomogeneousCoordinates() {
        checked(E3.SE3, "affine", "affine", 1); // scalar multiples of I
        checked(E3.SE3, "affine", "1", 1); // reading off the homogeneous coordinate
        checked(E3.SE3, "1", "affine", 0); // no vector is fixed by all translations and rotations
        checked(E3.SE3, "V", "V", 1);
    }

    @Test
    void products() {
        checked(GroupSpec.parse("C2xC2"), "regular", "regular", 4);
        var so3so2 = DirectProduct.of(O3.SO3, O2.SO2);
        var outer = Representations.outer(so3so2, Representations.defining(O3.SO3), Representations.defining(O2.SO2));
        checked(outer, outer, 2); // End(V_3) (x) End(V_2) = 1 * 2
        checked(GroupSpec.parse("S3xC3"), "regular", "regular", 18);
    }

    @Test
    void generatedSubgroupHasMoreInvariantsThanSO3() {
        var cube = TestGroups.octahedralRotations();
        checked(cube, "V", "V", 1);
        checked(cube, "V*V", "1", 1);
        checked(cube, "V^4", "1", 4); // SO(3) has 3; the cube adds sum x_i^4-type invariants
    }

    @Test
    void signRepresentation() {
        checked(new SymmetricGroup(4), "sign", "P*P", 0);
        checked(new SymmetricGroup(4), "sign", "sign", 1);
        // <chi_P^3, sign> = (27 - 3 * 1 + 2 * 0) / 6 = 4 (fixed points: 3 for e, 1 per transposition, 0 per 3-cycle)
        checked(new SymmetricGroup(3), "P*P*P", "sign", 4);
        // F1 (x) sign has F1's character (0 on reflections), so it is F1 again, up to a rotation by 90 degrees
        checked(DihedralGroup.dihedral(4), "V", "sign*V", 1);
        checked(DihedralGroup.dihedral(4), "V", "sign", 0);
    }
}
