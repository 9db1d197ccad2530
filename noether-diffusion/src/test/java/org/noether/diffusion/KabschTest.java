package org.noether.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;

class KabschTest {

    static double sq(double[] rot, double[] p, double[] q, int d) {
        double[] pc = RigidQuotient.of(d).centred(p), qc = RigidQuotient.of(d).centred(q);
        double[] rp = ExactPosteriorTest.rotate(rot, pc, d);
        double s = 0;
        for (int i = 0; i < rp.length; i++) s += (rp[i] - qc[i]) * (rp[i] - qc[i]);
        return s;
    }

    @Property(tries = 60)
    void kabschBeatsEveryRandomAndPerturbedRotation(
            @ForAll @IntRange(min = 2, max = 3) int d,
            @ForAll @IntRange(min = 3, max = 8) int n,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n * d], q = new double[n * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextGaussian();
            q[i] = r.nextGaussian();
        }
        double[] best = Kabsch.rotation(p, q, d);
        if (d == 3) LinearAlgebraTest.assertRotation(best, 1e-12);
        double opt = sq(best, p, q, d);
        for (int k = 0; k < 2000; k++) {
            double[] rot;
            if (d == 3) {
                rot = O3.SO3.sample(r).matrix();
            } else {
                double a = 2 * Math.PI * r.nextDouble();
                rot = new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
            }
            assertTrue(opt <= sq(rot, p, q, d) + 1e-12, "a random rotation did better");
        }
        // local optimality: small perturbations of the optimum never help
        for (int k = 0; k < 200; k++) {
            double[] dr;
            if (d == 3) {
                double[] ax = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                dr = org.noether.group.Orthogonal3.rotation(ax, 1e-3 * r.nextDouble())
                        .matrix();
            } else {
                double a = 1e-3 * r.nextGaussian();
                dr = new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
            }
            double[] rot = new double[d * d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    for (int m = 0; m < d; m++) rot[d * i + j] += dr[d * i + m] * best[d * m + j];
            assertTrue(opt <= sq(rot, p, q, d) + 1e-12);
        }
    }

    @Property(tries = 100)
    void recoversAKnownRigidMotionExactly(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[15];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian();
        double[] rot = O3.SO3.sample(r).matrix();
        double[] q = ExactPosteriorTest.rotate(rot, p, 3);
        for (int i = 0; i < q.length; i++) q[i] += i % 3 == 1 ? 2.5 : -1;
        assertEquals(0, Kabsch.rmsd(p, q, 3), 1e-12);
        assertTrue(LinearAlgebraTest.maxDiff(Kabsch.align(p, q, 3), q) < 1e-12);
    }

    @Test
    void reflectionsAreRejected() {
        // a chiral tetrahedron and its mirror image: the best orthogonal map is a reflection with RMSD 0, but Kabsch
        // must return a proper rotation and a positive RMSD
        double[] p = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3};
        double[] mirror = p.clone();
        for (int i = 0; i < 4; i++) mirror[3 * i + 2] = -mirror[3 * i + 2];
        double[] rot = Kabsch.rotation(p, mirror, 3);
        LinearAlgebraTest.assertRotation(rot, 1e-12);
        assertTrue(Kabsch.rmsd(p, mirror, 3) > 0.1);
    }

    @Test
    void rejectsMismatchedClouds() {
        assertThrows(IllegalArgumentException.class, () -> Kabsch.rotation(new double[6], new double[9], 3));
        assertThrows(IllegalArgumentException.class, () -> Kabsch.rotation(new double[8], new double[8], 4));
    }
}
