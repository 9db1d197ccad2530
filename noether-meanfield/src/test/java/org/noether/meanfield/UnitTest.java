package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Joint equivariance sigma_*(rho_X(g) x; M_g z) = rho_Y(g) sigma_*(x; z) of the built-in units, and their gradients.
 * The actions are permutations, so equivariance holds up to rounding: tolerance 1e-12 relative to 1 + |sigma_*|.
 */
class UnitTest {
    static final double EQUIVARIANCE_TOLERANCE = 1e-12;

    @Provide
    Arbitrary<double[]> vectors() {
        return Arbitraries.doubles().between(-5, 5).array(double[].class).ofSize(32);
    }

    @Property(tries = 200)
    void sigmoidUnitIsJointlyEquivariantUnderTheSwap(@ForAll("vectors") double[] v, @ForAll @IntRange(max = 1) int g) {
        assertEquivariant(Settings.PAPER, v, g);
    }

    @Property(tries = 200)
    void sigmoidUnitIsJointlyEquivariantUnderD4(@ForAll("vectors") double[] v, @ForAll @IntRange(max = 7) int g) {
        assertEquivariant(Settings.D4, v, g);
    }

    @Property(tries = 200)
    void classicUnitIsJointlyEquivariantUnderS3(@ForAll("vectors") double[] v, @ForAll @IntRange(max = 5) int g) {
        assertEquivariant(Settings.CLASSIC_S3, v, g);
    }

    private static void assertEquivariant(MeanFieldSetting s, double[] v, int g) {
        Symmetry sym = s.symmetry();
        Unit u = s.unit();
        int dx = u.inputDimension(), dy = u.outputDimension(), dz = u.parameterDimension();
        double[] x = java.util.Arrays.copyOfRange(v, 0, dx);
        double[] z = java.util.Arrays.copyOfRange(v, dx, dx + dz);
        double[] gx = new double[dx], gz = new double[dz], gy = new double[dy];
        sym.actOnInput(g, x, 0, gx, 0);
        sym.actOnParameters(g, z, 0, gz, 0);
        double[] y = u.apply(x, z);
        sym.actOnOutput(g, y, 0, gy, 0);
        double[] moved = u.apply(gx, gz);
        double norm = 0;
        for (double c : y) norm += c * c;
        for (int i = 0; i < dy; i++)
            assertEquals(gy[i], moved[i], EQUIVARIANCE_TOLERANCE * (1 + Math.sqrt(norm)), "output " + i);
    }

    @Property(tries = 30)
    void backwardMatchesFiniteDifferences(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(max = 2) int which) {
        MeanFieldSetting s = Settings.all().get(which);
        Unit u = s.unit();
        SplittableRandom r = new SplittableRandom(seed);
        int dx = u.inputDimension(), dy = u.outputDimension(), dz = u.parameterDimension();
        double[] x = Particles.gaussian(1, dx, 1, r), z = Particles.gaussian(1, dz, 0.7, r);
        double[] up = Particles.gaussian(1, dy, 1, r);
        double[] g = u.pullback(x, z, up);
        double h = 1e-6;
        for (int p = 0; p < dz; p++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[p] += h;
            zm[p] -= h;
            double[] yp = u.apply(x, zp), ym = u.apply(x, zm);
            double fd = 0;
            for (int o = 0; o < dy; o++) fd += up[o] * (yp[o] - ym[o]) / (2 * h);
            assertEquals(fd, g[p], 1e-7 * (1 + Math.abs(fd)), "parameter " + p);
        }
    }

    @Test
    void batchedForwardAddsAndBackwardOverwrites() {
        Unit u = new SigmoidMatrixUnit(3);
        SplittableRandom r = new SplittableRandom(3);
        double[] z = Particles.gaussian(1, 9, 1, r), xs = Particles.gaussian(4, 3, 1, r);
        double[] sum = new double[12];
        java.util.Arrays.fill(sum, 1.0);
        double[] cache = new double[12];
        u.forward(z, 0, xs, 4, sum, cache, 0);
        for (int k = 0; k < 4; k++) {
            double[] y = u.apply(java.util.Arrays.copyOfRange(xs, 3 * k, 3 * k + 3), z);
            for (int o = 0; o < 3; o++) assertEquals(1 + y[o], sum[3 * k + o], 1e-15);
        }
        double[] up = Particles.gaussian(4, 3, 1, r);
        double[] g = new double[9];
        java.util.Arrays.fill(g, 42);
        u.backward(z, 0, xs, 4, up, cache, 0, g, 0);
        double[] expected = new double[9];
        for (int k = 0; k < 4; k++) {
            double[] gk = u.pullback(
                    java.util.Arrays.copyOfRange(xs, 3 * k, 3 * k + 3),
                    z,
                    java.util.Arrays.copyOfRange(up, 3 * k, 3 * k + 3));
            for (int p = 0; p < 9; p++) expected[p] += gk[p];
        }
        assertArrayEquals(expected, g, 1e-13);
    }

    @Test
    void userSuppliedUnitAgreesWithTheBuiltInOne() {
        Unit builtIn = new SigmoidMatrixUnit(2);
        Unit user = Unit.of(
                "user sigmoid",
                2,
                2,
                4,
                (x, z, out) -> {
                    for (int r = 0; r < 2; r++) out[r] = 1 / (1 + Math.exp(-(z[2 * r] * x[0] + z[2 * r + 1] * x[1])));
                },
                (x, z, up, grad) -> {
                    for (int r = 0; r < 2; r++) {
                        double s = 1 / (1 + Math.exp(-(z[2 * r] * x[0] + z[2 * r + 1] * x[1])));
                        grad[2 * r] = up[r] * s * (1 - s) * x[0];
                        grad[2 * r + 1] = up[r] * s * (1 - s) * x[1];
                    }
                });
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            double[] x = Particles.gaussian(1, 2, 3, r), z = Particles.gaussian(1, 4, 1, r);
            double[] up = Particles.gaussian(1, 2, 1, r);
            // the built-in unit uses Sigmoid (relative error < 1e-13), the user's one Math.exp
            assertArrayEquals(user.apply(x, z), builtIn.apply(x, z), SigmoidTest.RELATIVE);
            assertArrayEquals(user.pullback(x, z, up), builtIn.pullback(x, z, up), 4 * SigmoidTest.RELATIVE * 10);
        }
        assertTrue(Settings.PAPER.symmetry().equivarianceError(user, 100, 2, r) < EQUIVARIANCE_TOLERANCE);
    }

    @Test
    void equivarianceCheckFlagsABrokenUnit() {
        // sigmoid of (z x) with a bias on the first output only: not equivariant under the swap
        Unit broken = Unit.of(
                "biased",
                2,
                2,
                4,
                (x, z, out) -> {
                    out[0] = 1 / (1 + Math.exp(-(z[0] * x[0] + z[1] * x[1] + 1)));
                    out[1] = 1 / (1 + Math.exp(-(z[2] * x[0] + z[3] * x[1])));
                },
                (x, z, up, g) -> java.util.Arrays.fill(g, 0));
        assertTrue(Settings.PAPER.symmetry().equivarianceError(broken, 100, 1, new SplittableRandom(1)) > 1e-3);
    }

    @Test
    void mismatchedDimensionsAreRejectedWithAMessage() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Settings.PAPER.symmetry().requireCompatible(new SigmoidMatrixUnit(3)));
        assertTrue(e.getMessage().contains("(3, 3, 9)"), e.getMessage());
    }
}
