package org.noether.diffusion.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;

class ConformerCoverageTest {

    static final double[] A = {0, 0, 0, 1.5, 0, 0, 1.5, 1.5, 0, 0, 1.5, 1.2};

    /** x rotated by a random rotation and shifted: the same conformer. */
    static double[] rotated(double[] x, long seed) {
        double[] r = O3.SO3.sample(new SplittableRandom(seed)).matrix();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int a = 0; a < 3; a++) {
                y[3 * i + a] = 5 + r[3 * a] * x[3 * i] + r[3 * a + 1] * x[3 * i + 1] + r[3 * a + 2] * x[3 * i + 2];
            }
        }
        return y;
    }

    static double[] scaled(double[] x, double s) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] *= s;
        return y;
    }

    @Test
    void coverageAndAmrOnATinySyntheticSet() {
        // references: A and A scaled by 2 (RMSD between them is large); generated: a rotated copy of A (RMSD 0 to A),
        // a copy scaled by 1.1 (small RMSD to A), and a copy scaled by 3 (far from both)
        double[] b = scaled(A, 2);
        List<double[]> reference = List.of(A, b);
        double[] g1 = rotated(A, 1), g2 = scaled(A, 1.1), g3 = scaled(A, 3);
        List<double[]> generated = List.of(g1, g2, g3);
        double r2a = org.noether.diffusion.Kabsch.rmsd(g2, A, 3);
        double r3b = org.noether.diffusion.Kabsch.rmsd(g3, b, 3);
        double r2b = org.noether.diffusion.Kabsch.rmsd(g2, b, 3);
        double threshold = (r2a + Math.min(r3b, r2b)) / 2; // between the small and the large RMSDs
        ConformerCoverage.Result r = ConformerCoverage.evaluate(generated, reference, threshold, 3);
        // recall: A is matched (RMSD 0), b is not
        assertEquals(0.5, r.coverageRecall(), 1e-12);
        assertEquals((0 + Math.min(r2b, r3b)) / 2, r.amrRecall(), 1e-9);
        // precision: g1 and g2 are within the threshold of A, g3 is not
        assertEquals(2.0 / 3.0, r.coveragePrecision(), 1e-12);
        assertEquals(
                (0 + r2a + Math.min(r3b, org.noether.diffusion.Kabsch.rmsd(g3, A, 3))) / 3, r.amrPrecision(), 1e-9);
        assertEquals(0, r.rmsd()[0][0], 1e-12);
    }

    @Test
    void thresholdIsInclusiveAndResultsIgnoreRigidMotions() {
        double[] g = scaled(A, 1.3);
        double exact = org.noether.diffusion.Kabsch.rmsd(g, A, 3);
        assertEquals(
                1.0,
                ConformerCoverage.evaluate(List.of(g), List.of(A), exact, 3).coverageRecall(),
                "RMSD equal to the threshold counts as covered");
        assertEquals(
                0.0,
                ConformerCoverage.evaluate(List.of(g), List.of(A), Math.nextDown(exact), 3)
                        .coverageRecall());
        ConformerCoverage.Result a = ConformerCoverage.evaluate(List.of(scaled(A, 1.2)), List.of(A), 0.2, 3);
        ConformerCoverage.Result b =
                ConformerCoverage.evaluate(List.of(rotated(scaled(A, 1.2), 9)), List.of(rotated(A, 4)), 0.2, 3);
        assertEquals(a.amrRecall(), b.amrRecall(), 1e-12);
        assertEquals(a.coveragePrecision(), b.coveragePrecision());
    }

    @Test
    void rejectsEmptySets() {
        assertThrows(IllegalArgumentException.class, () -> ConformerCoverage.evaluate(List.of(), List.of(A), 0.5, 3));
    }

    /** x with every point's first coordinate negated: the mirror image. */
    static double[] mirrored(double[] x) {
        double[] y = x.clone();
        for (int k = 0; k < y.length; k += 3) y[k] = -y[k];
        return y;
    }

    /** Point k of x moved to position p[k]. */
    static double[] permuted(double[] x, int[] p) {
        double[] y = new double[x.length];
        for (int k = 0; k < p.length; k++) System.arraycopy(x, 3 * k, y, 3 * p[k], 3);
        return y;
    }

    @Test
    void symmetricAtomsAndMirrorImagesAreFoundAtAnyPoseAndOnlyWhenAsked() {
        // A is chiral (four points not in a plane): its mirror image is not a rotation of it
        SplittableRandom random = new SplittableRandom(7);
        List<int[]> identity = List.of(new int[] {0, 1, 2, 3});
        int[] swap = {0, 3, 2, 1}; // points 1 and 3 exchanged
        List<int[]> both = List.of(identity.get(0), swap);
        for (int trial = 0; trial < 20; trial++) {
            long seed = random.nextLong();
            double[] swapped = rotated(permuted(A, swap), seed);
            double[] mirror = rotated(mirrored(A), seed);
            List<double[]> reference = List.of(A);
            // as scored: neither is the same conformer (tolerance 0.1 A)
            assertTrue(ConformerCoverage.evaluate(List.of(swapped), reference, 0.5, 3)
                            .amrRecall()
                    > 0.1);
            assertTrue(ConformerCoverage.evaluate(List.of(mirror), reference, 0.5, 3)
                            .amrRecall()
                    > 0.1);
            // the identity alone without mirror is the plain evaluation, to the last bit
            assertEquals(
                    ConformerCoverage.evaluate(List.of(swapped, mirror), reference, 0.5, 3)
                            .amrRecall(),
                    ConformerCoverage.evaluate(List.of(swapped, mirror), reference, 0.5, 3, identity, false)
                            .amrRecall());
            // with the mapping, the swapped copy is the reference (1e-9 A); the mirror image only with mirror
            assertEquals(
                    0,
                    ConformerCoverage.evaluate(List.of(swapped), reference, 0.5, 3, both, false)
                            .amrRecall(),
                    1e-9);
            assertTrue(ConformerCoverage.evaluate(List.of(mirror), reference, 0.5, 3, both, false)
                            .amrRecall()
                    > 0.1);
            assertEquals(
                    0,
                    ConformerCoverage.evaluate(List.of(mirror), reference, 0.5, 3, identity, true)
                            .amrRecall(),
                    1e-9);
            // a mirrored, swapped copy needs both
            double[] mirrorSwapped = rotated(mirrored(permuted(A, swap)), seed);
            assertTrue(ConformerCoverage.evaluate(List.of(mirrorSwapped), reference, 0.5, 3, identity, true)
                            .amrRecall()
                    > 0.1);
            assertTrue(ConformerCoverage.evaluate(List.of(mirrorSwapped), reference, 0.5, 3, both, false)
                            .amrRecall()
                    > 0.1);
            assertEquals(
                    0,
                    ConformerCoverage.evaluate(List.of(mirrorSwapped), reference, 0.5, 3, both, true)
                            .amrRecall(),
                    1e-9);
        }
    }

    @Test
    void symmetricScoringRejectsMismatchedMappings() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ConformerCoverage.evaluate(List.of(A), List.of(A), 0.5, 3, List.of(), false));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ConformerCoverage.evaluate(List.of(A), List.of(A), 0.5, 3, List.of(new int[] {0, 1, 2}), false));
        assertTrue(e.getMessage().contains("3 points"), e.getMessage());
    }
}
