package org.noether.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.diffusion.Correction;
import org.noether.diffusion.Denoiser;
import org.noether.diffusion.ExactDenoiserToyExperiment;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.RigidQuotient;
import org.noether.diffusion.RigidShapeMixture;
import org.noether.diffusion.Sampler;
import org.noether.diffusion.Schedule;
import org.noether.diffusion.ToyTargets;

/**
 * A JMH-free micro-measurement of what the quotient lift costs per sampling step, against a denoiser forward pass,
 * and of the sampling throughput of each sampler. Not a unit test (no assertions, no timing in the build); run it
 * with {@code noether bench diffusion}, see docs/benchmarks/diffusion.md.
 *
 * <p>The denoiser forward is a stand-in until the DJL EGNN exists: {@link ReferenceEgnn}, a plain-Java EGNN (4 layers,
 * 64 hidden features, messages over all pairs) with random weights, which has the arithmetic of the real network but
 * none of the engine overhead, so the ratios here are upper bounds for the real one.
 */
public final class DiffusionStepCostBenchmark {

    private DiffusionStepCostBenchmark() {}

    public static void run(PrintStream report) {
        report.println("per-cloud cost of one sampling step, median of 15 rounds (ns)");
        report.printf(
                Locale.ROOT,
                "%5s %12s %14s %14s %14s %10s %10s%n",
                "atoms",
                "project",
                "project+corr",
                "superpose",
                "EGNN forward",
                "proj+corr %",
                "superp. %");
        for (int n : new int[] {9, 15, 30}) {
            SplittableRandom r = new SplittableRandom(n);
            double[] x = gaussian(r, 3 * n), v = gaussian(r, 3 * n), w = gaussian(r, 3 * n);
            double[] out = new double[3 * n], h = new double[3 * n], prev = x.clone();
            RigidQuotient.Local at = RigidQuotient.SE3.at(x);
            double project = median(
                    () -> {
                        at.moveTo(x);
                        at.project(v, out);
                        return out[0];
                    },
                    20_000);
            double full = median(
                    () -> {
                        at.moveTo(x);
                        at.project(v, out);
                        at.project(w, w);
                        at.correction(h);
                        return out[0] + h[0] + w[0];
                    },
                    20_000);
            double superpose = median(
                    () -> {
                        System.arraycopy(x, 0, prev, 0, prev.length);
                        at.moveTo(x);
                        at.project(v, out);
                        double[] y = x.clone();
                        for (int i = 0; i < y.length; i++) y[i] += 0.01 * v[i];
                        Kabsch.superposeInPlace(y, prev, 3);
                        return y[0] + out[0];
                    },
                    20_000);
            ReferenceEgnn egnn = new ReferenceEgnn(4, 64, 7);
            double forward = median(() -> egnn.denoise(x, 0.5)[0], n <= 15 ? 40 : 6);
            report.printf(
                    Locale.ROOT,
                    "%5d %12.0f %14.0f %14.0f %14.0f %9.3f%% %9.3f%%%n",
                    n,
                    project,
                    full,
                    superpose,
                    forward,
                    100 * full / forward,
                    100 * superpose / forward);
        }

        report.println();
        report.println("sampling throughput, exact denoisers (chain4: 4 points, 3 shapes; planar4: SO(2)), "
                + "200 clouds x 60 steps, one thread");
        // a first pass over every sampler warms the JIT up for all of them, so that the order does not matter
        for (int pass = 0; pass < 2; pass++) {
            for (ToyTargets.Named target : List.of(ToyTargets.chain(), ToyTargets.planar())) {
                RigidShapeMixture mix = target.mixture();
                RigidQuotient q = RigidQuotient.of(mix.dimension());
                for (ExactDenoiserToyExperiment.Method m : ExactDenoiserToyExperiment.methods()) {
                    Denoiser exact = mix.exactDenoiser(m.objective(), Schedule.LINEAR);
                    Denoiser sequential = exact::denoise; // the default batch loop: one thread
                    Sampler s = m.sampler(q, 60);
                    int count = pass == 0 ? 50 : 200;
                    long t0 = System.nanoTime();
                    s.sample(sequential, mix.points(), count, 2);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (pass == 1) {
                        report.printf(
                                Locale.ROOT, "%-8s %-32s %9.0f clouds/s%n", target.name(), m.label(), count / secs);
                    }
                }
            }
        }

        report.println();
        report.println("sampling throughput with the EGNN stand-in, 15 atoms, 32 clouds x 20 steps, one thread");
        ReferenceEgnn egnn = new ReferenceEgnn(4, 64, 11);
        List<Sampler> samplers = new ArrayList<>(List.of(
                Sampler.builder(RigidQuotient.SE3).steps(20).build(),
                Sampler.builder(RigidQuotient.SE3).steps(20).sde(1).build(),
                Sampler.builder(RigidQuotient.SE3)
                        .steps(20)
                        .quotient(Correction.CORRECT)
                        .build(),
                Sampler.builder(RigidQuotient.SE3)
                        .steps(20)
                        .sde(1)
                        .quotient(Correction.CORRECT)
                        .build(),
                Sampler.builder(RigidQuotient.SE3)
                        .steps(20)
                        .sde(1)
                        .quotientBySuperposition()
                        .build()));
        for (Sampler s : samplers) s.sample(egnn, 15, 4, 1);
        for (Sampler s : samplers) {
            long t0 = System.nanoTime();
            s.sample(egnn, 15, 32, 2);
            double secs = (System.nanoTime() - t0) / 1e9;
            report.printf(Locale.ROOT, "%-40s %9.1f clouds/s%n", s.label(), 32 / secs);
        }
    }

