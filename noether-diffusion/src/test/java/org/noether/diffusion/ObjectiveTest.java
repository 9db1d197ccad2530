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
import org.noether.group.O3;

/** The losses, their gradients, and the claim that each objective's optimum is the exact denoiser built for it. */
class ObjectiveTest {

    static double[] gaussian(SplittableRandom r, int len, double scale) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = scale * r.nextGaussian();
        return v;
    }

    @Property(tries = 50)
    void gradientsMatchFiniteDifferences(
            @ForAll @IntRange(min = 2, max = 3) int d, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.of(d);
        int len = 5 * d;
        double[] x1 = q.centred(gaussian(r, len, 1)), xt = q.centred(gaussian(r, len, 1)), pred = gaussian(r, len, 1);
        for (Objective o : Objective.values()) {
            double[] g = o.gradient(q, pred, x1, xt);
            for (int j = 0; j < len; j++) {
                double[] up = pred.clone(), dn = pred.clone();
                up[j] += 1e-6;
                dn[j] -= 1e-6;
                double fd = (o.loss(q, up, x1, xt) - o.loss(q, dn, x1, xt)) / 2e-6;
                assertEquals(fd, g[j], 1e-5 * (1 + Math.abs(g[j])), o + " coordinate " + j);
            }
        }
    }

    @Property(tries = 50)
    void quotientLossIgnoresRigidMotionsOfThePredictionAndAf3LossIgnoresItsRotation(
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RigidQuotient q = RigidQuotient.SE3;
        double[] x1 = q.centred(gaussian(r, 15, 1)), xt = q.centred(gaussian(r, 15, 1)), pred = gaussian(r, 15, 1);
        double[] moved = RigidQuotientTest.rigidVelocity(q.centred(xt), gaussian(r, 3, 1), gaussian(r, 3, 1), 3);
        for (int i = 0; i < moved.length; i++) moved[i] += pred[i];
        assertEquals(Objective.QUOTIENT.loss(q, pred, x1, xt), Objective.QUOTIENT.loss(q, moved, x1, xt), 1e-9);
        double[] rotated = ExactPosteriorTest.rotate(O3.SO3.sample(r).matrix(), pred, 3);
        assertEquals(Objective.AF3.loss(q, pred, x1, xt), Objective.AF3.loss(q, rotated, x1, xt), 1e-9);
        // GeoDiff's target does not depend on the prediction, and superposition never increases the error
        assertTrue(Objective.GEODIFF.loss(q, xt, x1, xt) <= Objective.CONVENTIONAL.loss(q, xt, x1, xt) + 1e-12);
    }

    /**
     * The expected gradient of each objective over the exact posterior vanishes at that objective's exact denoiser.
     * In the plane the posterior over (shape, angle) is integrated on a fine angle grid.
     */
    @Test
    void eachExactDenoiserIsAStationaryPointOfItsExpectedLossInThePlane() {
        double[] square = {1, 1, -1, 1, -1, -1, 1, -1};
        RigidShapeMixture target =
                RigidShapeMixture.of(2, List.of(ExactPosteriorTest.KITE, square), new double[] {0.4, 0.6});
        RigidQuotient q = RigidQuotient.SE2;
        SplittableRandom r = new SplittableRandom(31);
        double t = 0.55;
        double[] xt = new double[8];
        double[] x1 = target.sample(r);
        for (int i = 0; i < 8; i++) xt[i] = t * x1[i] + (1 - t) * r.nextGaussian();
        xt = q.centred(xt);
        int grid = 20_000;
        for (Objective o : Objective.values()) {
            double[] d = target.exactDenoiser(o, Schedule.LINEAR).denoise(xt, t);
            double[] grad = new double[8];
            double total = 0;
            double[] logw = new double[2 * grid];
            double max = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < grid; g++) {
                for (int k = 0; k < 2; k++) {
                    double a = 2 * Math.PI * g / grid;
                    double[] y = ExactPosteriorTest.rotate(
                            new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)}, target.shape(k), 2);
                    double e = 0;
                    for (int j = 0; j < 8; j++) e += (xt[j] - t * y[j]) * (xt[j] - t * y[j]);
                    logw[2 * g + k] = Math.log(target.weight(k)) - e / (2 * (1 - t) * (1 - t));
                    max = Math.max(max, logw[2 * g + k]);
                }
            }
            for (int g = 0; g < grid; g++) {
                for (int k = 0; k < 2; k++) {
                    double a = 2 * Math.PI * g / grid;
                    double[] y = ExactPosteriorTest.rotate(
                            new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)}, target.shape(k), 2);
                    double w = Math.exp(logw[2 * g + k] - max);
                    total += w;
                    double[] gr = o.gradient(q, d, y, xt);
                    for (int j = 0; j < 8; j++) grad[j] += w * gr[j];
                }
            }
            for (int j = 0; j < 8; j++) assertEquals(0, grad[j] / total, 1e-8, o + " coordinate " + j);
        }
    }

    @Test
    void af3DenoiserIsAFixedPointOfProcrustesAveragingInSpace() {
        ToyTargets.Named chain = ToyTargets.chain();
        RigidShapeMixture target = chain.mixture();
        SplittableRandom r = new SplittableRandom(2);
        for (double t : new double[] {0.05, 0.3, 0.6}) {
            double[] x1 = target.sample(r), xt = new double[12];
            for (int i = 0; i < 12; i++) xt[i] = t * x1[i] + (1 - t) * r.nextGaussian();
            xt = RigidQuotient.SE3.centred(xt);
            double[] d = target.exactDenoiser(Objective.AF3, Schedule.LINEAR).denoise(xt, t);
            double[] w = target.shapeWeights(xt, t, 1 - t);
            // D = sum_k w_k A_D(S_k): the expected AF3 gradient vanishes (A_D(R S_k) = A_D(S_k) for every R)
            double[] avg = new double[12];
            for (int k = 0; k < w.length; k++) {
                double[] a = Kabsch.align(target.shape(k), d, 3);
                for (int j = 0; j < 12; j++) avg[j] += w[k] * a[j];
            }
            assertTrue(LinearAlgebraTest.maxDiff(avg, d) < 1e-7, "t = " + t);
            // and it beats the GeoDiff denoiser on the AF3 objective
            double[] geo =
                    target.exactDenoiser(Objective.GEODIFF, Schedule.LINEAR).denoise(xt, t);
            double lossAf3 = 0, lossGeo = 0;
            for (int k = 0; k < w.length; k++) {
                lossAf3 += w[k] * Objective.AF3.loss(RigidQuotient.SE3, d, target.shape(k), xt);
                lossGeo += w[k] * Objective.AF3.loss(RigidQuotient.SE3, geo, target.shape(k), xt);
            }
            assertTrue(lossAf3 <= lossGeo + 1e-12);
        }
    }
}
