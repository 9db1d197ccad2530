package org.noether.latent;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.noether.data.DataStore;
import org.noether.data.ImageDataset;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Table;

/**
 * The protocol shared by the latent-action experiments: on one pair task, train the latent-action autoencoder, its
 * ablations and the conditional baseline for several seeds, evaluate every model on the same held-out pairs with PSNR
 * and SSIM, and compare with the data-space action where the task has one. Each trained model is checkpointed with
 * its scores under {@code checkpoints/} of the output folder, so an interrupted run resumes where it stopped; PNG
 * grids of predictions and of a latent swap are written next to it.
 */
abstract class LatentActionExperiment implements Experiment {

    /**
     * How much work a run does.
     *
     * @param size         picture side (MNIST is reduced by block averaging)
     * @param width        hidden channels of encoder and decoder
     * @param steps        optimiser steps per model
     * @param batch        pairs per step
     * @param seeds        seeds per model
     * @param evalPairs    held-out pairs for the scores
     * @param ablations    whether the ablations are trained (otherwise only the full model and the baselines)
     * @param learningRate Adam's learning rate
     */
    record Plan(int size, int width, int steps, int batch, int seeds, int evalPairs, boolean ablations,
            float learningRate) {
        String describe() {
            return String.format(Locale.ROOT, "%dx%d pictures, width %d, %d steps of %d pairs, Adam lr %g, %d seeds, "
                    + "%d held-out pairs", size, size, width, steps, batch, learningRate, seeds, evalPairs);
        }
    }

    /** The models compared; the data-space baseline needs no training and is handled apart. */
    enum Variant {
        LATENT("latent"),
        NO_ATTENTION("latent-no-attention"),
        NO_SKIP("latent-no-skip"),
        CONDITIONAL("conditional");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        LatentAutoencoder.Config config(int width) {
            LatentAutoencoder.Config base = new LatentAutoencoder.Config(width, 8, 4, false, true, true,
                    LatentAutoencoder.Kind.LATENT_ACTION);
            return switch (this) {
                case LATENT -> base;
                case NO_ATTENTION -> base.withAttention(false);
                case NO_SKIP -> base.withSkip(false);
                case CONDITIONAL -> base.withAttention(false).withKind(LatentAutoencoder.Kind.CONDITIONAL);
            };
        }
    }

    static final String DATA_SPACE = "data-space";

    private final Path dataRoot;
    private final Plan plan;

    LatentActionExperiment() {
        this(null, null);
    }

    /** With a data folder and a plan instead of the defaults (for tests). */
    LatentActionExperiment(Path dataRoot, Plan plan) {
        this.dataRoot = dataRoot;
        this.plan = plan;
    }

    /** The data set, a name known to {@link DataStore}. */
    abstract String dataset();

    /** The pair task on that data set. */
    abstract PairTask<?> task(ImageDataset data, int size);

    /** Whether the quick profile trains the ablations too (the full profile always does). */
    boolean ablationsWhenQuick() {
        return false;
    }

    Plan plan(ExperimentContext ctx) {
        if (plan != null) return plan;
        return ctx.quick()
                ? new Plan(14, 12, 250, 16, 3, 256, ablationsWhenQuick(), 2e-3f)
                : new Plan(28, 32, 3000, 32, 3, 2000, true, 1e-3f);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        Plan p = plan(ctx);
        return run(ctx, p, task(data(), p.size()));
    }

    private ImageDataset data() throws IOException, InterruptedException {
        Path root = dataRoot != null ? dataRoot : DataStore.defaultRoot();
        if (!DataStore.isPresent(dataset(), root) && dataRoot == null) {
            try {
                DataStore.fetch(dataset(), root, null);
            } catch (IOException | RuntimeException e) {
                throw new NoetherUserException(dataset() + " is not in " + DataStore.folder(dataset(), root)
                        + " and fetching it failed (" + e.getMessage() + "); run 'noether data fetch " + dataset()
                        + "'", e);
            }
        }
        return DataStore.load(dataset(), root);
    }

    /** Scores of one trained model. */
    record Score(double psnr, double ssim, double pairsPerSecond, float[] losses) {}

