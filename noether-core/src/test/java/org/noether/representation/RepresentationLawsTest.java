package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.noether.equivariance.Equivariance;
import org.noether.group.DihedralGroup;
import org.noether.group.DirectProduct;
import org.noether.group.E3;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.RigidMotion;
import org.noether.group.SymmetricGroup;
import org.noether.group.TestGroups;
import org.noether.linalg.Dense;

/** Tolerance: 1e-9 absolute on matrix entries (double precision; expm and Wigner-D stay near 1e-12). */
class RepresentationLawsTest {
    static final double TOL = 1e-9;

    /** Every catalog representation of every test group, plus composites. */
    static List<Representation<?>> allRepresentations() {
        List<Representation<?>> out = new ArrayList<>();
        for (Group<?> g : TestGroups.all()) addFor(g, out);
        return out;
    }

    private static <G> void addFor(Group<G> g, List<Representation<?>> out) {
        List<Representation<G>> cat = Catalog.of(g);
        out.addAll(cat);
        Representation<G> v = cat.get(Math.min(1, cat.size() - 1));
        if (v.dimension() <= 12) {
            out.add(v.plus(v.dual()));
            out.add(v.times(v));
            out.add(v.dual());
            out.add(v.times(v).plus(Representations.trivial(g)).dual());
        }
    }

    @Provide
    Arbitrary<Representation<?>> representations() {
        return Arbitraries.of(allRepresentations());
    }

    @Property(tries = 400)
    void rhoOfProductIsProductOfRhos(@ForAll("representations") Representation<?> rep, @ForAll long seed) {
        double e = Equivariance.homomorphismError(rep, 3, new SplittableRandom(seed));
        assertTrue(e < TOL, rep + " of " + rep.group().name() + ": |rho(gh) - rho(g)rho(h)| = " + e);
    }

    @Property(tries = 300)
    void compactGroupRepresentationsAreOrthogonal(@ForAll("representations") Representation<?> rep, @ForAll long seed) {
        if (!rep.isOrthogonal()) return;
        double e = Equivariance.orthogonalityError(rep, 3, new SplittableRandom(seed));
        assertTrue(e < TOL, rep + ": |rho^T rho - I| = " + e);
    }

    @Test
    void catalogCoversEveryGroupAndAllAreHomomorphisms() {
        var r = new SplittableRandom(11);
        int count = 0;
        for (Representation<?> rep : allRepresentations()) {
            assertTrue(
                    Equivariance.homomorphismError(rep, 20, r) < TOL,
                    rep + " of " + rep.group().name());
            count++;
        }
        assertTrue(count > 150, "catalog too small: " + count);
    }

    @Test
    void brokenRepresentationIsCaught() {
        // rho(g) = R(2 theta) + 0.01 is not a homomorphism; the check must notice.
        var broken = new FunctionalRepresentation<>(
                O2.SO2,
                "broken",
                2,
                (O2Element g) ->
                        Dense.add(Representations.planarMatrix(2 * g.angle(), false), new double[] {0.01, 0, 0, 0}),
                k -> null,
                true);
        assertTrue(Equivariance.homomorphismError(broken, 20, new SplittableRandom(1)) > 1e-3);
    }

    @Test
    void lieAlgebraMatchesDerivativeOfRho() {
        var r = new SplittableRandom(5);
        for (Representation<?> rep : allRepresentations()) if (rep.group().lieAlgebraDimension() > 0) derivative(rep);
    }

    private static <G> void derivative(Representation<G> rep) {
        Group<G> g = rep.group();
        int d = rep.dimension();
        double t = 1e-6;
        for (int k = 0; k < g.lieAlgebraDimension(); k++) {
            G e = exp(g, k, t);
            if (e == null) return;
            double[] num = Dense.scale(Dense.subtract(rep.matrix(e), rep.matrix(exp(g, k, -t))), 1 / (2 * t));
            double err = Dense.maxAbsDifference(num, rep.lieAlgebra(k));
            assertTrue(err < 1e-5, rep + " of " + g.name() + ": d rho(A_" + k + ") off by " + err);
        }
    }

