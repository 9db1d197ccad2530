package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The four schemes: what each guarantees, checked on the built-in settings. */
class MeanFieldTrainerTest {

    static TrainingConfig shortRun() {
        return TrainingConfig.paper().withHorizon(2);
    }

    @Property(tries = 40)
    void featureAveragedModelIsEquivariantForArbitraryParticles(
            @ForAll @IntRange(max = 2) int which, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MeanFieldSetting s = Settings.all().get(which);
        Symmetry sym = s.symmetry();
        SplittableRandom r = new SplittableRandom(seed);
        int n = 7;
        double[] particles = Particles.gaussian(n, sym.parameterDimension(), 1, r); // not invariant at all
        double[] x = Particles.gaussian(1, sym.inputDimension(), 2, r);
        double[] y = Network.averaged(s.unit(), sym, particles, n, x);
        double[] gx = new double[x.length], gy = new double[y.length];
        for (int g = 0; g < sym.order(); g++) {
            sym.actOnInput(g, x, 0, gx, 0);
            sym.actOnOutput(g, y, 0, gy, 0);
            assertArrayEquals(gy, Network.averaged(s.unit(), sym, particles, n, gx), 1e-13);
        }
    }

    @Test
    void equivariantArchitectureKeepsParticlesInTheFixedSubspace() {
        for (MeanFieldSetting s : Settings.all()) {
            Symmetry sym = s.symmetry();
            int n = 40;
            double[] init =
                    Particles.initial(Invariance.STRONGLY_INVARIANT, sym, n, s.initStd(), new SplittableRandom(1));
            // full-space noise and an arbitrary teacher: everything pushes particles out, except the constraint
            TrainingConfig cfg = shortRun().withBeta(1e-3);
            double[] out = new MeanFieldTrainer(s, Scheme.EA, s.teacher(Invariance.ARBITRARY), cfg)
                    .train(init, n, 2)
                    .particles();
            double worst = 0;
            for (int i = 0; i < n; i++)
                worst = Math.max(worst, sym.fixedSubspace().distanceTo(out, i * sym.parameterDimension()));
            assertTrue(worst < 1e-12, s.name() + ": distance to E^G " + worst);
            assertTrue(Distances.rmd(init, n, out, n, sym.parameterDimension()) > 1e-3, "particles moved");
        }
    }

    @Test
    void vanillaTrainingLeavesTheFixedSubspaceUnderAnArbitraryTeacher() {
        MeanFieldSetting s = Settings.PAPER;
        int n = 40;
        double[] init =
                Particles.initial(Invariance.STRONGLY_INVARIANT, s.symmetry(), n, s.initStd(), new SplittableRandom(1));
        double[] out = new MeanFieldTrainer(s, Scheme.VANILLA, s.teacher(Invariance.ARBITRARY), shortRun())
                .train(init, n, 2)
                .particles();
        assertTrue(Distances.rmdToProjection(s.symmetry(), out, n) > 0.05);
    }

    /**
     * DA's gradient is unbiased for the augmented risk: averaged over all group elements applied to a batch, it is
     * the gradient of the loss on the orbit-expanded batch. For strongly invariant particles the network is
     * equivariant, so that average is the projection onto E^G of the vanilla gradient, and it equals FA's gradient.
     */
    @Property(tries = 20)
    void dataAugmentationGradientMatchesItsExpectation(
            @ForAll @IntRange(max = 2) int which, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MeanFieldSetting s = Settings.all().get(which);
        Symmetry sym = s.symmetry();
        SplittableRandom r = new SplittableRandom(seed);
        int n = 9, b = 5, order = sym.order(), dz = sym.parameterDimension();
        TrainingConfig cfg = TrainingConfig.paper().withBatch(b);
        Teacher teacher = s.teacher(Invariance.ARBITRARY);
        double[] particles = Particles.initial(Invariance.STRONGLY_INVARIANT, sym, n, 1, r);
        double[] x = Particles.gaussian(b, sym.inputDimension(), 1.5, r);
        double[] y = Particles.gaussian(b, sym.outputDimension(), 0.3, r);
        MeanFieldTrainer da = new MeanFieldTrainer(s, Scheme.DA, teacher, cfg);
        double[] mean = new double[n * dz];
        int[] elements = new int[b];
        for (int g = 0; g < order; g++) {
            java.util.Arrays.fill(elements, g);
            double[] grad = da.batchGradient(particles, n, x, y, elements);
            for (int i = 0; i < grad.length; i++) mean[i] += grad[i] / order;
        }
        double[] vanilla =
                new MeanFieldTrainer(s, Scheme.VANILLA, teacher, cfg).batchGradient(particles, n, x, y, null);
        double[] projected = sym.project(vanilla, n);
        double[] fa = new MeanFieldTrainer(s, Scheme.FA, teacher, cfg).batchGradient(particles, n, x, y, null);
        double scale = 1e-12 * (1 + maxAbs(vanilla));
        assertArrayEquals(projected, mean, scale, "E_g[DA gradient] = P (vanilla gradient)");
        assertArrayEquals(mean, fa, scale, "E_g[DA gradient] = FA gradient");
        // and a random draw of elements averages to the same over many batches of identical samples
        double[] mc = new double[n * dz];
        int draws = 400;
        SplittableRandom pick = new SplittableRandom(seed + 1);
        for (int t = 0; t < draws; t++) {
            for (int k = 0; k < b; k++) elements[k] = pick.nextInt(order);
            double[] grad = da.batchGradient(particles, n, x, y, elements);
            for (int i = 0; i < grad.length; i++) mc[i] += grad[i] / draws;
        }
        assertArrayEquals(mean, mc, 0.25 * maxAbs(vanilla) + 1e-9, "Monte Carlo average of DA gradients");
    }