    private <G> ExperimentResult run(ExperimentContext ctx, Plan p, PairTask<G> task) throws IOException {
        Path checkpoints = ctx.outputDirectory().resolve("checkpoints");
        Files.createDirectories(checkpoints);
        List<Pair<G>> eval = new ArrayList<>();
        SplittableRandom evalRandom = new SplittableRandom(ctx.seed() * 0x9E3779B97F4A7C15L + 17);
        for (int i = 0; i < p.evalPairs(); i++) eval.add(task.sample(true, evalRandom));

        List<Variant> variants = new ArrayList<>(List.of(Variant.LATENT));
        if (p.ablations()) variants.addAll(List.of(Variant.NO_ATTENTION, Variant.NO_SKIP));
        variants.add(Variant.CONDITIONAL);

        Map<Variant, List<Score>> scores = new EnumMap<>(Variant.class);
        LatentTrainer.Settings settings = new LatentTrainer.Settings(p.steps(), p.batch(), p.learningRate(), 0);
        try (Progress.Task progress = ctx.progress().task("training", (long) variants.size() * p.seeds())) {
            for (Variant v : variants) {
                for (int k = 0; k < p.seeds(); k++) {
                    progress.message(v.label + " seed " + k);
                    scores.computeIfAbsent(v, x -> new ArrayList<>())
                            .add(trainOrResume(task, v, p, settings, ctx.seed() + 1000L * k, k, eval, checkpoints));
                    progress.step();
                }
            }
        }

        double[] dataSpace = null;
        if (task.dataSpacePrediction(eval.get(0)) != null) {
            float[][] pred = new float[eval.size()][];
            for (int i = 0; i < eval.size(); i++) pred[i] = task.dataSpacePrediction(eval.get(i));
            dataSpace = scoreOf(pred, eval, task.size());
        }

        writeGrids(ctx.outputDirectory(), task, p, variants, eval, checkpoints, settings);
        return report(p, task, variants, scores, dataSpace);
    }

