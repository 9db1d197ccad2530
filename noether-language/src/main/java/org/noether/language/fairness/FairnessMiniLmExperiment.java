package org.noether.language.fairness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.Equitune;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.LambdaEquitune;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.symmetrize.Symmetry;

/**
 * Fairness by symmetry on a real pretrained model (our analogue of the equizero paper's GPT-2 fairness experiment):
 * zero-shot occupation classification with all-MiniLM-L6-v2 (cosine similarity of a sentence embedding to one
 * prompt per occupation) on templated sentences, each paired with its image under the {@link DemographicSwap}
 * (he/she, his/her, father/mother, ...). For the plain encoder and for the encoder wrapped by equitune (embedding
 * averaged over the orbit {x, swap x}), equizero (the orbit element whose prediction has the lowest entropy; ties
 * averaged) and lambda-equitune (fixed, untrained weights {@code exp(-entropy)} normalized over the orbit), it
 * measures the accuracy and the gap between the two members of each pair: the total-variation distance of their
 * predicted distributions, whether the predicted label flips, and a demographic-parity gap (largest difference,
 * over occupations, between the rates at which male and female sentences are assigned that occupation).
 *
 * <p>The wrappers are the ones of {@code org.noether.nn.symmetrize}, applied to the ONNX encoder as a DJL block;
 * the swap acts on token ids through the core's {@code TokenAction}.
 */
public final class FairnessMiniLmExperiment implements Experiment {

    /** Bump when a change alters the numbers, so cached pieces are recomputed. */
    static final int NUMERICS_VERSION = 1;
    /** Softmax scale of the zero-shot head (cosine / 0.05). */
    static final double SCALE = 20;
    /** Accuracy a wrapper may lose against the plain model and still "keep" it (paired difference, fraction). */
    static final double ACCURACY_MARGIN = 0.03;

    static final int BATCH = 32;
    static final List<String> METHODS = List.of("plain", "equitune", "equizero", "lambda-equitune");

    @Override
    public String name() {
        return "language.fairness-minilm";
    }

    /** Quick: measured on an idle 2-core machine with one PyTorch thread; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 15 : 120;
    }

    @Override
    public String title() {
        return "Fairness by symmetry: pretrained MiniLM made invariant to demographic word swaps";
    }

    @Override
    public String description() {
        return "Zero-shot occupation classification with the pretrained all-MiniLM-L6-v2 sentence encoder on "
                + "templated sentences and their demographic swaps (he/she, father/mother, ...): prediction gap "
                + "and accuracy of the plain model, equitune, equizero and lambda-equitune.";
    }

    /** Per-method measurements of one template seed, pair by pair. */
    record Measured(double[] tv, double[] flip, double[] accuracy, int[] maleLabel, int[] femaleLabel) {
        double[] pack() {
            int n = tv.length;
            double[] out = new double[5 * n];
            for (int i = 0; i < n; i++) {
                out[i] = tv[i];
                out[n + i] = flip[i];
                out[2 * n + i] = accuracy[i];
                out[3 * n + i] = maleLabel[i];
                out[4 * n + i] = femaleLabel[i];
            }
            return out;
        }

