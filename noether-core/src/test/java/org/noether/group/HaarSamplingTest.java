package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The samplers draw from the right distribution: Haar measure on the compact groups (checked through moments that
 * Haar measure fixes), both components of the groups with reflections equally often, and E(3)'s translations from
 * a centred normal with the stated scale. N = 8000 seeded draws; every tolerance is at least 4.5 standard errors, so a
 * correct sampler passes for any seed, and a wrong one (a half-circle of angles, no reflections, a wrong translation
 * scale) fails by many.
 */
class HaarSamplingTest {
    private static final int N = 8000;

    @Test
    void so2AndO2AnglesAreUniformOnTheCircle() {
        for (O2 g : new O2[] {O2.SO2, O2.O2}) {
            SplittableRandom r = new SplittableRandom(11);
            double cos = 0, sin = 0, cos2 = 0, reflections = 0;
            for (int i = 0; i < N; i++) {
                O2Element e = g.sample(r);
                assertTrue(e.angle() >= 0 && e.angle() < 2 * Math.PI, "angle " + e.angle());
                cos += Math.cos(e.angle());
                sin += Math.sin(e.angle());
                cos2 += Math.cos(2 * e.angle());
                if (e.reflection()) reflections++;
            }
            // cos and sin of a uniform angle have mean 0 and sd 1/sqrt(2): standard error 0.0079
            assertEquals(0, cos / N, 0.04, g + " E[cos]");
            assertEquals(0, sin / N, 0.04, g + " E[sin]");
            assertEquals(0, cos2 / N, 0.04, g + " E[cos 2θ]");
            // the reflection coin: standard error of the fraction 0.0056
            assertEquals(g == O2.O2 ? 0.5 : 0.0, reflections / N, 0.03, g + " reflections");
        }
    }

    /**
     * Haar measure on SO(3): E[R] = 0 and E[(tr R)^2] = 1 (the trivial representation occurs once in V⊗V); on O(3)
     * the same, with determinant -1 half the time.
     */
    @Test
    void so3AndO3AreHaarDistributed() {
        for (O3 g : new O3[] {O3.SO3, O3.O3}) {
            SplittableRandom r = new SplittableRandom(12);
            double[] mean = new double[9];
            double trace2 = 0, negative = 0;
            for (int i = 0; i < N; i++) {
                Orthogonal3 e = g.sample(r);
                double[] m = e.matrix();
                for (int k = 0; k < 9; k++) mean[k] += m[k] / N;
                double t = m[0] + m[4] + m[8];
                trace2 += t * t / N;
                if (e.determinant() < 0) negative++;
            }
            // each entry has sd 1/sqrt(3): standard error 0.0065
            for (int k = 0; k < 9; k++) assertEquals(0, mean[k], 0.035, g + " E[R] entry " + k);
            // (tr R)^2 has sd about 1.4 under Haar: standard error 0.016
            assertEquals(1, trace2, 0.1, g + " E[(tr R)^2]");
            assertEquals(g == O3.O3 ? 0.5 : 0.0, negative / N, 0.03, g + " determinant -1");
        }
    }

    @Test
    void e3TranslationsAreCentredNormalsWithTheStatedScaleAndRotationsAreHaar() {
        for (E3 g : new E3[] {E3.SE3, E3.E3.withTranslationScale(2.5)}) {
            double scale = g.translationScale();
            SplittableRandom r = new SplittableRandom(13);
            double[] sum = new double[3], sq = new double[3];
            double negative = 0, trace = 0;
            for (int i = 0; i < N; i++) {
                RigidMotion e = g.sample(r);
                for (int k = 0; k < 3; k++) {
                    sum[k] += e.translation()[k];
                    sq[k] += e.translation()[k] * e.translation()[k];
                }
                if (e.rotation().determinant() < 0) negative++;
                trace += (e.rotation().get(0, 0)
                                + e.rotation().get(1, 1)
                                + e.rotation().get(2, 2))
                        / N;
            }
            for (int k = 0; k < 3; k++) {
                // mean: standard error scale/89; sd: standard error about scale/126
                assertEquals(0, sum[k] / N, 0.06 * scale, g + " mean translation " + k);
                assertEquals(scale, Math.sqrt(sq[k] / N), 0.04 * scale, g + " translation sd " + k);
            }
            assertEquals(0, trace, 0.06, g + " E[tr R]");
            boolean reflections = g.name().equals(E3.E3.name());
            assertEquals(reflections ? 0.5 : 0.0, negative / N, 0.03, g + " determinant -1");
        }
    }

    @Test
    void onlyTheEuclideanGroupsAreNotCompact() {
        assertFalse(E3.E3.isCompact());
        assertFalse(E3.SE3.isCompact());
        for (Group<?> g :
                new Group<?>[] {O2.SO2, O2.O2, O3.SO3, O3.O3, DihedralGroup.dihedral(4), new SymmetricGroup(3)})
            assertTrue(g.isCompact(), g.name());
        assertEquals(1.0, E3.SE3.translationScale());
        assertEquals(0.5, E3.SE3.withTranslationScale(0.5).translationScale());
        assertEquals(O3.SO3, E3.SE3.rotations());
        assertEquals(O3.O3, E3.E3.rotations());
    }
}
