package org.noether.language.seq2seq;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Series;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;
import org.noether.group.DihedralElement;
import org.noether.language.scan.ScanSplit;
import org.noether.language.scan.ScanSymmetry;
import org.noether.nn.Engines;
import org.noether.nn.train.TrainingLoop;

/**
 * Checks the SCAN claim of Basu et al. (NeurIPS 2023): seq2seq models pretrained on the Add Jump and Around Right
 * splits fail on their test sets, and symmetrizing them over the jump/run (or left/right) swap with equizero recovers
 * most of the test set zero-shot, far above equitune. For GRU and LSTM encoder-decoders with attention, each seed
 * pretrains on the split's training set, then measures exact-match test accuracy of the pretrained model, equitune,
 * equizero and lambda-equitune zero-shot (lambda trained on the training set with the model frozen) and after a
 * fixed fine-tuning budget on the training set. Trained models and evaluations are kept in the run's
 * {@link ResultCache}, so a rerun over the same folder with the same seed, profile and protocol loads them instead of
 * training again. Every random stream comes from {@code ctx.seed(purpose)} ({@link RunSeeds}); the claims are
 * {@link Claim}s of {@link Paper#EQUIZERO} judged on the run's intervals.
 */
public final class ScanSymmetrizationExperiment implements Experiment {

    static final List<String> SPLITS = List.of("addprim-jump", "around-right");
    static final List<String> SPLIT_LABELS = List.of("Add Jump", "Around Right");
    static final List<Cell> CELLS = List.of(Cell.GRU, Cell.LSTM);
    static final List<Symmetrization> METHODS = List.of(
            Symmetrization.NONE, Symmetrization.EQUITUNE, Symmetrization.EQUIZERO, Symmetrization.LAMBDA_EQUITUNE);

