package org.noether.language.seq2seq;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
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
 * fixed fine-tuning budget on the training set. Models are checkpointed in the output folder; a rerun over the same
 * folder loads them instead of training again.
 */
public final class ScanSymmetrizationExperiment implements Experiment {

    static final List<String> SPLITS = List.of("addprim-jump", "around-right");
    static final List<String> SPLIT_LABELS = List.of("Add Jump", "Around Right");
    static final List<Cell> CELLS = List.of(Cell.GRU, Cell.LSTM);
    static final List<Symmetrization> METHODS = List.of(Symmetrization.NONE, Symmetrization.EQUITUNE,
            Symmetrization.EQUIZERO, Symmetrization.LAMBDA_EQUITUNE);

    /** Sizes of a run. {@code testSize} = 0 means the whole test split. */
    record Protocol(int seeds, int hidden, boolean bidirectional, int batch, int pretrainSteps, float pretrainLr,
                    int fineTuneSteps, float fineTuneLr, int lambdaSteps, float lambdaLr, int testSize,
                    int trainProbe) {
        static final Protocol QUICK = new Protocol(1, 32, true, 64, 2000, 3e-3f, 200, 5e-4f, 200, 3e-3f, 500, 300);
        static final Protocol FULL = new Protocol(3, 64, true, 64, 10000, 2e-3f, 500, 5e-4f, 500, 3e-3f, 0, 1000);

        String describe() {
            return String.format(Locale.ROOT, "%d seed(s); %s encoder, hidden %d; pretraining %d steps of batch %d "
                            + "(Adam, lr %.0e cosine to a tenth, teacher forcing, gradient entries clipped at 5); "
                            + "lambda net %d steps at lr %.0e on the frozen model; fine-tuning %d steps of batch %d "
                            + "at lr %.0e; test: %s", seeds, bidirectional ? "bidirectional" : "one-way", hidden,
                    pretrainSteps, batch, pretrainLr, lambdaSteps, lambdaLr, fineTuneSteps, batch, fineTuneLr,
                    testSize == 0 ? "whole test split" : "random subset of " + testSize + " test commands");
        }
    }

    @Override
    public String name() {
        return "language.scan-symmetrized";
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

    /** One (split, cell, seed): accuracy by phase ("zero-shot", "fine-tuned") and method. */
    record Run(String split, Cell cell, int seed, double trainAccuracy, Map<String, Double> accuracy,
               double equizeroSwapped, double swapInTraining) {}

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
        Path dir = ctx.outputDirectory().resolve("checkpoints");
        Files.createDirectories(dir);
        Cache cache = new Cache(ctx.outputDirectory().resolve("evaluations.properties"));
        SplittableRandom seeds = ctx.random();
        int[] seedList = new int[p.seeds()];
        for (int i = 0; i < seedList.length; i++) seedList[i] = seeds.nextInt(1 << 30);
        List<Run> runs = new ArrayList<>();
        long started = System.nanoTime();
        int total = SPLITS.size() * CELLS.size() * p.seeds();
        try (Progress.Task task = ctx.progress().task("SCAN models", total)) {
            for (String split : SPLITS)
                for (Cell cell : CELLS)
                    for (int seed : seedList) {
                        task.message(split + " " + cell + " seed " + seed);
                        runs.add(runOne(p, split, cell, seed, dir, cache, task));
                        task.step();
                    }
        }
        double minutes = (System.nanoTime() - started) / 6e10;
        return report(p, runs, minutes);
    }

