package org.noether.vision;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.noether.data.ImageDataset;
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Series;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.Augmentation;
import org.noether.nn.symmetrize.Canonicalized;
import org.noether.nn.symmetrize.Equitune;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.LambdaEquitune;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.symmetrize.Proxy;
import org.noether.nn.symmetrize.Symmetry;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;

/**
 * The zero-shot and fine-tuning comparison of Basu et al. (NeurIPS 2023, "Efficient Equivariant Transfer Learning
 * from Pretrained Models"), with models pretrained here instead of CLIP: a small CNN is pretrained on upright MNIST
 * and Fashion-MNIST, then evaluated on test images each transformed by a random element of C4 (quarter turns) or
 * D4 (quarter turns and flips), as is and wrapped by equitune, equizero (entropy and max-probability proxies),
 * lambda-equitune and canonicalization; then every row is fine-tuned with the same step budget on transformed
 * training images and evaluated again. References trained from scratch (the CNN trained with augmentation, and any
 * {@link ReferenceModel} registered by another module) share the protocol.
 *
 * <p>"Zero-shot" means the classifier's weights are the pretrained ones. Lambda-equitune's lambda network is
 * trained first on upright training images with the classifier frozen, and the canonicalizer is trained on them
 * with the canonicalization prior (upright = canonical); neither sees a transformed image before fine-tuning.
 * During fine-tuning equizero uses the straight-through estimator, lambda-equitune trains lambda and the model
 * jointly, and canonicalization trains the model with the canonicalizer frozen.
 *
 * <p>Pretrained weights and finished rows are kept in the run's {@link ResultCache} (fingerprinted by seed, profile and
 * protocol), so a rerun resumes without retraining. Every random stream comes from {@code ctx.seed(purpose)}
 * ({@link RunSeeds}); the paper's claims are {@link Claim}s judged on paired differences over seeds. Missing data sets are fetched through {@code DataStore.fetch}; when that is not
 * possible the error says to run {@code noether data fetch mnist}.
 */
public final class SymmetrizeExperiment implements Experiment {

    /** Number of classes of both data sets. */
    static final int CLASSES = 10;

    /** The rows built from the pretrained classifier. */
    enum Row {
        PRETRAINED("pretrained"),
        EQUITUNE("equitune"),
        EQUIZERO_ENTROPY("equizero (entropy)"),
        EQUIZERO_MAX_PROBABILITY("equizero (max-probability)"),
        LAMBDA_EQUITUNE("lambda-equitune"),
        CANONICALIZATION("canonicalization");

        final String label;

        Row(String label) {
            this.label = label;
        }
    }

    private final VisionData.Source source;
    private final Protocol protocol;

    /** The registered experiment: data from the store, sizes from the profile. */
    public SymmetrizeExperiment() {
        this(null, null);
    }

    /** With a given data source and protocol (tests); {@code null} means the defaults. */
    SymmetrizeExperiment(VisionData.Source source, Protocol protocol) {
        this.source = source;
        this.protocol = protocol;
    }

    @Override
    public String name() {
        return "vision.symmetrize";
    }

    /** Quick: measured on an idle 2-core machine with one PyTorch thread; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 204 : 3600;
    }

    @Override
    public String title() {
        return "Symmetrizing a pretrained CNN: equitune, equizero, lambda-equitune, canonicalization";
    }

    @Override
    public String description() {
        return "Pretrains a CNN on upright MNIST and Fashion-MNIST, then compares it with its equitune, equizero, "
                + "lambda-equitune and canonicalization wrappers on C4- and D4-transformed test images, zero-shot and "
                + "after a fixed fine-tuning budget (the paper's CLIP tables, with models trained here).";
    }

    /** Raise when a change alters the numbers, so that cached models and rows of older code are not reused. */
    static final int NUMERICS_VERSION = 2;

    /**
     * The random streams of seed index {@code s}, each from {@code ctx.seed("seed s/purpose")}; the same for both data
     * sets, and for every row, so that rows differ only by the method.
     */
    record RunSeeds(ExperimentContext ctx, int s) {
        long of(String purpose) {
            return ctx.seed("seed " + s + "/" + purpose);
        }

