package org.noether.diffusion;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;
import org.noether.diffusion.proteins.Backbone;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;

/**
 * Replays one training of {@code diffusion.proteins} exactly as the experiment runs it (same profile, run seed, split,
 * initial parameters and batches) and prints the mean training loss every {@code every} steps with the Cα-Cα deviation
 * of a few SDE samples. Not a unit test; for finding out where a training goes wrong. Arguments: profile (quick|full)
 * runSeed s objective every samples [peakLearningRate]; command in {@code docs/diffusion.md}.
 */
public final class ProteinTrainingTrace {

    private ProteinTrainingTrace() {}

    public static void main(String[] a) throws Exception {
        Profile profile = a[0].equals("full") ? Profile.FULL : Profile.QUICK;
        long runSeed = Long.parseLong(a[1]);
        int s = Integer.parseInt(a[2]);
        Objective objective = Objective.valueOf(a[3]);
        int every = Integer.parseInt(a[4]), samples = Integer.parseInt(a[5]);
        var sizes = ProteinDiffusionExperiment.sizes(profile == Profile.QUICK);
        float lr = a.length > 6 ? Float.parseFloat(a[6]) : sizes.learningRate();
        var ctx = new ExperimentContext(profile, runSeed, Files.createTempDirectory("trace"), Progress.NONE);
        var exp = new ProteinDiffusionExperiment();
        List<Backbone.Fragment> fragments = exp.load(sizes.length(), ctx);
        List<String> groups = new ArrayList<>(new TreeSet<>(
                fragments.stream().map(f -> Backbone.splitGroup(f.structure())).toList()));
        List<double[]> train = ProteinDiffusionExperiment.split(ctx, sizes, fragments, groups, s)
                .get(0);
        Molecule graph = ProteinDiffusionExperiment.backbone(sizes.length());
        ConformerDiffusionExperiment.Method sde = ConformerDiffusionExperiment.SAMPLERS.get(1);
        System.out.printf(
                Locale.ROOT,
                "%s seed %d s %d %s: %d training fragments, lr %.1e%n",
                profile,
                runSeed,
                s,
                objective,
                train.size(),
                lr);
        double[] sum = {0, Double.NEGATIVE_INFINITY};
        try (EgnnDenoiser trained =
                ProteinDiffusionExperiment.train(ctx, sizes, graph, train, objective, s, lr, net -> (i, loss) -> {
                    sum[0] += loss;
                    sum[1] = Math.max(sum[1], loss);
                    if ((i + 1) % every == 0) {
                        double[][] xs = sde.sampler(sizes.samplerSteps())
                                .sample(net.denoiser(graph), graph.size(), samples, 17);
                        double dev = 0;
                        for (double[] x : xs)
                            dev += Backbone.bondDeviation(
                                            ProteinDiffusionExperiment.scaled(x, 1 / ProteinDiffusionExperiment.SCALE))
                                    / xs.length;
                        System.out.printf(
                                Locale.ROOT,
                                "step %5d  mean loss %.4f  max loss %.4f  SDE Cα-Cα deviation %.3f%n",
                                i + 1,
                                sum[0] / every,
                                sum[1],
                                dev);
                        sum[0] = 0;
                        sum[1] = Double.NEGATIVE_INFINITY;
                    }
                })) {
            System.out.println("done");
        }
    }
}
