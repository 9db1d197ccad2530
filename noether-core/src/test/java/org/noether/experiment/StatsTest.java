package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void meanAndSampleSd() {
        double[] x = {1, 2, 3, 4};
        assertEquals(2.5, Stats.mean(x), 0);
        assertEquals(Math.sqrt(5.0 / 3.0), Stats.sd(x), 1e-15);
        assertEquals(0, Stats.sd(new double[] {7}), 0);
        assertTrue(Double.isNaN(Stats.mean(new double[0])));
    }

    @Test
    void bootstrapIntervalIsSeededAndCoversTheMean() {
        double[] x = new SplittableRandom(3).doubles(40).toArray();
        Interval a = Stats.meanInterval(x, 11);
        Interval b = Stats.meanInterval(x, 11);
        assertEquals(a, b, "same data and seed, same interval");
        assertTrue(a.contains(Stats.mean(x)));
        // For 40 uniforms the standard error is about 0.29/sqrt(40) = 0.046: a 95 % interval is about +-0.09 wide.
        assertTrue(a.halfWidth() > 0.05 && a.halfWidth() < 0.13, "half width " + a.halfWidth());
    }

    @Test
    void bootstrapCoverageIsNearNominal() {
        // 400 samples of size 30 from N(1, 1): the 95 % interval should contain 1 about 380 times (binomial sd ~4.4);
        // small samples make the percentile bootstrap a little narrow, so accept 350..395.
        SplittableRandom rng = new SplittableRandom(5);
        int covered = 0;
        for (int t = 0; t < 400; t++) {
            double[] x = new double[30];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 + gaussian(rng);
            }
            if (Stats.meanInterval(x, 0.95, 2000, t).contains(1)) {
                covered++;
            }
        }
        assertTrue(covered >= 350 && covered <= 395, "covered " + covered + " of 400");
    }

    @Test
    void pairedDifferenceCancelsWhatPairsShare() {
        // Large shared variation, small constant difference: paired, the difference is certain; unpaired it is not.
        SplittableRandom rng = new SplittableRandom(9);
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < a.length; i++) {
            double shared = 10 * gaussian(rng);
            a[i] = shared + 0.1;
            b[i] = shared;
        }
        Interval d = Stats.pairedDifference(a, b, 1);
        assertTrue(d.above(0), d.toString());
        assertEquals(0.1, d.estimate(), 1e-12);
        assertFalse(Stats.meanInterval(a, 1).below(Stats.mean(b))
                || Stats.meanInterval(a, 1).above(Stats.mean(b)));
    }

    @Test
    void refusesMismatchedPairsAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedDifference(new double[2], new double[3], 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.meanInterval(new double[] {1, Double.NaN}, 0));
    }

    @Test
    void singleValueIsItsOwnInterval() {
        Interval i = Stats.meanInterval(new double[] {0.4}, 0);
        assertEquals(0.4, i.lower(), 0);
        assertEquals(0.4, i.upper(), 0);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
