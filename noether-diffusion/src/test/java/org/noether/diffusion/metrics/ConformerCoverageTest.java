package org.noether.diffusion.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