    private Run runOne(Protocol p, String split, Cell cell, int seed, Path dir, Cache cache, Progress.Task task)
            throws IOException {
        ScanSplit data = ScanSplit.of(split, seed);
        ScanTask train = ScanTask.of(data.train());
        ScanTask test = p.testSize() == 0 ? ScanTask.of(data.test()) : ScanTask.of(data.test()).subset(p.testSize(), seed);
        ScanTask probe = train.subset(p.trainProbe(), seed + 1L);
        VocabularySymmetry<DihedralElement> sym = VocabularySymmetry.of(split.equals("addprim-jump")
                ? ScanSymmetry.addJump() : ScanSymmetry.aroundRight());
        Seq2SeqConfig config = Seq2SeqConfig.scan(cell, p.hidden(), p.bidirectional());
        String key = String.format(Locale.ROOT, "%s-%s-s%d-b%d-p%d-lr%s", split, config.tag(), seed, p.batch(),
                p.pretrainSteps(), Float.toString(p.pretrainLr()));
        String evalKey = key + "-test" + test.size();
        Path pretrained = dir.resolve(key + "-pretrained.params");
        Map<String, Double> acc = new LinkedHashMap<>();
        double trainAcc;
        double swapped;

        // 1. pretraining, then the plain model, equitune and equizero zero-shot
        Seq2Seq base = new Seq2Seq(config);
        Shape[] shapes = Seq2Seq.inputShapes(2, 4, 5);
        boolean have = Files.exists(pretrained);
        try (Model model = have ? Seq2SeqModels.create("pretrained", base, shapes, seed, base, pretrained)
                : Seq2SeqModels.create("pretrained", base, shapes, seed)) {
            if (!have) {
                task.message(split + " " + cell + " seed " + seed + ": pretraining");
                try (Trainer trainer = Seq2SeqModels.trainer(model, Seq2SeqModels.cosine(p.pretrainLr(),
                        p.pretrainSteps()), 5f)) {
                    String what = split + " " + cell + " seed " + seed + ": pretraining";
                    new TrainingLoop(trainer).run(train.sampler(p.batch(), seed, Seq2SeqBatch::of), p.pretrainSteps(),
                            (step, loss) -> report(task, what, step, p.pretrainSteps(), loss));
                }
                Seq2SeqModels.save(base, pretrained);
            }
            NDManager m = model.getNDManager();
            trainAcc = cache.get(evalKey + "/train", () -> probe.exactMatch(base.decode(m, probe.sources(), 256)));
            acc.put("zero-shot/NONE", cache.get(evalKey + "/zero-shot/NONE",
                    () -> test.exactMatch(base.decode(m, test.sources(), 256))));
            acc.put("zero-shot/EQUITUNE", cache.get(evalKey + "/zero-shot/EQUITUNE", () -> test.exactMatch(
                    new SymmetrizedSeq2Seq<>(base, sym, Symmetrization.EQUITUNE).decode(m, test.sources(), 256))));
            double[] zero = new double[2];
            acc.put("zero-shot/EQUIZERO", cache.get(evalKey + "/zero-shot/EQUIZERO", () -> {
                var d = new SymmetrizedSeq2Seq<>(base, sym, Symmetrization.EQUIZERO).decodeAll(m, test.sources(), 256);
                zero[0] = swappedFraction(d);
                return test.exactMatch(d.outputs());
            }));
            swapped = cache.get(evalKey + "/zero-shot/EQUIZERO-swapped", () -> zero[0]);
        }

        // 2. lambda-equitune: lambda net on the frozen model ("zero-shot"), then both fine-tuned
        {
            Seq2Seq fresh = new Seq2Seq(config);
            var wrapped = new SymmetrizedSeq2Seq<>(fresh, sym, Symmetrization.LAMBDA_EQUITUNE);
            Shape[] ws = wrapped.inputShapes(2, 4, 5);
            Path zs = dir.resolve(key + "-lambda-l" + p.lambdaSteps() + ".params");
            Path ft = dir.resolve(key + "-lambda-l" + p.lambdaSteps() + "-ft" + p.fineTuneSteps() + ".params");
            boolean haveZs = Files.exists(zs);
            try (Model model = haveZs ? Seq2SeqModels.create("lambda", wrapped, ws, seed + 2, wrapped, zs)
                    : Seq2SeqModels.create("lambda", wrapped, ws, seed + 2, fresh, pretrained)) {
                NDManager m = model.getNDManager();
                if (!haveZs) {
                    task.message(split + " " + cell + " seed " + seed + ": lambda net");
                    fresh.freezeParameters(true);
                    try (Trainer trainer = Seq2SeqModels.trainer(model, p.lambdaLr(), 5f)) {
                        new TrainingLoop(trainer).run(train.sampler(p.batch(), seed + 3L,
                                wrapped::batch), p.lambdaSteps());
                    }
                    fresh.freezeParameters(false);
                    Seq2SeqModels.save(wrapped, zs);
                }
                acc.put("zero-shot/LAMBDA_EQUITUNE", cache.get(evalKey + "/zero-shot/LAMBDA_EQUITUNE",
                        () -> test.exactMatch(wrapped.decode(m, test.sources(), 256))));
            }
            acc.put("fine-tuned/LAMBDA_EQUITUNE", fineTune(p, wrapped, ws, seed, zs, ft, train, test, cache,
                    evalKey + "/fine-tuned/LAMBDA_EQUITUNE", task, split + " " + cell + " seed " + seed));
        }

        // 3. fine-tuning the plain model, equitune and equizero from the pretrained weights
        for (Symmetrization mode : List.of(Symmetrization.NONE, Symmetrization.EQUITUNE, Symmetrization.EQUIZERO)) {
            Seq2Seq fresh = new Seq2Seq(config);
            var wrapped = new SymmetrizedSeq2Seq<>(fresh, sym, mode);
            Path ft = dir.resolve(key + "-" + mode.name().toLowerCase(Locale.ROOT) + "-ft" + p.fineTuneSteps()
                    + ".params");
            acc.put("fine-tuned/" + mode, fineTuneFromBase(p, wrapped, fresh, seed, pretrained, ft, train, test,
                    cache, evalKey + "/fine-tuned/" + mode, task, split + " " + cell + " seed " + seed));
        }
        return new Run(split, cell, seed, trainAcc, acc, swapped, swapInTraining(train, test, sym));
    }

