package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GroupAxiomsTest {

    @Provide
    Arbitrary<Group<?>> groups() {
        return Arbitraries.of(TestGroups.all());
    }

    @Property(tries = 300)
    void compositionIsAssociative(@ForAll("groups") Group<?> group, @ForAll long seed) {
        associative(group, new SplittableRandom(seed));
    }

    private static <G> void associative(Group<G> group, SplittableRandom r) {
        G a = group.sample(r), b = group.sample(r), c = group.sample(r);
        assertTrue(
                group.equal(group.compose(group.compose(a, b), c), group.compose(a, group.compose(b, c))),
                group.name() + ": (ab)c != a(bc)");
    }

    @Property(tries = 300)
    void identityAndInverseLaws(@ForAll("groups") Group<?> group, @ForAll long seed) {
        identityInverse(group, new SplittableRandom(seed));
    }

    private static <G> void identityInverse(Group<G> group, SplittableRandom r) {
        G g = group.sample(r), e = group.identity();
        assertTrue(group.equal(group.compose(e, g), g), group.name() + ": eg != g");
        assertTrue(group.equal(group.compose(g, e), g), group.name() + ": ge != g");
        assertTrue(group.equal(group.compose(g, group.inverse(g)), e), group.name() + ": g g^-1 != e");
        assertTrue(group.equal(group.compose(group.inverse(g), g), e), group.name() + ": g^-1 g != e");
        assertEquals(group.key(group.compose(g, e)), group.key(g), group.name() + ": keys of equal elements differ");
    }

    @Property(tries = 100)
    void generatorsLieInTheGroupAndLieAlgebraIsClosed(@ForAll("groups") Group<?> group) {
        lieClosed(group);
    }

    private static <G> void lieClosed(Group<G> group) {
        int n = group.lieAlgebraDimension();
        if (n == 0) return;
        int d = group.definingDimension();
        // The Lie algebra basis must span a space closed under commutators: solve in least squares and check residual.
        double[][] basis = new double[n][];
        for (int k = 0; k < n; k++) basis[k] = group.lieAlgebraGenerator(k);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double[] c = org.noether.linalg.Dense.commutator(basis[i], basis[j], d);
                assertTrue(residualAfterProjection(c, basis) < 1e-10, group.name() + ": [A_i, A_j] leaves the algebra");
            }
    }

    private static double residualAfterProjection(double[] v, double[][] basis) {
        var a = new org.ejml.data.DMatrixRMaj(v.length, basis.length);
        for (int k = 0; k < basis.length; k++) for (int i = 0; i < v.length; i++) a.set(i, k, basis[k][i]);
        var b = new org.ejml.data.DMatrixRMaj(v.length, 1, true, v);
        var x = new org.ejml.data.DMatrixRMaj(basis.length, 1);
        var solver = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        solver.setA(a);
        solver.solve(b, x);
        var r = new org.ejml.data.DMatrixRMaj(v.length, 1);
        org.ejml.dense.row.CommonOps_DDRM.mult(a, x, r);
        double s = 0;
        for (int i = 0; i < v.length; i++) s += Math.pow(r.get(i) - v[i], 2);
        return Math.sqrt(s);
    }

    @Test
    void finiteGroupsHaveTheirTextbookOrders() {
        assertEquals(1, TrivialGroup.INSTANCE.order());
        assertEquals(7, DihedralGroup.cyclic(7).order());
        assertEquals(16, DihedralGroup.dihedral(8).order());
        assertEquals(2, DihedralGroup.dihedral(1).order());
        assertEquals(120, new SymmetricGroup(5).order());
        assertEquals(720, new SymmetricGroup(6).order());
        assertEquals(12, new AlternatingGroup(4).order());
        assertEquals(60, new AlternatingGroup(5).order());
        assertEquals(24, TestGroups.octahedralRotations().order());
        assertEquals(4, ((FiniteGroup<?>) GroupSpec.parse("C2xC2")).order());
    }

    @Test
    void finiteGroupsAreClosedUnderTheirProduct() {
        for (Group<?> g : TestGroups.all()) if (g instanceof FiniteGroup<?> f) closed(f);
    }

    private static <G> void closed(FiniteGroup<G> f) {
        int[][] table = FiniteGroups.cayleyTable(f);
        for (int[] row : table) { // every row of a group's Cayley table is a permutation (Latin square)
            boolean[] seen = new boolean[row.length];
            for (int v : row) seen[v] = true;
            for (boolean s : seen) assertTrue(s, f.name() + ": Cayley table row is not a permutation");
        }
        assertTrue(f.equal(f.elements().get(0), f.identity()), f.name() + ": element 0 is not the identity");
    }

    @Test
    void discreteGeneratorsGenerateFiniteGroups() {
        for (Group<?> g : TestGroups.all()) if (g instanceof FiniteGroup<?> f) generates(f);
    }

    private static <G> void generates(FiniteGroup<G> f) {
        var closure = GeneratedGroup.of("closure", f, f.discreteGenerators(), 100000);
        assertEquals(f.order(), closure.order(), f.name() + ": its generators do not generate it");
    }

    @Test
    void conjugacyClassesOfKnownGroups() {
        assertEquals(5, FiniteGroups.conjugacyClasses(new SymmetricGroup(4)).size());
        assertEquals(5, FiniteGroups.conjugacyClasses(DihedralGroup.dihedral(4)).size());
        assertEquals(4, FiniteGroups.conjugacyClasses(new AlternatingGroup(4)).size());
        assertEquals(5, FiniteGroups.conjugacyClasses(new AlternatingGroup(5)).size());
        assertEquals(6, FiniteGroups.conjugacyClasses(DihedralGroup.cyclic(6)).size());
        int total = FiniteGroups.conjugacyClasses(new SymmetricGroup(5)).stream()
                .mapToInt(List::size)
                .sum();
        assertEquals(120, total);
    }

    @Test
    void generatedGroupReportsTooLargeClosures() {
        var irrational = Orthogonal3.rotation(new double[] {0, 0, 1}, 1.0);
        var e = assertThrows(
                IllegalArgumentException.class, () -> GeneratedGroup.of("irrational", O3.SO3, List.of(irrational), 50));
        assertTrue(e.getMessage().contains("more than 50"), e.getMessage());
    }

    @Test
    void haarSamplesOfSO3HaveUniformTrace() {
        // For Haar measure on SO(3), E[tr R] = 0 and E[tr(R)^2] = 1.
        SplittableRandom r = new SplittableRandom(7);
        double s = 0, s2 = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            Orthogonal3 g = O3.SO3.sample(r);
            double t = g.get(0, 0) + g.get(1, 1) + g.get(2, 2);
            s += t;
            s2 += t * t;
        }
        assertEquals(0, s / n, 0.03);
        assertEquals(1, s2 / n, 0.05);
    }

    @Test
    void axisAngleRoundTrips() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            Orthogonal3 g = O3.SO3.sample(r);
            double[] aa = g.axisAngle();
            assertTrue(O3.SO3.equal(g, Orthogonal3.rotation(new double[] {aa[0], aa[1], aa[2]}, aa[3])));
        }
        Orthogonal3 half = Orthogonal3.rotation(new double[] {1, 2, 2}, Math.PI);
        double[] aa = half.axisAngle();
        assertTrue(O3.SO3.equal(half, Orthogonal3.rotation(new double[] {aa[0], aa[1], aa[2]}, aa[3])));
    }
}