    @Test
    void featureAveragingGradientStaysInTheFixedSubspaceForStronglyInvariantParticles() {
        MeanFieldSetting s = Settings.D4;
        Symmetry sym = s.symmetry();
        SplittableRandom r = new SplittableRandom(11);
        int n = 6, b = 4;
        double[] particles = Particles.initial(Invariance.STRONGLY_INVARIANT, sym, n, 1, r);
        double[] x = Particles.gaussian(b, 4, 1, r), y = Particles.gaussian(b, 4, 1, r);
        double[] fa = new MeanFieldTrainer(
                        s,
                        Scheme.FA,
                        s.teacher(Invariance.ARBITRARY),
                        TrainingConfig.paper().withBatch(b))
                .batchGradient(particles, n, x, y, null);
        for (int i = 0; i < n; i++) assertTrue(sym.fixedSubspace().distanceTo(fa, i * 16) < 1e-14);
    }

    @Test
    void sameSeedGivesTheSameNumbersWhateverTheThreadCount() {
        MeanFieldSetting s = Settings.PAPER;
        int n = 3 * MeanFieldTrainer.BLOCK - 17; // three blocks, the last one short
        double[] init =
                Particles.initial(Invariance.STRONGLY_INVARIANT, s.symmetry(), n, s.initStd(), new SplittableRandom(3));
        for (Scheme scheme : Scheme.values()) {
            TrainingConfig cfg =
                    shortRun().withHorizon(0.5).withNoiseSubspace(s.symmetry().fixedSubspace());
            MeanFieldTrainer one = new MeanFieldTrainer(s, scheme, s.teacher(Invariance.WEAKLY_INVARIANT), cfg);
            MeanFieldTrainer two =
                    new MeanFieldTrainer(s, scheme, s.teacher(Invariance.WEAKLY_INVARIANT), cfg.withThreads(2));
            double[] a = one.train(init, n, 5).particles();
            double[] b = one.train(init, n, 5).particles();
            double[] c = two.train(init, n, 5).particles();
            double[] d = one.train(init, n, 6).particles();
            assertArrayEquals(a, b, 0, scheme + ": same seed");
            assertArrayEquals(a, c, 0, scheme + ": two threads");
            assertTrue(maxAbsDiff(a, d) > 0, scheme + ": another seed differs");
        }
    }

    @Test
    void riskDropsWithTraining() {
        MeanFieldSetting s = Settings.PAPER;
        int n = 50;
        Teacher t = s.teacher(Invariance.STRONGLY_INVARIANT);
        double[] init =
                Particles.initial(Invariance.STRONGLY_INVARIANT, s.symmetry(), n, s.initStd(), new SplittableRandom(3));
        MeanFieldTrainer trainer =
                new MeanFieldTrainer(s, Scheme.VANILLA, t, shortRun().withHorizon(4));
        double before = trainer.risk(init, n, 500, 1);
        double after = trainer.risk(trainer.train(init, n, 1).particles(), n, 500, 1);
        assertTrue(after < 0.5 * before, before + " -> " + after);
        assertEquals(n * 4, trainer.train(init, n, 1).steps());
    }

    @Test
    void trainingAllocatesNothingPerStep() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (MeanFieldSetting s : Settings.all()) {
            for (Scheme scheme : Scheme.values()) {
                int n = 40;
                double[] init = Particles.initial(
                        Invariance.STRONGLY_INVARIANT, s.symmetry(), n, s.initStd(), new SplittableRandom(1));
                long[] bytes = new long[3];
                double[] horizons = {1, 1, 8}; // the first run lets the JIT settle
                for (int h = 0; h < 3; h++) {
                    MeanFieldTrainer t = new MeanFieldTrainer(
                            s,
                            scheme,
                            s.teacher(Invariance.WEAKLY_INVARIANT),
                            TrainingConfig.paper()
                                    .withHorizon(horizons[h])
                                    .withNoiseSubspace(s.symmetry().fixedSubspace()));
                    long before = mx.getCurrentThreadAllocatedBytes();
                    t.train(init, n, 1);
                    bytes[h] = mx.getCurrentThreadAllocatedBytes() - before;
                }
                assertTrue(
                        bytes[2] <= bytes[1] + 16_384,
                        s.name() + " " + scheme + ": " + bytes[1] + " bytes for 40" + " steps, " + bytes[2]
                                + " for 320");
            }
        }
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
