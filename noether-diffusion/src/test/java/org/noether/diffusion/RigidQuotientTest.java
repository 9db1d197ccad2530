package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;

/**
 * Laws of the horizontal projection and the correction field. Tolerances are relative to the size of the vectors
 * involved: 1e-10 for identities that hold exactly in exact arithmetic (round-off of a few hundred flops on O(1)
 * numbers, with the regularization contributing (delta / lambda)^2 ~ 1e-16), 1e-6 for finite differences.
 */
class RigidQuotientTest {

    /**
     * A random off-centre cloud, redrawn while nearly collinear (smallest principal moment below 1e-3 tr K), where the
     * regularization's relative bias (delta / l_min)^2 could exceed the 1e-10 tolerances; degenerate clouds have their
     * own test.
     */
    static double[] cloud(SplittableRandom r, int n, int d) {
        while (true) {
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + (i % d == 0 ? 3 : 0); // off-centre on purpose
            if (d == 2) return x;
            double[] l = RigidQuotient.SE3.at(x).inertiaEigenvalues();
            if (l[2] >= 1e-3 * (l[0] + l[1] + l[2])) return x;
        }
    }

    static double[] gaussian(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = r.nextGaussian();
        return v;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double a : v) s += a * a;
        return Math.sqrt(s);
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** The velocity of the rigid motion with angular velocity w (3 entries, or 1 in the plane) and translation u. */
    static double[] rigidVelocity(double[] x, double[] w, double[] u, int d) {
        int n = x.length / d;
        double[] v = new double[x.length];
        for (int i = 0; i < n; i++) {
            if (d == 3) {
                double cx = x[3 * i], cy = x[3 * i + 1], cz = x[3 * i + 2];
                v[3 * i] = w[1] * cz - w[2] * cy + u[0];
                v[3 * i + 1] = w[2] * cx - w[0] * cz + u[1];
                v[3 * i + 2] = w[0] * cy - w[1] * cx + u[2];
            } else {
                v[2 * i] = -w[0] * x[2 * i + 1] + u[0];
                v[2 * i + 1] = w[0] * x[2 * i] + u[1];
            }
        }
        return v;
    }

    /** x + (the rigid rotation velocity of x with angular velocity w). */
    static double[] rigidVelocityPlus(double[] x, double[] w) {
        double[] v = rigidVelocity(x, w, new double[3], 3);
        for (int i = 0; i < v.length; i++) v[i] += x[i];
        return v;
    }

