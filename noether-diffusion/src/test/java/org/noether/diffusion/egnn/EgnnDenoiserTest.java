package org.noether.diffusion.egnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.diffusion.Objective;
import org.noether.diffusion.conformers.ConformerEnsemble;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.metrics.Element;
import org.noether.nn.util.LiveArrays;

class EgnnDenoiserTest {

    /** A training-like loss curve: falling from 8 towards 2 with multiplicative noise up to a factor 3 per step. */
    static float[] noisyFalling(int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] l = new float[steps];
        for (int i = 0; i < steps; i++) l[i] = (float) ((2 + 6 * Math.exp(-i / 300.0)) * (0.4 + 1.6 * r.nextDouble()));
        return l;
    }

    @Test
    void divergenceWatchIgnoresNoiseAndCatchesALossThatLeavesItsFloor() {
        for (long seed = 0; seed < 50; seed++) {
            float[] healthy = noisyFalling(4000, seed);
            var watch = new EgnnDenoiser.DivergenceWatch();
            for (int i = 0; i < healthy.length; i++) {
                assertTrue(watch.healthy(healthy, i), "seed " + seed + " step " + i);
                assertTrue(!watch.diverged(healthy, i), "noise taken for divergence: seed " + seed + " step " + i);
            }
            // the protein run's failure: from about 2.5 to over 100 at step 450, staying there
            float[] bad = noisyFalling(1000, seed);
            for (int i = 450; i < bad.length; i++) bad[i] = 120 + bad[i];
            var w = new EgnnDenoiser.DivergenceWatch();
            int caught = -1;
            for (int i = 0; i < bad.length && caught < 0; i++) {
                if (i % 100 == 0 && i >= 500) assertTrue(!w.healthy(bad, i), "a diverging state snapshotted at " + i);
                if (w.diverged(bad, i)) caught = i;
            }
            assertTrue(caught >= 450 && caught < 475, "caught at " + caught);
            assertTrue(w.describe(bad, caught).contains("over the last 50 steps"), w.describe(bad, caught));
        }
    }

    static List<Molecule> molecules = new ArrayList<>();
    static List<List<double[]>> conformers = new ArrayList<>();

    @BeforeAll
    static void data() throws Exception {
        for (String s : new String[] {"CCO", "CC(N)=O", "CCCF"}) {
            Molecule m = Molecule.fromSmiles(s);
            molecules.add(m);
            conformers.add(ConformerEnsemble.sample(m, 4, new SplittableRandom(s.hashCode())));
        }
    }

    /** A random orthogonal matrix (a rotation, times -1 half of the time), row-major. */
    static double[] randomOrthogonal(SplittableRandom r) {
        double[] q = new double[9];
        double[][] v = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) v[a][c] = r.nextGaussian();
            for (int p = 0; p < a; p++) {
                double d = 0;
                for (int c = 0; c < 3; c++) d += v[a][c] * v[p][c];
                for (int c = 0; c < 3; c++) v[a][c] -= d * v[p][c];
            }
            double nn = Math.sqrt(v[a][0] * v[a][0] + v[a][1] * v[a][1] + v[a][2] * v[a][2]);
            for (int c = 0; c < 3; c++) q[3 * a + c] = v[a][c] = v[a][c] / nn;
        }
        return q;
    }

    static double[] apply(double[] q, double[] x, double[] shift) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int a = 0; a < 3; a++) {
                double s = shift[a];
                for (int c = 0; c < 3; c++) s += q[3 * a + c] * x[3 * i + c];
                y[3 * i + a] = s;
            }
        }
        return y;
    }

    static Molecule permute(Molecule m, int[] p) { // new atom k is old atom p[k]
        int n = m.size();
        int[] inv = new int[n];
        for (int k = 0; k < n; k++) inv[p[k]] = k;
        Element[] atoms = new Element[n];
        double[] xyz = new double[3 * n];
        for (int k = 0; k < n; k++) {
            atoms[k] = m.atoms()[p[k]];
            System.arraycopy(m.coords(), 3 * p[k], xyz, 3 * k, 3);
        }
        int[][] bonds = new int[m.bonds().length][];
        for (int b = 0; b < bonds.length; b++) {
            int[] o = m.bonds()[b];
            bonds[b] = new int[] {inv[o[0]], inv[o[1]], o[2]};
        }
        return new Molecule(m.smiles(), atoms, bonds, xyz);
    }

    static double[] permuteCoords(double[] x, int[] p) {
        double[] y = new double[x.length];
        for (int k = 0; k < p.length; k++) System.arraycopy(x, 3 * p[k], y, 3 * k, 3);
        return y;
    }

    /**
     * E(3) x permutation equivariance of the untrained network, on a padded batch of molecules of different sizes:
     * f(P(Qx + c)) = P Q f(x) (the output is centred, so translations drop out). Float32 arithmetic: tolerance
     * 1e-4 A absolute plus 1e-4 relative.
     */
    @Test
    void untrainedNetworkIsE3AndPermutationEquivariant() {
        SplittableRandom r = new SplittableRandom(3);
        try (EgnnDenoiser net = EgnnDenoiser.create(16, 2, 5)) {
            for (int trial = 0; trial < 3; trial++) {
                List<Molecule> ms = new ArrayList<>(), moved = new ArrayList<>();
                List<double[]> xs = new ArrayList<>(), xsMoved = new ArrayList<>();
                double[] q = randomOrthogonal(r);
                double[] shift = {r.nextGaussian() * 3, r.nextGaussian() * 3, r.nextGaussian() * 3};
                List<int[]> perms = new ArrayList<>();
                for (Molecule m : molecules) {
                    int n = m.size();
                    double[] x = new double[3 * n];
                    for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian() * 1.5;
                    int[] p = new int[n];
                    for (int k = 0; k < n; k++) p[k] = k;
                    for (int k = n - 1; k > 0; k--) {
                        int j = r.nextInt(k + 1), s = p[k];
                        p[k] = p[j];
                        p[j] = s;
                    }
                    ms.add(m);
                    xs.add(x);
                    moved.add(permute(m, p));
                    xsMoved.add(permuteCoords(apply(q, x, shift), p));
                    perms.add(p);
                }
                float[] t = {0.3f, 0.7f, 0.05f};
                double[][] y = net.predict(ms, xs, t), yMoved = net.predict(moved, xsMoved, t);
                for (int i = 0; i < ms.size(); i++) {
                    double[] expected = permuteCoords(apply(q, y[i], new double[3]), perms.get(i));
                    for (int k = 0; k < expected.length; k++) {
                        assertEquals(
                                expected[k],
                                yMoved[i][k],
                                1e-4 + 1e-4 * Math.abs(expected[k]),
                                "trial " + trial + " molecule " + i + " coordinate " + k);
                    }
                    double s = 0;
                    for (double v : y[i]) s += v * v;
                    assertTrue(s > 1e-6, "the output should not vanish");
                }
            }
        }
    }

    @Test
    void trainingReducesTheLossAndKeepsLiveArraysFlat() {
        try (EgnnDenoiser net = EgnnDenoiser.create(16, 2, 9)) {
            int steps = 100; // warm-up, then cosine decay: the rate is only near its peak early on
            int[] live = new int[steps];
            double before = net.loss(molecules, conformers, Objective.CONVENTIONAL, 32, 99L, 0);
            net.train(
                    molecules,
                    conformers,
                    Objective.CONVENTIONAL,
                    steps,
                    8,
                    1e-2f,
                    1L,
                    (step, l) -> live[(int) step] = LiveArrays.count(net.manager()));
            double after = net.loss(molecules, conformers, Objective.CONVENTIONAL, 32, 99L, 0);
            assertTrue(after < 0.9 * before, "loss on a fixed batch should fall: " + before + " -> " + after);
            assertTrue(Math.abs(live[steps - 1] - live[10]) <= 2, "live arrays " + live[10] + " -> " + live[steps - 1]);
        }
    }

    @Test
    void everyObjectiveTrainsWithFiniteLoss() {
        for (Objective o : Objective.values()) {
            try (EgnnDenoiser net = EgnnDenoiser.create(8, 1, 2)) {
                float[] loss = net.train(molecules, conformers, o, 3, 4, 1e-3f, 5L, null);
                for (float l : loss) assertTrue(Float.isFinite(l) && l >= 0, o + ": " + l);
            }
        }
    }

    @Test
    void checkpointRoundTrip(@TempDir Path dir) throws Exception {
        double[][] x = {conformers.get(0).get(0)};
        try (EgnnDenoiser net = EgnnDenoiser.create(8, 2, 4)) {
            net.train(molecules, conformers, Objective.QUOTIENT, 3, 4, 1e-3f, 5L, null);
            net.save(dir, "q");
            double[] before = net.predict(molecules.get(0), x, 0.4)[0];
            assertTrue(EgnnDenoiser.exists(dir, "q"));
            try (EgnnDenoiser back = EgnnDenoiser.load(dir, "q", 8, 2)) {
                assertArrayEquals(before, back.predict(molecules.get(0), x, 0.4)[0], 1e-6);
            }
        }
    }

    @Test
    void parameterBytesRoundTripAndRejectGarbage() throws Exception {
        double[][] x = {conformers.get(0).get(0)};
        try (EgnnDenoiser net = EgnnDenoiser.create(8, 2, 4)) {
            net.train(molecules, conformers, Objective.CONVENTIONAL, 3, 4, 1e-3f, 5L, null);
            byte[] bytes = net.parameters();
            double[] before = net.predict(molecules.get(0), x, 0.4)[0];
            try (EgnnDenoiser back = EgnnDenoiser.fromParameters(bytes, 8, 2)) {
                assertArrayEquals(before, back.predict(molecules.get(0), x, 0.4)[0], 0.0);
            }
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.IOException.class,
                    () -> EgnnDenoiser.fromParameters(java.util.Arrays.copyOf(bytes, bytes.length / 2), 8, 2));
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.IOException.class, () -> EgnnDenoiser.fromParameters(bytes, 16, 2), "another width");
        }
    }
}
