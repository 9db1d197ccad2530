package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.linalg.Dense;

/**
 * Element-level code the group-axiom tests pass through without pinning: the axis-angle form of rotations (round
 * trips over the whole angle range, with extra care near 0 and near pi, and about each coordinate axis so that each
 * branch near pi is taken), O(2) angle normalization and matrices, rigid motions' action and equality, and the finite
 * group tables (element orders, inverses, sorted conjugacy classes).
 */
class ElementDetailsTest {

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    void axisAngleRoundTripsOverTheWholeRange() {
        SplittableRandom r = new SplittableRandom(21);
        List<double[]> axes = new ArrayList<>(List.of(unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1), unit(1, -2, 0.5)));
        for (int i = 0; i < 6; i++) axes.add(unit(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()));
        double[] angles = {1e-9, 1e-7, 1e-3, 0.5, 1.5, 2.5, Math.PI - 1e-3, Math.PI - 1e-7, Math.PI};
        for (double[] axis : axes)
            for (double angle : angles) {
                Orthogonal3 rot = Orthogonal3.rotation(axis, angle);
                for (Orthogonal3 g : new Orthogonal3[] {rot, rot.negate()}) {
                    double[] aa = g.axisAngle();
                    String what = Arrays.toString(axis) + " by " + angle + (g == rot ? "" : " (reflected)");
                    assertEquals(angle, aa[3], 1e-9, "angle of " + what);
                    double[] back = {aa[0], aa[1], aa[2]};
                    assertEquals(1, Math.sqrt(dot(back, back)), 1e-12, "unit axis of " + what);
                    double along = dot(back, axis);
                    if (angle < Math.PI - 1e-6) assertEquals(1, along, 1e-6, "axis of " + what);
                    else assertEquals(1, Math.abs(along), 1e-6, "axis (up to sign at pi) of " + what);
                    assertTrue(
                            Dense.maxAbsDifference(
                                            Orthogonal3.rotation(back, aa[3]).matrix(), rot.matrix())
                                    < 1e-9,
                            "rebuilt rotation of " + what);
                }
            }
        assertArrayEquals(new double[] {0, 0, 1, 0}, Orthogonal3.identity().axisAngle());
    }

    @Test
    void o2AnglesAreNormalizedIntoTheHalfOpenCircle() {
        assertEquals(2 * Math.PI - 0.5, new O2Element(-0.5, false).angle(), 1e-15);
        assertEquals(1, new O2Element(4 * Math.PI + 1, false).angle(), 1e-12);
        assertEquals(0, new O2Element(2 * Math.PI, false).angle());
        assertEquals(0, new O2Element(-1e-20, false).angle(), "-1e-20 + 2π rounds to 2π, which is 0");
        assertArrayEquals(new double[] {0, -1, 1, 0}, new O2Element(Math.PI / 2, false).matrix(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0, -1}, new O2Element(0, true).matrix(), 1e-15);
        SplittableRandom r = new SplittableRandom(22);
        for (int i = 0; i < 20; i++) {
            O2Element a = O2.O2.sample(r), b = O2.O2.sample(r);
            assertArrayEquals(
                    Dense.multiply(a.matrix(), b.matrix(), 2), a.times(b).matrix(), 1e-12, "a homomorphism into O(2)");
        }
    }

    @Test
    void rigidMotionsActAsRxPlusTAndCompareByValue() {
        Orthogonal3 q = Orthogonal3.rotation(unit(0, 0, 1), Math.PI / 2);
        RigidMotion m = new RigidMotion(q, new double[] {1, 2, 3});
        assertArrayEquals(new double[] {1 - 5, 2 + 4, 3 + 6}, m.apply(new double[] {4, 5, 6}), 1e-12);
        RigidMotion same = new RigidMotion(new Orthogonal3(q.matrix()), new double[] {1, 2, 3});
        assertEquals(m, same);
        assertEquals(m.hashCode(), same.hashCode());
        RigidMotion moved = new RigidMotion(q, new double[] {1, 2, 4});
        RigidMotion turned = new RigidMotion(q.negate(), new double[] {1, 2, 3});
        assertNotEquals(m, moved);
        assertNotEquals(m, turned);
        assertNotEquals(m, (Object) "not a motion");
        assertNotEquals(m.hashCode(), moved.hashCode());
        assertNotEquals(m.hashCode(), turned.hashCode());
        assertEquals(q, new Orthogonal3(q.matrix()));
        assertNotEquals(q, q.negate());
        assertNotEquals(q, (Object) m);
        assertEquals(q.hashCode(), new Orthogonal3(q.matrix()).hashCode());
        assertNotEquals(q.hashCode(), q.negate().hashCode());
    }

    @Test
    void finiteGroupTablesOfD4() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        List<DihedralElement> els = d4.elements();
        int[] orders = new int[els.size()];
        for (int i = 0; i < els.size(); i++) orders[i] = FiniteGroups.elementOrder(d4, els.get(i));
        int[] sorted = orders.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {1, 2, 2, 2, 2, 2, 4, 4}, sorted, Arrays.toString(orders));
        assertEquals(1, orders[0], "the identity comes first and has order 1");
        int[] inv = FiniteGroups.inverseTable(d4);
        for (int i = 0; i < inv.length; i++) {
            assertTrue(d4.equal(d4.identity(), d4.compose(els.get(i), els.get(inv[i]))), "inverse of " + i);
            assertEquals(orders[i] <= 2, inv[i] == i, "self-inverse exactly when the order is at most 2");
        }
        var classes = FiniteGroups.conjugacyClasses(d4);
        assertEquals(List.of(0), classes.get(0));
        int total = 0;
        for (List<Integer> c : classes) {
            List<Integer> s = new ArrayList<>(c);
            s.sort(null);
            assertEquals(s, c, "each class is sorted");
            total += c.size();
        }
        assertEquals(8, total);
        assertEquals(5, classes.size());
    }
}
