package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.linalg.Dense;

/**
 * The size refusal and time estimate of {@link IrrepDecomposition}, the group check of {@code of(group, rep)}, and
 * decompositions whose Casimir eigenvectors come out in the most awkward order for the copy search: the standard
 * basis of V + V (every candidate after the first lies in a chosen plane or is untouched) and a representation
 * conjugated by a random orthogonal matrix (candidates that are not orthogonal to one another after projection).
 */
class IrrepDecompositionLimitsTest {

    /**
     * The estimate is 10 d^3 flops at 1 GFlop/s, in seconds below 2 minutes (at least 1 s), in minutes below 2
     * hours, in hours above: d = 1000 is 10 s, 2000 is 80 s, 4000 is 640 s = 11 min, 10000 is 10^4 s = 3 h.
     */
    @Test
    void timeEstimatesFollowTenDCubedFlopsAtOneGigaflop() {
        assertEquals("about 1 s", IrrepDecomposition.estimateTime(10));
        assertEquals("about 10 s", IrrepDecomposition.estimateTime(1000));
        assertEquals("about 80 s", IrrepDecomposition.estimateTime(2000));
        assertEquals("about 11 min", IrrepDecomposition.estimateTime(4000));
        assertEquals("about 47 min", IrrepDecomposition.estimateTime(6561));
        assertEquals("about 3 h", IrrepDecomposition.estimateTime(10000));
        assertEquals("about 22 h", IrrepDecomposition.estimateTime(20000));
        double previous = 0;
        for (int d = 100; d <= 40000; d += 100) {
            double s = seconds(IrrepDecomposition.estimateTime(d));
            assertTrue(s >= previous, "estimate fell from " + previous + " s to " + s + " s at d = " + d);
            assertEquals(Math.max(1, 1e-8 * d * (double) d * d), s, 0.5 * unit(IrrepDecomposition.estimateTime(d)));
            previous = s;
        }
    }

    private static double unit(String estimate) {
        return estimate.endsWith(" h") ? 3600 : estimate.endsWith(" min") ? 60 : 1;
    }

    private static double seconds(String estimate) {
        String[] parts = estimate.split(" ");
        return Double.parseDouble(parts[1]) * unit(estimate);
    }

    /**
     * V^8 of SO(3) has 6561 dimensions, past the limit of 4000: the refusal names the dimension, the memory (six
     * dense 6561^2 matrices of doubles: 2.1 GB), the time (47 min), the limit and half the heap.
     */
    @Test
    void theSizeRefusalNamesDimensionMemoryTimeAndLimits() {
        Representation<Orthogonal3> big = RepresentationSpec.parse(O3.SO3, "V").power(8);
        var e = assertThrows(IllegalArgumentException.class, () -> IrrepDecomposition.of(big));
        String heap = String.format(Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9);
        String m = e.getMessage();
        assertTrue(m.contains("(6561 dimensions) needs about 2.1 GB of dense matrices and about 47 min"), m);
        assertTrue(m.contains("the limit is 4000 dimensions and half the heap (" + heap + ")"), m);
        assertTrue(!m.contains("\n"), m);
    }

    /**
     * 4000 dimensions are within the limit: a 4000-dimensional representation of SO(2) whose generator is not
     * skew-symmetric passes the size check and is refused as not orthogonal.
     */
    @Test
    void fourThousandDimensionsPassTheSizeCheck() {
        int d = IrrepDecomposition.MAX_DIMENSION;
        Representation<O2Element> notOrthogonal = Representations.functional(
                O2.SO2,
                "N",
                d,
                g -> Dense.identity(d),
                k -> {
                    double[] l = new double[d * d];
                    l[1] = 1; // L[0][1] = 1 and L[1][0] = 0: not skew
                    return l;
                },
                false);
        var e = assertThrows(IllegalArgumentException.class, () -> IrrepDecomposition.of(notOrthogonal));
        assertTrue(e.getMessage().contains("is not orthogonal"), e.getMessage());
    }

    /**
     * Generators need to be skew-symmetric only to 1e-9 relative to their largest entry: 1 + F100 of SO(2), whose
     * generator (entries 100, all outside the first row) is off skew by 3e-9, is accepted (3e-9 is below
     * 1e-9 * (1 + 100)) and decomposes with block errors of the size of the perturbation (checked at 1e-6).
     */
    @Test
    void skewnessIsJudgedRelativeToTheLargestEntry() {
        int k = 100;
        Representation<O2Element> rep = Representations.functional(
                O2.SO2,
                "1+F100 (perturbed)",
                3,
                g -> {
                    double c = Math.cos(k * g.angle()), s = Math.sin(k * g.angle());
                    return new double[] {1, 0, 0, 0, c, -s, 0, s, c};
                },
                j -> new double[] {0, 0, 0, 0, 0, -k, 0, k + 3e-9, 0},
                true);
        IrrepDecomposition<O2Element> dec = IrrepDecomposition.of(rep);
        assertEquals(Map.of("1", 1, "F100", 1), IrrepDecompositionTest.labels(dec));
        double[] q = dec.changeOfBasis();
        var random = new SplittableRandom(3);
        for (int s = 0; s < 5; s++) {
            O2Element g = O2.SO2.sample(random);
            assertTrue(IrrepDecompositionTest.blockError(dec, q, g) < 1e-6);
        }
        Representation<O2Element> worse = Representations.functional(
                O2.SO2,
                "1+F100 (off by 1e-6)",
                3,
                g -> Dense.identity(3),
                j -> new double[] {0, 0, 0, 0, 0, -k, 0, k + 1e-6, 0},
                true);
        var e = assertThrows(IllegalArgumentException.class, () -> IrrepDecomposition.of(worse));
        assertTrue(e.getMessage().contains("is not orthogonal"), e.getMessage());
    }

