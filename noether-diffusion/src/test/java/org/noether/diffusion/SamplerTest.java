package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplerTest {

    static List<Sampler> allSamplers(RigidQuotient q, int steps) {
        return List.of(
                Sampler.builder(q).steps(steps).gridPower(2).build(),
                Sampler.builder(q).steps(steps).gridPower(2).heun().build(),
                Sampler.builder(q).steps(steps).gridPower(2).sde(1).build(),
                Sampler.builder(q)
                        .steps(steps)
                        .gridPower(2)
                        .quotient(Correction.CORRECT)
                        .build(),
                Sampler.builder(q)
                        .steps(steps)
                        .gridPower(2)
                        .heun()
                        .quotient(Correction.CORRECT)
                        .build(),
                Sampler.builder(q)
                        .steps(steps)
                        .gridPower(2)
                        .sde(1)
                        .quotient(Correction.CORRECT)
                        .build(),
                Sampler.builder(q)
                        .steps(steps)
                        .gridPower(2)
                        .sde(0.5)
                        .quotient(Correction.REVERSED)
                        .build());
    }

    @Test
    void sameSeedSameSamplesAndOtherSeedOtherSamples() {
        RigidShapeMixture target = ToyTargets.chain().mixture();
        Denoiser d = target.exactDenoiser(Objective.QUOTIENT, Schedule.LINEAR);
        Sampler s = Sampler.builder(RigidQuotient.SE3)
                .steps(12)
                .sde(1)
                .quotient(Correction.CORRECT)
                .build();
        double[][] a = s.sample(d, 4, 6, 99), b = s.sample(d, 4, 6, 99), c = s.sample(d, 4, 6, 100);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
        assertFalse(java.util.Arrays.equals(a[0], c[0]));
    }

    @Test
    void everySamplerLandsOnASingleRigidShape() {
        double[] tri = {0, 0, 0, 0.3, 0.95, 0, 2, 0, 0};
        RigidShapeMixture target = RigidShapeMixture.of(3, List.of(tri), new double[] {1});
        // on the grid t_k = 1 - (1 - k/K)^2 the last denoising happens at noise level 1/K^2, where the posterior mean
        // is the shape to within ~1e-6; on a uniform grid it would be 1/K and the mean visibly shrunk (~1e-3)
        for (Sampler s : allSamplers(RigidQuotient.SE3, 25)) {
            Objective o = s.quotient() ? Objective.QUOTIENT : Objective.CONVENTIONAL;
            for (double[] x : s.sample(target.exactDenoiser(o, Schedule.LINEAR), 3, 8, 5)) {
                assertTrue(Kabsch.rmsd(x, tri, 3) < 1e-4, s.label() + ": RMSD " + Kabsch.rmsd(x, tri, 3));
            }
        }
    }

    @Test
    void quotientSamplersIgnoreTheVerticalPartOfTheDenoiser() {
        // a denoiser that only spins the cloud: x -> x + omega x x is a purely vertical velocity
        Denoiser spin = (x, t) -> {
            double[] c = RigidQuotient.SE3.centred(x);
            return RigidQuotientTest.rigidVelocityPlus(c, new double[] {0.3, -1, 2});
        };
        // with this "denoiser" the ODE velocity (D - x) / (1 - t) is vertical, so the quotient ODE does not move
        Sampler quotient = Sampler.builder(RigidQuotient.SE3)
                .steps(10)
                .quotient(Correction.CORRECT)
                .build();
        Sampler conventional = Sampler.builder(RigidQuotient.SE3).steps(10).build();
        double[][] still = quotient.sample(spin, 5, 3, 7), moved = conventional.sample(spin, 5, 3, 7);
        // both start from the same noise; a one-step run with the identity denoiser returns exactly that noise
        double[][] initial = Sampler.builder(RigidQuotient.SE3)
                .steps(1)
                .quotient(Correction.CORRECT)
                .build()
                .sample((x, t) -> RigidQuotient.SE3.centred(x), 5, 3, 7);
        for (int i = 0; i < 3; i++) {
            assertTrue(LinearAlgebraTest.maxDiff(still[i], initial[i]) < 1e-9, "quotient ODE stays put");
            assertTrue(LinearAlgebraTest.maxDiff(moved[i], initial[i]) > 1e-3, "conventional ODE spins");
        }
    }

    @Test
    void theDenoiserSeesOneBatchPerStep() {
        AtomicInteger calls = new AtomicInteger();
        Denoiser counting = new Denoiser() {
            @Override
            public double[] denoise(double[] x, double t) {
                return new double[x.length];
            }

            @Override
            public double[][] denoiseBatch(double[][] x, double t) {
                calls.incrementAndGet();
                assertEquals(16, x.length);
                return new double[x.length][x[0].length];
            }
        };
        Sampler.builder(RigidQuotient.SE2).steps(9).sde(1).build().sample(counting, 3, 16, 1);
        assertEquals(9, calls.get());
        calls.set(0);
        Sampler.builder(RigidQuotient.SE2).steps(9).heun().build().sample(counting, 3, 16, 1);
        assertEquals(2 * 9 - 1, calls.get(), "Heun: two calls per step, one on the last");
    }

    @Test
    void timeGridRunsFromNoiseToData() {
        double[] t =
                Sampler.builder(RigidQuotient.SE3).steps(8).gridPower(2).build().times();
        assertEquals(0, t[0]);
        assertEquals(1, t[8]);
        for (int k = 0; k < 8; k++) assertTrue(t[k + 1] > t[k]);
        assertTrue(t[8] - t[7] < t[1] - t[0], "denser near the data");
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> Sampler.builder(RigidQuotient.SE3)
                .steps(0));
        assertThrows(IllegalArgumentException.class, () -> Sampler.builder(RigidQuotient.SE3)
                .sde(0));
        assertThrows(IllegalArgumentException.class, () -> Sampler.builder(RigidQuotient.SE3)
                .gridPower(0.5));
        Sampler s = Sampler.builder(RigidQuotient.SE3).build();
        assertThrows(IllegalArgumentException.class, () -> s.sample((x, t) -> x, 1, 3, 0));
        assertThrows(IllegalStateException.class, () -> s.sample((x, t) -> new double[2], 3, 2, 0));
    }
}