    /** Fine-tunes {@code wrapped} whose whole state starts from {@code start} (a saved wrapper). */
    private static double fineTune(Protocol p, SymmetrizedSeq2Seq<?> wrapped, Shape[] shapes, int seed, Path start,
                                   Path out, ScanTask train, ScanTask test, Cache cache, String evalKey,
                                   Progress.Task task, String label) throws IOException {
        Seq2Seq fresh = new Seq2Seq(wrapped.base().config());
        var copy = new SymmetrizedSeq2Seq<>(fresh, wrapped.symmetry(), wrapped.mode());
        boolean have = Files.exists(out);
        try (Model model = Seq2SeqModels.create("fine-tune", copy, shapes, seed + 4, copy, have ? out : start)) {
            if (!have) train(p, model, copy, seed, train, task, label);
            if (!have) Seq2SeqModels.save(copy, out);
            NDManager m = model.getNDManager();
            return cache.get(evalKey, () -> test.exactMatch(copy.decode(m, test.sources(), 256)));
        }
    }

    /** Fine-tunes {@code wrapped} whose base starts from the pretrained {@code start}. */
    private static double fineTuneFromBase(Protocol p, SymmetrizedSeq2Seq<?> wrapped, Seq2Seq base, int seed,
                                           Path start, Path out, ScanTask train, ScanTask test, Cache cache,
                                           String evalKey, Progress.Task task, String label) throws IOException {
        Shape[] shapes = wrapped.inputShapes(2, 4, 5);
        boolean have = Files.exists(out);
        try (Model model = have ? Seq2SeqModels.create("fine-tune", wrapped, shapes, seed + 4, wrapped, out)
                : Seq2SeqModels.create("fine-tune", wrapped, shapes, seed + 4, base, start)) {
            if (!have) {
                train(p, model, wrapped, seed, train, task, label);
                Seq2SeqModels.save(wrapped, out);
            }
            NDManager m = model.getNDManager();
            return cache.get(evalKey, () -> test.exactMatch(wrapped.decode(m, test.sources(), 256)));
        }
    }

