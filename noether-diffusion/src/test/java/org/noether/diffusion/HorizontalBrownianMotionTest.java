package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The sign of the mean-curvature correction. Lifted horizontal Brownian motion must give |x|^2 the drift of Brownian
 * motion on the centred space, s^2 (dN - d). Analytically (Ito) the correct sign gives exactly that at every cloud
 * and the published sign misses it by 2 r s^2. By simulation, the tolerance is 5 standard errors of the Monte Carlo
 * mean (the estimate of (|x_T|^2 - |x_0|^2) / T over independent paths; a false failure has probability ~6e-7 under
 * the normal approximation) plus 0.02 for the O(dt) bias of Euler-Maruyama, which is (s^4/4) |h|^2 dt ~ 1e-3 here.
 */
class HorizontalBrownianMotionTest {

    static double[] cloud(int n, int d, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = scale * r.nextGaussian();
        return x;
    }

    @Property(tries = 100)
    void analyticDriftOfSquaredNormHasTheCentredBrownianValueOnlyWithTheMinusSign(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        RigidQuotient q = RigidQuotient.of(d);
        double[] x = RigidQuotientTest.cloud(new SplittableRandom(seed), n, d); // not nearly collinear
        double s = 0.8, r = q.rotationDimension();
        double target = HorizontalBrownianMotion.centredBrownianSquaredNormDrift(q, n, s);
        assertEquals(s * s * (d * n - d), target, 1e-12);
        assertEquals(target, HorizontalBrownianMotion.analyticSquaredNormDrift(q, x, s, Correction.CORRECT), 1e-9);
        assertEquals(
                target - 2 * r * s * s,
                HorizontalBrownianMotion.analyticSquaredNormDrift(q, x, s, Correction.REVERSED),
                1e-9);
        assertEquals(
                target - r * s * s, HorizontalBrownianMotion.analyticSquaredNormDrift(q, x, s, Correction.NONE), 1e-9);
    }

    @Test
    void simulatedDriftInSpaceConfirmsTheMinusSignAndRejectsThePublishedOne() {
        RigidQuotient q = RigidQuotient.SE3;
        int n = 5;
        double[] x0 = cloud(n, 3, 1.0, 21);
        double s = 1, time = 0.5;
        int steps = 50, paths = 10_000;
        double expected = s * s * (3 * n - 3); // 12
        var correct =
                HorizontalBrownianMotion.simulateSquaredNormDrift(q, x0, s, time, steps, paths, Correction.CORRECT, 1);
        var reversed =
                HorizontalBrownianMotion.simulateSquaredNormDrift(q, x0, s, time, steps, paths, Correction.REVERSED, 2);
        var plain = HorizontalBrownianMotion.simulateCentredBrownian(q, x0, s, time, steps, paths, 3);
        assertEquals(expected, plain.mean(), 5 * plain.standardError() + 0.02, "reference: Brownian motion on R^3N_0");
        assertEquals(expected, correct.mean(), 5 * correct.standardError() + 0.02, "minus sign: " + correct);
        assertTrue(Math.abs(reversed.zScore(expected)) > 20, "plus sign must fail: " + reversed);
        assertEquals(
                s * s * (3 * n - 9),
                reversed.mean(),
                5 * reversed.standardError() + 0.02,
                "plus sign drifts at s^2 (3N - 9): " + reversed);
    }

    @Test
    void simulatedDriftInThePlaneConfirmsTheMinusSign() {
        RigidQuotient q = RigidQuotient.SE2;
        int n = 4;
        double[] x0 = cloud(n, 2, 1.0, 5);
        double s = 1, time = 0.5;
        int steps = 50, paths = 20_000;
        double expected = s * s * (2 * n - 2); // 6
        var correct =
                HorizontalBrownianMotion.simulateSquaredNormDrift(q, x0, s, time, steps, paths, Correction.CORRECT, 4);
        var reversed =
                HorizontalBrownianMotion.simulateSquaredNormDrift(q, x0, s, time, steps, paths, Correction.REVERSED, 5);
        assertEquals(expected, correct.mean(), 5 * correct.standardError() + 0.02, "minus sign: " + correct);
        assertTrue(Math.abs(reversed.zScore(expected)) > 20, "plus sign must fail: " + reversed);
    }

    /**
     * Beyond |x|^2: the superposed lift (unprojected increment, superposed back) has exactly the law of Brownian motion
     * on the quotient at any step size, checked on two invariants of three-point clouds (the smallest principal moment
     * and one distance) at a coarse step, within 5 combined standard errors.
     */
    @Test
    void superposedLiftMatchesBrownianMotionInLawEvenWithCoarseSteps() {
        RigidQuotient q = RigidQuotient.SE3;
        double[] x0 = cloud(3, 3, 1.0, 5);
        int steps = 20, paths = 6000;
        var bm = HorizontalBrownianMotion.endpoints(
                q, x0, 1, 1, steps, paths, HorizontalBrownianMotion.Scheme.BROWNIAN, 1);
        var sup = HorizontalBrownianMotion.endpoints(
                q, x0, 1, 1, steps, paths, HorizontalBrownianMotion.Scheme.SUPERPOSED, 2);
        java.util.function.ToDoubleFunction<double[]> lambdaMin = x -> q.at(x).inertiaEigenvalues()[2];
        java.util.function.ToDoubleFunction<double[]> d01 =
                x -> Math.sqrt(Math.pow(x[0] - x[3], 2) + Math.pow(x[1] - x[4], 2) + Math.pow(x[2] - x[5], 2));
        for (var f : List.of(lambdaMin, d01)) {
            var a = HorizontalBrownianMotion.mean(bm, f);
            var b = HorizontalBrownianMotion.mean(sup, f);
            double se = Math.hypot(a.standardError(), b.standardError());
            assertEquals(a.mean(), b.mean(), 5 * se, a + " vs " + b);
        }
        for (double[] x : sup) assertEquals(0, x[0] + x[3] + x[6], 1e-12, "superposed clouds stay centred");
    }

    @Test
    void simulationIsDeterministicForAGivenSeed() {
        double[] x0 = cloud(4, 3, 1, 9);
        var a = HorizontalBrownianMotion.simulateSquaredNormDrift(
                RigidQuotient.SE3, x0, 1, 0.1, 5, 50, Correction.CORRECT, 77);
        var b = HorizontalBrownianMotion.simulateSquaredNormDrift(
                RigidQuotient.SE3, x0, 1, 0.1, 5, 50, Correction.CORRECT, 77);
        assertEquals(a, b);
    }
}