    interface Body {
        double run();
    }

    static double sink;

    /** Median over 15 rounds of the mean time per call of a round of {@code calls} calls, after 5 warm-up rounds. */
    static double median(Body body, int calls) {
        double[] rounds = new double[20];
        for (int k = 0; k < rounds.length; k++) {
            long t0 = System.nanoTime();
            double acc = 0;
            for (int i = 0; i < calls; i++) acc += body.run();
            rounds[k] = (System.nanoTime() - t0) / (double) calls;
            sink += acc;
        }
        double[] kept = Arrays.copyOfRange(rounds, 5, rounds.length);
        Arrays.sort(kept);
        return kept[kept.length / 2];
    }

    static double[] gaussian(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = r.nextGaussian();
        return v;
    }

    /**
     * A plain-Java E(n)-equivariant graph network (Satorras et al. 2021) used only as a cost yardstick: per layer,
     * messages {@code m_ij = phi_e(h_i, h_j, |x_i - x_j|^2)} over all ordered pairs, coordinate updates
     * {@code x_i += sum_j (x_i - x_j) phi_x(m_ij) / N} and feature updates {@code h_i = h_i + phi_h(h_i, sum_j m_ij)};
     * two-layer SiLU MLPs. The output is the last coordinates, centred.
     */
    static final class ReferenceEgnn implements Denoiser {
        private final int layers, hidden;
        private final double[][] we1, we2, wx, wh1, wh2, embed;

        ReferenceEgnn(int layers, int hidden, long seed) {
            this.layers = layers;
            this.hidden = hidden;
            SplittableRandom r = new SplittableRandom(seed);
            we1 = new double[layers][];
            we2 = new double[layers][];
            wx = new double[layers][];
            wh1 = new double[layers][];
            wh2 = new double[layers][];
            for (int l = 0; l < layers; l++) {
                we1[l] = init(r, (2 * hidden + 1) * hidden, 2 * hidden + 1);
                we2[l] = init(r, hidden * hidden, hidden);
                wx[l] = init(r, hidden, hidden);
                wh1[l] = init(r, 2 * hidden * hidden, 2 * hidden);
                wh2[l] = init(r, hidden * hidden, hidden);
            }
            embed = new double[][] {init(r, 2 * hidden, 2)};
        }

        private static double[] init(SplittableRandom r, int size, int fanIn) {
            double[] w = new double[size];
            double scale = 1 / Math.sqrt(fanIn);
            for (int i = 0; i < size; i++) w[i] = scale * r.nextGaussian();
            return w;
        }

        private static double silu(double a) {
            return a / (1 + Math.exp(-a));
        }

        @Override
        public double[] denoise(double[] x0, double t) {
            int n = x0.length / 3, hd = hidden;
            double[] x = x0.clone(), h = new double[n * hd];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < hd; k++) h[i * hd + k] = Math.tanh(embed[0][2 * k] * t + embed[0][2 * k + 1]);
            }
            double[] in = new double[2 * hd + 1], a1 = new double[hd], m = new double[hd], agg = new double[n * hd];
            double[] dx = new double[3 * n], hin = new double[2 * hd], hid = new double[hd];
            for (int l = 0; l < layers; l++) {
                Arrays.fill(agg, 0);
                Arrays.fill(dx, 0);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i == j) continue;
                        double ex = x[3 * i] - x[3 * j],
                                ey = x[3 * i + 1] - x[3 * j + 1],
                                ez = x[3 * i + 2] - x[3 * j + 2];
                        System.arraycopy(h, i * hd, in, 0, hd);
                        System.arraycopy(h, j * hd, in, hd, hd);
                        in[2 * hd] = ex * ex + ey * ey + ez * ez;
                        matvec(we1[l], in, a1, hd, 2 * hd + 1);
                        for (int k = 0; k < hd; k++) a1[k] = silu(a1[k]);
                        matvec(we2[l], a1, m, hd, hd);
                        double c = 0;
                        for (int k = 0; k < hd; k++) {
                            m[k] = silu(m[k]);
                            agg[i * hd + k] += m[k];
                            c += wx[l][k] * m[k];
                        }
                        c /= n;
                        dx[3 * i] += ex * c;
                        dx[3 * i + 1] += ey * c;
                        dx[3 * i + 2] += ez * c;
                    }
                }
                for (int i = 0; i < n; i++) {
                    System.arraycopy(h, i * hd, hin, 0, hd);
                    System.arraycopy(agg, i * hd, hin, hd, hd);
                    matvec(wh1[l], hin, hid, hd, 2 * hd);
                    for (int k = 0; k < hd; k++) hid[k] = silu(hid[k]);
                    matvec(wh2[l], hid, a1, hd, hd);
                    for (int k = 0; k < hd; k++) h[i * hd + k] += a1[k];
                }
                for (int i = 0; i < x.length; i++) x[i] += dx[i];
            }
            return RigidQuotient.SE3.centred(x);
        }

        private static void matvec(double[] w, double[] v, double[] out, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                double s = 0;
                int o = r * cols;
                for (int c = 0; c < cols; c++) s += w[o + c] * v[c];
                out[r] = s;
            }
        }
    }
}
