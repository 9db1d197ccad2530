package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.linalg.Dense;

/** The fast Euler-angle evaluation agrees with the matrix exponential to 1e-11, gimbal-lock cases included. */
class WignerDTest {

    /** Each test builds the cached generators again, so that the building code (not a cached result) is tested. */
    @BeforeEach
    void clearCaches() {
        WignerD.clearCaches();
    }

    @Test
    void generatorsSatisfyTheCommutationRelationsOfSO3() {
        // Same relations as the defining representation's: [L_x, L_y] = c L_z with the sign c read off from it.
        double[] l0 = O3.SO3.lieAlgebraGenerator(0),
                l1 = O3.SO3.lieAlgebraGenerator(1),
                l2 = O3.SO3.lieAlgebraGenerator(2);
        double c = Dense.commutator(l0, l1, 3)[3 * 1 + 0] / l2[3 * 1 + 0];
        assertTrue(Math.abs(Math.abs(c) - 1) < 1e-15, "defining generators: c = " + c);
        for (int l = 0; l <= 6; l++) {
            double[][] j = WignerD.generators(l);
            int d = 2 * l + 1;
            for (int k = 0; k < 3; k++) {
                double[] comm = Dense.commutator(j[k], j[(k + 1) % 3], d);
                double e = Dense.maxAbsDifference(comm, Dense.scale(j[(k + 2) % 3], c));
                assertTrue(e < 1e-12, "l=" + l + " k=" + k + " commutator off by " + e);
                // real antisymmetric, and not all zero (l > 0)
                assertTrue(Dense.maxAbsDifference(j[k], Dense.scale(Dense.transpose(j[k], d), -1)) < 1e-14);
                if (l > 0) assertTrue(Dense.maxAbs(j[k]) > 0.5, "l=" + l + " generator " + k + " is zero");
            }
            // Casimir: sum_k J_k^2 = -l(l+1) I
            double[] cas = new double[d * d];
            for (int k = 0; k < 3; k++) cas = Dense.add(cas, Dense.multiply(j[k], j[k], d));
            assertTrue(Dense.maxAbsDifference(cas, Dense.scale(Dense.identity(d), -l * (l + 1.0))) < 1e-10, "l=" + l);
        }
    }

    @Test
    void eulerEvaluationMatchesTheExponential() {
        var r = new SplittableRandom(21);
        List<Orthogonal3> rs = new ArrayList<>();
        for (int i = 0; i < 50; i++) rs.add(O3.SO3.sample(r));
        rs.add(Orthogonal3.identity());
        rs.add(Orthogonal3.rotation(new double[] {0, 0, 1}, 0.7));
        rs.add(Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI));
        rs.add(Orthogonal3.rotation(new double[] {1, 0, 0}, Math.PI));
        rs.add(Orthogonal3.rotation(new double[] {1, 1, 0}, Math.PI));
        rs.add(Orthogonal3.rotation(new double[] {0, 1, 0}, 1e-9));
        for (int l = 1; l <= 8; l++)
            for (Orthogonal3 g : rs) {
                double e = Dense.maxAbsDifference(WignerD.matrix(l, g), WignerD.matrixByExponential(l, g));
                assertTrue(e < 1e-11, "l=" + l + " R=" + g + " differs by " + e);
            }
    }

    @Test
    void degreeOneIsEquivalentToTheDefiningRepresentation() {
        // Same character for every rotation: trace D^1(R) = trace R.
        var r = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            Orthogonal3 g = O3.SO3.sample(r);
            double[] m = WignerD.matrix(1, g);
            assertTrue(Math.abs(m[0] + m[4] + m[8] - (g.get(0, 0) + g.get(1, 1) + g.get(2, 2))) < 1e-12);
        }
    }
}