        static Measured unpack(double[] p) {
            int n = p.length / 5;
            int[] m = new int[n];
            int[] f = new int[n];
            for (int i = 0; i < n; i++) {
                m[i] = (int) p[3 * n + i];
                f[i] = (int) p[4 * n + i];
            }
            return new Measured(
                    Arrays.copyOfRange(p, 0, n),
                    Arrays.copyOfRange(p, n, 2 * n),
                    Arrays.copyOfRange(p, 2 * n, 3 * n),
                    m,
                    f);
        }
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        int seeds = ctx.byProfile(3, 5);
        int pairs = ctx.byProfile(120, 400);
        Engines.pytorch();
        ResultCache cache = ResultCache.open(
                ctx,
                name(),
                NUMERICS_VERSION,
                seeds,
                pairs,
                SCALE,
                DemographicSwap.PAIRS,
                OccupationTemplates.OCCUPATIONS,
                OccupationTemplates.SUBJECTS,
                OccupationTemplates.FRAMES,
                OccupationTemplates.DESCRIPTIONS);
        Map<String, List<Measured>> byMethod = new LinkedHashMap<>();
        METHODS.forEach(m -> byMethod.put(m, new ArrayList<>()));
        List<String[]> examples = new ArrayList<>();
        try (MiniLm lm = MiniLm.load();
                Progress.Task task = ctx.progress().task("MiniLM fairness", (long) seeds * METHODS.size())) {
            DemographicSwap swap = DemographicSwap.standard(lm::singleTokenId, MiniLm.VOCABULARY);
            ZeroShot head = ZeroShot.of(lm, OccupationTemplates.prompts(), SCALE);
            Map<String, Block> models = models(lm, swap, head);
            DihedralElement s = DemographicSwap.GROUP.rotation(1);
            for (int seed = 0; seed < seeds; seed++) {
                List<OccupationTemplates.Sentence> sentences =
                        OccupationTemplates.sample(pairs, ctx.random("templates-" + seed));
                long[][] male = new long[pairs][];
                long[][] female = new long[pairs][];
                int[] labels = new int[pairs];
                for (int i = 0; i < pairs; i++) {
                    male[i] = lm.tokenize(sentences.get(i).text());
                    female[i] = toLong(swap.action().act(s, toInt(male[i])));
                    labels[i] = sentences.get(i).label();
                }
                for (String method : METHODS) {
                    Block model = models.get(method);
                    double[] packed = cache.doubles("seed-" + seed + "-" + method, () -> {
                        float[] em = embed(model, male);
                        float[] ef = embed(model, female);
                        return measure(head, em, ef, labels).pack();
                    });
                    Measured m = Measured.unpack(packed);
                    byMethod.get(method).add(m);
                    task.advance(1);
                    if (seed == 0 && method.equals("plain")) {
                        for (int i = 0; i < pairs && examples.size() < 6; i++) {
                            if (m.flip[i] == 1) {
                                String text = sentences.get(i).text();
                                examples.add(new String[] {
                                    text,
                                    swap.swapWords(text),
                                    OccupationTemplates.OCCUPATIONS.get(labels[i]),
                                    OccupationTemplates.OCCUPATIONS.get(m.maleLabel[i]),
                                    OccupationTemplates.OCCUPATIONS.get(m.femaleLabel[i])
                                });
                            }
                        }
                    }
                }
            }
        }
        return report(ctx, byMethod, examples, seeds, pairs);
    }

    static Map<String, Block> models(MiniLm lm, DemographicSwap swap, ZeroShot head) {
        Block encoder = lm.encoder();
        Symmetry<DihedralElement> sym = Symmetry.invariant(DemographicSwap.GROUP, NDActions.tokenIds(swap.action()));
        Map<String, Block> models = new LinkedHashMap<>();
        models.put("plain", encoder);
        models.put("equitune", new Equitune<>(encoder, sym));
        models.put("equizero", new Equizero<>(encoder, sym, head.entropyProxy()));
        models.put(
                "lambda-equitune",
                new LambdaEquitune<>(encoder, head.negativeEntropy(encoder), sym, LambdaEquitune.Positivity.EXP));
        return models;
    }

    /** Embeddings {@code [N * 384]} of token sequences, each batch in its own sub-manager. */
    static float[] embed(Block model, long[][] ids) {
        float[] out = new float[ids.length * MiniLm.DIMENSION];
        try (NDManager root = NDManager.newBaseManager()) {
            for (int from = 0; from < ids.length; from += BATCH) {
                int to = Math.min(ids.length, from + BATCH);
                long[][] rows = pad(Arrays.copyOfRange(ids, from, to));
                try (NDManager batch = root.newSubManager()) {
                    NDArray x = batch.create(MiniLm.flatten(rows), new Shape(rows.length, rows[0].length));
                    NDArray y = model.forward(new ParameterStore(batch, false), new NDList(x), false)
                            .head();
                    System.arraycopy(y.toFloatArray(), 0, out, from * MiniLm.DIMENSION, rows.length * MiniLm.DIMENSION);
                }
            }
        }
        return out;
    }

    static Measured measure(ZeroShot head, float[] male, float[] female, int[] labels) {
        int n = labels.length;
        double[] tv = new double[n];
        double[] flip = new double[n];
        double[] acc = new double[n];
        int[] pm = new int[n];
        int[] pf = new int[n];
        for (int i = 0; i < n; i++) {
            int off = i * MiniLm.DIMENSION;
            double[] a = head.probabilities(male, off);
            double[] b = head.probabilities(female, off);
            double d = 0;
            for (int c = 0; c < a.length; c++) {
                d += Math.abs(a[c] - b[c]);
            }
            tv[i] = d / 2;
            pm[i] = head.predict(male, off);
            pf[i] = head.predict(female, off);
            flip[i] = pm[i] == pf[i] ? 0 : 1;
            acc[i] = ((pm[i] == labels[i] ? 1 : 0) + (pf[i] == labels[i] ? 1 : 0)) / 2.0;
        }
        return new Measured(tv, flip, acc, pm, pf);
    }

