package org.noether.vision;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.noether.data.ImageDataset;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
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
 * <p>Pretrained weights are checkpointed in the output folder and finished rows are recorded there, so a rerun
 * resumes without retraining. Missing data sets are fetched through {@code DataStore.fetch}; when that is not
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

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        long start = System.nanoTime();
        Protocol p = protocol != null ? protocol : Protocol.of(ctx.profile());
        Engines.pytorch();
        VisionData.Source data = source != null ? source : VisionData.store();
        Path checkpoints = Files.createDirectories(ctx.outputDirectory().resolve("checkpoints"));
        RowCache cache = RowCache.open(ctx.outputDirectory().resolve("rows.tsv"), p.key());
        List<ReferenceModel> references = references();

        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Map<String, List<Double>> upright = new LinkedHashMap<>();
        int rowsPerGroup = Row.values().length + references.size();
        long total = (long) p.datasets().size() * p.seeds() * p.groups().size() * rowsPerGroup;
        try (Progress.Task task = ctx.progress().task("rows", total)) {
            for (String dataset : p.datasets()) {
                ImageDataset images = data.load(dataset);
                for (int s = 0; s < p.seeds(); s++) {
                    long seed = ctx.seed() + 7919L * s;
                    LabeledImages train = LabeledImages.of(images.train(), p.trainImages(), seed);
                    LabeledImages test = LabeledImages.of(images.test(), p.testImages(), seed + 1);
                    byte[] pretrained = pretrained(dataset, seed, train, p, checkpoints, task);
                    upright.computeIfAbsent(dataset, k -> new ArrayList<>()).add(uprightAccuracy(pretrained, test, p));
                    for (int gi = 0; gi < p.groups().size(); gi++) {
                        String groupName = p.groups().get(gi);
                        DihedralGroup group = Protocol.group(groupName);
                        LabeledImages transformed = transform(test, group, seed + 100 + gi);
                        for (Row row : Row.values()) {
                            String key = dataset + "|" + groupName + "|" + seed + "|" + row.label;
                            task.message(dataset + " " + groupName + " seed " + s + ": " + row.label);
                            double[] v = cache.get(key);
                            if (v == null) {
                                v = runRow(row, group, pretrained, train, transformed, p, seed, task);
                                cache.put(key, v[0], v[1]);
                            }
                            results.computeIfAbsent(dataset + "|" + groupName + "|" + row.label,
                                    k -> new ArrayList<>()).add(v);
                            task.step();
                        }
                        for (ReferenceModel ref : references) {
                            if (!ref.supports(group)) {
                                task.step();
                                continue;
                            }
                            String key = dataset + "|" + groupName + "|" + seed + "|" + ref.name();
                            task.message(dataset + " " + groupName + " seed " + s + ": " + ref.name());
                            double[] v = cache.get(key);
                            if (v == null) {
                                v = runReference(ref, dataset, group, train, transformed, p, seed, checkpoints, task);
                                cache.put(key, v[0], v[1]);
                            }
                            results.computeIfAbsent(dataset + "|" + groupName + "|" + ref.name(),
                                    k -> new ArrayList<>()).add(v);
                            task.step();
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(p, references, results, upright, seconds);
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

    /** Pretrained classifier parameters: read from the checkpoint, or trained on upright images and saved. */
    private static byte[] pretrained(String dataset, long seed, LabeledImages train, Protocol p, Path checkpoints,
            Progress.Task task) throws IOException {
        Path file = checkpoints.resolve("pretrained-" + dataset + "-seed" + seed + "-" + p.pretrainKey() + ".params");
        return checkpointed(file, () -> {
            task.message(dataset + ": pretraining on upright images");
            Engines.seed((int) seed);
            Block cnn = SmallCnn.classifier(CLASSES);
            try (Model model = Classifiers.model("pretrain", cnn)) {
                Classifiers.train(model, train.batches(p.batch(), seed + 3), p.pretrainSteps(), p.batch(),
                        p.pretrainRate(), task);
                return Classifiers.save(cnn);
            }
        });
    }

    private interface Trained {
        byte[] train() throws IOException;
    }

    private static byte[] checkpointed(Path file, Trained trained) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readAllBytes(file);
        }
        byte[] bytes = trained.train();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return bytes;
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
    private static double[] runRow(Row row, DihedralGroup group, byte[] pretrained, LabeledImages train,
            LabeledImages test, Protocol p, long seed, Progress.Task task) {
        Engines.seed((int) (seed + 31L * (row.ordinal() + 1)));
        Symmetry<DihedralElement> symmetry = Symmetry.invariant(group, NDActions.image(group));
        Block cnn = SmallCnn.classifier(CLASSES);
        Block block = switch (row) {
            case PRETRAINED -> cnn;
            case EQUITUNE -> new Equitune<>(cnn, symmetry);
            case EQUIZERO_ENTROPY -> new Equizero<>(cnn, symmetry, Proxy.entropy());
            case EQUIZERO_MAX_PROBABILITY -> new Equizero<>(cnn, symmetry, Proxy.negativeMaxProbability());
            case LAMBDA_EQUITUNE -> new LambdaEquitune<>(cnn, SmallCnn.scorer(), symmetry,
                    LambdaEquitune.Positivity.SOFTPLUS);
            case CANONICALIZATION -> new Canonicalized<>(cnn, SmallCnn.scorer(), symmetry);
        };
        try (Model model = Classifiers.model(row.name(), block)) {
            NDManager manager = model.getNDManager();
            Classifiers.load(cnn, pretrained, manager);
            // the auxiliary networks get their parameters here, on the row's model, whoever trains them
            block.initialize(manager, DataType.FLOAT32, SmallCnn.input(p.finetuneBatch()));
            BatchSource upright = train.batches(p.finetuneBatch(), seed + 5);
            if (block instanceof LambdaEquitune<?> le) {
                task.message("training lambda on upright images, classifier frozen");
                le.freezeModel(true);
                Classifiers.train(model, upright, p.auxSteps(), p.finetuneBatch(), p.auxRate(), task);
                le.freezeModel(false);
            }
            if (block instanceof Canonicalized<?> cz) {
                task.message("training the canonicalizer with the prior on upright images");
                try (Model prior = Classifiers.model("prior", cz.priorBlock())) {
                    Classifiers.train(prior, asCanonical(upright), p.auxSteps(), p.finetuneBatch(), p.auxRate(),
                            task);
                }
                cz.scorer().freezeParameters(true);
            }
            double zeroShot = Classifiers.accuracy(block, manager, test, p.evalBatch());
            fineTune(model, symmetry, train, p, seed, task);
            double fineTuned = Classifiers.accuracy(block, manager, test, p.evalBatch());
            return new double[] {zeroShot, fineTuned};
        }
    }

    /** Zero-shot and fine-tuned accuracy of a reference trained from scratch (checkpointed). */
    private static double[] runReference(ReferenceModel ref, String dataset, DihedralGroup group,
            LabeledImages train, LabeledImages test, Protocol p, long seed, Path checkpoints, Progress.Task task)
            throws IOException {
        Symmetry<DihedralElement> symmetry = Symmetry.invariant(group, NDActions.image(group));
        String slug = ref.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Path file = checkpoints.resolve("reference-" + slug + "-" + dataset + "-" + group.name() + "-seed" + seed
                + "-" + p.pretrainKey() + ".params");
        byte[] trained = checkpointed(file, () -> {
            task.message(dataset + " " + group.name() + ": training " + ref.name());
            Engines.seed((int) (seed + 17));
            Block block = ref.newBlock(group, CLASSES);
            try (Model model = Classifiers.model("reference", block)) {
                BatchSource batches = train.batches(p.batch(), seed + 3);
                if (ref.augmentTraining()) {
                    batches = new Augmentation<>(symmetry).augment(batches, new SplittableRandom(seed + 4));
                }
                Classifiers.train(model, batches, p.pretrainSteps(), p.batch(), p.pretrainRate(), task);
                return Classifiers.save(block);
            }
        });
        Engines.seed((int) (seed + 29));
        Block block = ref.newBlock(group, CLASSES);
        try (Model model = Classifiers.model("reference", block)) {
            Classifiers.load(block, trained, model.getNDManager());
            double zeroShot = Classifiers.accuracy(block, model.getNDManager(), test, p.evalBatch());
            fineTune(model, symmetry, train, p, seed, task);
            double fineTuned = Classifiers.accuracy(block, model.getNDManager(), test, p.evalBatch());
            return new double[] {zeroShot, fineTuned};
        }
    }

    /** The same budget for every row: training images, each transformed by a random group element. */
    private static void fineTune(Model model, Symmetry<DihedralElement> symmetry, LabeledImages train, Protocol p,
            long seed, Progress.Task task) {
        task.message("fine-tuning on transformed images");
        BatchSource transformed = new Augmentation<>(symmetry).augment(train.batches(p.finetuneBatch(), seed + 6),
                new SplittableRandom(seed + 7));
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

    /** Mean and sample standard deviation (NaN for one value). */
    static double[] meanSd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (values.size() < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (values.size() - 1))};
    }

    private static List<Double> column(List<double[]> runs, int c) {
        List<Double> out = new ArrayList<>();
        for (double[] r : runs) {
            out.add(r[c]);
        }
        return out;
    }

    private static Double percent(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 10.0;
    }

    private ExperimentResult report(Protocol p, List<ReferenceModel> references, Map<String, List<double[]>> results,
            Map<String, List<Double>> upright, double seconds) {
        ExperimentResult.Builder out = ExperimentResult.builder(this);
        List<String> rowLabels = new ArrayList<>();
        for (Row r : Row.values()) {
            rowLabels.add(r.label);
        }
        for (ReferenceModel r : references) {
            rowLabels.add(r.name());
        }
        Table.Builder claims = Table.builder("claims", "The paper's claims checked on each data set and test group "
                + "(means over seeds)").columns("data set", "group", "claim", "holds", "evidence");
        int held = 0;
        int checked = 0;
        StringBuilder highlights = new StringBuilder();
        for (String dataset : p.datasets()) {
            for (String groupName : p.groups()) {
                String prefix = dataset + "|" + groupName + "|";
                Table.Builder table = Table.builder(dataset + "-" + groupName, "Top-1 accuracy (%) on " + dataset
                        + " test images transformed by a random element of " + groupName + ", zero-shot and after "
                        + p.finetuneSteps() + " fine-tuning steps; mean and sample sd over " + p.seeds() + " seed(s)")
                        .columns("method", "zero-shot", "zero-shot sd", "fine-tuned", "fine-tuned sd", "seeds");
                List<String> cats = new ArrayList<>();
                List<double[]> zs = new ArrayList<>();
                List<double[]> ft = new ArrayList<>();
                Map<String, double[]> means = new LinkedHashMap<>();
                for (String label : rowLabels) {
                    List<double[]> runs = results.get(prefix + label);
                    if (runs == null) {
                        continue;
                    }
                    double[] z = meanSd(column(runs, 0));
                    double[] f = meanSd(column(runs, 1));
                    table.row(label, percent(z[0]), percent(z[1]), percent(f[0]), percent(f[1]), runs.size());
                    out.metric("accuracy." + dataset + "." + groupName + "." + metricName(label) + ".zero_shot", z[0]);
                    out.metric("accuracy." + dataset + "." + groupName + "." + metricName(label) + ".fine_tuned", f[0]);
                    cats.add(label);
                    zs.add(z);
                    ft.add(f);
                    means.put(label, new double[] {z[0], f[0]});
                }
                out.table(table.build());
                out.figure(figure(dataset, groupName, cats, zs, ft));
                List<Object[]> cs = claims(means);
                for (Object[] c : cs) {
                    claims.row(dataset, groupName, c[0], c[1], c[2]);
                    checked++;
                    if ((Boolean) c[1]) {
                        held++;
                    }
                }
                double[] pre = means.get(Row.PRETRAINED.label);
                double[] eqt = means.get(Row.EQUITUNE.label);
                double[] eqz = means.get(Row.EQUIZERO_ENTROPY.label);
                double[] lam = means.get(Row.LAMBDA_EQUITUNE.label);
                highlights.append(String.format(Locale.ROOT, "%s/%s zero-shot: pretrained %.1f, equitune %.1f, "
                        + "equizero (entropy) %.1f; after fine-tuning lambda-equitune %.1f. ", dataset, groupName,
                        100 * pre[0], 100 * eqt[0], 100 * eqz[0], 100 * lam[1]));
            }
        }
        out.table(claims.build());
        out.table(Table.builder("paper-clip", "Reported in the paper (not reproduced here): CLIP zero-shot top-1 (%) "
                + "on CIFAR100 rotated by random multiples of 90 degrees")
                .columns("backbone", "pretrained", "equitune", "equizero")
                .row("RN50", 24.3, 28.3, 38.9)
                .row("RN101", 28.2, 34.0, 46.0)
                .row("ViT-B/32", 43.9, 54.9, 63.0)
                .row("ViT-B/16", 46.5, 57.3, 66.5)
                .build());
        for (Map.Entry<String, List<Double>> e : upright.entrySet()) {
            out.metric("accuracy." + e.getKey() + ".upright.pretrained", meanSd(e.getValue())[0]);
        }
        out.metric("claims_checked", checked).metric("claims_held", held).metric("wall_seconds", seconds)
                .metric("protocol", p.toString());
        List<String> uprightParts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : upright.entrySet()) {
            uprightParts.add(String.format(Locale.ROOT, "%.1f%% on %s", 100 * meanSd(e.getValue())[0], e.getKey()));
        }
        out.summary(String.format(Locale.ROOT, "A small CNN pretrained on %d upright training images (%d steps) "
                + "reaches %s (upright test images). On transformed test images: %s"
                + "%n%n%d of %d claims of the paper held here (see the claims table); the paper's own numbers are for "
                + "CLIP on rotated CIFAR100 (RN50: pretrained 24.3, equitune 28.3, equizero 38.9)."
                + "%n%n\"Zero-shot\" keeps the pretrained classifier's weights; lambda-equitune's lambda network (%d "
                + "steps, classifier frozen) and the canonicalizer (%d steps of the canonicalization prior) are trained "
                + "on upright training images only. Fine-tuning: %d steps of %d transformed training images for every "
                + "row. %d seed(s) (quick profile: 1, full: 3), %d test images per data set, %.0f s.",
                p.trainImages(), p.pretrainSteps(), String.join(", ", uprightParts), highlights, held, checked,
                p.auxSteps(), p.auxSteps(), p.finetuneSteps(), p.finetuneBatch(), p.seeds(), p.testImages(), seconds));
        return out.build();
    }

    /** The claims of the paper for one data set and group: {claim, holds, evidence}. */
    static List<Object[]> claims(Map<String, double[]> means) {
        List<Object[]> out = new ArrayList<>();
        double[] pre = means.get(Row.PRETRAINED.label);
        double[] eqt = means.get(Row.EQUITUNE.label);
        double[] ent = means.get(Row.EQUIZERO_ENTROPY.label);
        double[] mp = means.get(Row.EQUIZERO_MAX_PROBABILITY.label);
        double[] lam = means.get(Row.LAMBDA_EQUITUNE.label);
        out.add(claim("zero-shot: equizero (entropy) > equitune", ent[0] > eqt[0],
                String.format(Locale.ROOT, "%.1f vs %.1f", 100 * ent[0], 100 * eqt[0])));
        out.add(claim("zero-shot: equizero (max-probability) > equitune", mp[0] > eqt[0],
                String.format(Locale.ROOT, "%.1f vs %.1f", 100 * mp[0], 100 * eqt[0])));
        out.add(claim("zero-shot: equitune > pretrained", eqt[0] > pre[0],
                String.format(Locale.ROOT, "%.1f vs %.1f", 100 * eqt[0], 100 * pre[0])));
        out.add(claim("zero-shot: equizero (both proxies) > pretrained", Math.min(ent[0], mp[0]) > pre[0],
                String.format(Locale.ROOT, "%.1f, %.1f vs %.1f", 100 * ent[0], 100 * mp[0], 100 * pre[0])));
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Row r : Row.values()) {
            double v = means.get(r.label)[1];
            if (v > bestValue) {
                bestValue = v;
                best = r.label;
            }
        }
        out.add(claim("fine-tuned: lambda-equitune best of the pretrained-model rows",
                Row.LAMBDA_EQUITUNE.label.equals(best), String.format(Locale.ROOT, "lambda-equitune %.1f; best %s "
                        + "%.1f", 100 * lam[1], best, 100 * bestValue)));
        return out;
    }

    private static Object[] claim(String text, boolean holds, String evidence) {
        return new Object[] {text, holds, evidence};
    }

    private static String metricName(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static Figure figure(String dataset, String group, List<String> cats, List<double[]> zs,
            List<double[]> ft) {
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