    /** of(group, rep) refuses a representation of another group, naming both. */
    @Test
    void theNamedGroupMustBeTheRepresentationsGroup() {
        Representation<Orthogonal3> v = RepresentationSpec.parse(O3.SO3, "V");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Group<Orthogonal3> so2 = (Group) O2.SO2;
        var e = assertThrows(IllegalArgumentException.class, () -> IrrepDecomposition.of(so2, v));
        assertTrue(e.getMessage().contains("is of SO3, not of SO2"), e.getMessage());
        assertEquals(3, IrrepDecomposition.of(O3.SO3, v).dimension());
    }

    /**
     * Tolerance for the decompositions below: 1e-12 on every entry of Q^T Q - I, of Q^T rho(g) Q minus the blocks
     * and of Q^T d rho(L) Q minus the generators. The representations' entries are at most 1 and their dimension at
     * most 32, so rounding leaves about 1e-14; a copy built from a vector that had lost its orthogonality to the
     * planes already chosen (or from a 0 / 0) misses by far more.
     */
    static final double TIGHT = 1e-12;

    static <G> void checkTight(IrrepDecomposition<G> dec, Group<G> group, long seed) {
        int d = dec.dimension();
        double[] q = dec.changeOfBasis();
        double orth = Dense.maxAbsDifference(Dense.multiply(Dense.transpose(q, d), q, d), Dense.identity(d));
        assertTrue(orth < TIGHT, dec + ": |Q^T Q - I| = " + orth);
        var random = new SplittableRandom(seed);
        for (int s = 0; s < 5; s++) {
            G g = group.sample(random);
            double e = IrrepDecompositionTest.blockError(dec, q, g);
            assertTrue(e < TIGHT, dec + ": block error " + e + " at " + group.format(g));
        }
        double ge = IrrepDecompositionTest.generatorError(dec, q);
        assertTrue(ge < TIGHT, dec + ": generator error " + ge);
    }

    /**
     * The Casimir operator of V + V + V (SO(2)) is exactly -I, so its eigenvectors are the standard basis: after the
     * plane (e1, e2) is chosen, the candidate e2 lies in it and must be projected away, not picked.
     */
    @Test
    void copiesOfTheStandardBasisAreFoundPlaneByPlane() {
        for (Group<O2Element> g : List.of(O2.SO2, O2.O2)) {
            Representation<O2Element> v = RepresentationSpec.parse(g, "V");
            IrrepDecomposition<O2Element> dec = IrrepDecomposition.of(v.plus(v).plus(v));
            assertEquals(Map.of("V", 3), IrrepDecompositionTest.labels(dec));
            checkTight(dec, g, 5);
        }
    }

    /** A random orthogonal d x d matrix: Gram-Schmidt of Gaussian columns. */
    static double[] randomOrthogonal(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) v[i] = random.nextGaussian();
            for (int pass = 0; pass < 2; pass++)
                for (double[] b : cols) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) dot += b[i] * v[i];
                    for (int i = 0; i < d; i++) v[i] -= dot * b[i];
                }
            double n = 0;
            for (double x : v) n += x * x;
            n = Math.sqrt(n);
            for (int i = 0; i < d; i++) v[i] /= n;
            cols.add(v);
        }
        double[] q = new double[d * d];
        for (int c = 0; c < d; c++) for (int i = 0; i < d; i++) q[i * d + c] = cols.get(c)[i];
        return q;
    }

    /** rho'(g) = Q0 rho(g) Q0^T, d rho'(L) = Q0 d rho(L) Q0^T: the same representation in a random orthonormal basis. */
    static <G> Representation<G> conjugated(Representation<G> rep, long seed) {
        int d = rep.dimension();
        double[] q0 = randomOrthogonal(d, seed), q0t = Dense.transpose(q0, d);
        return Representations.functional(
                rep.group(),
                "Q0 (" + rep.name() + ") Q0^T",
                d,
                g -> Dense.multiply(Dense.multiply(q0, rep.matrix(g), d), q0t, d),
                k -> Dense.multiply(Dense.multiply(q0, rep.lieAlgebra(k), d), q0t, d),
                true);
    }

    /** Copies are found to rounding level in a random basis, where the candidates mix every copy. */
    @Test
    void conjugatedRepresentationsDecomposeToRoundingLevel() {
        Representation<O2Element> so2 = RepresentationSpec.parse(O2.SO2, "V*V*V*V*V");
        IrrepDecomposition<O2Element> a = IrrepDecomposition.of(conjugated(so2, 3));
        assertEquals(Map.of("V", 10, "F3", 5, "F5", 1), IrrepDecompositionTest.labels(a));
        checkTight(a, O2.SO2, 6);
        Representation<O2Element> o2 = RepresentationSpec.parse(O2.O2, "V*V*V*V*V");
        checkTight(IrrepDecomposition.of(conjugated(o2, 4)), O2.O2, 7);
        Representation<Orthogonal3> so3 = RepresentationSpec.parse(O3.SO3, "V*V*V");
        IrrepDecomposition<Orthogonal3> b = IrrepDecomposition.of(conjugated(so3, 5));
        assertEquals(Map.of("D0", 1, "D1", 3, "D2", 2, "D3", 1), IrrepDecompositionTest.labels(b));
        checkTight(b, O3.SO3, 8);
        Representation<Orthogonal3> o3 = RepresentationSpec.parse(O3.O3, "V*V*V+V");
        checkTight(IrrepDecomposition.of(conjugated(o3, 9)), O3.O3, 10);
    }
}
