package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Details of the continuous groups that the axiom tests do not reach: equality across the 2π seam of SO(2), keys
 * that agree with equality (equal elements share a key, distinct ones do not), the checked O(3) element factory,
 * and what a direct product says about itself.
 */
class ContinuousGroupDetailsTest {
    private static final double TWO_PI = 2 * Math.PI;

    @Test
    void so2AnglesJustBelow2πEqualTheIdentityAndShareItsKey() {
        for (O2 g : new O2[] {O2.SO2, O2.O2}) {
            O2Element e = g.identity(), almost = new O2Element(TWO_PI - 1e-12, false);
            assertTrue(g.equal(e, almost), "the seam at 2π");
            assertTrue(g.equal(almost, e));
            assertEquals(g.key(e), g.key(almost), "equal elements, equal keys");
            assertEquals(g.key(new O2Element(TWO_PI - 1e-10, true)), g.key(new O2Element(0, true)));
        }
        O2Element a = new O2Element(0.1, false), b = new O2Element(0.1 + 1e-7, false);
        assertFalse(O2.SO2.equal(a, b), "1e-7 apart are different rotations");
        assertNotEquals(O2.SO2.key(a), O2.SO2.key(b), "different rotations, different keys");
        assertNotEquals(O2.SO2.key(new O2Element(1, false)), O2.SO2.key(new O2Element(1.5, false)));
        assertNotEquals(O2.O2.key(new O2Element(1, false)), O2.O2.key(new O2Element(1, true)));
        assertEquals(O2.SO2.key(a), O2.SO2.key(new O2Element(0.1 + 1e-13, false)));
        assertTrue(O2.O2.hasReflections());
        assertFalse(O2.SO2.hasReflections());
    }

    @Test
    void e3KeysAgreeWithEquality() {
        RigidMotion m = E3.E3.sample(new java.util.SplittableRandom(3));
        double[] t = m.translation().clone();
        double[] near = t.clone(), far = t.clone();
        near[1] += 1e-13;
        far[1] += 0.01;
        RigidMotion n = new RigidMotion(m.rotation(), near), f = new RigidMotion(m.rotation(), far);
        assertTrue(E3.E3.equal(m, n));
        assertEquals(E3.E3.key(m), E3.E3.key(n));
        assertFalse(E3.E3.equal(m, f));
        assertNotEquals(E3.E3.key(m), E3.E3.key(f), "a translation 0.01 away has another key");
        RigidMotion r = new RigidMotion(m.rotation().negate(), t);
        assertFalse(E3.E3.equal(m, r));
        assertNotEquals(E3.E3.key(m), E3.E3.key(r), "another rotation, another key");
        assertEquals(4, E3.SE3.definingDimension(), "homogeneous 4x4 matrices");
        assertEquals(4, E3.SE3.lieAlgebraGenerator(0).length / 4);
    }

    @Test
    void o3ElementsAreCheckedForOrthogonalityAndDeterminant() {
        double[] rot = Orthogonal3.rotation(new double[] {0, 0, 1}, 0.3).matrix();
        assertTrue(O3.SO3.equal(new Orthogonal3(rot), O3.SO3.element(rot)));
        double[] reflection = Orthogonal3.identity().negate().matrix();
        assertEquals(-1, O3.O3.element(reflection).determinant(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> O3.SO3.element(reflection));
        assertTrue(e.getMessage().startsWith("not in SO(3): determinant is -1"), e.getMessage());
        double[] skewed = rot.clone();
        skewed[0] += 1e-6;
        var s = assertThrows(IllegalArgumentException.class, () -> O3.O3.element(skewed));
        assertTrue(s.getMessage().contains("not an orthogonal matrix"), s.getMessage());
        double[] slightly = rot.clone();
        slightly[0] += 1e-10; // within the stated 1e-8
        assertTrue(O3.O3.equal(new Orthogonal3(rot), O3.O3.element(slightly)));
        double[] scaled = Orthogonal3.identity().matrix();
        for (int i = 0; i < 9; i++) scaled[i] *= 2;
        assertThrows(IllegalArgumentException.class, () -> O3.SO3.element(scaled));
    }

    @Test
    void directProductsAreCompactExactlyWhenBothFactorsAreAndFormatAsPairs() {
        assertTrue(DirectProduct.of(O2.SO2, O3.SO3).isCompact());
        assertFalse(DirectProduct.of(O2.SO2, E3.SE3).isCompact());
        assertFalse(DirectProduct.of(E3.SE3, O2.SO2).isCompact());
        var c2 = DihedralGroup.cyclic(2);
        var p = DirectProduct.of(c2, O2.SO2);
        var g = new Pair<>(c2.elements().get(1), new O2Element(0, false));
        assertEquals("(" + c2.format(g.first()) + ", " + O2.SO2.format(g.second()) + ")", p.format(g));
    }

    /** The outer product joins a product's catalogue when it has at most 64 dimensions: A8's P is 8, A9's is 9. */
    @Test
    void theOuterProductIsListedUpTo64Dimensions() {
        var a8 = new AlternatingGroup(8);
        var a9 = new AlternatingGroup(9);
        var at = DirectProduct.of(a8, a8).catalogRepresentations();
        assertEquals(3, at.size());
        assertEquals(64, at.get(2).dimension());
        var over = DirectProduct.of(a9, a8).catalogRepresentations();
        assertEquals(2, over.size(), "9 x 8 = 72 dimensions is not listed");
        assertEquals(9, over.get(0).dimension());
        assertEquals(8, over.get(1).dimension());
    }
}