        int engine(String purpose) {
            return (int) of(purpose);
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        long start = System.nanoTime();
        Protocol p = protocol != null ? protocol : Protocol.of(ctx.profile());
        Engines.pytorch();
        VisionData.Source data = source != null ? source : VisionData.store();
        // pretrained and reference models depend only on the pretraining settings, rows on the whole protocol
        ResultCache models = ResultCache.open(ctx, name() + "/models", NUMERICS_VERSION, p.pretraining());
        ResultCache rows = ResultCache.open(ctx, name(), NUMERICS_VERSION, p);
        List<ReferenceModel> references = references();

        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Map<String, List<Double>> upright = new LinkedHashMap<>();
        int rowsPerGroup = Row.values().length + references.size();
        long total = (long) p.datasets().size() * p.seeds() * p.groups().size() * rowsPerGroup;
        try (Progress.Task task = ctx.progress().task("rows", total)) {
            for (String dataset : p.datasets()) {
                ImageDataset images = data.load(dataset);
                for (int s = 0; s < p.seeds(); s++) {
                    RunSeeds seeds = new RunSeeds(ctx, s);
                    LabeledImages train = LabeledImages.of(images.train(), p.trainImages(), seeds.of("train subset"));
                    LabeledImages test = LabeledImages.of(images.test(), p.testImages(), seeds.of("test subset"));
                    String run = dataset + "-seed" + s;
                    byte[] pretrained = models.computeIfAbsent(
                            "pretrained-" + run,
                            ResultCache.Codec.BYTES,
                            () -> pretrain(dataset, seeds, train, p, task));
                    upright.computeIfAbsent(dataset, k -> new ArrayList<>())
                            .add(rows.doubles("upright-" + run, () ->
                                    new double[] {uprightAccuracy(pretrained, test, p)})[0]);
                    for (String groupName : p.groups()) {
                        DihedralGroup group = Protocol.group(groupName);
                        LabeledImages transformed = transform(test, group, seeds.of("test transform " + groupName));
                        for (Row row : Row.values()) {
                            task.message(dataset + " " + groupName + " seed " + s + ": " + row.label);
                            double[] v = rows.doubles(
                                    slug("row-" + dataset + "-" + groupName + "-seed" + s + "-" + row.label),
                                    () -> runRow(row, group, pretrained, train, transformed, p, seeds, task));
                            results.computeIfAbsent(dataset + "|" + groupName + "|" + row.label, k -> new ArrayList<>())
                                    .add(v);
                            task.step();
                        }
                        for (ReferenceModel ref : references) {
                            if (!ref.supports(group)) {
                                task.step();
                                continue;
                            }
                            task.message(dataset + " " + groupName + " seed " + s + ": " + ref.name());
                            double[] v = rows.doubles(
                                    slug("row-" + dataset + "-" + groupName + "-seed" + s + "-" + ref.name()),
                                    () -> runReference(
                                            ref, dataset, group, train, transformed, p, seeds, models, task));
                            results.computeIfAbsent(
                                            dataset + "|" + groupName + "|" + ref.name(), k -> new ArrayList<>())
                                    .add(v);
                            task.step();
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(p, references, results, upright, seconds, ctx.seed("claims"));
    }

    /** A cache key made of {@code text}: lower case, every run of other characters turned into one '-'. */
    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The built-in augmentation reference followed by every registered {@link ReferenceModel}. */
    static List<ReferenceModel> references() {
        List<ReferenceModel> refs = new ArrayList<>();
        refs.add(ReferenceModel.augmented());
        for (ReferenceModel r : ServiceLoader.load(ReferenceModel.class)) {
            refs.add(r);
        }
        return refs;
    }

    // ---------------------------------------------------------------------------------------------- training

    /** Pretrained classifier parameters, trained on upright images. */
    private static byte[] pretrain(
            String dataset, RunSeeds seeds, LabeledImages train, Protocol p, Progress.Task task) {
        task.message(dataset + ": pretraining on upright images");
        Engines.seed(seeds.engine("pretraining init"));
        Block cnn = SmallCnn.classifier(CLASSES);
        try (Model model = Classifiers.model("pretrain", cnn)) {
            Classifiers.train(
                    model,
                    train.batches(p.batch(), seeds.of("pretraining batches")),
                    p.pretrainSteps(),
                    p.batch(),
                    p.pretrainRate(),
                    task);
            return Classifiers.save(cnn);
        }
    }

    private static double uprightAccuracy(byte[] pretrained, LabeledImages test, Protocol p) {
        Block cnn = SmallCnn.classifier(CLASSES);
        try (Model model = Classifiers.model("upright", cnn)) {
            Classifiers.load(cnn, pretrained, model.getNDManager());
            return Classifiers.accuracy(cnn, model.getNDManager(), test, p.evalBatch());
        }
    }

    /** The test images, each transformed by its own uniformly random element of {@code group}. */
    static LabeledImages transform(LabeledImages images, DihedralGroup group, long seed) {
        Augmentation<DihedralElement> aug = new Augmentation<>(Symmetry.invariant(group, NDActions.image(group)));
        int[] elements = aug.draw(images.count(), new SplittableRandom(seed));
        try (NDManager scope = Engines.pytorch().newBaseManager()) {
            NDArray x = images.images(scope, 0, images.count());
            return images.withPixels(aug.transformInputs(x, elements).toFloatArray());
        }
    }

    /** Zero-shot and fine-tuned accuracy of one row built from the pretrained classifier. */
    private static double[] runRow(
            Row row,
            DihedralGroup group,
            byte[] pretrained,
            LabeledImages train,
            LabeledImages test,
            Protocol p,
            RunSeeds seeds,
            Progress.Task task) {
        Engines.seed(seeds.engine("row init " + row.name()));
        Symmetry<DihedralElement> symmetry = Symmetry.invariant(group, NDActions.image(group));
        Block cnn = SmallCnn.classifier(CLASSES);
        Block block =
                switch (row) {
                    case PRETRAINED -> cnn;
                    case EQUITUNE -> new Equitune<>(cnn, symmetry);
                    case EQUIZERO_ENTROPY -> new Equizero<>(cnn, symmetry, Proxy.entropy());
                    case EQUIZERO_MAX_PROBABILITY -> new Equizero<>(cnn, symmetry, Proxy.negativeMaxProbability());
                    case LAMBDA_EQUITUNE ->
                        new LambdaEquitune<>(cnn, SmallCnn.scorer(), symmetry, LambdaEquitune.Positivity.SOFTPLUS);
                    case CANONICALIZATION -> new Canonicalized<>(cnn, SmallCnn.scorer(), symmetry);
                };
        try (Model model = Classifiers.model(row.name(), block)) {
            NDManager manager = model.getNDManager();
            Classifiers.load(cnn, pretrained, manager);
            // the auxiliary networks get their parameters here, on the row's model, whoever trains them
            block.initialize(manager, DataType.FLOAT32, SmallCnn.input(p.finetuneBatch()));
            BatchSource upright = train.batches(p.finetuneBatch(), seeds.of("upright batches"));
            if (block instanceof LambdaEquitune<?> le) {
                task.message("training lambda on upright images, classifier frozen");
                le.freezeModel(true);
                Classifiers.train(model, upright, p.auxSteps(), p.finetuneBatch(), p.auxRate(), task);
                le.freezeModel(false);
            }
            if (block instanceof Canonicalized<?> cz) {
                task.message("training the canonicalizer with the prior on upright images");
                try (Model prior = Classifiers.model("prior", cz.priorBlock())) {
                    Classifiers.train(prior, asCanonical(upright), p.auxSteps(), p.finetuneBatch(), p.auxRate(), task);
                }
                cz.scorer().freezeParameters(true);
            }
            double zeroShot = Classifiers.accuracy(block, manager, test, p.evalBatch());
            fineTune(model, symmetry, train, p, seeds, task);
            double fineTuned = Classifiers.accuracy(block, manager, test, p.evalBatch());
            return new double[] {zeroShot, fineTuned};
        }
    }

    /** Zero-shot and fine-tuned accuracy of a reference trained from scratch (its trained weights cached). */
    private static double[] runReference(
            ReferenceModel ref,
            String dataset,
            DihedralGroup group,
            LabeledImages train,
            LabeledImages test,
            Protocol p,
            RunSeeds seeds,
            ResultCache models,
            Progress.Task task) {
        Symmetry<DihedralElement> symmetry = Symmetry.invariant(group, NDActions.image(group));
        byte[] trained = models.computeIfAbsent(
                slug("reference-" + ref.name() + "-" + dataset + "-" + group.name() + "-seed" + seeds.s()),
                ResultCache.Codec.BYTES,
                () -> {
                    task.message(dataset + " " + group.name() + ": training " + ref.name());
                    Engines.seed(seeds.engine("reference init " + ref.name()));
                    Block block = ref.newBlock(group, CLASSES);
                    try (Model model = Classifiers.model("reference", block)) {
                        BatchSource batches = train.batches(p.batch(), seeds.of("pretraining batches"));
                        if (ref.augmentTraining()) {
                            batches = new Augmentation<>(symmetry)
                                    .augment(batches, new SplittableRandom(seeds.of("reference augmentation")));
                        }
                        Classifiers.train(model, batches, p.pretrainSteps(), p.batch(), p.pretrainRate(), task);
                        return Classifiers.save(block);
                    }
                });
        Engines.seed(seeds.engine("reference evaluation " + ref.name()));
        Block block = ref.newBlock(group, CLASSES);
        try (Model model = Classifiers.model("reference", block)) {
            Classifiers.load(block, trained, model.getNDManager());
            double zeroShot = Classifiers.accuracy(block, model.getNDManager(), test, p.evalBatch());
            fineTune(model, symmetry, train, p, seeds, task);
            double fineTuned = Classifiers.accuracy(block, model.getNDManager(), test, p.evalBatch());
            return new double[] {zeroShot, fineTuned};
        }
    }

    /** The same budget for every row: training images, each transformed by a random group element. */
    private static void fineTune(
            Model model,
            Symmetry<DihedralElement> symmetry,
            LabeledImages train,
            Protocol p,
            RunSeeds seeds,
            Progress.Task task) {
        task.message("fine-tuning on transformed images");
        BatchSource transformed = new Augmentation<>(symmetry)
                .augment(
                        train.batches(p.finetuneBatch(), seeds.of("fine-tuning batches")),
                        new SplittableRandom(seeds.of("fine-tuning augmentation")));
        Classifiers.train(model, transformed, p.finetuneSteps(), p.finetuneBatch(), p.finetuneRate(), task);
    }

    /** Upright batches with every label replaced by 0: "the identity copy is the canonical one". */
    private static BatchSource asCanonical(BatchSource upright) {
        return (manager, step) -> {
            LabeledBatch b = upright.next(manager, step);
            long n = b.data().singletonOrThrow().getShape().get(0);
            return new LabeledBatch(b.data(), new NDList(manager.zeros(new ai.djl.ndarray.types.Shape(n))));
        };
    }

    // ---------------------------------------------------------------------------------------------- report

    /** Column {@code c} (0 zero-shot, 1 fine-tuned) of every seed's result. */
    private static double[] column(List<double[]> runs, int c) {
        return runs.stream().mapToDouble(r -> r[c]).toArray();
    }

    /** Percent with one decimal, or null (an empty cell) for NaN. */
    private static Double percent(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 10.0;
    }

    /** The sample standard deviation, or NaN (an empty cell) for fewer than two seeds. */
    private static double sdOrNaN(double[] v) {
        return v.length < 2 ? Double.NaN : Stats.sd(v);
    }

    private ExperimentResult report(
            Protocol p,
            List<ReferenceModel> references,
            Map<String, List<double[]>> results,
            Map<String, List<Double>> upright,
            double seconds,
            long statsSeed) {
        ExperimentResult.Builder out = ExperimentResult.builder(this);
        List<String> rowLabels = new ArrayList<>();
        for (Row r : Row.values()) {
            rowLabels.add(r.label);
        }
        for (ReferenceModel r : references) {
            rowLabels.add(r.name());
        }
        List<Claim> claims = new ArrayList<>();
        StringBuilder highlights = new StringBuilder();
        for (String dataset : p.datasets()) {
            for (String groupName : p.groups()) {
                String prefix = dataset + "|" + groupName + "|";
                Table.Builder table = Table.builder(
                                dataset + "-" + groupName,
                                "Top-1 accuracy (%) on " + dataset
                                        + " test images transformed by a random element of " + groupName
                                        + ", zero-shot and after "
                                        + p.finetuneSteps() + " fine-tuning steps; mean and sample sd over " + p.seeds()
                                        + " seed(s)")
                        .columns("method", "zero-shot", "zero-shot sd", "fine-tuned", "fine-tuned sd", "seeds");
                List<String> cats = new ArrayList<>();
                List<double[]> zs = new ArrayList<>();
                List<double[]> ft = new ArrayList<>();
                Map<String, double[]> zeroShot = new LinkedHashMap<>();
                Map<String, double[]> fineTuned = new LinkedHashMap<>();
                for (String label : rowLabels) {
                    List<double[]> runs = results.get(prefix + label);
                    if (runs == null) {
                        continue;
                    }
                    double[] z = column(runs, 0);
                    double[] f = column(runs, 1);
                    double[] zStat = {Stats.mean(z), sdOrNaN(z)};
                    double[] fStat = {Stats.mean(f), sdOrNaN(f)};
                    table.row(
                            label,
                            percent(zStat[0]),
                            percent(zStat[1]),
                            percent(fStat[0]),
                            percent(fStat[1]),
                            runs.size());
                    out.metric(
                            "accuracy." + dataset + "." + groupName + "." + metricName(label) + ".zero_shot", zStat[0]);
                    out.metric(
                            "accuracy." + dataset + "." + groupName + "." + metricName(label) + ".fine_tuned",
                            fStat[0]);
                    cats.add(label);
                    zs.add(zStat);
                    ft.add(fStat);
                    zeroShot.put(label, z);
                    fineTuned.put(label, f);
                }
                out.table(table.build());
                out.figure(figure(dataset, groupName, cats, zs, ft));
                claims.addAll(claims(dataset + "/" + groupName, zeroShot, fineTuned, statsSeed));
                highlights.append(String.format(
                        Locale.ROOT,
                        "%s/%s zero-shot: pretrained %.1f, equitune %.1f, "
                                + "equizero (entropy) %.1f; after fine-tuning lambda-equitune %.1f. ",
                        dataset,
                        groupName,
                        100 * Stats.mean(zeroShot.get(Row.PRETRAINED.label)),
                        100 * Stats.mean(zeroShot.get(Row.EQUITUNE.label)),
                        100 * Stats.mean(zeroShot.get(Row.EQUIZERO_ENTROPY.label)),
                        100 * Stats.mean(fineTuned.get(Row.LAMBDA_EQUITUNE.label))));
            }
        }
        out.claims(claims);
        out.table(Table.builder(
                        "paper-clip",
                        "Reported in the paper (not reproduced here): CLIP zero-shot top-1 (%) "
                                + "on CIFAR100 rotated by random multiples of 90 degrees")
                .columns("backbone", "pretrained", "equitune", "equizero")
                .row("RN50", 24.3, 28.3, 38.9)
                .row("RN101", 28.2, 34.0, 46.0)
                .row("ViT-B/32", 43.9, 54.9, 63.0)
                .row("ViT-B/16", 46.5, 57.3, 66.5)
                .build());
        List<String> uprightParts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : upright.entrySet()) {
            double mean = Stats.mean(
                    e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            out.metric("accuracy." + e.getKey() + ".upright.pretrained", mean);
            uprightParts.add(String.format(Locale.ROOT, "%.1f%% on %s", 100 * mean, e.getKey()));
        }
        long held = claims.stream().filter(Claim::held).count();
        out.metric("claims_checked", claims.size())
                .metric("claims_held", held)
                .metric("wall_seconds", seconds)
                .metric("protocol", p.toString());
        List<String> failed =
                claims.stream().filter(c -> !c.held()).map(Claim::statement).toList();
        out.summary(String.format(
                Locale.ROOT,
                "A small CNN pretrained on %d upright training images (%d steps) "
                        + "reaches %s (upright test images). On transformed test images: %s"
                        + "%n%n%d of %d claims of the paper held here%s; the paper's own numbers are for "
                        + "CLIP on rotated CIFAR100 (RN50: pretrained 24.3, equitune 28.3, equizero 38.9)."
                        + "%n%n\"Zero-shot\" keeps the pretrained classifier's weights; lambda-equitune's lambda network (%d "
                        + "steps, classifier frozen) and the canonicalizer (%d steps of the canonicalization prior) are trained "
                        + "on upright training images only. Fine-tuning: %d steps of %d transformed training images for every "
                        + "row. %d seed(s) (quick profile: 1, full: 3), %d test images per data set, %.0f s.",
                p.trainImages(),
                p.pretrainSteps(),
                String.join(", ", uprightParts),
                highlights,
                held,
                claims.size(),
                failed.isEmpty() ? "" : " (not held: " + String.join("; ", failed) + ")",
                p.auxSteps(),
                p.auxSteps(),
                p.finetuneSteps(),
                p.finetuneBatch(),
                p.seeds(),
                p.testImages(),
                seconds));
        return out.build();
    }

    /**
     * The paper's claims for one data set and test group, from each row's accuracy per seed (fractions, zero-shot and
     * fine-tuned, keyed by row label): differences are paired by seed and judged on their 95 % bootstrap interval, so
     * each holds only when the whole interval lies above 0.
     */
    static List<Claim> claims(
            String where, Map<String, double[]> zeroShot, Map<String, double[]> fineTuned, long seed) {
        double[] pre = percent(zeroShot.get(Row.PRETRAINED.label));
        double[] eqt = percent(zeroShot.get(Row.EQUITUNE.label));
        double[] ent = percent(zeroShot.get(Row.EQUIZERO_ENTROPY.label));
        double[] mp = percent(zeroShot.get(Row.EQUIZERO_MAX_PROBABILITY.label));
        double[] worstEquizero = new double[ent.length];
        for (int i = 0; i < ent.length; i++) {
            worstEquizero[i] = Math.min(ent[i], mp[i]);
        }
        // fine-tuned: lambda-equitune against the best other row built from the pretrained model, seed by seed
        double[] lambda = percent(fineTuned.get(Row.LAMBDA_EQUITUNE.label));
        double[] bestOther = new double[lambda.length];
        java.util.Arrays.fill(bestOther, Double.NEGATIVE_INFINITY);
        for (Row r : Row.values()) {
            if (r != Row.LAMBDA_EQUITUNE) {
                double[] v = percent(fineTuned.get(r.label));
                for (int i = 0; i < v.length; i++) {
                    bestOther[i] = Math.max(bestOther[i], v[i]);
                }
            }
        }
        String unit = "points, paired by seed";
        return List.of(
                Claim.about(Paper.EQUIZERO, where + ": zero-shot, equizero (entropy) beats equitune")
                        .paperFigure("CLIP RN50, rotated CIFAR100: 38.9 vs 28.3 %")
                        .measured(Stats.pairedDifference(ent, eqt, seed), unit)
                        .digits(1)
                        .positive(),
                Claim.about(Paper.EQUIZERO, where + ": zero-shot, equizero (max-probability) beats equitune")
                        .paperFigure("CLIP RN50, rotated CIFAR100: 38.9 vs 28.3 %")
                        .measured(Stats.pairedDifference(mp, eqt, seed), unit)
                        .digits(1)
                        .positive(),
                Claim.about(Paper.EQUIZERO, where + ": zero-shot, equitune beats the pretrained model")
                        .paperFigure("CLIP RN50, rotated CIFAR100: 28.3 vs 24.3 %")
                        .measured(Stats.pairedDifference(eqt, pre, seed), unit)
                        .digits(1)
                        .positive(),
                Claim.about(Paper.EQUIZERO, where + ": zero-shot, equizero (both proxies) beats the pretrained model")
                        .paperFigure("CLIP RN50, rotated CIFAR100: 38.9 vs 24.3 %")
                        .measured(Stats.pairedDifference(worstEquizero, pre, seed), unit + ", the worse proxy")
                        .digits(1)
                        .positive(),
                Claim.about(
                                Paper.EQUIZERO,
                                where + ": fine-tuned, lambda-equitune is the best of the rows built "
                                        + "from the pretrained model")
                        .measured(
                                Stats.pairedDifference(lambda, bestOther, seed),
                                unit + ", against the best other " + "row")
                        .digits(1)
                        .positive());
    }

    private static double[] percent(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 100 * v[i];
        }
        return out;
    }

    private static String metricName(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static Figure figure(
            String dataset, String group, List<String> cats, List<double[]> zs, List<double[]> ft) {
        int n = cats.size();
        double[] x = new double[n];
        double[] zy = new double[n];
        double[] ze = new double[n];
        double[] fy = new double[n];
        double[] fe = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            zy[i] = 100 * zs.get(i)[0];
            ze[i] = Double.isNaN(zs.get(i)[1]) ? 0 : 100 * zs.get(i)[1];
            fy[i] = 100 * ft.get(i)[0];
            fe[i] = Double.isNaN(ft.get(i)[1]) ? 0 : 100 * ft.get(i)[1];
        }
        return Figure.builder(dataset + "-" + group, Figure.Kind.BAR)
                .caption("Accuracy on " + group + "-transformed " + dataset + " test images")
                .yLabel("top-1 accuracy (%)")
                .categories(cats.toArray(new String[0]))
                .series(Series.withErrors("zero-shot", x, zy, ze))
                .series(Series.withErrors("fine-tuned", x, fy, fe))
                .build();
    }
}
