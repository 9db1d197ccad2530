package org.noether.latent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.noether.data.DataStore;
import org.noether.data.ImageDataset;
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Series;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;

/**
 * The protocol shared by the latent-action experiments: on one pair task, train the latent-action autoencoder, its
 * ablations and the conditional baseline for several seeds, evaluate every model on the same held-out pairs with PSNR
 * and SSIM, and compare with the data-space action where the task has one. Each trained model (its DJL parameters
 * and its scores) is stored in the run's {@link ResultCache}, fingerprinted by experiment, profile, seed and plan, so
 * an interrupted run resumes where it stopped and a run with another seed or plan never reuses it; a corrupt entry is
 * logged and retrained. Claims are judged on paired differences over seeds (95 % bootstrap intervals). PNG grids of
 * predictions and of a latent swap are written to the output folder.
 */
abstract class LatentActionExperiment implements Experiment {

    /**
     * Quick: measured on an idle 2-core machine with one PyTorch thread. Full: the CPU time of the full rotated-MNIST
     * run (12 models of 800 steps, 28 x 28, width 12, 16 pairs, and scoring; docs/latent.md).
     */
    @Override
    public double expectedSeconds(Profile profile) {
        return profile == Profile.QUICK ? 35 : 300;
    }

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
    record Plan(
            int size,
            int width,
            int steps,
            int batch,
            int seeds,
            int evalPairs,
            boolean ablations,
            float learningRate) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%dx%d pictures, width %d, %d steps of %d pairs, Adam lr %g, %d seeds, " + "%d held-out pairs",
                    size,
                    size,
                    width,
                    steps,
                    batch,
                    learningRate,
                    seeds,
                    evalPairs);
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

        LatentAutoencoder.Config config(int width, boolean downsample) {
            LatentAutoencoder.Config base = new LatentAutoencoder.Config(
                    width, 8, 4, downsample, true, true, LatentAutoencoder.Kind.LATENT_ACTION);
            return switch (this) {
                case LATENT -> base;
                case NO_ATTENTION -> base.withAttention(false);
                case NO_SKIP -> base.withSkip(false);
                case CONDITIONAL -> base.withAttention(false).withKind(LatentAutoencoder.Kind.CONDITIONAL);
            };
        }
    }

    static final String DATA_SPACE = "data-space";

    /** The reference that predicts the target by the source picture itself (no transformation at all). */
    static final String COPY_SOURCE = "copy-source";

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

    /** Version of the numerics behind cached models; raise it when training or scoring changes. */
    static final int NUMERICS = 3;

    /** The data set, a name known to {@link DataStore} (used by the default {@link #task(ExperimentContext, Plan)}). */
    String dataset() {
        throw new UnsupportedOperationException(name() + " does not read a picture data set");
    }

    /** The pair task on that data set (used by the default {@link #task(ExperimentContext, Plan)}). */
    PairTask<?> task(ImageDataset data, int size) {
        throw new UnsupportedOperationException(name() + " does not read a picture data set");
    }

    /** The pair task of a run with plan {@code p}: by default {@link #task(ImageDataset, int)} on {@link #dataset()}. */
    PairTask<?> task(ExperimentContext ctx, Plan p) throws IOException, InterruptedException {
        return task(data(), p.size());
    }

    /** The data folder given to the constructor, or {@code null} for the default. */
    Path dataRoot() {
        return dataRoot;
    }

    /** The model of {@code v} under plan {@code p}: {@link Variant#config} adapted by {@link #adapt}. */
    final LatentAutoencoder.Config config(Variant v, Plan p) {
        return adapt(v.config(p.width(), downsample()));
    }

    /** Changes this experiment makes to every model's configuration (none by default). */
    LatentAutoencoder.Config adapt(LatentAutoencoder.Config base) {
        return base;
    }

    /** Whether the latent grid has half the picture's side (the skip features keep the full side). */
    boolean downsample() {
        return false;
    }

    /** Whether an occluder stays fixed while the content moves, so a data-space action is expected to lose. */
    boolean occluded() {
        return false;
    }

    /**
     * Whether the claims include "the latent action beats copying the source picture": for tasks whose source and
     * target differ so much that copying is the baseline a model must beat before its other comparisons mean much
     * (SO(3)). The copy's scores are in every experiment's table.
     */
    boolean copyClaims() {
        return false;
    }

    /** Whether the quick profile trains the ablations too (the full profile always does). */
    boolean ablationsWhenQuick() {
        return false;
    }

    Plan plan(ExperimentContext ctx) {
        if (plan != null) return plan;
        return defaultPlan(ctx.quick());
    }

    /**
     * The plan of the quick or the full profile. The full one is sized so that all latent experiments' full runs
     * together take about 2 hours on a 2-core machine, one after another (docs/latent.md, "Full profiles").
     */
    Plan defaultPlan(boolean quick) {
        return quick
                ? new Plan(14, 12, 250, 16, 3, 256, ablationsWhenQuick(), 2e-3f)
                : new Plan(28, 12, 800, 16, 3, 2000, true, 1e-3f);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        Plan p = plan(ctx);
        return run(ctx, p, task(ctx, p));
    }

    private ImageDataset data() throws IOException, InterruptedException {
        Path root = dataRoot != null ? dataRoot : DataStore.defaultRoot();
        if (!DataStore.isPresent(dataset(), root) && dataRoot == null) {
            try {
                DataStore.fetch(dataset(), root, null);
            } catch (IOException | RuntimeException e) {
                throw new NoetherUserException(
                        dataset() + " is not in " + DataStore.folder(dataset(), root)
                                + " and fetching it failed (" + e.getMessage() + "); run 'noether data fetch "
                                + dataset()
                                + "'",
                        e);
            }
        }
        return DataStore.load(dataset(), root);
    }

    /**
     * Scores of one trained model, and its parameters ({@code Block.saveParameters}); {@code regions} holds the PSNR
     * on the altered and on the unaltered pixels when the task has an {@link PairTask#alteredRegion()}, else nothing.
     */
    record Score(
            double psnr, double ssim, double[] regions, double pairsPerSecond, float[] losses, byte[] parameters) {}

    private <G> ExperimentResult run(ExperimentContext ctx, Plan p, PairTask<G> task) {
        ResultCache cache = ResultCache.open(ctx, name(), NUMERICS, p, task.name(), config(Variant.LATENT, p));
        List<Pair<G>> eval = new ArrayList<>();
        SplittableRandom evalRandom = ctx.random("evaluation pairs");
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
                    // every variant of replicate k starts from the same seed: the comparison is paired by seed
                    scores.computeIfAbsent(v, x -> new ArrayList<>())
                            .add(trainOrResume(ctx, cache, task, v, p, settings, ctx.seed("model " + k), k, eval));
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

        float[][] sources = new float[eval.size()][];
        for (int i = 0; i < eval.size(); i++) sources[i] = eval.get(i).source();
        double[] copySource = scoreOf(sources, eval, task.size());

        try {
            writeGrids(ctx.outputDirectory(), task, p, variants, eval, scores, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the picture grids to " + ctx.outputDirectory(), e);
        }
        return report(ctx, p, task, variants, scores, dataSpace, copySource);
    }

    /** The model of {@code v}, replicate {@code k}: from the cache when a valid entry exists, else trained now. */
    private <G> Score trainOrResume(
            ExperimentContext ctx,
            ResultCache cache,
            PairTask<G> task,
            Variant v,
            Plan p,
            LatentTrainer.Settings settings,
            long seed,
            int k,
            List<Pair<G>> eval) {
        String key = v.label + "-seed" + k;
        Optional<byte[]> params = cache.read(key + "-params");
        Optional<byte[]> stored = params.isPresent() ? cache.read(key + "-scores") : Optional.empty();
        if (stored.isPresent()) {
            try {
                // row: psnr, ssim, pairs/s, region count r, r region scores, losses
                double[] s = ResultCache.Codec.DOUBLES.decode(stored.get());
                int r = s.length >= 4 ? (int) s[3] : -1;
                if (r >= 0 && s.length >= 4 + r) {
                    float[] losses = new float[s.length - 4 - r];
                    for (int i = 0; i < losses.length; i++) losses[i] = (float) s[4 + r + i];
                    return new Score(s[0], s[1], Arrays.copyOfRange(s, 4, 4 + r), s[2], losses, params.get());
                }
            } catch (IOException e) {
                // falls through to retraining; the entry is overwritten below
            }
            ctx.progress().log("cache entry " + key + "-scores cannot be decoded; retraining " + key);
        }
        try (LatentTrainer<G> run = LatentTrainer.create(task, config(v, p), settings, seed)) {
            long t0 = System.nanoTime();
            float[] losses = run.train(null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[][] predictions = run.predict(eval);
            double[] s = scoreOf(predictions, eval, task.size());
            double[] regions = regionScores(predictions, eval, task.alteredRegion());
            byte[] parameters = run.parameterBytes();
            Score score = new Score(s[0], s[1], regions, p.steps() * (double) p.batch() / seconds, losses, parameters);
            int r = regions.length;
            double[] row = new double[4 + r + losses.length];
            row[0] = score.psnr();
            row[1] = score.ssim();
            row[2] = score.pairsPerSecond();
            row[3] = r;
            System.arraycopy(regions, 0, row, 4, r);
            for (int i = 0; i < losses.length; i++) row[4 + r + i] = losses[i];
            // parameters first: scores without their model are never taken for a finished replicate
            cache.write(key + "-params", ResultCache.Codec.BYTES.encode(parameters));
            cache.write(key + "-scores", ResultCache.Codec.DOUBLES.encode(row));
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

    /** Mean PSNR on the altered and on the unaltered pixels; nothing when {@code altered} is {@code null}. */
    static <G> double[] regionScores(float[][] predictions, List<Pair<G>> pairs, boolean[] altered) {
        if (altered == null) return new double[0];
        double[] out = new double[2];
        for (int side = 0; side < 2; side++) {
            double total = 0;
            for (int i = 0; i < pairs.size(); i++) {
                float[] t = pairs.get(i).target();
                double se = 0;
                int n = 0;
                for (int k = 0; k < t.length; k++)
                    if (altered[k] == (side == 0)) {
                        double d = predictions[i][k] - t[k];
                        se += d * d;
                        n++;
                    }
                total += se == 0 ? ImageMetrics.PSNR_CAP : Math.min(ImageMetrics.PSNR_CAP, -10 * Math.log10(se / n));
            }
            out[side] = total / pairs.size();
        }
        return out;
    }

    private <G> void writeGrids(
            Path out,
            PairTask<G> task,
            Plan p,
            List<Variant> variants,
            List<Pair<G>> eval,
            Map<Variant, List<Score>> scores,
            LatentTrainer.Settings settings)
            throws IOException {
        int rows = Math.min(8, eval.size());
        List<Pair<G>> shown = eval.subList(0, rows);
        List<float[][]> predictions = new ArrayList<>();
        for (Variant v : variants) {
            try (LatentTrainer<G> m = LatentTrainer.load(
                    task, config(v, p), settings, scores.get(v).get(0).parameters())) {
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
        try (LatentTrainer<G> m = LatentTrainer.load(
                task,
                config(swapModel, p),
                settings,
                scores.get(swapModel).get(0).parameters())) {
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

    private static double[] psnrs(List<Score> s) {
        return s.stream().mapToDouble(Score::psnr).toArray();
    }

    private static double[] ssims(List<Score> s) {
        return s.stream().mapToDouble(Score::ssim).toArray();
    }

    private <G> ExperimentResult report(
            ExperimentContext ctx,
            Plan p,
            PairTask<G> task,
            List<Variant> variants,
            Map<Variant, List<Score>> scores,
            double[] dataSpace,
            double[] copySource) {
        long statsSeed = ctx.seed("bootstrap");
        Table.Builder table = Table.builder(
                        "scores",
                        "PSNR (dB) and SSIM of the predicted target on "
                                + p.evalPairs() + " held-out pairs of " + task.name()
                                + ": mean over seeds with its 95 % bootstrap "
                                + "interval")
                .columns(
                        "dataset",
                        "model",
                        "PSNR",
                        "PSNR low",
                        "PSNR high",
                        "SSIM",
                        "SSIM low",
                        "SSIM high",
                        "seeds",
                        "train pairs/s");
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Interval> psnr = new ArrayList<>(), ssim = new ArrayList<>();
        for (Variant v : variants) {
            List<Score> s = scores.get(v);
            Interval pi = Stats.meanInterval(psnrs(s), statsSeed), si = Stats.meanInterval(ssims(s), statsSeed);
            double thr =
                    Stats.mean(s.stream().mapToDouble(Score::pairsPerSecond).toArray());
            table.row(
                    task.name(),
                    v.label,
                    pi.estimate(),
                    pi.lower(),
                    pi.upper(),
                    si.estimate(),
                    si.lower(),
                    si.upper(),
                    s.size(),
                    thr);
            labels.add(v.label);
            psnr.add(pi);
            ssim.add(si);
            metrics.put("psnr." + v.label, pi.estimate());
            metrics.put("psnr_sd." + v.label, Stats.sd(psnrs(s)));
            metrics.put("ssim." + v.label, si.estimate());
            metrics.put("ssim_sd." + v.label, Stats.sd(ssims(s)));
            metrics.put("pairs_per_second." + v.label, thr);
        }
        if (dataSpace != null) {
            table.row(
                    task.name(),
                    DATA_SPACE,
                    dataSpace[0],
                    dataSpace[0],
                    dataSpace[0],
                    dataSpace[1],
                    dataSpace[1],
                    dataSpace[1],
                    1,
                    null);
            labels.add(DATA_SPACE);
            psnr.add(Interval.exact(dataSpace[0]));
            ssim.add(Interval.exact(dataSpace[1]));
            metrics.put("psnr." + DATA_SPACE, dataSpace[0]);
            metrics.put("ssim." + DATA_SPACE, dataSpace[1]);
        }
        table.row(
                task.name(),
                COPY_SOURCE,
                copySource[0],
                copySource[0],
                copySource[0],
                copySource[1],
                copySource[1],
                copySource[1],
                1,
                null);
        labels.add(COPY_SOURCE);
        psnr.add(Interval.exact(copySource[0]));
        ssim.add(Interval.exact(copySource[1]));
        metrics.put("psnr." + COPY_SOURCE, copySource[0]);
        metrics.put("ssim." + COPY_SOURCE, copySource[1]);

        List<Claim> claims = new ArrayList<>();
        List<Score> latent = scores.get(Variant.LATENT);
        claims.addAll(beats(
                task,
                latent,
                scores.get(Variant.CONDITIONAL),
                "the latent action",
                "the conditional autoencoder (g given as input)",
                statsSeed));
        if (p.ablations()) {
            claims.addAll(beats(
                    task,
                    latent,
                    scores.get(Variant.NO_ATTENTION),
                    "the full latent model",
                    "its ablation without attention",
                    statsSeed));
            claims.addAll(beats(
                    task,
                    latent,
                    scores.get(Variant.NO_SKIP),
                    "the full latent model",
                    "its ablation without skip connections",
                    statsSeed));
        }
        if (dataSpace != null && occluded()) {
            double[] psnrConst = new double[latent.size()], ssimConst = new double[latent.size()];
            Arrays.fill(psnrConst, dataSpace[0]);
            Arrays.fill(ssimConst, dataSpace[1]);
            claims.add(Claim.about(
                            Paper.LATENT_ACTIONS,
                            "Under occlusion (" + task.name() + "), the latent action "
                                    + "beats rotating the source pixels (data-space action) in PSNR")
                    .measured(Stats.pairedDifference(psnrs(latent), psnrConst, statsSeed), "dB, latent - data-space")
                    .digits(2)
                    .positive());
            claims.add(Claim.about(
                            Paper.LATENT_ACTIONS,
                            "Under occlusion (" + task.name() + "), the latent action "
                                    + "beats rotating the source pixels (data-space action) in SSIM")
                    .measured(Stats.pairedDifference(ssims(latent), ssimConst, statsSeed), "SSIM, latent - data-space")
                    .digits(3)
                    .positive());
        }

        if (copyClaims()) {
            double[] psnrConst = new double[latent.size()], ssimConst = new double[latent.size()];
            Arrays.fill(psnrConst, copySource[0]);
            Arrays.fill(ssimConst, copySource[1]);
            claims.add(Claim.about(
                            Paper.LATENT_ACTIONS,
                            "On " + task.name() + ", the latent action beats copying the source picture in PSNR")
                    .measured(Stats.pairedDifference(psnrs(latent), psnrConst, statsSeed), "dB, latent - copy")
                    .digits(2)
                    .positive());
            claims.add(Claim.about(
                            Paper.LATENT_ACTIONS,
                            "On " + task.name() + ", the latent action beats copying the source picture in SSIM")
                    .measured(Stats.pairedDifference(ssims(latent), ssimConst, statsSeed), "SSIM, latent - copy")
                    .digits(3)
                    .positive());
        }

        Table regionTable = null;
        String regionSentence = "";
        if (task.alteredRegion() != null) {
            Table.Builder rt = Table.builder(
                            "regions",
                            "PSNR (dB) on the pixels the group changes and on those it "
                                    + "leaves alone, mean over seeds with its 95 % bootstrap interval")
                    .columns("dataset", "model", "PSNR altered", "low", "high", "PSNR unaltered", "low", "high");
            for (Variant v : variants) {
                double[] alt =
                        scores.get(v).stream().mapToDouble(x -> x.regions()[0]).toArray();
                double[] una =
                        scores.get(v).stream().mapToDouble(x -> x.regions()[1]).toArray();
                Interval a = Stats.meanInterval(alt, statsSeed), u = Stats.meanInterval(una, statsSeed);
                rt.row(task.name(), v.label, a.estimate(), a.lower(), a.upper(), u.estimate(), u.lower(), u.upper());
                metrics.put("psnr_altered." + v.label, a.estimate());
                metrics.put("psnr_unaltered." + v.label, u.estimate());
            }
            regionTable = rt.build();
            double[][] lat = regionColumns(latent), con = regionColumns(scores.get(Variant.CONDITIONAL));
            Interval dAlt = Stats.pairedDifference(lat[0], con[0], statsSeed);
            Interval dUna = Stats.pairedDifference(lat[1], con[1], statsSeed);
            claims.add(Claim.about(
                            Paper.LATENT_ACTIONS,
                            "On the pixels the group changes (" + task.name() + "), the "
                                    + "latent action beats the conditional autoencoder in PSNR")
                    .measured(dAlt, "dB (paired difference over seeds)")
                    .digits(2)
                    .positive());
            regionSentence = String.format(
                    Locale.ROOT,
                    " Scored apart, latent minus conditional is %s dB on the "
                            + "altered pixels and %s dB on the unaltered ones: the unaltered part %s the difference.",
                    dAlt.format(2),
                    dUna.format(2),
                    Math.abs(dUna.estimate()) < Math.abs(dAlt.estimate()) ? "dilutes" : "does not dilute");
        }

        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "%s (%s). Latent action: PSNR %s dB, "
                        + "SSIM %s; conditional autoencoder: PSNR %s dB, SSIM %s (means over %d seeds, 95 %% intervals).",
                task.name(),
                p.describe(),
                psnr.get(0).format(2),
                ssim.get(0).format(3),
                psnr.get(variants.indexOf(Variant.CONDITIONAL)).format(2),
                ssim.get(variants.indexOf(Variant.CONDITIONAL)).format(3),
                p.seeds()));
        if (dataSpace != null) {
            summary.append(String.format(
                    Locale.ROOT,
                    " Rotating the source pixels (data-space action) gives " + "%.2f dB / %.3f.",
                    dataSpace[0],
                    dataSpace[1]));
        } else {
            summary.append(" The group has no action on pixels here, so there is no data-space baseline.");
        }
        summary.append(String.format(
                Locale.ROOT,
                " Copying the source picture as the prediction gives %.2f dB / %.3f.",
                copySource[0],
                copySource[1]));
        summary.append(regionSentence);
        long held = claims.stream().filter(Claim::held).count();
        summary.append(String.format(
                Locale.ROOT, " %d of %d claims held (paired differences over seeds):", held, claims.size()));
        for (Claim c : claims)
            summary.append("\n- ")
                    .append(c.statement())
                    .append(": ")
                    .append(c.verdict())
                    .append(", ")
                    .append(c.ours());
        summary.append("\n\npredictions.png in the output folder shows source, target, ");
        if (dataSpace != null) summary.append("data-space rotation, ");
        summary.append("then ")
                .append(String.join(", ", variants.stream().map(v -> v.label).toList()))
                .append(" (seed 0); latent-swap.png shows, per row, the picture giving the invariant part, the one "
                        + "giving the varying part, and the decoded swap (")
                .append(
                        variants.contains(Variant.NO_SKIP)
                                ? "latent-no-skip"
                                : "latent, with the varying " + "picture's skip features")
                .append(").");
        metrics.put("plan", p.describe());

        String[] cats = labels.toArray(String[]::new);
        Figure psnrFigure = Figure.builder("psnr", Figure.Kind.BAR)
                .caption("PSNR of the predicted target, " + task.name()
                        + " (bars: half the width of the 95 % interval over seeds)")
                .yLabel("PSNR (dB)")
                .categories(cats)
                .series(errors(psnr))
                .build();
        Figure ssimFigure = Figure.builder("ssim", Figure.Kind.BAR)
                .caption("SSIM of the predicted target, " + task.name()
                        + " (bars: half the width of the 95 % interval over seeds)")
                .yLabel("SSIM")
                .categories(cats)
                .series(errors(ssim))
                .build();
        Figure.Builder loss = Figure.builder("training-loss", Figure.Kind.LINE)
                .caption("Training loss (MSE of both reconstructions, mean over windows of 10 steps), seed 0")
                .xLabel("step")
                .yLabel("loss")
                .logY();
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
        ExperimentResult.Builder result =
                ExperimentResult.builder(this).summary(summary.toString()).table(table.build());
        if (regionTable != null) result.table(regionTable);
        return result.figure(psnrFigure)
                .figure(ssimFigure)
                .figure(loss.build())
                .metrics(metrics)
                .claims(claims)
                .build();
    }

    /** "a beats b" in PSNR and in SSIM, each judged on the paired difference over seeds. */
    private static List<Claim> beats(
            PairTask<?> task, List<Score> a, List<Score> b, String aName, String bName, long seed) {
        return List.of(
                Claim.about(Paper.LATENT_ACTIONS, "On " + task.name() + ", " + aName + " beats " + bName + " in PSNR")
                        .measured(
                                Stats.pairedDifference(psnrs(a), psnrs(b), seed),
                                "dB (paired " + "difference over seeds)")
                        .digits(2)
                        .positive(),
                Claim.about(Paper.LATENT_ACTIONS, "On " + task.name() + ", " + aName + " beats " + bName + " in SSIM")
                        .measured(
                                Stats.pairedDifference(ssims(a), ssims(b), seed),
                                "SSIM (paired " + "difference over seeds)")
                        .digits(3)
                        .positive());
    }

    /** Per seed, the altered-region and the unaltered-region PSNR. */
    private static double[][] regionColumns(List<Score> s) {
        return new double[][] {
            s.stream().mapToDouble(x -> x.regions()[0]).toArray(),
            s.stream().mapToDouble(x -> x.regions()[1]).toArray()
        };
    }

    private static Series errors(List<Interval> intervals) {
        int n = intervals.size();
        double[] x = new double[n], y = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = intervals.get(i).estimate();
            e[i] = intervals.get(i).halfWidth();
        }
        return Series.withErrors("mean over seeds", x, y, e);
    }
}
