package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each sparse product against the dense product it stands for, on random matrices with zeros, with a scale s other
 * than +-1 (the contracts say "out += s * ..." for any s) and a nonzero starting {@code out}.
 */
class CsrTest {

    private static final double TOL = 1e-12;

    private static double[] randomSparse(SplittableRandom r, int d) {
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) a[i] = r.nextDouble() < 0.4 ? 0 : r.nextGaussian();
        return a;
    }

    private static double[] random(SplittableRandom r, int n) {
        return r.doubles(n, -1, 1).toArray();
    }

    /** (p x q) times (q x s), dense row-major. */
    private static double[] times(double[] a, double[] b, int p, int q, int s) {
        double[] c = new double[p * s];
        for (int i = 0; i < p; i++)
            for (int k = 0; k < q; k++) for (int j = 0; j < s; j++) c[i * s + j] += a[i * q + k] * b[k * s + j];
        return c;
    }

    private static double[] transpose(double[] a, int p, int q) {
        double[] t = new double[p * q];
        for (int i = 0; i < p; i++) for (int j = 0; j < q; j++) t[j * p + i] = a[i * q + j];
        return t;
    }

    private static double[] plusScaled(double[] base, double s, double[] x) {
        double[] out = base.clone();
        for (int i = 0; i < out.length; i++) out[i] += s * x[i];
        return out;
    }

    @Test
    void sparseProductsMatchDenseOnes() {
        SplittableRandom r = new SplittableRandom(11);
        int d = 5, k = 3;
        double s = 2.5;
        for (int trial = 0; trial < 5; trial++) {
            double[] a = randomSparse(r, d);
            Csr c = new Csr(a, d);
            double[] tall = random(r, d * k),
                    wide = random(r, k * d),
                    start = random(r, d * k),
                    startWide = random(r, k * d);

            double[] out = start.clone();
            c.leftMultiplyAdd(tall, k, out, s);
            assertArrayEquals(plusScaled(start, s, times(a, tall, d, d, k)), out, TOL);

            out = start.clone();
            c.leftTransposeMultiplyAdd(tall, k, out, s);
            assertArrayEquals(plusScaled(start, s, times(transpose(a, d, d), tall, d, d, k)), out, TOL);

            out = startWide.clone();
            c.rightMultiplyAdd(wide, k, out, s);
            assertArrayEquals(plusScaled(startWide, s, times(wide, a, k, d, d)), out, TOL);

            out = startWide.clone();
            c.rightTransposeMultiplyAdd(wide, k, out, s);
            assertArrayEquals(plusScaled(startWide, s, times(wide, transpose(a, d, d), k, d, d)), out, TOL);

            assertArrayEquals(times(transpose(a, d, d), a, d, d, d), c.transposeTimesSelf(), TOL);
            assertArrayEquals(times(a, transpose(a, d, d), d, d, d), c.selfTimesTranspose(), TOL);

            int nnz = 0;
            for (double v : a) if (v != 0) nnz++;
            assertEquals(nnz, c.nonzeros());
        }
    }
}
