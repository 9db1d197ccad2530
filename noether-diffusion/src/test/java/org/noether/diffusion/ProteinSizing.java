package org.noether.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.noether.data.DataStore;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;
import org.noether.diffusion.proteins.Backbone;
import org.noether.diffusion.proteins.ProteinStore;
import org.noether.diffusion.proteins.StructureReader;

/**
 * Sizing of {@code diffusion.proteins}: wall time per training step and a learning curve (generated Cα-Cα deviation,
 * clash fraction and W1 of angles/torsions of ODE samples) for one objective. Not a unit test: run with {@code main}
 * (arguments: length hidden layers steps batch learningRate objective every samples samplerSteps; command in
 * {@code docs/diffusion.md}).
 */
public final class ProteinSizing {

    private ProteinSizing() {}

    public static void main(String[] a) throws Exception {
        int length = Integer.parseInt(a[0]), hidden = Integer.parseInt(a[1]), layers = Integer.parseInt(a[2]);
        int steps = Integer.parseInt(a[3]), batch = Integer.parseInt(a[4]);
        float lr = Float.parseFloat(a[5]);
        Objective objective = Objective.valueOf(a[6]);
        int every = Integer.parseInt(a[7]), samples = Integer.parseInt(a[8]), samplerSteps = Integer.parseInt(a[9]);
        String sampler = a.length > 10 ? a[10].replace('-', ' ') : "ODE";
        Path root = DataStore.defaultRoot();
        List<StructureReader.Chain> chains = new ArrayList<>();
        for (Path f : ProteinStore.structures(root)) chains.addAll(StructureReader.read(f));
        List<Backbone.Fragment> fragments = Backbone.fragments(chains, length);
        List<double[]> train = new ArrayList<>(), held = new ArrayList<>();
        for (Backbone.Fragment f : fragments) {
            double[] x = ProteinDiffusionExperiment.scaled(f.ca(), ProteinDiffusionExperiment.SCALE);
            (Backbone.splitGroup(f.structure()).hashCode() % 4 == 0 ? held : train).add(x);
        }
        System.out.printf(
                Locale.ROOT, "%d fragments, %d train, %d held%n", fragments.size(), train.size(), held.size());
        double[] ha = ProteinDiffusionExperiment.pooled(held, true),
                ht = ProteinDiffusionExperiment.pooled(held, false);
        Molecule graph = ProteinDiffusionExperiment.backbone(length);
        ConformerDiffusionExperiment.Method method = ConformerDiffusionExperiment.SAMPLERS.stream()
                .filter(m -> m.label().equals(sampler))
                .findFirst()
                .orElseThrow();
        try (EgnnDenoiser net = EgnnDenoiser.create(hidden, layers, 1)) {
            report(net, graph, method, samplerSteps, samples, ha, ht, 0, 0, 0);
            long[] t0 = {System.nanoTime()};
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] c0 = {threads.getCurrentThreadCpuTime()};
            double[] lossSum = {0};
            net.train(
                    List.of(graph),
                    List.of(train),
                    objective,
                    steps,
                    batch,
                    lr,
                    5L,
                    (i, loss) -> { // i is the step index
                        lossSum[0] += loss;
                        if ((i + 1) % every == 0) {
                            double perStep = (System.nanoTime() - t0[0]) / 1e9 / every;
                            System.out.printf(
                                    Locale.ROOT,
                                    "cpu s/step %.4f%n",
                                    (threads.getCurrentThreadCpuTime() - c0[0]) / 1e9 / every);
                            report(
                                    net,
                                    graph,
                                    method,
                                    samplerSteps,
                                    samples,
                                    ha,
                                    ht,
                                    (int) i + 1,
                                    perStep,
                                    lossSum[0] / every);
                            lossSum[0] = 0;
                            t0[0] = System.nanoTime();
                            c0[0] = threads.getCurrentThreadCpuTime();
                        }
                    });
        }
    }

    static void report(
            EgnnDenoiser net,
            Molecule graph,
            ConformerDiffusionExperiment.Method method,
            int samplerSteps,
            int samples,
            double[] ha,
            double[] ht,
            int step,
            double perStep,
            double loss) {
        long s0 = System.nanoTime();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        double[][] xs = method.sampler(samplerSteps).sample(net.denoiser(graph), graph.size(), samples, 99L);
        double sampleSec = (System.nanoTime() - s0) / 1e9;
        double sampleCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double dev = 0, clash = 0, within = 0;
        List<double[]> real = new ArrayList<>();
        for (double[] x : xs) {
            double[] y = ProteinDiffusionExperiment.scaled(x, 1 / ProteinDiffusionExperiment.SCALE);
            dev += Backbone.bondDeviation(y) / xs.length;
            within += Backbone.bondsWithin(y, 0.1) / xs.length;
            clash += Backbone.clashFraction(y) / xs.length;
            real.add(x);
        }
        double wa = Math.toDegrees(Backbone.wasserstein1(ProteinDiffusionExperiment.pooled(real, true), ha));
        double wt = Math.toDegrees(Backbone.circularWasserstein1(ProteinDiffusionExperiment.pooled(real, false), ht));
        System.out.printf(
                Locale.ROOT,
                "step %5d  s/step %.4f  loss %.4f  dev %.3f  within %.3f  clash %.4f  W1ang %.1f  W1tor %.1f  (sampling %.1f s, cpu %.2f s)%n",
                step,
                perStep,
                loss,
                dev,
                within,
                clash,
                wa,
                wt,
                sampleSec,
                sampleCpu);
    }
}
