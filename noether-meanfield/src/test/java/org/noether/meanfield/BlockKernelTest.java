package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The vectorized kernel of {@link SigmoidMatrixUnit} against the per-particle adapter on random blocks: the caches
 * and gradients are bit-identical (same operations in the same order), the sums over particles agree to 1e-14
 * relative (they are added in another order).
 */
class BlockKernelTest {

    @Property(tries = 60)
    void vectorizedKernelMatchesThePerParticlePath(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 41) int count,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SigmoidMatrixUnit unit = new SigmoidMatrixUnit(d);
        BlockKernel fast = unit.blockKernel(), slow = BlockKernel.perParticle(unit);
        SplittableRandom r = new SplittableRandom(seed);
        int dz = d * d;
        double[] z = Particles.gaussian(n, dz, 1.5, r); // coordinate-major: z[p * n + i]
        double[] xs = Particles.gaussian(count, d, 4, r), up = Particles.gaussian(count, d, 1, r);
        double[] sumFast = new double[count * d], sumSlow = new double[count * d];
        int off = 5; // a cache offset, as the trainer may use
        double[] cacheFast = new double[off + n * count * d], cacheSlow = new double[off + n * count * d];
        fast.forward(z, n, xs, count, sumFast, cacheFast, off);
        slow.forward(z, n, xs, count, sumSlow, cacheSlow, off);
        for (int q = 0; q < count * d; q++) assertEquals(sumSlow[q], sumFast[q], 1e-14 * n, "sum " + q);
        for (int i = 0; i < n; i++)
            for (int q = 0; q < count * d; q++)
                assertEquals(cacheSlow[off + i * count * d + q], cacheFast[off + q * n + i], 0, "cache " + i + "," + q);
        double[] gFast = new double[dz * n], gSlow = new double[dz * n];
        fast.backward(z, n, xs, count, up, cacheFast, off, gFast);
        slow.backward(z, n, xs, count, up, cacheSlow, off, gSlow);
        for (int j = 0; j < gFast.length; j++) assertEquals(gSlow[j], gFast[j], 0, "gradient " + j);
    }
}
