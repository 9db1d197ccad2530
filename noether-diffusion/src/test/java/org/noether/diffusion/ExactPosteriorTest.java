package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;

/** The closed forms behind the exact denoisers, checked against quadrature over the group. */
class ExactPosteriorTest {

    static final double[] TETRA = {1.2, 0.1, -0.3, -0.4, 1.0, 0.2, -0.5, -0.7, 0.9, -0.3, -0.4, -0.8};
    static final double[] KITE = {1.5, 0.0, 0.0, 0.8, -0.9, 0.0, 0.0, -0.6};

    /** Monte Carlo over Haar rotations: log E[exp(tr(diag(s) Q))] and E[Q_ii] under the tilted law, with errors. */
    static double[] haarReference(double[] s, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] f = new double[samples], q = new double[3 * samples];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < samples; i++) {
            double[] m = O3.SO3.sample(r).matrix();
            q[3 * i] = m[0];
            q[3 * i + 1] = m[4];
            q[3 * i + 2] = m[8];
            f[i] = s[0] * m[0] + s[1] * m[4] + s[2] * m[8];
            max = Math.max(max, f[i]);
        }
        double sw = 0, sw2 = 0;
        double[] num = new double[3];
        for (int i = 0; i < samples; i++) {
            double w = Math.exp(f[i] - max);
            sw += w;
            sw2 += w * w;
            for (int k = 0; k < 3; k++) num[k] += w * q[3 * i + k];
        }
        double ess = sw * sw / sw2; // effective sample size of the self-normalized estimate
        return new double[] {max + Math.log(sw / samples), num[0] / sw, num[1] / sw, num[2] / sw, ess};
    }

    @Test
    void matrixFisherNormalizerIsOneAtZeroAndMeanVanishes() {
        double[] d = new double[3];
        assertEquals(0, MatrixFisher.logNormalizer(new double[] {0, 0, 0}, d), 1e-15);
        assertEquals(0, d[0], 1e-15);
        assertEquals(0, d[2], 1e-15);
    }

    @Test
    void matrixFisherMatchesHaarMonteCarlo() {
        double[][] cases = {{0.5, 0.2, 0.1}, {3, 1.5, -0.5}, {4, 4, 4}, {6, 0, 0}, {5, 2, -1.9}};
        for (double[] s : cases) {
            double[] d = new double[3];
            double logC = MatrixFisher.logNormalizer(s, d);
            double[] ref = haarReference(s, 400_000, 5);
            // self-normalized Monte Carlo: errors of order 1/sqrt(ESS); 6 such units as tolerance
            double tol = 6 / Math.sqrt(ref[4]);
            assertEquals(ref[0], logC, tol, "log c at " + java.util.Arrays.toString(s));
            for (int k = 0; k < 3; k++)
                assertEquals(ref[1 + k], d[k], tol, "E[Q_kk] at " + java.util.Arrays.toString(s));
        }
    }

    @Property(tries = 60)
    void matrixFisherMeanIsTheGradientOfTheLogNormalizer(
            @ForAll @DoubleRange(min = -3, max = 6) double logScale,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double scale = Math.pow(10, logScale);
        double[] s = {r.nextDouble(), r.nextDouble(), r.nextDouble() * 2 - 1};
        java.util.Arrays.sort(s, 0, 2);
        s = new double[] {scale * s[1], scale * s[0], scale * Math.max(-s[0], Math.min(s[0], s[2]))};
        double[] d = new double[3];
        MatrixFisher.logNormalizer(s, d);
        for (int k = 0; k < 3; k++) {
            double h = 1e-5 * Math.max(1, scale);
            double[] up = s.clone(), dn = s.clone();
            up[k] += h;
            dn[k] -= h;
            double fd = (MatrixFisher.logNormalizer(up, null) - MatrixFisher.logNormalizer(dn, null)) / (2 * h);
            assertEquals(fd, d[k], 1e-6, "d log c / d s_" + k + " at " + java.util.Arrays.toString(s));
            assertTrue(Math.abs(d[k]) <= 1 + 1e-12, "E[Q_kk] is a cosine-like mean");
        }
    }

    @Test
    void matrixFisherApproachesItsGaussianLimitAtHighConcentration() {
        // Q = exp([w]x) with w_i ~ N(0, 1 / (s_j + s_k)): E[Q_ii] = 1 - (1/2)(1/(s_i+s_j) + 1/(s_i+s_k)) + O(1/s^2)
        double[] s = {4e6, 2.5e6, 1e6};
        double[] d = new double[3];
        MatrixFisher.logNormalizer(s, d);
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3, k = (i + 2) % 3;
            double expected = 1 - 0.5 * (1 / (s[i] + s[j]) + 1 / (s[i] + s[k]));
            assertEquals(expected, d[i], 1e-11);
        }
    }

    @Test
    void exactPosteriorMeanMatchesHaarImportanceSamplingInSpace() {
        double[] other = TETRA.clone();
        other[0] += 0.6;
        RigidShapeMixture target = RigidShapeMixture.of(3, List.of(TETRA, other), new double[] {0.3, 0.7});
        SplittableRandom r = new SplittableRandom(3);
        double t = 0.35, alpha = t, sigma = 1 - t;
        double[] x1 = target.sample(r);
        double[] xt = new double[x1.length];
        for (int i = 0; i < xt.length; i++) xt[i] = alpha * x1[i] + sigma * r.nextGaussian();
        xt = RigidQuotient.SE3.centred(xt);
        double[] exact =
                target.exactDenoiser(Objective.CONVENTIONAL, Schedule.LINEAR).denoise(xt, t);
        double[] exactWeights = target.shapeWeights(xt, alpha, sigma);
        // self-normalized importance sampling over (k, R) with Haar proposals
        int samples = 300_000;
        double[] logw = new double[2 * samples];
        double[][] rots = new double[samples][];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < samples; i++) {
            rots[i] = O3.SO3.sample(r).matrix();
            for (int k = 0; k < 2; k++) {
                double[] y = rotate(rots[i], target.shape(k), 3);
                double e = 0;
                for (int j = 0; j < y.length; j++) e += (xt[j] - alpha * y[j]) * (xt[j] - alpha * y[j]);
                logw[2 * i + k] = Math.log(target.weight(k)) - e / (2 * sigma * sigma);
                max = Math.max(max, logw[2 * i + k]);
            }
        }
        double[] mean = new double[xt.length];
        double total = 0, total2 = 0, w1 = 0;
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < 2; k++) {
                double w = Math.exp(logw[2 * i + k] - max);
                total += w;
                total2 += w * w;
                if (k == 1) w1 += w;
                double[] y = rotate(rots[i], target.shape(k), 3);
                for (int j = 0; j < y.length; j++) mean[j] += w * y[j];
            }
        }
        double ess = total * total / total2;
        double tol = 6 * 1.5 / Math.sqrt(ess); // coordinates are of size ~1.5
        for (int j = 0; j < mean.length; j++) assertEquals(mean[j] / total, exact[j], tol, "coordinate " + j);
        assertEquals(w1 / total, exactWeights[1], 6 / Math.sqrt(ess));
        assertTrue(ess > 1000, "the check needs a usable effective sample size, got " + ess);
    }

    @Test
    void exactPosteriorMeanMatchesAFineAngleGridInThePlane() {
        double[] square = {1, 1, -1, 1, -1, -1, 1, -1};
        RigidShapeMixture target = RigidShapeMixture.of(2, List.of(KITE, square), new double[] {0.5, 0.5});
        SplittableRandom r = new SplittableRandom(8);
        for (double t : new double[] {0.1, 0.5, 0.9, 0.995}) {
            double[] x1 = target.sample(r);
            double[] xt = new double[x1.length];
            for (int i = 0; i < xt.length; i++) xt[i] = t * x1[i] + (1 - t) * r.nextGaussian();
            xt = RigidQuotient.SE2.centred(xt);
            double[] exact = target.exactDenoiser(Objective.CONVENTIONAL, Schedule.LINEAR)
                    .denoise(xt, t);
            int grid = 200_000;
            double[] logw = new double[2 * grid];
            double max = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < grid; g++) {
                double a = 2 * Math.PI * g / grid;
                double[] rot = {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
                for (int k = 0; k < 2; k++) {
                    double[] y = rotate(rot, target.shape(k), 2);
                    double e = 0;
                    for (int j = 0; j < y.length; j++) e += (xt[j] - t * y[j]) * (xt[j] - t * y[j]);
                    logw[2 * g + k] = Math.log(0.5) - e / (2 * (1 - t) * (1 - t));
                    max = Math.max(max, logw[2 * g + k]);
                }
            }
            double[] mean = new double[xt.length];
            double total = 0;
            for (int g = 0; g < grid; g++) {
                double a = 2 * Math.PI * g / grid;
                double[] rot = {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
                for (int k = 0; k < 2; k++) {
                    double w = Math.exp(logw[2 * g + k] - max);
                    total += w;
                    double[] y = rotate(rot, target.shape(k), 2);
                    for (int j = 0; j < y.length; j++) mean[j] += w * y[j];
                }
            }
            for (int j = 0; j < mean.length; j++) assertEquals(mean[j] / total, exact[j], 1e-9, "t = " + t);
        }
    }

    @Property(tries = 40)
    void exactDenoisersAreEquivariant(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] other = TETRA.clone();
        other[4] -= 0.5;
        RigidShapeMixture target = RigidShapeMixture.of(3, List.of(TETRA, other), new double[] {0.5, 0.5});
        double t = r.nextDouble() * 0.98;
        double[] xt = new double[12];
        for (int i = 0; i < 12; i++) xt[i] = r.nextGaussian();
        xt = RigidQuotient.SE3.centred(xt);
        double[] rot = O3.SO3.sample(r).matrix();
        for (Objective o : Objective.values()) {
            Denoiser d = target.exactDenoiser(o, Schedule.LINEAR);
            double[] a = rotate(rot, d.denoise(xt, t), 3), b = d.denoise(rotate(rot, xt, 3), t);
            for (int j = 0; j < a.length; j++) assertEquals(a[j], b[j], 1e-8, o + " at t = " + t);
        }
    }

    static double[] rotate(double[] rot, double[] x, int d) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / d; i++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) s += rot[d * a + b] * x[d * i + b];
                y[d * i + a] = s;
            }
        }
        return y;
    }
}
