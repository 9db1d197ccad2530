package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The axis-angle form just below pi and at pi, where the axis comes from the symmetric part of R: below pi the axis
 * must turn the right way (the sense given by the antisymmetric part), whichever coordinate is largest and whether
 * or not some coordinates are zero; at exactly pi, where n and -n give the same rotation, the documented canonical
 * axis is returned (its first largest coordinate positive); and the axis stays a unit vector when the matrix has
 * drifted from orthogonality.
 */
class AxisAngleNearPiTest {

    private static double[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static double[] axisOf(double[] aa) {
        return new double[] {aa[0], aa[1], aa[2]};
    }

    /** Axes with each coordinate the largest, with both signs, and with zero coordinates. */
    private static final double[][] AXES = {
        unit(0.9, 0.3, -0.2),
        unit(-0.9, 0.3, 0.2),
        unit(0.3, -0.9, 0.2),
        unit(-0.2, 0.9, -0.3),
        unit(0.2, 0.3, -0.9),
        unit(-0.3, -0.2, 0.9),
        unit(0, 0.6, -0.8),
        unit(0, -0.8, 0.6),
        unit(0.6, 0, -0.8),
        unit(-0.8, 0, 0.6),
        unit(0.6, -0.8, 0),
        unit(-0.8, 0.6, 0),
        unit(1, 0, 0),
        unit(0, -1, 0),
        unit(0, 0, -1)
    };

    @Test
    void justBelowPiTheAxisTurnsTheRightWay() {
        SplittableRandom r = new SplittableRandom(31);
        for (double[] axis : AXES)
            for (double delta : new double[] {1e-7, 3e-8, 1e-9}) {
                double angle = Math.PI - delta;
                Orthogonal3 rot = Orthogonal3.rotation(axis, angle);
                for (Orthogonal3 g : new Orthogonal3[] {rot, rot.negate()}) {
                    double[] aa = g.axisAngle();
                    String what = Arrays.toString(axis) + " by pi - " + delta;
                    assertEquals(angle, aa[3], 1e-12, "angle of " + what);
                    // -axis by the same angle is a different rotation (it differs by 2 delta); the sign is pinned
                    assertArrayEquals(axis, axisOf(aa), 1e-9, "axis of " + what);
                }
            }
        // random axes as well: the returned (axis, angle) must rebuild the same rotation with the right sense
        for (int i = 0; i < 50; i++) {
            double[] axis = unit(r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            double angle = Math.PI - 1e-7 * r.nextDouble();
            double[] aa = Orthogonal3.rotation(axis, angle).axisAngle();
            assertArrayEquals(axis, axisOf(aa), 1e-9, "axis of " + Arrays.toString(axis));
        }
    }

    /** R = 2 n n^T - I exactly symmetric: a half-turn with no antisymmetric part at all. */
    private static Orthogonal3 halfTurn(double[] n) {
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[3 * i + j] = 2 * n[i] * n[j] - (i == j ? 1 : 0);
        return new Orthogonal3(m);
    }

    @Test
    void atPiTheCanonicalAxisHasItsFirstLargestCoordinatePositive() {
        for (double[] axis : AXES) {
            double[] canonical = canonical(axis);
            double[] aa = halfTurn(axis).axisAngle();
            assertEquals(Math.PI, aa[3], 1e-15);
            assertArrayEquals(canonical, axisOf(aa), 1e-12, "half-turn about " + Arrays.toString(axis));
            assertArrayEquals(canonical, axisOf(halfTurn(axis).negate().axisAngle()), 1e-12);
        }
        // exact ties between diagonal entries: the first of the tied coordinates is the positive one
        double h = Math.sqrt(0.5), t = 1 / Math.sqrt(3);
        assertArrayEquals(
                new double[] {h, -h, 0, Math.PI},
                halfTurn(new double[] {-h, h, 0}).axisAngle(),
                1e-12);
        assertArrayEquals(
                new double[] {h, 0, -h, Math.PI},
                halfTurn(new double[] {-h, 0, h}).axisAngle(),
                1e-12);
        assertArrayEquals(
                new double[] {0, h, -h, Math.PI},
                halfTurn(new double[] {0, -h, h}).axisAngle(),
                1e-12);
        assertArrayEquals(
                new double[] {t, -t, t, Math.PI},
                halfTurn(new double[] {-t, t, -t}).axisAngle(),
                1e-12);
    }

    private static double[] canonical(double[] axis) {
        int k = 0;
        for (int i = 1; i < 3; i++) if (Math.abs(axis[i]) > Math.abs(axis[k])) k = i;
        double s = Math.signum(axis[k]);
        return new double[] {s * axis[0], s * axis[1], s * axis[2]};
    }

    @Test
    void theAxisIsUnitEvenWhenTheMatrixHasDriftedFromOrthogonality() {
        for (double[] axis : AXES) {
            for (double drift : new double[] {1e-3, -1e-3}) {
                double[] m = halfTurn(axis).matrix();
                for (int i = 0; i < 9; i++) m[i] *= 1 + drift;
                double[] aa = new Orthogonal3(m).axisAngle();
                double[] back = axisOf(aa);
                double norm = Math.sqrt(back[0] * back[0] + back[1] * back[1] + back[2] * back[2]);
                assertEquals(1, norm, 1e-12, "norm of the axis of a drifted half-turn about " + Arrays.toString(axis));
                assertArrayEquals(canonical(axis), back, 1e-3, "axis of a drifted half-turn");
            }
        }
    }
}