    @Property(tries = 200)
    void projectionIsIdempotent(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d), v = gaussian(r, n * d);
        RigidQuotient.Local at = q.at(x);
        double[] p = at.project(v), pp = at.project(p);
        assertTrue(maxDiff(p, pp) < 1e-10 * norm(v), "P P v = P v");
    }

    @Property(tries = 200)
    void projectionKillsRigidRotationsAndTranslations(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d);
        double[] v = rigidVelocity(x, gaussian(r, q.rotationDimension()), gaussian(r, d), d);
        assertTrue(norm(q.project(x, v)) < 1e-10 * norm(v), "P kills the velocity of any rigid motion");
    }

    @Example
    void horizontalityHoldsOnANearCollinearTriangle() {
        projectionKeepsHorizontalVectorsAndIsOrthogonal(3, 3, 459);
    }

    @Property(tries = 200)
    void projectionKeepsHorizontalVectorsAndIsOrthogonal(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d);
        RigidQuotient.Local at = q.at(x);
        double[] v = gaussian(r, n * d), w = gaussian(r, n * d);
        double[] h = at.project(v); // horizontal by construction: zero momentum and angular momentum
        double[] c = q.centred(x);
        double lin = 0, ang = 0;
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += h[d * i + k];
            lin = Math.max(lin, Math.abs(s));
        }
        double[] omega = at.angularVelocity(h);
        for (double o : omega) ang = Math.max(ang, Math.abs(o));
        // The regularized inverse (l / (l^2 + delta^2), delta = 1e-8 tr K) is exact to relative order (delta/l)^2, and
        // reading omega off K^-1 amplifies by tr K / l: near-collinear clouds (l down to 1e-3 tr K, which cloud()
        // allows) leave omega ~1e-10 at |v| ~ 3 (seed 459, d = 3, n = 3 gave 1.5e-10). Allow exactly that.
        double angTol = 1e-10 * norm(v) / norm(c);
        if (d == 3) {
            double[] l = at.inertiaEigenvalues();
            double tr = l[0] + l[1] + l[2], lmin = Math.min(l[0], Math.min(l[1], l[2]));
            double rel = 1e-8 * tr / lmin;
            angTol += 10 * rel * rel * (tr / lmin) * norm(v) / norm(c);
        }
        assertTrue(
                lin < 1e-10 * norm(v) && ang < angTol,
                "P v has no momentum (" + lin + "), no angular momentum (" + ang + " vs " + angTol + ")");
        // orthogonal projection: <P v, w> = <v, P w>
        double[] pw = at.project(w);
        double a = 0, b = 0;
        for (int i = 0; i < v.length; i++) {
            a += h[i] * w[i];
            b += v[i] * pw[i];
        }
        assertEquals(a, b, 1e-10 * norm(v) * norm(w));
        // the cloud's own (centred) radial direction is horizontal and kept
        assertTrue(maxDiff(at.project(c), c) < 1e-10 * norm(c));
    }

    @Property(tries = 200)
    void projectionIsEquivariant(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d), v = gaussian(r, n * d);
        double[] rot;
        if (d == 3) {
            rot = O3.SO3.sample(r).matrix();
        } else {
            double a = 2 * Math.PI * r.nextDouble();
            rot = new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
        }
        double[] shift = gaussian(r, d);
        double[] rx = ExactPosteriorTest.rotate(rot, x, d);
        for (int i = 0; i < rx.length; i++) rx[i] += shift[i % d];
        double[] lhs = q.project(rx, ExactPosteriorTest.rotate(rot, v, d));
        double[] rhs = ExactPosteriorTest.rotate(rot, q.project(x, v), d);
        assertTrue(maxDiff(lhs, rhs) < 1e-10 * norm(v), "P_{Rx+b}(R v) = R P_x(v)");
        double[] hl = q.correction(rx), hr = ExactPosteriorTest.rotate(rot, q.correction(x), d);
        assertTrue(maxDiff(hl, hr) < 1e-10 * norm(hr), "h(Rx + b) = R h(x)");
    }

    @Property(tries = 100)
    void correctionIsMinusHalfTheGradientOfLogDetInertia(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 12) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d);
        double[] h = q.correction(x);
        double step = 1e-5;
        for (int j = 0; j < x.length; j++) {
            double[] up = x.clone(), dn = x.clone();
            up[j] += step;
            dn[j] -= step;
            double fd = -0.5 * (q.at(up).logDetInertia() - q.at(dn).logDetInertia()) / (2 * step);
            assertEquals(fd, h[j], 1e-6 * (1 + Math.abs(h[j])), "coordinate " + j);
        }
    }

    @Property(tries = 200)
    void cloudDotCorrectionIsMinusTheRotationDimension(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = cloud(r, n, d);
        double[] c = q.centred(x), h = q.correction(x);
        double s = 0;
        for (int i = 0; i < c.length; i++) s += c[i] * h[i];
        // space: sum_n x_n . h_n = -3; plane: -1. The regularized inverse 1/l -> l/(l^2 + delta^2), delta = 1e-8 tr K,
        // moves both identities by about (delta / l_min)^2, which matters only for nearly collinear random clouds
        double[] l = q.at(x).inertiaEigenvalues();
        double trK = 0;
        for (double v : l) trK += v;
        double reg = Math.pow(1e-8 * trK / l[l.length - 1], 2);
        assertEquals(-q.rotationDimension(), s, 1e-10 + 10 * reg);
        assertEquals(d * n - d - q.rotationDimension(), q.at(x).traceOfProjection(), 1e-10 + 10 * reg);
    }

    @Test
    void traceOfProjectionMatchesTheMatrixTrace() {
        SplittableRandom r = new SplittableRandom(4);
        for (int d = 2; d <= 3; d++) {
            RigidQuotient q = RigidQuotient.of(d);
            double[] x = cloud(r, 7, d);
            RigidQuotient.Local at = q.at(x);
            double tr = 0;
            for (int j = 0; j < x.length; j++) {
                double[] e = new double[x.length];
                e[j] = 1;
                tr += at.project(e)[j];
            }
            assertEquals(at.traceOfProjection(), tr, 1e-10);
        }
    }

    @Test
    void collinearCloudsUseTheRegularizedInverse() {
        RigidQuotient q = RigidQuotient.SE3;
        SplittableRandom r = new SplittableRandom(12);
        double[] axis = {0.3, -0.5, 0.81};
        int n = 5;
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double s = r.nextGaussian();
            for (int k = 0; k < 3; k++) x[3 * i + k] = 1 + s * axis[k];
        }
        RigidQuotient.Local at = q.at(x);
        double[] l = at.inertiaEigenvalues();
        assertTrue(Math.abs(l[2]) < 1e-12 * l[0], "one principal moment vanishes");
        double[] v = gaussian(r, 3 * n);
        double[] p = at.project(v);
        for (double a : p) assertTrue(Double.isFinite(a));
        assertTrue(maxDiff(p, at.project(p)) < 1e-9 * norm(v), "still idempotent");
        // rotations about any axis (including the line itself, which does not move the points) are killed
        for (double[] w : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, axis}) {
            double[] rv = rigidVelocity(q.centred(x), w, new double[3], 3);
            assertTrue(norm(at.project(rv)) < 1e-9 * (1 + norm(rv)));
        }
        // the orbit is two-dimensional: tr P = 3N - 3 - 2
        assertEquals(3 * n - 5, at.traceOfProjection(), 1e-9);
        // the correction is finite and equals that of the stratum: -(1/2) grad log lambda^2 = -2 c_n / lambda
        double[] h = at.correction(), c = q.centred(x);
        for (int j = 0; j < h.length; j++) assertEquals(-2 * c[j] / l[0], h[j], 1e-8 * (1 + Math.abs(h[j])));
        // and a tiny perpendicular perturbation changes the projection continuously (no blow-up of P)
        double[] y = x.clone();
        y[1] += 1e-9;
        double[] py = q.project(y, v);
        for (double a : py) assertTrue(Double.isFinite(a) && Math.abs(a) < 100 * norm(v));
    }

    @Test
    void unregularizedInverseWouldFailOnCollinearClouds() {
        // the plain 3x3 inverse of K is singular here: det K is exactly zero
        double[] x = {0, 0, 0, 1, 0, 0, 2, 0, 0, 5, 0, 0};
        RigidQuotient.Local at = RigidQuotient.SE3.at(x);
        double[] l = at.inertiaEigenvalues();
        assertEquals(0, l[2], 1e-12);
        assertEquals(0, l[0] * l[1] * l[2], 1e-9);
        assertTrue(Double.isFinite(at.project(new double[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})[0]));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> RigidQuotient.of(4));
        assertThrows(IllegalArgumentException.class, () -> RigidQuotient.SE3.at(new double[5]));
        assertThrows(IllegalArgumentException.class, () -> RigidQuotient.SE2.at(new double[3]));
    }
}