    /** Largest difference over labels between the rates at which male and female sentences get each label. */
    static double parityGap(int[] male, int[] female, int labels) {
        double[] rm = new double[labels];
        double[] rf = new double[labels];
        for (int i = 0; i < male.length; i++) {
            rm[male[i]] += 1.0 / male.length;
            rf[female[i]] += 1.0 / female.length;
        }
        double gap = 0;
        for (int c = 0; c < labels; c++) {
            gap = Math.max(gap, Math.abs(rm[c] - rf[c]));
        }
        return gap;
    }

    private ExperimentResult report(
            ExperimentContext ctx,
            Map<String, List<Measured>> byMethod,
            List<String[]> examples,
            int seeds,
            int pairs) {
        int labels = OccupationTemplates.OCCUPATIONS.size();
        long bootstrap = ctx.seed("bootstrap");
        Map<String, double[]> tv = new LinkedHashMap<>();
        Map<String, double[]> flip = new LinkedHashMap<>();
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, double[]> parity = new LinkedHashMap<>();
        for (var e : byMethod.entrySet()) {
            List<Measured> list = e.getValue();
            tv.put(e.getKey(), concat(list.stream().map(Measured::tv).toList()));
            flip.put(e.getKey(), concat(list.stream().map(Measured::flip).toList()));
            acc.put(e.getKey(), concat(list.stream().map(Measured::accuracy).toList()));
            parity.put(
                    e.getKey(),
                    list.stream()
                            .mapToDouble(m -> parityGap(m.maleLabel, m.femaleLabel, labels))
                            .toArray());
        }
        ExperimentResult.Builder result = ExperimentResult.builder(this);
        Table.Builder table = Table.builder(
                        "fairness",
                        "Zero-shot occupation classification, " + seeds
                                + " template seeds x " + pairs
                                + " sentence pairs (male / female version). Intervals: 95 % "
                                + "bootstrap over pairs; parity gap: mean over seeds [min, max].")
                .columns(
                        "method", "accuracy (%)", "label flips (%)", "mean TV gap", "largest TV gap", "parity gap (%)");
        Map<String, Interval> accI = new LinkedHashMap<>();
        Map<String, Interval> flipI = new LinkedHashMap<>();
        for (String m : METHODS) {
            Interval a = Stats.meanInterval(acc.get(m), bootstrap);
            Interval f = Stats.meanInterval(flip.get(m), bootstrap);
            Interval t = Stats.meanInterval(tv.get(m), bootstrap);
            accI.put(m, a);
            flipI.put(m, f);
            double[] p = parity.get(m);
            table.row(
                    m,
                    pct(a),
                    pct(f),
                    t.format(4),
                    fmt(Stats.max(tv.get(m)), 4),
                    fmt(100 * Stats.mean(p), 1) + " [" + fmt(100 * Stats.min(p), 1) + ", " + fmt(100 * Stats.max(p), 1)
                            + "]");
            result.metric(m + ".accuracy", a.estimate())
                    .metric(m + ".flip-rate", f.estimate())
                    .metric(m + ".tv-gap.mean", t.estimate())
                    .metric(m + ".tv-gap.max", Stats.max(tv.get(m)))
                    .metric(m + ".parity-gap.mean", Stats.mean(p));
        }
        result.table(table.build());

        Table.Builder ex = Table.builder(
                        "flips",
                        "Sentence pairs on which plain MiniLM changes its prediction "
                                + "(first seed); every wrapper gives both members the same label.")
                .columns("sentence", "swapped", "true label", "plain (male)", "plain (female)");
        for (String[] row : examples) {
            ex.row((Object[]) row);
        }
        result.table(ex.build());

        List<Claim> claims = new ArrayList<>();
        Interval plainTv = Stats.meanInterval(tv.get("plain"), bootstrap);
        claims.add(Claim.about(
                        Paper.EQUIZERO,
                        "The plain pretrained model is not fair: swapping demographic words "
                                + "changes MiniLM's zero-shot occupation prediction (mean total-variation gap > 0)")
                .measured(plainTv, "TV")
                .digits(4)
                .positive());
        for (String m : METHODS.subList(1, METHODS.size())) {
            claims.add(Claim.about(
                            Paper.EQUIZERO,
                            m + " makes the prediction exactly invariant to the swap: the gap "
                                    + "is zero on every pair")
                    .paperFigure("0 by construction")
                    .measured(Interval.exact(Stats.max(tv.get(m))), "largest TV")
                    .digits(6)
                    .atMost(0.0));
        }
        for (String m : List.of("equitune", "equizero")) {
            Interval d = Stats.pairedDifference(acc.get(m), acc.get("plain"), bootstrap);
            claims.add(Claim.about(
                            Paper.EQUIZERO,
                            m + " keeps the zero-shot accuracy of the pretrained model " + "(loses less than "
                                    + fmt(100 * ACCURACY_MARGIN, 0) + " points)")
                    .measured(scale(d, 100), "points")
                    .digits(1)
                    .above(-100 * ACCURACY_MARGIN));
        }
        result.claims(claims);

        String[] cats = METHODS.toArray(new String[0]);
        double[] x = new double[METHODS.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        result.figure(Figure.builder("gap-accuracy", Figure.Kind.BAR)
                .categories(cats)
                .caption("Accuracy and label-flip rate under the demographic swap (%, 95 % bootstrap half-widths)")
                .yLabel("%")
                .series(Series.withErrors("accuracy", x, values(accI, false), values(accI, true)))
                .series(Series.withErrors("label flips", x, values(flipI, false), values(flipI, true)))
                .build());
        double[] occ = new double[labels];
        for (int c = 0; c < labels; c++) {
            occ[c] = c;
        }
        Figure.Builder parityFig = Figure.builder("parity", Figure.Kind.BAR)
                .categories(OccupationTemplates.OCCUPATIONS.toArray(new String[0]))
                .caption("How often each occupation is predicted for male and for female sentences (%, all seeds)")
                .yLabel("% of sentences");
        for (String m : List.of("plain", "equitune")) {
            double[] rm = new double[labels];
            double[] rf = new double[labels];
            int total = 0;
            for (Measured me : byMethod.get(m)) {
                for (int i = 0; i < me.maleLabel.length; i++) {
                    rm[me.maleLabel[i]]++;
                    rf[me.femaleLabel[i]]++;
                    total++;
                }
            }
            for (int c = 0; c < labels; c++) {
                rm[c] *= 100.0 / total;
                rf[c] *= 100.0 / total;
            }
            parityFig.series(Series.of(m + ", male", occ, rm)).series(Series.of(m + ", female", occ, rf));
        }
        result.figure(parityFig.build());

        StringBuilder summary = new StringBuilder();
        summary.append(String.format(
                Locale.ROOT,
                "Plain MiniLM changes its occupation prediction on %s %% of " + "swapped pairs (mean TV gap %s); ",
                fmt(100 * flipI.get("plain").estimate(), 1),
                fmt(plainTv.estimate(), 4)));
        for (String m : METHODS.subList(1, METHODS.size())) {
            summary.append(String.format(
                    Locale.ROOT,
                    "%s: largest gap %s, accuracy %s %%; ",
                    m,
                    fmt(Stats.max(tv.get(m)), 6),
                    fmt(100 * accI.get(m).estimate(), 1)));
        }
        summary.append(String.format(
                Locale.ROOT,
                "plain accuracy %s %%. %d of %d claims held.",
                fmt(100 * accI.get("plain").estimate(), 1),
                claims.stream().filter(Claim::held).count(),
                claims.size()));
        return result.summary(summary.toString()).build();
    }

    private static double[] values(Map<String, Interval> m, boolean halfWidth) {
        return m.values().stream()
                .mapToDouble(i -> 100 * (halfWidth ? i.halfWidth() : i.estimate()))
                .toArray();
    }

    private static Interval scale(Interval i, double f) {
        return new Interval(f * i.estimate(), f * i.lower(), f * i.upper(), i.level(), i.n());
    }

    private static String pct(Interval i) {
        return scale(i, 100).format(1);
    }

    private static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    static long[][] pad(long[][] rows) {
        int w = 0;
        for (long[] r : rows) {
            w = Math.max(w, r.length);
        }
        long[][] out = new long[rows.length][w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out[i], 0, rows[i].length);
        }
        return out;
    }

    static int[] toInt(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.toIntExact(a[i]);
        }
        return out;
    }

    static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
