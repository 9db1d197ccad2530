package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.linalg.Dense;

/** The fast Euler-angle evaluation agrees with the matrix exponential to 1e-11, gimbal-lock cases included. */
class WignerDTest {

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