    /** exp(t A_k) as a group element, for the Lie groups of the catalog. */
    @SuppressWarnings("unchecked")
    static <G> G exp(Group<G> g, int k, double t) {
        if (g instanceof O2) return (G) new O2Element(t, false);
        if (g instanceof O3) return (G) new Orthogonal3(Dense.expm(Dense.scale(g.lieAlgebraGenerator(k), t), 3));
        if (g instanceof E3) {
            double[] h = Dense.expm(Dense.scale(g.lieAlgebraGenerator(k), t), 4);
            return (G) new RigidMotion(
                    new Orthogonal3(new double[] {h[0], h[1], h[2], h[4], h[5], h[6], h[8], h[9], h[10]}),
                    new double[] {h[3], h[7], h[11]});
        }
        if (g instanceof DirectProduct<?, ?> p) return (G) productExp(p, k, t);
        return null;
    }

    private static <A, B> Object productExp(DirectProduct<A, B> p, int k, double t) {
        int la = p.left().lieAlgebraDimension();
        if (k < la) {
            A a = exp(p.left(), k, t);
            return a == null ? null : new org.noether.group.Pair<>(a, p.right().identity());
        }
        B b = exp(p.right(), k - la, t);
        return b == null ? null : new org.noether.group.Pair<>(p.left().identity(), b);
    }

    @Test
    void wignerCharactersMatchTheWeylFormula() {
        var r = new SplittableRandom(9);
        for (int l = 0; l <= 6; l++) {
            var rep = Representations.wignerD(O3.SO3, l);
            assertEquals(2 * l + 1, rep.dimension());
            for (int i = 0; i < 20; i++) {
                Orthogonal3 g = O3.SO3.sample(r);
                double theta = g.axisAngle()[3];
                double[] m = rep.matrix(g);
                double trace = 0;
                for (int j = 0; j <= 2 * l; j++) trace += m[j * (2 * l + 1) + j];
                double expected = Math.sin((l + 0.5) * theta) / Math.sin(theta / 2);
                assertEquals(expected, trace, 1e-9, "chi_" + l + "(" + theta + ")");
            }
        }
    }

    @Test
    void characterInnerProductsShowIrreducibility() {
        // For finite groups, <chi, chi> = 1 exactly for irreducibles: standard of S5, planar of D5, sign.
        var s5 = new SymmetricGroup(5);
        assertEquals(1.0, characterNorm(Representations.standard(s5)), 1e-9);
        assertEquals(1.0, characterNorm(Representations.sign(s5)), 1e-9);
        assertEquals(2.0, characterNorm(Representations.permutation(s5)), 1e-9); // trivial + standard
        var d5 = DihedralGroup.dihedral(5);
        assertEquals(1.0, characterNorm(Representations.planar(d5, 1)), 1e-9);
        assertEquals(1.0, characterNorm(Representations.planar(d5, 2)), 1e-9);
        assertEquals(10.0, characterNorm(Representations.regular(d5)), 1e-9); // sum of dim^2 = |G|
    }

    private static <G> double characterNorm(Representation<G> rep) {
        var f = (org.noether.group.FiniteGroup<G>) rep.group();
        int d = rep.dimension();
        double s = 0;
        for (G g : f.elements()) {
            double[] m = rep.matrix(g);
            double tr = 0;
            for (int i = 0; i < d; i++) tr += m[i * d + i];
            s += tr * tr;
        }
        return s / f.order();
    }

    @Test
    void compositesHaveTheRightDimensionsAndNames() {
        var v = Representations.defining(O3.SO3);
        var t = v.times(v).plus(v.dual());
        assertEquals(12, t.dimension());
        assertEquals("V*V+V'", t.name());
        assertEquals(27, v.power(3).dimension());
        assertEquals(1, v.power(0).dimension());
        assertEquals(v, v.dual().dual());
    }

    @Test
    void affineRepresentationOfSE3IsAHomomorphismButNotOrthogonal() {
        var a = Representations.affine(E3.SE3);
        assertTrue(Equivariance.homomorphismError(a, 50, new SplittableRandom(2)) < TOL);
        assertTrue(Equivariance.orthogonalityError(a, 5, new SplittableRandom(2)) > 0.1);
    }
}
