package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DistancesTest {

    @Property(tries = 50)
    void rmdIsZeroOnIdenticalCloudsSymmetricAndBounded(
            @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = Particles.gaussian(n, 4, 1, r), b = Particles.gaussian(n, 4, 3, r);
        assertEquals(0, Distances.rmd(a, n, a, n, 4), 1e-15);
        double ab = Distances.rmd(a, n, b, n, 4), ba = Distances.rmd(b, n, a, n, 4);
        assertEquals(ab, ba, 1e-12);
        assertTrue(ab >= 0 && ab <= Math.sqrt(2) + 1e-12);
        // a relabeling of the particles does not change the measure
        double[] shuffled = new double[a.length];
        for (int i = 0; i < n; i++) System.arraycopy(a, ((i + 1) % n) * 4, shuffled, i * 4, 4);
        assertEquals(0, Distances.rmd(a, n, shuffled, n, 4), 1e-15);
    }

    @Property(tries = 30)
    void stronglyInvariantCloudsAreAtZeroFromTheirProjectionAndSymmetrization(
            @ForAll @IntRange(max = 2) int which, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Symmetry sym = Settings.all().get(which).symmetry();
        double[] si = Particles.initial(Invariance.STRONGLY_INVARIANT, sym, 12, 1, new SplittableRandom(seed));
        assertEquals(0, Distances.rmdToProjection(sym, si, 12), 1e-7);
        assertEquals(0, Distances.rmdToSymmetrization(sym, si, 12), 1e-7);
        double[] wi =
                Particles.initial(Invariance.WEAKLY_INVARIANT, sym, 3 * sym.order(), 1, new SplittableRandom(seed));
        int n = wi.length / sym.parameterDimension();
        assertEquals(0, Distances.rmdToSymmetrization(sym, wi, n), 1e-7);
        assertTrue(Distances.rmdToProjection(sym, wi, n) > 0.05);
    }

    @Test
    void knownValue() {
        // mu = delta_(1,0), nu = delta_(-1,0): W2^2 = 4, M2 = 1 + 1, RMD^2 = 2
        assertEquals(2, Distances.rmdSquared(new double[] {1, 0}, 1, new double[] {-1, 0}, 1, 2), 1e-15);
        assertEquals(0, Distances.rmd(new double[2], 1, new double[2], 1, 2));
    }
}