    private <G> Score trainOrResume(PairTask<G> task, Variant v, Plan p, LatentTrainer.Settings settings, long seed,
            int k, List<Pair<G>> eval, Path checkpoints) throws IOException {
        Path params = checkpoints.resolve(v.label + "-seed" + k + ".params");
        Path scoreFile = checkpoints.resolve(v.label + "-seed" + k + ".properties");
        if (Files.isRegularFile(params) && Files.isRegularFile(scoreFile)) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(scoreFile)) {
                props.load(r);
            }
            if (p.describe().equals(props.getProperty("plan"))) {
                String[] ls = props.getProperty("losses", "").split(",");
                float[] losses = new float[ls[0].isEmpty() ? 0 : ls.length];
                for (int i = 0; i < losses.length; i++) losses[i] = Float.parseFloat(ls[i]);
                return new Score(Double.parseDouble(props.getProperty("psnr")),
                        Double.parseDouble(props.getProperty("ssim")),
                        Double.parseDouble(props.getProperty("pairsPerSecond")), losses);
            }
        }
        try (LatentTrainer<G> run = LatentTrainer.create(task, v.config(p.width()), settings, seed)) {
            long t0 = System.nanoTime();
            float[] losses = run.train(null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] s = scoreOf(run.predict(eval), eval, task.size());
            Score score = new Score(s[0], s[1], p.steps() * (double) p.batch() / seconds, losses);
            run.save(params);
            Properties props = new Properties();
            props.setProperty("plan", p.describe());
            props.setProperty("psnr", Double.toString(score.psnr()));
            props.setProperty("ssim", Double.toString(score.ssim()));
            props.setProperty("pairsPerSecond", Double.toString(score.pairsPerSecond()));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < losses.length; i++) sb.append(i == 0 ? "" : ",").append(losses[i]);
            props.setProperty("losses", sb.toString());
            Path tmp = scoreFile.resolveSibling(scoreFile.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                props.store(w, "scores of " + v.label + " seed " + k);
            }
            Files.move(tmp, scoreFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return score;
        }
    }

    /** Mean PSNR and SSIM of predictions against the pairs' targets. */
    static <G> double[] scoreOf(float[][] predictions, List<Pair<G>> pairs, int size) {
        double psnr = 0, ssim = 0;
        for (int i = 0; i < pairs.size(); i++) {
            psnr += ImageMetrics.psnr(predictions[i], pairs.get(i).target());
            ssim += ImageMetrics.ssim(predictions[i], pairs.get(i).target(), size, size);
        }
        return new double[] {psnr / pairs.size(), ssim / pairs.size()};
    }

    private <G> void writeGrids(Path out, PairTask<G> task, Plan p, List<Variant> variants, List<Pair<G>> eval,
            Path checkpoints, LatentTrainer.Settings settings) throws IOException {
        int rows = Math.min(8, eval.size());
        List<Pair<G>> shown = eval.subList(0, rows);
        List<float[][]> predictions = new ArrayList<>();
        for (Variant v : variants) {
            try (LatentTrainer<G> m = LatentTrainer.load(task, v.config(p.width()), settings,
                    checkpoints.resolve(v.label + "-seed0.params"))) {
                predictions.add(m.predict(shown));
            }
        }
        boolean dataSpace = task.dataSpacePrediction(shown.get(0)) != null;
        List<float[][]> grid = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            float[][] row = new float[2 + (dataSpace ? 1 : 0) + variants.size()][];
            int c = 0;
            row[c++] = shown.get(r).source();
            row[c++] = shown.get(r).target();
            if (dataSpace) row[c++] = task.dataSpacePrediction(shown.get(r));
            for (float[][] pr : predictions) row[c++] = pr[r];
            grid.add(row);
        }
        Grids.write(out.resolve("predictions.png"), grid, task.size(), 4);

        Variant swapModel = variants.contains(Variant.NO_SKIP) ? Variant.NO_SKIP : Variant.LATENT;
        try (LatentTrainer<G> m = LatentTrainer.load(task, swapModel.config(p.width()), settings,
                checkpoints.resolve(swapModel.label + "-seed0.params"))) {
            List<float[]> a = new ArrayList<>(), b = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                a.add(eval.get(r).source());
                b.add(eval.get((r + 1) % eval.size()).source());
            }
            float[][] swapped = m.swap(a, b);
            List<float[][]> swapGrid = new ArrayList<>();
            for (int r = 0; r < rows; r++) swapGrid.add(new float[][] {a.get(r), b.get(r), swapped[r]});
            Grids.write(out.resolve("latent-swap.png"), swapGrid, task.size(), 4);
        }
    }

    private <G> ExperimentResult report(Plan p, PairTask<G> task, List<Variant> variants,
            Map<Variant, List<Score>> scores, double[] dataSpace) {
        Table.Builder table = Table.builder("scores", "PSNR (dB) and SSIM of the predicted target on "
                + p.evalPairs() + " held-out pairs of " + task.name() + ", mean and standard deviation over seeds")
                .columns("dataset", "model", "PSNR", "PSNR sd", "SSIM", "SSIM sd", "seeds", "train pairs/s");
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<double[]> psnr = new ArrayList<>(), ssim = new ArrayList<>();
        Map<Variant, double[]> means = new EnumMap<>(Variant.class);
        for (Variant v : variants) {
            List<Score> s = scores.get(v);
            double[] ps = s.stream().mapToDouble(Score::psnr).toArray();
            double[] ss = s.stream().mapToDouble(Score::ssim).toArray();
            double thr = s.stream().mapToDouble(Score::pairsPerSecond).average().orElse(Double.NaN);
            double[] m = {mean(ps), sd(ps), mean(ss), sd(ss)};
            means.put(v, m);
            table.row(task.name(), v.label, m[0], m[1], m[2], m[3], s.size(), thr);
            labels.add(v.label);
            psnr.add(new double[] {m[0], m[1]});
            ssim.add(new double[] {m[2], m[3]});
            metrics.put("psnr." + v.label, m[0]);
            metrics.put("psnr_sd." + v.label, m[1]);
            metrics.put("ssim." + v.label, m[2]);
            metrics.put("ssim_sd." + v.label, m[3]);
            metrics.put("pairs_per_second." + v.label, thr);
        }
        if (dataSpace != null) {
            table.row(task.name(), DATA_SPACE, dataSpace[0], 0.0, dataSpace[1], 0.0, 1, null);
            labels.add(DATA_SPACE);
            psnr.add(new double[] {dataSpace[0], 0});
            ssim.add(new double[] {dataSpace[1], 0});
            metrics.put("psnr." + DATA_SPACE, dataSpace[0]);
            metrics.put("ssim." + DATA_SPACE, dataSpace[1]);
        }

        double[] latent = means.get(Variant.LATENT), conditional = means.get(Variant.CONDITIONAL);
        boolean beatsConditional = latent[0] > conditional[0] && latent[2] > conditional[2];
        metrics.put("claim.latent_beats_conditional", beatsConditional);
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "%s (%s). The latent-action model reaches %.2f dB / SSIM %.3f, the conditional autoencoder "
                        + "%.2f dB / %.3f: the latent action %s the unstructured baseline.",
                task.name(), p.describe(), latent[0], latent[2], conditional[0], conditional[2],
                beatsConditional ? "beats" : "does NOT beat"));
        if (dataSpace != null) {
            boolean beatsData = latent[0] > dataSpace[0] && latent[2] > dataSpace[1];
            metrics.put("claim.latent_beats_data_space", beatsData);
            summary.append(String.format(Locale.ROOT, " Rotating the source pixels (data-space action) gives "
                    + "%.2f dB / %.3f, so the latent action %s it here.", dataSpace[0], dataSpace[1],
                    beatsData ? "beats" : "does NOT beat"));
        } else {
            summary.append(" The group has no action on pixels here, so there is no data-space baseline.");
        }
        summary.append("\n\npredictions.png in the output folder shows source, target, ");
        if (dataSpace != null) summary.append("data-space rotation, ");
        summary.append("then ").append(String.join(", ", variants.stream().map(v -> v.label).toList()))
                .append(" (seed 0); latent-swap.png shows, per row, the picture giving the invariant part, the one "
                        + "giving the varying part, and the decoded swap (")
                .append(variants.contains(Variant.NO_SKIP) ? "latent-no-skip" : "latent, with the varying "
                        + "picture's skip features")
                .append(").");
        metrics.put("plan", p.describe());

        String[] cats = labels.toArray(String[]::new);
        Figure psnrFigure = Figure.builder("psnr", Figure.Kind.BAR).caption("PSNR of the predicted target, "
                + task.name()).yLabel("PSNR (dB)").categories(cats)
                .series(Series.withErrors("mean ± sd over seeds", index(cats.length), column(psnr, 0),
                        column(psnr, 1))).build();
        Figure ssimFigure = Figure.builder("ssim", Figure.Kind.BAR).caption("SSIM of the predicted target, "
                + task.name()).yLabel("SSIM").categories(cats)
                .series(Series.withErrors("mean ± sd over seeds", index(cats.length), column(ssim, 0),
                        column(ssim, 1))).build();
        Figure.Builder loss = Figure.builder("training-loss", Figure.Kind.LINE)
                .caption("Training loss (MSE of both reconstructions, mean over windows of 10 steps), seed 0")
                .xLabel("step").yLabel("loss").logY();
        for (Variant v : variants) {
            float[] l = scores.get(v).get(0).losses();
            int windows = l.length / 10;
            double[] x = new double[windows], y = new double[windows];
            for (int w = 0; w < windows; w++) {
                double s = 0;
                for (int i = 0; i < 10; i++) s += l[w * 10 + i];
                x[w] = w * 10 + 5;
                y[w] = s / 10;
            }
            loss.series(v.label, x, y);
        }
        return ExperimentResult.builder(this).summary(summary.toString()).table(table.build()).figure(psnrFigure)
                .figure(ssimFigure).figure(loss.build()).metrics(metrics).build();
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Sample standard deviation; 0 for fewer than two values. */
    static double sd(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }
}
