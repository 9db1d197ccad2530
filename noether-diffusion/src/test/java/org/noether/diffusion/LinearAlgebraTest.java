package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LinearAlgebraTest {

    static double[] randomMatrix(SplittableRandom r) {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) m[i] = r.nextGaussian();
        return m;
    }

    static double[] reconstruct(double[] u, double[] s, double[] v) {
        double[] us = new double[9], out = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) us[3 * i + j] = u[3 * i + j] * s[j];
        Mat3.multiplyTransposed(us, v, out);
        return out;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static void assertRotation(double[] r, double tol) {
        double[] rtr = new double[9];
        double[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        Mat3.multiply(rt, r, rtr);
        assertTrue(maxDiff(rtr, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}) < tol, "R^T R = I");
        assertEquals(1, Mat3.det(r), tol, "det R = +1");
    }

    @Property(tries = 200)
    void properSvdReconstructsWithRotationsAndOrderedValues(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = randomMatrix(r);
        // sometimes make it rank deficient, to exercise the completions
        int rank = r.nextInt(4);
        if (rank < 3) {
            double[] u = new double[9], s = new double[3], v = new double[9];
            Mat3.properSvd(a, u, s, v);
            for (int k = rank; k < 3; k++) s[k] = 0;
            a = reconstruct(u, s, v);
        }
        double[] u = new double[9], s = new double[3], v = new double[9];
        Mat3.properSvd(a, u, s, v);
        assertRotation(u, 1e-12);
        assertRotation(v, 1e-12);
        assertTrue(s[0] >= s[1] && s[1] >= Math.abs(s[2]) - 1e-14, "ordered");
        assertTrue(maxDiff(reconstruct(u, s, v), a) < 1e-12, "U S V^T = A");
        if (Math.abs(Mat3.det(a)) > 1e-9) assertEquals(Math.signum(Mat3.det(a)), Math.signum(s[2]), "det sign on s[2]");
    }

    @Property(tries = 200)
    void symmetricEigenDiagonalizes(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = randomMatrix(r), a = new double[9];
        Mat3.multiplyTransposed(b, b, a);
        if (r.nextBoolean()) { // repeated eigenvalues
            a = new double[] {2, 0, 0, 0, 2, 0, 0, 0, 1};
        }
        double[] w = new double[3], v = new double[9];
        Mat3.symmetricEigen(a, w, v);
        assertTrue(w[0] >= w[1] && w[1] >= w[2]);
        double[] vw = new double[9], back = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) vw[3 * i + j] = v[3 * i + j] * w[j];
        Mat3.multiplyTransposed(vw, v, back);
        assertTrue(maxDiff(back, a) < 1e-12 * (1 + Math.abs(w[0])));
    }

    @Test
    void besselMatchesTabulatedValues() {
        // I0(1), I1(1), I0(10), I1(10)
        assertEquals(1.2660658777520082, Bessel.scaledI0(1) * Math.E, 1e-15);
        assertEquals(0.5651591039924851, Bessel.scaledI1(1) * Math.E, 1e-15);
        assertEquals(2815.716628466254, Bessel.scaledI0(10) * Math.exp(10), 1e-10);
        assertEquals(2670.988303701255, Bessel.scaledI1(10) * Math.exp(10), 1e-10);
        // at z = 50 the asymptotic branch is used; the power series (positive terms) is an independent reference
        double q = 0.25 * 50 * 50, t0 = 1, t1 = 1, s0 = 1, s1 = 1;
        for (int k = 1; k < 400; k++) {
            t0 *= q / ((double) k * k);
            t1 *= q / ((double) k * (k + 1));
            s0 += t0;
            s1 += t1;
        }
        assertEquals(s0 * Math.exp(-50), Bessel.scaledI0(50), 1e-14);
        assertEquals(25 * s1 * Math.exp(-50), Bessel.scaledI1(50), 1e-14);
    }

    @Test
    void besselSeriesAndAsymptoticAgreeAtTheSwitchAndSatisfyTheRecurrence() {
        double z = Bessel.SERIES_LIMIT;
        assertEquals(Bessel.scaledI0(z), Bessel.scaledI0(Math.nextUp(z)), 1e-14);
        assertEquals(Bessel.scaledI1(z), Bessel.scaledI1(Math.nextUp(z)), 1e-14);
        // I0' = I1 and I1' = I0 - I1 / z, checked on the scaled functions by central differences
        for (double x : new double[] {0.3, 4, 24.9, 25.1, 80, 3e4}) {
            double h = 1e-4 * Math.min(x, 1);
            double d0 = (Bessel.scaledI0(x + h) * Math.exp(h) - Bessel.scaledI0(x - h) * Math.exp(-h)) / (2 * h);
            assertEquals(Bessel.scaledI1(x), d0, 1e-7 * Bessel.scaledI0(x), "I0' = I1 at " + x);
            double d1 = (Bessel.scaledI1(x + h) * Math.exp(h) - Bessel.scaledI1(x - h) * Math.exp(-h)) / (2 * h);
            assertEquals(Bessel.scaledI0(x) - Bessel.scaledI1(x) / x, d1, 1e-7 * Bessel.scaledI0(x), "I1' at " + x);
        }
    }
}
