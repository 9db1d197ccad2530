package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Table;
import org.noether.group.O2Element;
import org.noether.nn.train.Inference;

/**
 * What the latent action costs: wall-clock time of the encoder pass, the latent action (building the rotation
 * operators in Java, then rotating the latent and the skip features and applying the attention gates) and the
 * decoder pass
 * for one batch in inference mode, plus training throughput in pairs per second. Runs on pictures drawn here
 * ({@link SyntheticDigits}), so it needs no data set; timings depend on the machine and its load.
 */
public final class ActionCostExperiment implements Experiment {

    @Override
    public String name() {
        return "latent.action-cost";
    }

    @Override
    public String title() {
        return "Cost of the latent group action against the encoder and decoder passes";
    }

    @Override
    public String description() {
        return "Times encoder, latent rotation (operators, gather, gates) and decoder of the latent-action "
                + "autoencoder per batch, and measures training throughput in pairs per second.";
    }

    /** Median time of each stage, in milliseconds per batch. */
    record Timing(
            int size,
            int width,
            double encoder,
            double operators,
            double action,
            double decoder,
            double pairsPerSecond) {}

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        int[] sizes = {14, 28};
        int width = ctx.byProfile(12, 32), batch = 32, reps = ctx.byProfile(15, 50), steps = ctx.byProfile(20, 100);
        var data = SyntheticDigits.create(256, 64, ctx.seed("synthetic digits"));
        List<Timing> timings = new ArrayList<>();
        try (Progress.Task progress = ctx.progress().task("timing", sizes.length)) {
            for (int size : sizes) {
                timings.add(time(
                        new RotationPairs("synthetic", data, size, 0), width, batch, reps, steps, ctx.seed("model")));
                progress.step();
            }
        }
        Table.Builder table = Table.builder(
                        "stage-times",
                        "Milliseconds per batch of " + batch + " in inference mode (median of " + reps
                                + "), and training throughput")
                .columns(
                        "size",
                        "width",
                        "encoder ms",
                        "operators ms",
                        "latent action ms",
                        "decoder ms",
                        "action share",
                        "train pairs/s");
        ExperimentResult.Builder result = ExperimentResult.builder(this);
        String[] cats = new String[timings.size()];
        double[] enc = new double[timings.size()], act = new double[timings.size()], dec = new double[timings.size()];
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < timings.size(); i++) {
            Timing t = timings.get(i);
            double total = t.encoder() + t.operators() + t.action() + t.decoder();
            double share = (t.operators() + t.action()) / total;
            table.row(
                    t.size(),
                    t.width(),
                    t.encoder(),
                    t.operators(),
                    t.action(),
                    t.decoder(),
                    share,
                    t.pairsPerSecond());
            cats[i] = t.size() + "x" + t.size();
            enc[i] = t.encoder();
            act[i] = t.operators() + t.action();
            dec[i] = t.decoder();
            String key = "size" + t.size();
            result.metric(key + ".encoder_ms", t.encoder())
                    .metric(key + ".operators_ms", t.operators())
                    .metric(key + ".action_ms", t.action())
                    .metric(key + ".decoder_ms", t.decoder())
                    .metric(key + ".action_share", share)
                    .metric(key + ".train_pairs_per_second", t.pairsPerSecond());
            summary.append(String.format(
                    Locale.ROOT,
                    "%s%dx%d pictures: encoder %.2f ms, latent action %.2f ms "
                            + "(of which %.2f ms building operators in Java), decoder %.2f ms per batch of %d, so the action "
                            + "is %.0f%% of a forward pass; training runs at %.0f pairs/s.",
                    i == 0 ? "" : " ",
                    t.size(),
                    t.size(),
                    t.encoder(),
                    t.operators() + t.action(),
                    t.operators(),
                    t.decoder(),
                    batch,
                    100 * share,
                    t.pairsPerSecond()));
        }
        double[] x = new double[cats.length];
        Arrays.setAll(x, i -> i);
        Figure figure = Figure.builder("stage-times", Figure.Kind.BAR)
                .caption("Inference time per batch by stage")
                .yLabel("ms per batch")
                .categories(cats)
                .series(Series.of("encoder", x, enc))
                .series(Series.of("latent action", x, act))
                .series(Series.of("decoder", x, dec))
                .build();
        return result.summary(summary.toString())
                .table(table.build())
                .figure(figure)
                .build();
    }

    private static Timing time(RotationPairs task, int width, int batch, int reps, int steps, long seed) {
        LatentAutoencoder.Config config =
                new LatentAutoencoder.Config(width, 8, 4, false, true, true, LatentAutoencoder.Kind.LATENT_ACTION);
        LatentTrainer.Settings settings = new LatentTrainer.Settings(steps, batch, 1e-3f, 0);
        try (LatentTrainer<O2Element> run = LatentTrainer.create(task, config, settings, seed)) {
            run.train(3, null); // warm-up
            long t0 = System.nanoTime();
            run.train(steps, null);
            double pairsPerSecond = steps * (double) batch / ((System.nanoTime() - t0) / 1e9);

            LatentAutoencoder net = run.network();
            SplittableRandom random = new SplittableRandom(seed);
            int s = task.size(), px = s * s;
            float[] images = new float[batch * px];
            List<O2Element> gs = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                Pair<O2Element> p = task.sample(false, random);
                System.arraycopy(p.source(), 0, images, i * px, px);
                gs.add(p.element());
            }
            double[][] samples = new double[4][reps];
            List<Integer> iterations = new ArrayList<>();
            for (int r = 0; r < reps + 2; r++) iterations.add(r);
            Inference.map(run.model().getNDManager(), iterations, (scope, r) -> {
                ParameterStore ps = new ParameterStore(scope, false);
                NDArray x = scope.create(images, new Shape(batch, 1, s, s));
                long a = System.nanoTime();
                NDList enc = net.encode(ps, x, false);
                enc.get(0).toFloatArray(); // forces the computation before the clock stops
                long b = System.nanoTime();
                NDList in = net.inputs(scope, task.latentAction(), images, batch, s, gs);
                long c = System.nanoTime();
                NDList latent = net.transform(ps, enc, in, false);
                latent.get(0).toFloatArray();
                long d = System.nanoTime();
                net.decode(ps, latent, false).singletonOrThrow().toFloatArray();
                long e = System.nanoTime();
                if (r >= 2) { // the first two are warm-up
                    samples[0][r - 2] = (b - a) / 1e6;
                    samples[1][r - 2] = (c - b) / 1e6;
                    samples[2][r - 2] = (d - c) / 1e6;
                    samples[3][r - 2] = (e - d) / 1e6;
                }
                return null;
            });
            return new Timing(
                    s,
                    width,
                    median(samples[0]),
                    median(samples[1]),
                    median(samples[2]),
                    median(samples[3]),
                    pairsPerSecond);
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
