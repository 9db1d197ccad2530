package org.noether.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.diffusion.ConformerDiffusionExperiment;
import org.noether.diffusion.Denoiser;
import org.noether.diffusion.RigidQuotient;
import org.noether.diffusion.Sampler;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;

/**
 * Cost of the quotient lift against the DJL EGNN forward, per cloud and per sampling step, and sampling throughput
 * (conformers per second) of each sampler driven by the DJL EGNN. Not a unit test: run with
 * {@code noether bench diffusion-egnn [hidden] [layers]} (figures in
 * {@code docs/benchmarks/diffusion.md}). Untrained network with the sizes of the conformer experiment; timings do not
 * depend on the weights.
 */
public final class EgnnStepCostBenchmark {

    private EgnnStepCostBenchmark() {}

    public static void run(String[] args, PrintStream report) throws Exception {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = 16;
        report.printf(
                Locale.ROOT,
                "EGNN %d layers x %d features, batch of %d clouds; per cloud and step (ns)%n",
                layers,
                hidden,
                batch);
        report.printf(
                Locale.ROOT,
                "%-10s %5s %14s %16s %12s%n",
                "molecule",
                "atoms",
                "project+corr",
                "EGNN fwd/cloud",
                "ratio %");
        try (EgnnDenoiser net = EgnnDenoiser.create(hidden, layers, 3)) {
            for (String smiles : List.of("CCO", "CCCCO", "CCCCCCCCC")) {
                Molecule m = Molecule.fromSmiles(smiles);
                int n = m.size();
                SplittableRandom r = new SplittableRandom(n);
                double[][] xs = new double[batch][];
                for (int i = 0; i < batch; i++) xs[i] = DiffusionStepCostBenchmark.gaussian(r, 3 * n);
                double[] v = DiffusionStepCostBenchmark.gaussian(r, 3 * n),
                        w = DiffusionStepCostBenchmark.gaussian(r, 3 * n);
                double[] out = new double[3 * n], h = new double[3 * n];
                RigidQuotient.Local at = RigidQuotient.SE3.at(xs[0]);
                double lift = DiffusionStepCostBenchmark.median(
                        () -> {
                            at.moveTo(xs[0]);
                            at.project(v, out);
                            at.project(w, w);
                            at.correction(h);
                            return out[0] + h[0] + w[0];
                        },
                        20_000);
                Denoiser d = net.denoiser(m);
                double forward = DiffusionStepCostBenchmark.median(() -> d.denoiseBatch(xs, 0.5)[0][0], 5) / batch;
                report.printf(
                        Locale.ROOT,
                        "%-10s %5d %14.0f %16.0f %12.3f%n",
                        smiles,
                        n,
                        lift,
                        forward,
                        100 * lift / forward);
            }
            Molecule m = Molecule.fromSmiles("CCCCO");
            int steps = 20, count = 16;
            report.printf(
                    Locale.ROOT,
                    "%nthroughput, %s (%d atoms), %d conformers, %d steps (Heun ODE: %d)%n",
                    m.smiles(),
                    m.size(),
                    count,
                    steps,
                    steps / 2);
            for (int round = 0; round < 2; round++) {
                for (ConformerDiffusionExperiment.Method method : ConformerDiffusionExperiment.SAMPLERS) {
                    Sampler s = method.sampler(steps);
                    long t0 = System.nanoTime();
                    s.sample(net.denoiser(m), m.size(), count, 5L);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (round == 1) {
                        report.printf(Locale.ROOT, "%-14s %8.1f conformers/s%n", method.label(), count / secs);
                    }
                }
            }
        }
    }
}
