package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** {@link Sigmoid} against 1 / (1 + Math.exp(-a)): relative error below 1e-13 on [-40, 40], tails and specials. */
class SigmoidTest {
    static final double RELATIVE = 1e-13;

    static double exact(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Property(tries = 2000)
    void relativeErrorIsBelowTheStatedBound(@ForAll @DoubleRange(min = -40, max = 40) double a) {
        double e = exact(a);
        assertEquals(e, Sigmoid.value(a), RELATIVE * e, "a = " + a);
    }

    @Test
    void worstRelativeErrorOnADenseGrid() {
        double worst = 0;
        for (int j = -400_000; j <= 400_000; j++) {
            double a = j * 1e-4;
            worst = Math.max(worst, Math.abs(Sigmoid.value(a) - exact(a)) / exact(a));
        }
        assertTrue(worst < RELATIVE, "worst relative error " + worst);
        assertTrue(worst > 1e-17, "suspiciously exact: is Math.exp being called? " + worst);
    }

    @Test
    void tailsAndSpecialValues() {
        for (double a = 40; a < 1e6; a *= 1.7) assertEquals(1.0, Sigmoid.value(a), 0, "a = " + a);
        for (double a = -40; a > -1e6; a *= 1.3) {
            double s = Sigmoid.value(a);
            assertTrue(s >= 0 && s <= 5e-18 && Math.abs(s - exact(a)) <= 5e-18, "a = " + a + ": " + s);
        }
        assertEquals(1.0, Sigmoid.value(Double.POSITIVE_INFINITY), 0);
        assertEquals(0.0, Sigmoid.value(Double.NEGATIVE_INFINITY), 0);
        assertTrue(Double.isNaN(Sigmoid.value(Double.NaN)));
        assertEquals(0.5, Sigmoid.value(0), 1e-16);
    }

    @Test
    void arrayFormEqualsScalarFormBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        double[] a = new double[100_003];
        for (int i = 0; i < a.length; i++) a[i] = 30 * r.nextGaussian();
        double[] b = a.clone();
        for (int rep = 0; rep < 20; rep++) { // long enough for the JIT to vectorize the loop
            System.arraycopy(a, 0, b, 0, a.length);
            Sigmoid.applyInPlace(b, 3, a.length - 5);
        }
        for (int i = 0; i < a.length; i++) {
            double want = i < 3 || i >= a.length - 5 ? a[i] : Sigmoid.value(a[i]);
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(b[i]), "index " + i);
        }
    }
}
