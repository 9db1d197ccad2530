package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SubspaceTest {

    @Property(tries = 100)
    void projectionIsIdempotentAndItsResidualIsOrthogonal(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 6) int k) {
        SplittableRandom r = new SplittableRandom(seed);
        int d = 7;
        double[][] vs = new double[k][];
        for (int i = 0; i < k; i++) vs[i] = Particles.gaussian(1, d, 1, r);
        Subspace s = Subspace.span(d, vs);
        assertEquals(k, s.dimension());
        double[] v = Particles.gaussian(1, d, 1, r);
        double[] p = s.project(v);
        assertArrayEquals(p, s.project(p), 1e-12);
        for (int b = 0; b < k; b++) {
            double dot = 0;
            for (int i = 0; i < d; i++) dot += (v[i] - p[i]) * s.basisVector(b)[i];
            assertEquals(0, dot, 1e-12);
        }
        double[] inPlace = v.clone();
        s.project(inPlace, 0, inPlace, 0, new double[k]);
        assertArrayEquals(p, inPlace, 1e-14);
    }

    @Test
    void dependentVectorsAreDroppedAndDistancesBehave() {
        Subspace a = Subspace.span(3, new double[] {1, 0, 0}, new double[] {2, 0, 0}, new double[] {0, 1, 0});
        assertEquals(2, a.dimension());
        Subspace tilted = Subspace.span(3, new double[] {1, 0, 0}, new double[] {0, Math.cos(0.1), Math.sin(0.1)});
        assertEquals(Math.sin(0.1), a.distance(tilted), 1e-12);
        assertEquals(1, a.distance(Subspace.full(3)), 1e-12);
        assertEquals(0, a.distance(a.extend(List.of(new double[] {1, 1, 0}))), 1e-12);
        assertTrue(Subspace.span(3, new double[] {1, 1, 0}).isContainedIn(a, 1e-12));
        assertEquals(
                Math.sqrt(2), Subspace.span(3, new double[] {1, 0, 0}).distanceTo(new double[] {5, 1, 1}, 0), 1e-12);
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        double[] m = {4, 1, 0.5, 1, 3, -1, 0.5, -1, 2};
        SymmetricEigen e = SymmetricEigen.of(m, 3);
        assertTrue(e.values[0] >= e.values[1] && e.values[1] >= e.values[2]);
        double[] back = new double[9];
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) back[i * 3 + j] += e.values[k] * e.vectors[k][i] * e.vectors[k][j];
        assertArrayEquals(m, back, 1e-12);
        assertEquals(9, e.values[0] + e.values[1] + e.values[2], 1e-12);
    }

    @Test
    void eigenDecompositionOfARandomSymmetricMatrixHasSortedOrthonormalVectors() {
        int n = 16;
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = r.nextGaussian();
        SymmetricEigen e = SymmetricEigen.of(m, n);
        for (int k = 0; k < n; k++) {
            if (k > 0) assertTrue(e.values[k - 1] >= e.values[k]);
            for (int l = 0; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += e.vectors[k][i] * e.vectors[l][i];
                assertEquals(k == l ? 1 : 0, dot, 1e-12);
            }
            for (int i = 0; i < n; i++) { // M v = lambda v
                double mv = 0;
                for (int j = 0; j < n; j++) mv += m[i * n + j] * e.vectors[k][j];
                assertEquals(e.values[k] * e.vectors[k][i], mv, 1e-11);
            }
        }
    }
}