    private static void train(Protocol p, Model model, SymmetrizedSeq2Seq<?> wrapped, int seed, ScanTask train,
                              Progress.Task task, String label) {
        String what = label + ": fine-tuning " + wrapped.mode();
        task.message(what);
        try (Trainer trainer = Seq2SeqModels.trainer(model, p.fineTuneLr(), 5f)) {
            new TrainingLoop(trainer).run(train.sampler(p.batch(), seed + 5L, wrapped::batch), p.fineTuneSteps(),
                    (step, loss) -> report(task, what, step, p.fineTuneSteps(), loss));
        }
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

    private ExperimentResult report(Protocol p, List<Run> runs, double minutes) {
        Table.Builder wide = Table.builder("accuracy", "Exact-match test accuracy (%), mean +- standard deviation over "
                + p.seeds() + " seed(s)").columns("model", "method", "Add Jump zero-shot", "Add Jump fine-tuned",
                "Around Right zero-shot", "Around Right fine-tuned");
        Table.Builder longT = Table.builder("accuracy-long", "Exact-match test accuracy, one row per split, model, "
                + "method and phase").columns("split", "model", "method", "phase", "mean", "sd", "min", "max", "seeds");
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, double[]> stats = new LinkedHashMap<>();
        for (Cell cell : CELLS) {
            for (Symmetrization method : METHODS) {
                List<Object> row = new ArrayList<>(List.of(cell.name(), label(method)));
                for (String split : SPLITS) {
                    for (String phase : List.of("zero-shot", "fine-tuned")) {
                        double[] v = runs.stream().filter(r -> r.split().equals(split) && r.cell() == cell)
                                .mapToDouble(r -> r.accuracy().get(phase + "/" + method)).toArray();
                        double[] s = meanSd(v);
                        stats.put(split + "/" + cell + "/" + method + "/" + phase, s);
                        row.add(String.format(Locale.ROOT, "%.1f +- %.1f", 100 * s[0], 100 * s[1]));
                        longT.row(split, cell.name(), label(method), phase, s[0], s[1], s[2], s[3], v.length);
                        metrics.put("accuracy." + split + "." + cell.name().toLowerCase(Locale.ROOT) + "."
                                + method.name().toLowerCase(Locale.ROOT) + "." + phase, v);
                    }
                }
                wide.row(row.toArray());
            }
        }
        Table.Builder pre = Table.builder("pretraining", "Pretrained models: exact match on " + p.trainProbe()
                + " training commands, and how often equizero chose the swapped command on the test set")
                .columns("split", "model", "seed", "train accuracy", "equizero chose g = swap",
                        "test commands whose swap is a training command");
        for (Run r : runs)
            pre.row(r.split(), r.cell().name(), r.seed(), r.trainAccuracy(), r.equizeroSwapped(), r.swapInTraining());

        // the claim, per split and model
        List<String> verdicts = new ArrayList<>();
        boolean allHold = true;
        for (String split : SPLITS)
            for (Cell cell : CELLS) {
                String k = split + "/" + cell + "/";
                double plain = stats.get(k + "NONE/zero-shot")[0], eqt = stats.get(k + "EQUITUNE/zero-shot")[0],
                        eqz = stats.get(k + "EQUIZERO/zero-shot")[0];
                boolean holds = plain < 0.1 && eqz > 0.5 && eqz - eqt >= 0.2;
                allHold &= holds;
                verdicts.add(String.format(Locale.ROOT, "%s %s: pretrained %.1f%%, equitune %.1f%%, equizero %.1f%% "
                        + "zero-shot (%s)", SPLIT_LABELS.get(SPLITS.indexOf(split)), cell, 100 * plain, 100 * eqt,
                        100 * eqz, holds ? "claim holds" : "claim does not hold"));
                metrics.put("claim." + split + "." + cell.name().toLowerCase(Locale.ROOT), holds);
            }
        metrics.put("claim.holds", allHold);
        double meanTrain = runs.stream().mapToDouble(Run::trainAccuracy).average().orElse(0);
        double meanSwap = runs.stream().mapToDouble(Run::equizeroSwapped).average().orElse(0);
        List<String> tuned = new ArrayList<>();
        for (String split : SPLITS) {
            List<String> parts = new ArrayList<>();
            for (Symmetrization method : METHODS) {
                double a = 0;
                for (Cell cell : CELLS) a += stats.get(split + "/" + cell + "/" + method + "/fine-tuned")[0] / CELLS.size();
                parts.add(String.format(Locale.ROOT, "%s %.1f%%", label(method), 100 * a));
            }
            tuned.add(SPLIT_LABELS.get(SPLITS.indexOf(split)) + ": " + String.join(", ", parts));
        }
        metrics.put("pretrained.train_accuracy.mean", meanTrain);
        metrics.put("equizero.swap_rate.mean", meanSwap);
        metrics.put("minutes", minutes);

        Figure.Builder fig = Figure.builder("zero-shot", Figure.Kind.BAR)
                .caption("Zero-shot exact-match test accuracy by method (mean over seeds)")
                .xLabel("method").yLabel("test accuracy").categories(METHODS.stream().map(m -> label(m)).toArray(String[]::new));
        for (String split : SPLITS)
            for (Cell cell : CELLS) {
                double[] x = new double[METHODS.size()], y = new double[METHODS.size()], e = new double[METHODS.size()];
                for (int i = 0; i < METHODS.size(); i++) {
                    double[] s = stats.get(split + "/" + cell + "/" + METHODS.get(i) + "/zero-shot");
                    x[i] = i;
                    y[i] = s[0];
                    e[i] = s[1];
                }
                fig.series(Series.withErrors(SPLIT_LABELS.get(SPLITS.indexOf(split)) + " " + cell, x, y, e));
            }

        String summary = (allHold ? "The claim holds in every case: " : "The claim does not hold in every case: ")
                + "a pretrained model that fails on the held-out compositions, equizero far above equitune zero-shot.\n\n"
                + String.join("; ", verdicts) + ".\n\n"
                + String.format(Locale.ROOT, "Pretrained models reach %.1f%% exact match on training commands on average. "
                + "The swap turns %s of the test commands into training commands (the others hold both swapped words, "
                + "e.g. 'jump and run'), which bounds what equizero over this group of order 2 can recover from a model that "
                + "knows only its training set; its proxy picked the swap for %.1f%% of test commands on average. ",
                100 * meanTrain, coverage(runs), 100 * meanSwap)
                + "After " + p.fineTuneSteps() + " fine-tuning steps (mean over models): " + String.join("; ", tuned)
                + ".\n\n"
                + "Protocol: " + p.describe() + ". Decoding is greedy with at most " + Seq2SeqConfig.SCAN_MAX_LENGTH
                + " tokens; symmetrized decoding maps output distributions back with g^-1 and averages equizero ties. "
                + String.format(Locale.ROOT, "Wall time of this run %.1f min.", minutes);
        return ExperimentResult.builder(this).summary(summary).table(wide.build()).table(longT.build())
                .table(pre.build()).figure(fig.build()).metrics(metrics).build();
    }

    private static String coverage(List<Run> runs) {
        List<String> parts = new ArrayList<>();
        for (String split : SPLITS)
            runs.stream().filter(r -> r.split().equals(split)).findFirst().ifPresent(r -> parts.add(String.format(
                    Locale.ROOT, "%.1f%% (%s)", 100 * r.swapInTraining(), SPLIT_LABELS.get(SPLITS.indexOf(split)))));
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

    /** Mean, sample standard deviation (0 for one value), min and max. */
    static double[] meanSd(double[] v) {
        double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            mean += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return new double[] {mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, min, max};
    }

    /** Evaluations already done in this output folder, so that a rerun does not repeat them. */
    static final class Cache {
        private final Path file;
        private final Properties values = new Properties();

        Cache(Path file) throws IOException {
            this.file = file;
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    values.load(r);
                }
            }
        }

        interface Compute {
            double get();
        }

        double get(String key, Compute compute) {
            String v = values.getProperty(key);
            if (v != null) return Double.parseDouble(v);
            double d = compute.get();
            values.setProperty(key, Double.toString(d));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(w, "SCAN evaluations: checkpoint key / phase / method = exact-match accuracy");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return d;
        }
    }
}
