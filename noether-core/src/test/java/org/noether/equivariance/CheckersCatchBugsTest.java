package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.noether.action.Action;
import org.noether.action.VectorAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/**
 * The checkers that Noether's equivariance claims rest on, fed known wrong inputs with exact expected results: a
 * checker that always says "fine" (or averages to the zero map, which is trivially equivariant) fails here.
 */
class CheckersCatchBugsTest {

    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);
    private static final DihedralGroup D1 = DihedralGroup.dihedral(1);

    // ---- GroupAveraging ----

    @Test
    void averagingOverC4ProjectsOntoTheCommutantExactly() {
        // The commutant of the planar rotations is {a I + b J}: averaging keeps a = (w00 + w11) / 2 and
        // b = (w10 - w01) / 2 and drops the rest.
        Representation<DihedralElement> v = Representations.defining(C4);
        double[] w = {1, 2, 3, 4};
        double[] avg = GroupAveraging.average(C4, v, v, w);
        assertArrayEquals(new double[] {2.5, -0.5, 0.5, 2.5}, avg, 1e-15);
    }

    @Test
    void theTraceOfAveragingIsTheDimensionOfTheEquivariantMaps() {
        // The averaging operator is the orthogonal projector onto Hom_G(in, out): its trace is that space's dimension.
        assertEquals(2, averagingTrace("C4", "V", "V"), 1e-12); // a I + b J
        assertEquals(1, averagingTrace("D4", "V", "V"), 1e-12); // absolutely irreducible
        assertEquals(2, averagingTrace("S3", "P", "P"), 1e-12); // trivial + standard
        assertEquals(1, averagingTrace("S4", "P", "std"), 1e-12);
        assertEquals(0, averagingTrace("D4", "sign", "V"), 1e-12);
        assertEquals(4, averagingTrace("C2xC2", "regular", "regular"), 1e-12);
    }

    private static double averagingTrace(String group, String in, String out) {
        return trace((FiniteGroup<?>) GroupSpec.parse(group), in, out);
    }

    private static <G> double trace(FiniteGroup<G> g, String in, String out) {
        Representation<G> ri = RepresentationSpec.parse(g, in), ro = RepresentationSpec.parse(g, out);
        int n = ri.dimension() * ro.dimension();
        double tr = 0;
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            tr += GroupAveraging.average(g, ri, ro, e)[k];
        }
        return tr;
    }

    @Test
    void averagingErrorOfAKnownNonEquivariantMapIsExact() {
        // W = diag(1, 0): R W - W R = [[0, 1], [1, 0]] for the quarter turns, 0 for the half turn; |W| = 1.
        Representation<DihedralElement> v = Representations.defining(C4);
        double[] w = {1, 0, 0, 0};
        assertEquals(Math.sqrt(2), GroupAveraging.equivarianceError(C4, v, v, w), 1e-15);
        assertEquals(Math.sqrt(2) / 2, GroupAveraging.equivarianceError(C4, v, v, w, 2.0), 1e-15);
        assertEquals(0, GroupAveraging.equivarianceError(C4, v, v, GroupAveraging.average(C4, v, v, w)), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> GroupAveraging.equivarianceError(C4, v, v, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> GroupAveraging.average(C4, v, v, new double[5]));
    }

    // ---- Equivariance.measure ----

    @Test
    void aKnownWrongMeasurementComesOutExactly() {
        // f = identity from the trivial to the sign representation of D2 = {e, r, s, rs}: at the rotations the error
        // is 0, at the reflections |x - (-x)| / max(|x|, |x|) = 2, whatever x. Two inputs, four elements each: max 2,
        // mean (0+0+2+2) * 2 / 8 = 1; the worst element is the first reflection met (ties keep the first).
        DihedralGroup d2 = DihedralGroup.dihedral(2);
        VectorAction<DihedralElement> in = new VectorAction<>(Representations.trivial(d2));
        VectorAction<DihedralElement> out = new VectorAction<>(Representations.sign(d2));
        Function<double[], double[]> id = double[]::clone;
        Equivariance.Report r = Equivariance.measure(
                id, d2, in, out, List.of(new double[] {3}, new double[] {5}), new SplittableRandom(1));
        assertEquals(2.0, r.maxError(), 1e-15);
        assertEquals(1.0, r.meanError(), 1e-15);
        assertEquals(8, r.pairs());
        assertEquals(d2.format(d2.reflection(0)), r.worstElement());
        assertEquals(
                2.0,
                Equivariance.error(
                        id,
                        D1,
                        new VectorAction<>(Representations.trivial(D1)),
                        new VectorAction<>(Representations.sign(D1)),
                        List.of(new double[] {7})),
                1e-15);
    }

    @Test
    void groupsUpToTheLimitAreCheckedAtEveryElementOthersAtSixteenRandomOnes() {
        DihedralGroup d64 = DihedralGroup.dihedral(64); // order 128 = EXHAUSTIVE_LIMIT
        assertEquals(Equivariance.EXHAUSTIVE_LIMIT, d64.order());
        assertEquals(2 * 128, pairs(d64));
        assertEquals(2 * Equivariance.RANDOM_ELEMENTS, pairs(DihedralGroup.dihedral(65)));
        assertEquals(2 * Equivariance.RANDOM_ELEMENTS, pairs(GroupSpec.parse("SO2")));
    }

    private static <G> int pairs(Group<G> g) {
        VectorAction<G> a = new VectorAction<>(Representations.trivial(g));
        return Equivariance.measure(
                        double[]::clone, g, a, a, List.of(new double[] {1}, new double[] {2}), new SplittableRandom(2))
                .pairs();
    }

    @Test
    void aKnownNonEquivariantMapOnSO3IsCaught() {
        // Scaling the first coordinate is not rotation-equivariant; checked at random rotations.
        Representation<?> v = Representations.defining(GroupSpec.parse("SO3"));
        double err = measureStretch(v);
        assertTrue(err > 0.1, "stretching x by 2 looks equivariant: " + err);
    }

    private static <G> double measureStretch(Representation<G> v) {
        VectorAction<G> a = new VectorAction<>(v);
        Function<double[], double[]> stretch = x -> new double[] {2 * x[0], x[1], x[2]};
        return Equivariance.error(stretch, v.group(), a, a, List.of(new double[] {1, 2, 3}));
    }

    // ---- the laws of representations and actions ----

    @Test
    void homomorphismErrorSeesMoreThanTheIdentity() {
        // rho(e) = I, rho(g) = 2 I otherwise: right at the identity, wrong on every product of two non-identity
        // elements (|rho(gh) - rho(g) rho(h)| is 2 or 3).
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Representation<DihedralElement> bad = Representations.functional(
                d4,
                "bad",
                2,
                g -> g.equals(d4.identity()) ? Dense.identity(2) : Dense.scale(Dense.identity(2), 2),
                Representations::noLieAlgebra,
                false);
        double e = Equivariance.homomorphismError(bad, 20, new SplittableRandom(4));
        assertTrue(e >= 2, "homomorphism error " + e);
        assertEquals(
                0, Equivariance.homomorphismError(Representations.defining(d4), 20, new SplittableRandom(4)), 1e-15);
        // A projection P for every element composes correctly but is not the identity at e: error exactly 1.
        Representation<DihedralElement> proj = Representations.functional(
                d4, "P", 2, g -> new double[] {1, 0, 0, 0}, Representations::noLieAlgebra, false);
        assertEquals(1, Equivariance.homomorphismError(proj, 5, new SplittableRandom(4)), 0);
        assertEquals(3, Equivariance.orthogonalityError(bad, 20, new SplittableRandom(4)), 0);
    }

    @Test
    void actionAxiomErrorCatchesKnownNonActions() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        List<double[]> xs = List.of(new double[] {3, 4});
        // x -> -x for every element: e.x = -x (error |2x| / |x| = 2) and g.(h.x) = x but (gh).x = -x (also 2).
        assertEquals(
                2,
                Equivariance.actionAxiomError(
                        vectors(d4, x -> new double[] {-x[0], -x[1]}), xs, 5, new SplittableRandom(5)),
                1e-15);
        // x -> 2x except e.x = x: right at the identity, but g.(h.x) = 4x while (gh).x is 2x or x (error 2 or 3).
        DihedralElement e = d4.identity();
        Action<DihedralElement, double[]> doubling = new Action<>() {
            @Override
            public Group<DihedralElement> group() {
                return d4;
            }

            @Override
            public double[] act(DihedralElement g, double[] x) {
                return g.equals(e) ? x.clone() : Dense.scale(x, 2);
            }

            @Override
            public double distance(double[] a, double[] b) {
                return Dense.norm(Dense.subtract(a, b));
            }

            @Override
            public double magnitude(double[] x) {
                return Dense.norm(x);
            }
        };
        assertTrue(Equivariance.actionAxiomError(doubling, xs, 20, new SplittableRandom(5)) >= 2);
        // x -> P x with P = diag(1, 0): composes correctly, but e.x = (3, 0) misses x = (3, 4) by 4 / 5.
        assertEquals(
                0.8,
                Equivariance.actionAxiomError(vectors(d4, x -> new double[] {x[0], 0}), xs, 5, new SplittableRandom(5)),
                1e-15);
        assertEquals(
                0,
                Equivariance.actionAxiomError(
                        new VectorAction<>(Representations.defining(d4)), xs, 5, new SplittableRandom(5)),
                1e-15);
    }

    /** An "action" that applies the same map whatever the element. */
    private static <G> Action<G, double[]> vectors(Group<G> group, Function<double[], double[]> map) {
        return new Action<>() {
            @Override
            public Group<G> group() {
                return group;
            }

            @Override
            public double[] act(G g, double[] x) {
                return map.apply(x);
            }

            @Override
            public double distance(double[] a, double[] b) {
                return Dense.norm(Dense.subtract(a, b));
            }

            @Override
            public double magnitude(double[] x) {
                return Dense.norm(x);
            }
        };
    }
}