    /** Sizes of a run. {@code testSize} = 0 means the whole test split. */
    record Protocol(
            int seeds,
            int hidden,
            boolean bidirectional,
            int batch,
            int pretrainSteps,
            float pretrainLr,
            int fineTuneSteps,
            float fineTuneLr,
            int lambdaSteps,
            float lambdaLr,
            int testSize,
            int trainProbe) {
        static final Protocol QUICK = new Protocol(1, 32, true, 64, 2000, 3e-3f, 200, 5e-4f, 200, 3e-3f, 500, 300);
        static final Protocol FULL = new Protocol(3, 64, true, 64, 10000, 2e-3f, 500, 5e-4f, 500, 3e-3f, 0, 1000);

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%d seed(s); %s encoder, hidden %d; pretraining %d steps of batch %d "
                            + "(Adam, lr %.0e cosine to a tenth, teacher forcing, gradient entries clipped at 5); "
                            + "lambda net %d steps at lr %.0e on the frozen model; fine-tuning %d steps of batch %d "
                            + "at lr %.0e; test: %s",
                    seeds,
                    bidirectional ? "bidirectional" : "one-way",
                    hidden,
                    pretrainSteps,
                    batch,
                    pretrainLr,
                    lambdaSteps,
                    lambdaLr,
                    fineTuneSteps,
                    batch,
                    fineTuneLr,
                    testSize == 0 ? "whole test split" : "random subset of " + testSize + " test commands");
        }
    }

    @Override
    public String name() {
        return "language.scan-symmetrized";
    }

    /** Quick: measured on an idle 2-core machine with one PyTorch thread; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 143 : 7200;
    }

    @Override
    public String title() {
        return "SCAN: equitune, equizero and lambda-equitune on pretrained seq2seq models";
    }

    @Override
    public String description() {
        return "Pretrains GRU and LSTM seq2seq models on SCAN's Add Jump and Around Right splits and compares exact-match "
                + "test accuracy of the plain model, equitune, equizero and lambda-equitune, zero-shot and fine-tuned.";
    }

    /** One (split, cell, seed index): accuracy by phase ("zero-shot", "fine-tuned") and method. */
    record Run(
            String split,
            Cell cell,
            int seed,
            double trainAccuracy,
            Map<String, Double> accuracy,
            double equizeroSwapped,
            double swapInTraining) {}

    /**
     * The random streams of seed index {@code s}, each from {@code ctx.seed("seed s/purpose")}: the same for both
     * splits and both cells, so that GRU and LSTM see the same test subset and batches.
     */
    record RunSeeds(
            long split,
            long testSubset,
            long probe,
            int pretrainInit,
            long pretrainBatches,
            int lambdaInit,
            long lambdaBatches,
            int fineTuneInit,
            long fineTuneBatches) {
        static RunSeeds of(ExperimentContext ctx, int s) {
            String p = "seed " + s + "/";
            return new RunSeeds(
                    ctx.seed(p + "split"),
                    ctx.seed(p + "test subset"),
                    ctx.seed(p + "training probe"),
                    (int) ctx.seed(p + "pretraining init"),
                    ctx.seed(p + "pretraining batches"),
                    (int) ctx.seed(p + "lambda init"),
                    ctx.seed(p + "lambda batches"),
                    (int) ctx.seed(p + "fine-tuning init"),
                    ctx.seed(p + "fine-tuning batches"));
        }
    }

    /** Raise when a change alters the numbers, so that cached models and evaluations of older code are not reused. */
    static final int NUMERICS_VERSION = 2;

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        return run(ctx, ctx.quick() ? Protocol.QUICK : Protocol.FULL);
    }

    ExperimentResult run(ExperimentContext ctx, Protocol p) throws IOException {
        Engines.pytorch();
        // These models are far too small for intra-op parallelism to pay, and OpenMP worker threads that spin while
        // waiting made a run ten times slower on a busy two-core machine; one thread is also bit-reproducible.
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return runSingleThreaded(ctx, p);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private ExperimentResult runSingleThreaded(ExperimentContext ctx, Protocol p) throws IOException {
        ResultCache cache = ResultCache.open(ctx, name(), NUMERICS_VERSION, p);
        List<Run> runs = new ArrayList<>();
        long started = System.nanoTime();
        int total = SPLITS.size() * CELLS.size() * p.seeds();
        try (Progress.Task task = ctx.progress().task("SCAN models", total)) {
            for (String split : SPLITS)
                for (Cell cell : CELLS)
                    for (int s = 0; s < p.seeds(); s++) {
                        task.message(split + " " + cell + " seed " + s);
                        ResultCache part =
                                cache.child(split + "-" + cell.name().toLowerCase(Locale.ROOT) + "-seed" + s);
                        runs.add(runOne(p, split, cell, s, RunSeeds.of(ctx, s), part, task));
                        task.step();
                    }
        }
        double minutes = (System.nanoTime() - started) / 6e10;
        return report(p, runs, minutes, ctx.seed("claims"));
    }

    private Run runOne(
            Protocol p, String split, Cell cell, int s, RunSeeds seeds, ResultCache cache, Progress.Task task)
            throws IOException {
        String label = split + " " + cell + " seed " + s;
        ScanSplit data = ScanSplit.of(split, seeds.split());
        ScanTask train = ScanTask.of(data.train());
        ScanTask test = p.testSize() == 0
                ? ScanTask.of(data.test())
                : ScanTask.of(data.test()).subset(p.testSize(), seeds.testSubset());
        ScanTask probe = train.subset(p.trainProbe(), seeds.probe());
        VocabularySymmetry<DihedralElement> sym = VocabularySymmetry.of(
                split.startsWith("addprim-jump") ? ScanSymmetry.addJump() : ScanSymmetry.aroundRight());
        Seq2SeqConfig config = Seq2SeqConfig.scan(cell, p.hidden(), p.bidirectional());
        Shape[] shapes = Seq2Seq.inputShapes(2, 4, 5);
        Map<String, Double> acc = new LinkedHashMap<>();

        // 1. pretraining, then the plain model, equitune and equizero zero-shot
        byte[] pretrained = cache.computeIfAbsent("model-pretrained", ResultCache.Codec.BYTES, () -> {
            task.message(label + ": pretraining");
            Seq2Seq fresh = new Seq2Seq(config);
            try (Model model = Seq2SeqModels.create("pretrained", fresh, shapes, seeds.pretrainInit());
                    Trainer trainer =
                            Seq2SeqModels.trainer(model, Seq2SeqModels.cosine(p.pretrainLr(), p.pretrainSteps()), 5f)) {
                String what = label + ": pretraining";
                new TrainingLoop(trainer)
                        .run(
                                train.sampler(p.batch(), seeds.pretrainBatches(), Seq2SeqBatch::of),
                                p.pretrainSteps(),
                                (step, loss) -> report(task, what, step, p.pretrainSteps(), loss));
                return Seq2SeqModels.parameters(fresh);
            }
        });
        Seq2Seq base = new Seq2Seq(config);
        double trainAcc;
        Map<String, Double> equizero;
        try (Model model = Seq2SeqModels.create("pretrained", base, shapes, seeds.pretrainInit(), base, pretrained)) {
            NDManager m = model.getNDManager();
            trainAcc = value(cache, "train-probe", () -> probe.exactMatch(base.decode(m, probe.sources(), 256)));
            acc.put(
                    "zero-shot/NONE",
                    value(cache, "zero-shot-NONE", () -> test.exactMatch(base.decode(m, test.sources(), 256))));
            acc.put(
                    "zero-shot/EQUITUNE",
                    value(
                            cache,
                            "zero-shot-EQUITUNE",
                            () -> test.exactMatch(new SymmetrizedSeq2Seq<>(base, sym, Symmetrization.EQUITUNE)
                                    .decode(m, test.sources(), 256))));
            equizero = cache.values("zero-shot-EQUIZERO", () -> {
                var d = new SymmetrizedSeq2Seq<>(base, sym, Symmetrization.EQUIZERO).decodeAll(m, test.sources(), 256);
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("accuracy", test.exactMatch(d.outputs()));
                v.put("swapped", swappedFraction(d));
                return v;
            });
            acc.put("zero-shot/EQUIZERO", equizero.get("accuracy"));
        }

        // 2. lambda-equitune: lambda net on the frozen model ("zero-shot"), then both fine-tuned
        Seq2Seq lambdaBase = new Seq2Seq(config);
        var lambda = new SymmetrizedSeq2Seq<>(lambdaBase, sym, Symmetrization.LAMBDA_EQUITUNE);
        byte[] lambdaTrained = cache.computeIfAbsent("model-lambda", ResultCache.Codec.BYTES, () -> {
            task.message(label + ": lambda net");
            try (Model model = create("lambda", lambda, seeds.lambdaInit(), lambdaBase, pretrained)) {
                lambdaBase.freezeParameters(true);
                try (Trainer trainer = Seq2SeqModels.trainer(model, p.lambdaLr(), 5f)) {
                    new TrainingLoop(trainer)
                            .run(train.sampler(p.batch(), seeds.lambdaBatches(), lambda::batch), p.lambdaSteps());
                }
                lambdaBase.freezeParameters(false);
                return Seq2SeqModels.parameters(lambda);
            }
        });
        acc.put(
                "zero-shot/LAMBDA_EQUITUNE",
                evaluate(cache, "zero-shot-LAMBDA_EQUITUNE", lambda, lambdaTrained, seeds.lambdaInit(), test));
        acc.put(
                "fine-tuned/LAMBDA_EQUITUNE",
                fineTuned(p, cache, lambda, lambda, lambdaTrained, seeds, train, test, task, label));

        // 3. fine-tuning the plain model, equitune and equizero from the pretrained weights
        for (Symmetrization mode : List.of(Symmetrization.NONE, Symmetrization.EQUITUNE, Symmetrization.EQUIZERO)) {
            Seq2Seq fresh = new Seq2Seq(config);
            var wrapped = new SymmetrizedSeq2Seq<>(fresh, sym, mode);
            acc.put(
                    "fine-tuned/" + mode,
                    fineTuned(p, cache, wrapped, fresh, pretrained, seeds, train, test, task, label));
        }
        return new Run(split, cell, s, trainAcc, acc, equizero.get("swapped"), swapInTraining(train, test, sym));
    }

    /** A model holding {@code wrapped}, whose {@code part} starts from {@code saved}. */
    private static Model create(
            String name, SymmetrizedSeq2Seq<?> wrapped, int seed, AbstractBlock part, byte[] saved) {
        try {
            return Seq2SeqModels.create(name, wrapped, wrapped.inputShapes(2, 4, 5), seed, part, saved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fine-tunes {@code wrapped}, whose {@code part} (the whole wrapper or its base) starts from {@code start}, for the
     * protocol's budget, and returns the test accuracy; the fine-tuned weights and the accuracy are cached.
     */
    private static double fineTuned(
            Protocol p,
            ResultCache cache,
            SymmetrizedSeq2Seq<?> wrapped,
            AbstractBlock part,
            byte[] start,
            RunSeeds seeds,
            ScanTask train,
            ScanTask test,
            Progress.Task task,
            String label) {
        String key = "fine-tuned-" + wrapped.mode();
        byte[] tuned = cache.computeIfAbsent("model-" + key, ResultCache.Codec.BYTES, () -> {
            String what = label + ": fine-tuning " + wrapped.mode();
            task.message(what);
            try (Model model = create("fine-tune", wrapped, seeds.fineTuneInit(), part, start);
                    Trainer trainer = Seq2SeqModels.trainer(model, p.fineTuneLr(), 5f)) {
                new TrainingLoop(trainer)
                        .run(
                                train.sampler(p.batch(), seeds.fineTuneBatches(), wrapped::batch),
                                p.fineTuneSteps(),
                                (step, loss) -> report(task, what, step, p.fineTuneSteps(), loss));
                return Seq2SeqModels.parameters(wrapped);
            }
        });
        return evaluate(cache, key, wrapped, tuned, seeds.fineTuneInit(), test);
    }

    /** Exact-match test accuracy of {@code wrapped} with the saved parameters {@code saved} (cached under {@code key}). */
    private static double evaluate(
            ResultCache cache, String key, SymmetrizedSeq2Seq<?> wrapped, byte[] saved, int seed, ScanTask test) {
        return value(cache, key, () -> {
            try (Model model = create("evaluate", wrapped, seed, wrapped, saved)) {
                return test.exactMatch(wrapped.decode(model.getNDManager(), test.sources(), 256));
            }
        });
    }

    private static double value(ResultCache cache, String key, DoubleSupplier compute) {
        return cache.doubles(key, () -> new double[] {compute.getAsDouble()})[0];
    }

    private static void report(Progress.Task task, String what, long step, int total, float loss) {
        if ((step + 1) % 100 == 0 || step + 1 == total)
            task.message(String.format(Locale.ROOT, "%s, step %d/%d, loss %.4f", what, step + 1, total, loss));
    }

    /** Fraction of test commands whose swap is a training command: what a model that only knows its training set can reach. */
    static double swapInTraining(ScanTask train, ScanTask test, VocabularySymmetry<?> sym) {
        java.util.Set<List<Integer>> known = new java.util.HashSet<>();
        for (int[] x : train.sources()) known.add(boxed(x));
        int n = 0;
        for (int[] x : test.sources()) if (known.contains(boxed(sym.actOnInput(1, x)))) n++;
        return test.size() == 0 ? 0 : n / (double) test.size();
    }

    private static List<Integer> boxed(int[] x) {
        return java.util.Arrays.stream(x).boxed().toList();
    }

    private static double swappedFraction(SymmetrizedSeq2Seq.Decoded d) {
        int n = 0;
        for (int[] s : d.selected()) if (s.length == 1 && s[0] != 0) n++;
        return d.selected().isEmpty() ? 0 : n / (double) d.selected().size();
    }

    // ------------------------------------------------------------------ report

    /** Accuracies (fractions) of every run of {@code split} and {@code cell} for {@code phase/method}, in seed order. */
    private static double[] values(List<Run> runs, String split, Cell cell, String phase, Symmetrization method) {
        return runs.stream()
                .filter(r -> r.split().equals(split) && r.cell() == cell)
                .mapToDouble(r -> r.accuracy().get(phase + "/" + method))
                .toArray();
    }

    private static double[] percent(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = 100 * v[i];
        return out;
    }

    /** Zero-shot accuracy of the pretrained model stays below this, in percent, for "the pretrained model fails". */
    static final double FAILS_BELOW = 10;
    /** Equizero's zero-shot accuracy must exceed this, in percent, for "equizero recovers most of the test set". */
    static final double RECOVERS_ABOVE = 50;
    /** Equizero must beat equitune zero-shot by more than this many points for "far above equitune". */
    static final double MARGIN_POINTS = 20;

    /**
     * The paper's SCAN claims for one split and cell, from the zero-shot accuracies (fractions) per seed: the
     * pretrained model fails (its 95 % interval lies below {@value #FAILS_BELOW} %), equizero recovers most of the
     * test set (above {@value #RECOVERS_ABOVE} %) and beats equitune by more than {@value #MARGIN_POINTS} points
     * (paired by seed).
     */
    static List<Claim> claims(
            String splitLabel, Cell cell, double[] pretrained, double[] equitune, double[] equizero, long seed) {
        String where = splitLabel + ", " + cell + ": ";
        List<Claim> out = new ArrayList<>();
        out.add(Claim.about(Paper.EQUIZERO, where + "the pretrained model fails on the held-out compositions")
                .measured(Stats.meanInterval(percent(pretrained), seed), "% exact match, zero-shot")
                .digits(1)
                .below(FAILS_BELOW));
        out.add(Claim.about(Paper.EQUIZERO, where + "equizero recovers most of the test set zero-shot")
                .measured(Stats.meanInterval(percent(equizero), seed), "% exact match, zero-shot")
                .digits(1)
                .above(RECOVERS_ABOVE));
        out.add(Claim.about(Paper.EQUIZERO, where + "equizero is far above equitune zero-shot")
                .measured(
                        Stats.pairedDifference(percent(equizero), percent(equitune), seed),
                        "points, equizero - equitune")
                .digits(1)
                .above(MARGIN_POINTS));
        return out;
    }

    private ExperimentResult report(Protocol p, List<Run> runs, double minutes, long statsSeed) {
        Table.Builder wide = Table.builder(
                        "accuracy",
                        "Exact-match test accuracy (%), mean +- sample standard " + "deviation over " + p.seeds()
                                + " seed(s)")
                .columns(
                        "model",
                        "method",
                        "Add Jump zero-shot",
                        "Add Jump fine-tuned",
                        "Around Right zero-shot",
                        "Around Right fine-tuned");
        Table.Builder longT = Table.builder(
                        "accuracy-long",
                        "Exact-match test accuracy, one row per split, model, "
                                + "method and phase, with the 95 % bootstrap interval of the mean over seeds")
                .columns("split", "model", "method", "phase", "mean", "lower", "upper", "sd", "min", "max", "seeds");
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Cell cell : CELLS) {
            for (Symmetrization method : METHODS) {
                List<Object> row = new ArrayList<>(List.of(cell.name(), label(method)));
                for (String split : SPLITS) {
                    for (String phase : List.of("zero-shot", "fine-tuned")) {
                        double[] v = values(runs, split, cell, phase, method);
                        Interval i = Stats.meanInterval(v, statsSeed);
                        row.add(String.format(Locale.ROOT, "%.1f +- %.1f", 100 * Stats.mean(v), 100 * Stats.sd(v)));
                        longT.row(
                                split,
                                cell.name(),
                                label(method),
                                phase,
                                i.estimate(),
                                i.lower(),
                                i.upper(),
                                Stats.sd(v),
                                Stats.min(v),
                                Stats.max(v),
                                v.length);
                        metrics.put(
                                "accuracy." + split + "." + cell.name().toLowerCase(Locale.ROOT) + "."
                                        + method.name().toLowerCase(Locale.ROOT) + "." + phase,
                                v);
                    }
                }
                wide.row(row.toArray());
            }
        }
        Table.Builder pre = Table.builder(
                        "pretraining",
                        "Pretrained models: exact match on " + p.trainProbe()
                                + " training commands, and how often equizero chose the swapped command on the test set")
                .columns(
                        "split",
                        "model",
                        "seed",
                        "train accuracy",
                        "equizero chose g = swap",
                        "test commands whose swap is a training command");
        for (Run r : runs)
            pre.row(r.split(), r.cell().name(), r.seed(), r.trainAccuracy(), r.equizeroSwapped(), r.swapInTraining());

        // the claims, per split and model
        List<Claim> claims = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (String split : SPLITS)
            for (Cell cell : CELLS) {
                double[] plain = values(runs, split, cell, "zero-shot", Symmetrization.NONE);
                double[] eqt = values(runs, split, cell, "zero-shot", Symmetrization.EQUITUNE);
                double[] eqz = values(runs, split, cell, "zero-shot", Symmetrization.EQUIZERO);
                String splitLabel = SPLIT_LABELS.get(SPLITS.indexOf(split));
                List<Claim> cs = claims(splitLabel, cell, plain, eqt, eqz, statsSeed);
                claims.addAll(cs);
                long held = cs.stream().filter(Claim::held).count();
                verdicts.add(String.format(
                        Locale.ROOT,
                        "%s %s: pretrained %.1f%%, equitune %.1f%%, equizero %.1f%% "
                                + "zero-shot (%d of %d claims held)",
                        splitLabel,
                        cell,
                        100 * Stats.mean(plain),
                        100 * Stats.mean(eqt),
                        100 * Stats.mean(eqz),
                        held,
                        cs.size()));
            }
        long held = claims.stream().filter(Claim::held).count();
        double meanTrain =
                Stats.mean(runs.stream().mapToDouble(Run::trainAccuracy).toArray());
        double meanSwap =
                Stats.mean(runs.stream().mapToDouble(Run::equizeroSwapped).toArray());
        List<String> tuned = new ArrayList<>();
        for (String split : SPLITS) {
            List<String> parts = new ArrayList<>();
            for (Symmetrization method : METHODS) {
                double a = 0;
                for (Cell cell : CELLS) a += Stats.mean(values(runs, split, cell, "fine-tuned", method)) / CELLS.size();
                parts.add(String.format(Locale.ROOT, "%s %.1f%%", label(method), 100 * a));
            }
            tuned.add(SPLIT_LABELS.get(SPLITS.indexOf(split)) + ": " + String.join(", ", parts));
        }
        metrics.put("pretrained.train_accuracy.mean", meanTrain);
        metrics.put("equizero.swap_rate.mean", meanSwap);
        metrics.put("minutes", minutes);

        Figure.Builder fig = Figure.builder("zero-shot", Figure.Kind.BAR)
                .caption("Zero-shot exact-match test accuracy by method (mean over seeds, bars: sample sd)")
                .xLabel("method")
                .yLabel("test accuracy")
                .categories(METHODS.stream().map(m -> label(m)).toArray(String[]::new));
        for (String split : SPLITS)
            for (Cell cell : CELLS) {
                double[] x = new double[METHODS.size()], y = new double[METHODS.size()], e = new double[METHODS.size()];
                for (int i = 0; i < METHODS.size(); i++) {
                    double[] v = values(runs, split, cell, "zero-shot", METHODS.get(i));
                    x[i] = i;
                    y[i] = Stats.mean(v);
                    e[i] = Stats.sd(v);
                }
                fig.series(Series.withErrors(SPLIT_LABELS.get(SPLITS.indexOf(split)) + " " + cell, x, y, e));
            }

        List<String> failed =
                claims.stream().filter(c -> !c.held()).map(Claim::statement).toList();
        String summary = String.format(
                        Locale.ROOT,
                        "%d of %d claims held. Checked per split and model: the "
                                + "pretrained model fails on the held-out compositions (below %.0f%%), equizero recovers most of "
                                + "the test set zero-shot (above %.0f%%) and beats equitune by more than %.0f points.",
                        held,
                        claims.size(),
                        FAILS_BELOW,
                        RECOVERS_ABOVE,
                        MARGIN_POINTS)
                + (failed.isEmpty() ? "" : " Not held: " + String.join("; ", failed) + ".")
                + "\n\n" + String.join("; ", verdicts) + ".\n\n"
                + String.format(
                        Locale.ROOT,
                        "Pretrained models reach %.1f%% exact match on training commands on average. "
                                + "The swap turns %s of the test commands into training commands (the others hold both swapped words, "
                                + "e.g. 'jump and run'), which bounds what equizero over this group of order 2 can recover from a model that "
                                + "knows only its training set; its proxy picked the swap for %.1f%% of test commands on average. ",
                        100 * meanTrain,
                        coverage(runs),
                        100 * meanSwap)
                + "After " + p.fineTuneSteps() + " fine-tuning steps (mean over models): " + String.join("; ", tuned)
                + ".\n\n"
                + "Protocol: " + p.describe() + ". Add Jump trains on the published distribution (the bare command "
                + "'jump' repeated " + ScanSplit.JUMP_REPEATS + " times among 14,670 lines); Around Right tests on the "
                + "published 4,476 commands ('turn around right' is in neither set). Decoding is greedy with at most "
                + Seq2SeqConfig.SCAN_MAX_LENGTH + " tokens; symmetrized decoding maps output distributions back with "
                + "g^-1 and averages equizero ties (nn's tie rule, relative tolerance "
                + String.format(Locale.ROOT, "%.0e", SymmetrizedSeq2Seq.TIE_TOLERANCE) + "). "
                + String.format(Locale.ROOT, "Wall time of this run %.1f min.", minutes);
        return ExperimentResult.builder(this)
                .summary(summary)
                .table(wide.build())
                .table(longT.build())
                .table(pre.build())
                .figure(fig.build())
                .claims(claims)
                .metrics(metrics)
                .build();
    }

    private static String coverage(List<Run> runs) {
        List<String> parts = new ArrayList<>();
        for (String split : SPLITS)
            runs.stream()
                    .filter(r -> r.split().equals(split))
                    .findFirst()
                    .ifPresent(r -> parts.add(String.format(
                            Locale.ROOT,
                            "%.1f%% (%s)",
                            100 * r.swapInTraining(),
                            SPLIT_LABELS.get(SPLITS.indexOf(split)))));
        return String.join(" and ", parts);
    }

    private static String label(Symmetrization m) {
        return switch (m) {
            case NONE -> "pretrained";
            case EQUITUNE -> "equitune";
            case EQUIZERO -> "equizero";
            case LAMBDA_EQUITUNE -> "lambda-equitune";
        };
    }
}
