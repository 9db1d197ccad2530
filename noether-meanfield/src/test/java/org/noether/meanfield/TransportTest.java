package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Exactness of the W2 solver: brute force on small cases, dense against sparse on larger ones, certificates. */
class TransportTest {

    /** W2^2 by enumerating all permutations of the lcm-replicated problem. */
    static double bruteForce(double[] a, int n, double[] b, int m, int dim) {
        int size = n / Transport.gcd(n, m) * m;
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) perm[i] = i;
        double best = Double.POSITIVE_INFINITY;
        do {
            double c = 0;
            for (int r = 0; r < size; r++) c += sq(a, r / (size / n), b, perm[r] / (size / m), dim);
            best = Math.min(best, c);
        } while (nextPermutation(perm));
        return best / size;
    }

    static double sq(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) s += (a[i * dim + c] - b[j * dim + c]) * (a[i * dim + c] - b[j * dim + c]);
        return s;
    }

    static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) {
            t = p[l];
            p[l] = p[r];
            p[r] = t;
        }
        return true;
    }

    @Property(tries = 60)
    void matchesBruteForceOnEqualSizes(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @IntRange(min = 1, max = 4) int dim,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = Particles.gaussian(n, dim, 1, r), b = Particles.gaussian(n, dim, 1, r);
        double exact = bruteForce(a, n, b, n, dim);
        assertEquals(exact, Transport.w2Squared(a, n, b, n, dim), 1e-12 * (1 + exact));
    }

    @Property(tries = 40)
    void matchesBruteForceOnUnequalSizes(
            @ForAll @IntRange(min = 1, max = 3) int n,
            @ForAll @IntRange(min = 1, max = 3) int copies,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        // n vs n * copies points (as mu against mu^G), plus a non-dividing pair 2 vs 3
        SplittableRandom r = new SplittableRandom(seed);
        int m = n * copies;
        double[] a = Particles.gaussian(n, 2, 1, r), b = Particles.gaussian(m, 2, 1, r);
        double exact = bruteForce(a, n, b, m, 2);
        assertEquals(exact, Transport.w2Squared(a, n, b, m, 2), 1e-12 * (1 + exact));
        assertEquals(exact, Transport.w2Squared(b, m, a, n, 2), 1e-12 * (1 + exact));
        double[] c = Particles.gaussian(3, 2, 1, r);
        double e2 = bruteForce(Arrays.copyOf(a, 2 * 2), 2, c, 3, 2);
        assertEquals(e2, Transport.w2Squared(Arrays.copyOf(a, 4), 2, c, 3, 2), 1e-12 * (1 + e2));
    }

    @Property(tries = 30)
    void isSymmetricAndBoundedByTheIdentityCoupling(
            @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = Particles.gaussian(n, 3, 1, r), b = Particles.gaussian(n, 3, 1, r);
        double ab = Transport.w2Squared(a, n, b, n, 3), ba = Transport.w2Squared(b, n, a, n, 3);
        assertEquals(ab, ba, 1e-12 * (1 + ab));
        double identity = 0;
        for (int i = 0; i < n; i++) identity += sq(a, i, b, i, 3) / n;
        assertTrue(ab <= identity + 1e-12);
        assertEquals(0, Transport.w2Squared(a, n, a, n, 3), 1e-15);
    }

    @Test
    void translationCostsItsSquaredLength() {
        int n = 700; // above the dense limit: exercises the sparse phase
        double[] a = Particles.gaussian(n, 4, 1, new SplittableRandom(9));
        double[] b = a.clone();
        for (int i = 0; i < n; i++) b[i * 4 + 2] += 0.25;
        assertEquals(0.0625, Transport.w2Squared(a, n, b, n, 4), 1e-12);
    }

    @Test
    void sparseAndDensePathsAgreeAndAreCertified() {
        int saved = Lapjv.denseLimit;
        try {
            for (int[] sizes : new int[][] {{400, 400}, {300, 900}, {450, 900}}) {
                SplittableRandom r = new SplittableRandom(sizes[0] + sizes[1]);
                double[] a = Particles.gaussian(sizes[0], 4, 1, r), b = Particles.gaussian(sizes[1], 4, 1, r);
                Lapjv.denseLimit = Integer.MAX_VALUE;
                Transport.Plan dense = Transport.plan(a, sizes[0], b, sizes[1], 4, true);
                Lapjv.denseLimit = 0;
                Transport.Plan sparse = Transport.plan(a, sizes[0], b, sizes[1], 4, true);
                assertEquals(dense.w2Squared(), sparse.w2Squared(), 1e-12 * dense.w2Squared());
                assertTrue(dense.maxDualViolation() < 1e-12, "dense certificate " + dense.maxDualViolation());
                assertTrue(sparse.maxDualViolation() < 1e-12, "sparse certificate " + sparse.maxDualViolation());
                // the plan is a coupling: every target receives exactly its mass
                int[] received = new int[sizes[1]];
                for (int t : sparse.target()) received[t]++;
                int expected = sparse.target().length / sizes[1];
                for (int c : received) assertEquals(expected, c);
            }
        } finally {
            Lapjv.denseLimit = saved;
        }
    }

    @Test
    void degenerateCloudsAreSolved() {
        int saved = Lapjv.denseLimit;
        try {
            Lapjv.denseLimit = 0; // the sparse phase with massive ties
            double[] same = new double[600 * 2];
            Arrays.fill(same, 1.5);
            assertEquals(0, Transport.w2Squared(same, 300, same, 600, 2), 0);
            // an SI cloud against its symmetrization: every point is its own image
            Symmetry sym = Settings.PAPER.symmetry();
            double[] si = Particles.initial(Invariance.STRONGLY_INVARIANT, sym, 400, 1, new SplittableRandom(4));
            assertEquals(0, Transport.w2Squared(si, 400, sym.symmetrize(si, 400), 800, 4), 1e-20);
            // points on a grid: many equal costs
            double[] grid = Particles.gaussian(500, 2, 1, new SplittableRandom(8));
            double[] other = Particles.gaussian(1000, 2, 1, new SplittableRandom(9));
            for (int i = 0; i < grid.length; i++) grid[i] = Math.round(grid[i] * 2) / 2.0;
            for (int i = 0; i < other.length; i++) other[i] = Math.round(other[i] * 2) / 2.0;
            Transport.Plan p = Transport.plan(grid, 500, other, 1000, 2, true);
            assertTrue(p.maxDualViolation() < 1e-12, "certificate " + p.maxDualViolation());
        } finally {
            Lapjv.denseLimit = saved;
        }
    }

    @Property(tries = 50)
    void selectionFindsTheSmallestValues(
            @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 200) int k,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(10); // many ties
        int[] picked = Lapjv.smallest(v, k, new int[n], (int) seed);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] got = new double[picked.length];
        for (int i = 0; i < picked.length; i++) got[i] = v[picked[i]];
        Arrays.sort(got);
        assertEquals(Math.min(n, k), picked.length);
        assertEquals(Math.min(n, k), Arrays.stream(picked).distinct().count());
        for (int i = 0; i < got.length; i++) assertEquals(sorted[i], got[i]);
    }

    @Test
    void oversizedProblemsAreRejectedWithAMessage() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Transport.w2Squared(new double[9973], 9973, new double[9967], 9967, 1));
        assertTrue(e.getMessage().contains("lcm"), e.getMessage());
    }
}
