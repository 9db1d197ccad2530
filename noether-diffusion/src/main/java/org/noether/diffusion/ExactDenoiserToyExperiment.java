package org.noether.diffusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.noether.diffusion.metrics.ConformerCoverage;
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
import org.noether.experiment.Table;

/**
 * Quotient-space diffusion without training. Targets are a few rigid shapes of 3 or 4 points under uniformly random
 * rotations ({@link ToyTargets}), for which the optimal denoiser of every training objective is computed exactly
 * ({@link RigidShapeMixture}). Each objective's denoiser drives the samplers it would be used with, and the sampled
 * pairwise distances, shape proportions and RMSDs are compared with the target. A second part checks the sign of the
 * mean-curvature correction on lifted horizontal Brownian motion ({@link HorizontalBrownianMotion}).
 *
 * <p>Schedule: linear interpolant {@code x_t = t x_1 + (1 - t) eps}; SDE noise {@code e(t) = sigma(t)}; Euler steps on
 * {@code t_k = 1 - (1 - k/K)^2}.
 */
public final class ExactDenoiserToyExperiment implements Experiment {

    @Override
    public String name() {
        return "diffusion.exact-denoiser-toy";
    }

    /** Quick: measured on an idle 2-core machine with one PyTorch thread; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 19 : 300;
    }

    @Override
    public String title() {
        return "Quotient-space diffusion with exact denoisers: alignment distorts, the quotient sampler does not";
    }

    @Override
    public String description() {
        return "Samples rigid 3- and 4-point shapes under random rotations with the exact optimal denoiser of each "
                + "objective (conventional, quotient, GeoDiff and AF3 alignment) and ODE/SDE samplers with and without "
                + "the quotient projection; also checks the sign of the mean-curvature correction.";
    }

    /** The sizes of a run. */
    record Sizes(int samples, int steps, int driftPaths, int driftSteps) {}

    static Sizes sizes(boolean quick) {
        return quick ? new Sizes(400, 60, 4000, 40) : new Sizes(4000, 120, 40_000, 100);
    }

    /**
     * One sampler configuration fed with the exact denoiser of one objective. ODE samplers use Heun steps with half
     * the step count, so that every method makes about the same number of denoiser calls.
     */
    public record Method(String label, Objective objective, boolean ode, UnaryOperator<Sampler.Builder> configure) {
        /** The configured sampler with about {@code steps} denoiser calls per cloud. */
        public Sampler sampler(RigidQuotient geometry, int steps) {
            Sampler.Builder b = Sampler.builder(geometry).gridPower(2);
            b = ode ? b.steps(Math.max(1, steps / 2)).heun() : b.steps(steps).sde(1.0);
            return configure.apply(b).build();
        }
    }

    /** The compared sampler configurations, in table order (also timed by noether-bench). */
    public static List<Method> methods() {
        UnaryOperator<Sampler.Builder> plain = b -> b;
        return List.of(
                new Method("conventional ODE", Objective.CONVENTIONAL, true, plain),
                new Method("conventional SDE", Objective.CONVENTIONAL, false, plain),
                new Method("quotient ODE", Objective.QUOTIENT, true, b -> b.quotient(Correction.CORRECT)),
                new Method("quotient SDE", Objective.QUOTIENT, false, b -> b.quotient(Correction.CORRECT)),
                new Method(
                        "quotient SDE, published sign",
                        Objective.QUOTIENT,
                        false,
                        b -> b.quotient(Correction.REVERSED)),
                new Method("quotient SDE, no correction", Objective.QUOTIENT, false, b -> b.quotient(Correction.NONE)),
                new Method(
                        "quotient SDE, superposed noise",
                        Objective.QUOTIENT,
                        false,
                        Sampler.Builder::quotientBySuperposition),
                new Method("GeoDiff alignment ODE", Objective.GEODIFF, true, plain),
                new Method("GeoDiff alignment SDE", Objective.GEODIFF, false, plain),
                new Method("AF3 alignment ODE", Objective.AF3, true, plain),
                new Method("AF3 alignment SDE", Objective.AF3, false, plain));
    }

    /** What was measured for one method on one target. */
    record Stats(
            String method,
            double[] meanDistances,
            double meanDistance,
            double w1,
            double meanRmsd,
            double[] proportions,
            double tv,
            double coverage,
            double meanSquaredNorm,
            double[] plotDistances,
            double seconds) {}

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        return run(ctx, sizes(ctx.quick()));
    }

    /** Raise when a change alters numbers (invalidates checkpointed rows). */
    static final int NUMERICS = 1;
    /** Mean RMSD to the nearest target shape under which a sampler counts as ending on a target shape. */
    static final double ON_SHAPE = 1e-3;
    /** |z| of a simulated drift against its target above which the dynamics is judged wrong. */
    static final double Z_FAIL = 5;

    ExperimentResult run(ExperimentContext ctx, Sizes sizes) {
        ResultCache cache = ResultCache.open(ctx, name(), NUMERICS, sizes);
        List<ToyTargets.Named> targets = List.of(ToyTargets.chain(), ToyTargets.triangle(), ToyTargets.planar());
        List<Method> methods = methods();
        SplittableRandom seeds = ctx.random();
        ExperimentResult.Builder result = ExperimentResult.builder(this);
        Table.Builder table = Table.builder(
                        "samples",
                        "Sampled distributions against the target, per target and "
                                + "method: pairwise distances (mean over pairs, and the plotted pair), Wasserstein-1 distance of the "
                                + "pairwise-distance distributions to the target's (mean over pairs), RMSD to the nearest target shape, "
                                + "total variation of the shape proportions, fraction within RMSD 0.05 of a target shape (Cov-P), and "
                                + "the mean of |x|^2")
                .columns(
                        "target",
                        "method",
                        "objective",
                        "mean distance",
                        "plotted pair mean",
                        "plotted pair s.e.",
                        "W1 distances",
                        "mean RMSD",
                        "TV proportions",
                        "Cov-P@0.05",
                        "mean |x|^2",
                        "seconds");
        List<Figure> figures = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        long total = (long) targets.size() * (methods.size() + 1) + 2;
        try (Progress.Task task = ctx.progress().task("samplers", total)) {
            for (ToyTargets.Named target : targets) {
                RigidShapeMixture mix = target.mixture();
                RigidQuotient geometry = RigidQuotient.of(mix.dimension());
                List<Stats> rows = new ArrayList<>();
                double[][] reference = new double[sizes.samples()][];
                SplittableRandom refRandom = new SplittableRandom(seeds.nextLong());
                for (int i = 0; i < reference.length; i++) reference[i] = mix.sample(refRandom);
                rows.add(measure("reference (target samples)", mix, reference, target, 0));
                task.step();
                double[][] quotientSamples = null;
                for (Method m : methods) {
                    task.message(target.name() + ": " + m.label());
                    long seed = seeds.nextLong(); // drawn whether or not the row is cached: later rows keep their seeds
                    boolean keepSamples = m.label().equals("quotient SDE") && mix.dimension() == 2;
                    String key = slug(target.name()) + "-" + slug(m.label());
                    double[] stored = cache.doubles("row-" + key, () -> {
                        long start = System.nanoTime();
                        double[][] xs = m.sampler(geometry, sizes.steps())
                                .sample(
                                        mix.exactDenoiser(m.objective(), Schedule.LINEAR),
                                        mix.points(),
                                        sizes.samples(),
                                        seed);
                        double secs = (System.nanoTime() - start) / 1e9;
                        return encode(measure(m.label(), mix, xs, target, secs), keepSamples ? xs : null);
                    });
                    Stats s = decode(m.label(), stored, mix, sizes.samples());
                    rows.add(s);
                    if (keepSamples) quotientSamples = samples(stored, mix, sizes.samples());
                    task.step();
                }
                for (int r = 0; r < rows.size(); r++) {
                    Stats s = rows.get(r);
                    String objective =
                            r == 0 ? "" : methods.get(r - 1).objective().toString();
                    table.row(
                            target.name(),
                            s.method(),
                            objective,
                            s.meanDistance(),
                            s.meanDistances()[pairIndex(mix.points(), target.plotI(), target.plotJ())],
                            standardError(s.plotDistances()),
                            s.w1(),
                            s.meanRmsd(),
                            s.tv(),
                            s.coverage(),
                            s.meanSquaredNorm(),
                            s.seconds());
                }
                figures.add(histogram(target, rows));
                figures.add(w1Bars(target, rows));
                if (mix.dimension() == 2) figures.add(planarPicture(reference, quotientSamples));
                summary.append(targetSummary(target, rows)).append("\n\n");
                for (Stats s : rows) {
                    String key = target.name() + "." + slug(s.method());
                    result.metric(key + ".w1", s.w1())
                            .metric(key + ".rmsd", s.meanRmsd())
                            .metric(key + ".tv", s.tv())
                            .metric(key + ".mean_distance", s.meanDistance())
                            .metric(key + ".proportions", s.proportions());
                }
                result.metric(target.name() + ".target.mean_distance", exactMeanDistance(mix));
                for (int k = 0; k < mix.size(); k++) {
                    result.metric(target.name() + ".target.weight_" + k, mix.weight(k));
                }
            }
            List<Drift> drifts = new ArrayList<>();
            Table drift = driftTable(sizes, seeds, task, result, drifts);
            Table law = lawTable(sizes, seeds, result);
            result.table(table.build()).table(drift).table(law);
            summary.append(signSummary(drifts));
            for (Correction corr : List.of(Correction.CORRECT, Correction.REVERSED)) {
                for (Drift d : drifts) {
                    if (d.correction() != corr) continue;
                    Interval z = new Interval(d.z(), d.z() - 1.96, d.z() + 1.96, 0.95, sizes.driftPaths());
                    result.claim(Claim.about(
                                    corr == Correction.REVERSED ? Paper.QUOTIENT_DIFFUSION : Paper.NOETHER,
                                    "Lifted horizontal Brownian motion with the "
                                            + (corr == Correction.REVERSED
                                                    ? "published +(s^2/2) h"
                                                    : "derived -(s^2/2) h")
                                            + " correction drifts |x|^2 like "
                                            + "Brownian motion on the centred space (" + d.space() + ", N = "
                                            + d.points() + ")")
                            .paperFigure(corr == Correction.REVERSED ? "Algorithm 3" : "")
                            .measured(z, "z-score of the simulated drift against s^2 (dN - d)")
                            .digits(1)
                            .judged(
                                    Math.abs(d.z()) <= Z_FAIL,
                                    "held iff |z| <= " + Z_FAIL + "; z = "
                                            + String.format(Locale.ROOT, "%.1f", d.z())));
                }
            }
        }
        summary.insert(
                0,
                "Relative change of the mean pairwise distance against the target (positive: distances "
                        + "grow), per target; the reference row is direct samples of the target and shows the sampling noise. "
                        + "Exact denoisers, so any distortion comes from the objective or the sampler, not from learning.\n\n");
        for (Figure f : figures) result.figure(f);
        return result.summary(summary.toString().strip()).build();
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static double standardError(double[] v) {
        return org.noether.experiment.Stats.sd(v) / Math.sqrt(v.length);
    }

    static int pairIndex(int n, int i, int j) {
        int k = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (a == i && b == j) return k;
                k++;
            }
        }
        throw new IllegalArgumentException("no pair " + i + "-" + j);
    }

    /** All pairwise distances of a cloud, pairs (a, b) with a < b in lexicographic order. */
    static double[] pairwiseDistances(double[] x, int d) {
        int n = x.length / d;
        double[] out = new double[n * (n - 1) / 2];
        int k = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double e = x[d * a + c] - x[d * b + c];
                    s += e * e;
                }
                out[k++] = Math.sqrt(s);
            }
        }
        return out;
    }

    static Stats measure(String label, RigidShapeMixture mix, double[][] xs, ToyTargets.Named target, double seconds) {
        int d = mix.dimension(), n = mix.points(), pairs = n * (n - 1) / 2, count = xs.length;
        double[][] dist = new double[pairs][count];
        double[] proportions = new double[mix.size()];
        double rmsd = 0, covered = 0, sq = 0;
        List<double[]> generated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] pd = pairwiseDistances(xs[i], d);
            for (int p = 0; p < pairs; p++) dist[p][i] = pd[p];
            RigidShapeMixture.Nearest near = mix.nearest(xs[i]);
            proportions[near.shape()] += 1.0 / count;
            rmsd += near.rmsd() / count;
            for (double v : RigidQuotient.of(d).centred(xs[i])) sq += v * v / count;
            generated.add(xs[i]);
        }
        List<double[]> shapes = new ArrayList<>();
        for (int k = 0; k < mix.size(); k++) shapes.add(mix.shape(k));
        covered = ConformerCoverage.evaluate(generated, shapes, 0.05, d).coveragePrecision();
        double[] means = new double[pairs];
        double w1 = 0, meanAll = 0;
        double[] refWeights = new double[mix.size()];
        for (int k = 0; k < mix.size(); k++) refWeights[k] = mix.weight(k);
        for (int p = 0; p < pairs; p++) {
            for (double v : dist[p]) means[p] += v / count;
            meanAll += means[p] / pairs;
            double[] refAtoms = new double[mix.size()];
            for (int k = 0; k < mix.size(); k++) refAtoms[k] = pairwiseDistances(mix.shape(k), d)[p];
            w1 += wasserstein1(dist[p], refAtoms, refWeights) / pairs;
        }
        double tv = 0;
        for (int k = 0; k < mix.size(); k++) tv += 0.5 * Math.abs(proportions[k] - mix.weight(k));
        int plot = pairIndex(n, target.plotI(), target.plotJ());
        return new Stats(label, means, meanAll, w1, rmsd, proportions, tv, covered, sq, dist[plot], seconds);
    }

    /** W1 between the empirical distribution of {@code samples} and the discrete law {@code atoms} with weights. */
    static double wasserstein1(double[] samples, double[] atoms, double[] weights) {
        int m = samples.length, k = atoms.length;
        double[] s = samples.clone();
        Arrays.sort(s);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(atoms[a], atoms[b]));
        // integrate |F_s - F_a| over the merged breakpoints
        double[] pts = new double[m + k];
        System.arraycopy(s, 0, pts, 0, m);
        for (int i = 0; i < k; i++) pts[m + i] = atoms[order[i]];
        Arrays.sort(pts);
        double w = 0, fs = 0, fa = 0;
        int is = 0, ia = 0;
        for (int p = 0; p < pts.length - 1; p++) {
            double x = pts[p];
            while (is < m && s[is] <= x) {
                fs += 1.0 / m;
                is++;
            }
            while (ia < k && atoms[order[ia]] <= x) {
                fa += weights[order[ia]];
                ia++;
            }
            w += Math.abs(fs - fa) * (pts[p + 1] - x);
        }
        return w;
    }

    private static Figure histogram(ToyTargets.Named target, List<Stats> rows) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Stats s : rows) {
            for (double v : s.plotDistances()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // clip the range to the bulk so that a few diverged samples do not flatten the picture
        RigidShapeMixture mix = target.mixture();
        int p = pairIndex(mix.points(), target.plotI(), target.plotJ());
        double tlo = Double.POSITIVE_INFINITY, thi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < mix.size(); k++) {
            double v = pairwiseDistances(mix.shape(k), mix.dimension())[p];
            tlo = Math.min(tlo, v);
            thi = Math.max(thi, v);
        }
        double span = Math.max(0.5, thi - tlo);
        lo = Math.max(lo, tlo - span);
        hi = Math.min(hi, thi + span);
        int bins = 60;
        double width = (hi - lo) / bins;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) centres[b] = lo + (b + 0.5) * width;
        Figure.Builder f = Figure.builder(target.name() + "-distance-histogram", Figure.Kind.LINE)
                .caption(target.name() + ": density of the " + target.plotI() + "-" + target.plotJ()
                        + " distance for the target and each sampler (exact denoisers)")
                .xLabel("distance " + target.plotI() + "-" + target.plotJ())
                .yLabel("density");
        for (Stats s : rows) {
            if (s.method().contains("SDE")
                    && !s.method().equals("quotient SDE")
                    && !s.method().contains("published")
                    && !s.method().contains("GeoDiff")) continue;
            double[] h = new double[bins];
            for (double v : s.plotDistances()) {
                int b = (int) Math.floor((v - lo) / width);
                if (b >= 0 && b < bins) h[b] += 1.0 / (s.plotDistances().length * width);
            }
            f.series(Series.of(s.method(), centres, h));
        }
        return f.build();
    }

    private static Figure w1Bars(ToyTargets.Named target, List<Stats> rows) {
        String[] labels = new String[rows.size()];
        double[] w1 = new double[rows.size()], rmsd = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labels[i] = rows.get(i).method();
            w1[i] = rows.get(i).w1();
            rmsd[i] = rows.get(i).meanRmsd();
        }
        return Figure.builder(target.name() + "-errors", Figure.Kind.BAR)
                .caption(target.name() + ": distance to the target distribution per sampler")
                .yLabel("W1 of pairwise distances / mean RMSD")
                .categories(labels)
                .series(Series.ofY("W1 pairwise distances", w1))
                .series(Series.ofY("mean RMSD to nearest shape", rmsd))
                .build();
    }

    private static Figure planarPicture(double[][] reference, double[][] quotient) {
        int shown = Math.min(300, reference.length);
        Figure.Builder f = Figure.builder("planar4-points", Figure.Kind.SCATTER)
                .caption("planar4: point positions of " + shown + " clouds; the density is rotation invariant "
                        + "(rings), target versus quotient SDE with the exact denoiser")
                .xLabel("x")
                .yLabel("y");
        for (int which = 0; which < 2; which++) {
            double[][] xs = which == 0 ? reference : quotient;
            if (xs == null) continue;
            double[] px = new double[shown * (xs[0].length / 2)], py = new double[px.length];
            int k = 0;
            for (int i = 0; i < shown; i++) {
                for (int j = 0; j < xs[i].length / 2; j++) {
                    px[k] = xs[i][2 * j];
                    py[k++] = xs[i][2 * j + 1];
                }
            }
            f.series(Series.of(which == 0 ? "target" : "quotient SDE", px, py));
        }
        return f.build();
    }

    /** The exact mean pairwise distance of the target, averaged over pairs. */
    static double exactMeanDistance(RigidShapeMixture mix) {
        double m = 0;
        for (int k = 0; k < mix.size(); k++) {
            double[] pd = pairwiseDistances(mix.shape(k), mix.dimension());
            for (double v : pd) m += mix.weight(k) * v / pd.length;
        }
        return m;
    }

    private static String targetSummary(ToyTargets.Named target, List<Stats> rows) {
        double exact = exactMeanDistance(target.mixture());
        StringBuilder s = new StringBuilder(target.name())
                .append(" (")
                .append(target.description())
                .append("), ");
        s.append(String.format(Locale.ROOT, "mean pairwise distance %.3f: ", exact));
        List<String> parts = new ArrayList<>();
        for (Stats r : rows) {
            parts.add(String.format(
                    Locale.ROOT, "%s %+.1f%% (TV %.3f)", r.method(), 100 * (r.meanDistance() - exact) / exact, r.tv()));
        }
        return s.append(String.join("; ", parts))
                .append(". ")
                .append(shapeSummary(rows))
                .toString();
    }

    /**
     * Whether the samplers end on target shapes, computed from the rows: every sampler (mean RMSD to the nearest shape
     * under {@link #ON_SHAPE}), or which do not.
     */
    static String shapeSummary(List<Stats> rows) {
        double worst = 0;
        List<String> off = new ArrayList<>();
        for (Stats r : rows) {
            worst = Math.max(worst, r.meanRmsd());
            if (!(r.meanRmsd() < ON_SHAPE)) {
                off.add(String.format(Locale.ROOT, "%s (mean RMSD %.3g)", r.method(), r.meanRmsd()));
            }
        }
        if (off.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "Every sampler ends on a target shape (mean RMSD to the nearest at most "
                            + "%.1e), so the distortion is in how often each shape is produced.",
                    worst);
        }
        return "Not every sampler ends on a target shape: " + String.join(", ", off) + " end"
                + (off.size() == 1 ? "s" : "")
                + " off the shapes (mean RMSD to the nearest at least " + ON_SHAPE
                + "), so part of the distortion is in "
                + "the shapes themselves.";
    }

    /** One simulated drift of |x|^2 against its target. */
    record Drift(String space, int points, Correction correction, double simulated, double target, double z) {}

    /** The verdict on each sign of the correction, computed from the simulated drifts. */
    static String signSummary(List<Drift> drifts) {
        StringBuilder s = new StringBuilder("Sign of the correction: lifted horizontal Brownian motion must give |x|^2 "
                + "the drift s^2 (dN - d) of Brownian motion on the centred space (Ito's formula gives it for -(s^2/2) h "
                + "and s^2 (dN - d - 2r) for the published +(s^2/2) h; 'drift' table). Simulated: ");
        List<String> parts = new ArrayList<>();
        for (Drift d : drifts) {
            String name =
                    switch (d.correction()) {
                        case CORRECT -> "-(s^2/2) h";
                        case REVERSED -> "the published +(s^2/2) h";
                        case NONE -> "no correction";
                    };
            parts.add(String.format(
                    Locale.ROOT,
                    "%s, N = %d, %s: %.2f against %.2f (z = %.1f), %s",
                    d.space(),
                    d.points(),
                    name,
                    d.simulated(),
                    d.target(),
                    d.z(),
                    Math.abs(d.z()) <= Z_FAIL ? "agrees" : "fails"));
        }
        return s.append(String.join("; ", parts))
                .append(" (a dynamics fails when |z| > ")
                .append(Z_FAIL)
                .append(").")
                .toString();
    }

    /** A row's figures (and the clouds when {@code samples} is given) as one vector. */
    static double[] encode(Stats s, double[][] samples) {
        List<double[]> parts = new ArrayList<>(List.of(
                s.meanDistances(),
                new double[] {s.meanDistance(), s.w1(), s.meanRmsd()},
                s.proportions(),
                new double[] {s.tv(), s.coverage(), s.meanSquaredNorm()},
                s.plotDistances(),
                new double[] {s.seconds(), samples == null ? 0 : 1}));
        if (samples != null) parts.addAll(Arrays.asList(samples));
        int n = 0;
        for (double[] p : parts) n += p.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** The row encoded by {@link #encode}. */
    static Stats decode(String method, double[] v, RigidShapeMixture mix, int count) {
        int pairs = mix.points() * (mix.points() - 1) / 2, k = 0;
        double[] means = Arrays.copyOfRange(v, k, k += pairs);
        double meanAll = v[k++], w1 = v[k++], rmsd = v[k++];
        double[] proportions = Arrays.copyOfRange(v, k, k += mix.size());
        double tv = v[k++], coverage = v[k++], sq = v[k++];
        double[] plot = Arrays.copyOfRange(v, k, k += count);
        return new Stats(method, means, meanAll, w1, rmsd, proportions, tv, coverage, sq, plot, v[k]);
    }

    private static double[][] samples(double[] v, RigidShapeMixture mix, int count) {
        int pairs = mix.points() * (mix.points() - 1) / 2;
        int k = pairs + 3 + mix.size() + 3 + count + 2;
        int dim = mix.dimension() * mix.points();
        double[][] xs = new double[count][];
        for (int i = 0; i < count; i++) xs[i] = Arrays.copyOfRange(v, k + i * dim, k + (i + 1) * dim);
        return xs;
    }

    /**
     * Beyond |x|^2: invariants of three-point clouds in space after time 1 of each lifted scheme, against Brownian
     * motion on the centred space, at a coarse and a fine step. For three points the correction is singular at
     * collinear clouds, and Euler-Maruyama on the projected scheme converges slowly; superposition is exact in law.
     */
    private Table lawTable(Sizes sizes, SplittableRandom seeds, ExperimentResult.Builder result) {
        Table.Builder t = Table.builder(
                        "law",
                        "Three points in space, s = 1, T = 1: mean smallest principal moment of "
                                + "inertia and mean distance of points 0 and 1 at the end, per lifted scheme and step count, with "
                                + "standard errors and the z-score of the difference from Brownian motion on the centred space")
                .columns(
                        "steps",
                        "scheme",
                        "E lambda_min(K)",
                        "s.e.",
                        "z vs Brownian",
                        "E |x0 - x1|",
                        "s.e. ",
                        "z vs Brownian ");
        RigidQuotient q = RigidQuotient.SE3;
        double[] x0 = new double[9];
        SplittableRandom r = new SplittableRandom(seeds.nextLong());
        for (int i = 0; i < 9; i++) x0[i] = r.nextGaussian();
        java.util.function.ToDoubleFunction<double[]> lambdaMin = x -> q.at(x).inertiaEigenvalues()[2];
        java.util.function.ToDoubleFunction<double[]> d01 =
                x -> Math.sqrt(Math.pow(x[0] - x[3], 2) + Math.pow(x[1] - x[4], 2) + Math.pow(x[2] - x[5], 2));
        for (int steps : new int[] {sizes.driftSteps() / 2, sizes.driftSteps() * 4}) {
            HorizontalBrownianMotion.Estimate refL = null, refD = null;
            for (HorizontalBrownianMotion.Scheme scheme : List.of(
                    HorizontalBrownianMotion.Scheme.BROWNIAN,
                    HorizontalBrownianMotion.Scheme.PROJECTED_CORRECT,
                    HorizontalBrownianMotion.Scheme.PROJECTED_REVERSED,
                    HorizontalBrownianMotion.Scheme.SUPERPOSED)) {
                double[][] ends = HorizontalBrownianMotion.endpoints(
                        q, x0, 1, 1, steps, sizes.driftPaths(), scheme, seeds.nextLong());
                var l = HorizontalBrownianMotion.mean(ends, lambdaMin);
                var d = HorizontalBrownianMotion.mean(ends, d01);
                if (refL == null) {
                    refL = l;
                    refD = d;
                }
                double zl = (l.mean() - refL.mean()) / Math.hypot(l.standardError(), refL.standardError());
                double zd = (d.mean() - refD.mean()) / Math.hypot(d.standardError(), refD.standardError());
                boolean ref = scheme == HorizontalBrownianMotion.Scheme.BROWNIAN;
                t.row(
                        steps,
                        scheme.toString(),
                        l.mean(),
                        l.standardError(),
                        ref ? null : zl,
                        d.mean(),
                        d.standardError(),
                        ref ? null : zd);
                if (!ref)
                    result.metric(
                            "law.steps_" + steps + "." + scheme.name().toLowerCase(Locale.ROOT) + ".z_distance", zd);
            }
        }
        return t.build();
    }

    private Table driftTable(
            Sizes sizes,
            SplittableRandom seeds,
            Progress.Task task,
            ExperimentResult.Builder result,
            List<Drift> drifts) {
        Table.Builder t = Table.builder(
                        "drift",
                        "Drift of |x|^2 under lifted horizontal Brownian motion "
                                + "dx = s P_x dW + sign (s^2/2) h dt, s = 1, against Brownian motion on the centred space (s^2 (dN - d)); "
                                + "simulated over T = 0.5 with Euler-Maruyama, mean +- standard error")
                .columns(
                        "space",
                        "N",
                        "dynamics",
                        "analytic drift",
                        "simulated drift",
                        "standard error",
                        "target s^2 (dN - d)",
                        "z vs target");
        int[][] cases = {{3, 5}, {2, 4}};
        for (int[] c : cases) {
            RigidQuotient q = RigidQuotient.of(c[0]);
            int n = c[1];
            double[] x0 = new double[c[0] * n];
            SplittableRandom r = new SplittableRandom(seeds.nextLong());
            for (int i = 0; i < x0.length; i++) x0[i] = r.nextGaussian();
            double target = HorizontalBrownianMotion.centredBrownianSquaredNormDrift(q, n, 1);
            var bm = HorizontalBrownianMotion.simulateCentredBrownian(
                    q, x0, 1, 0.5, sizes.driftSteps(), sizes.driftPaths(), seeds.nextLong());
            t.row(
                    q.name(),
                    n,
                    "Brownian motion on the centred space",
                    target,
                    bm.mean(),
                    bm.standardError(),
                    target,
                    bm.zScore(target));
            for (Correction corr : Correction.values()) {
                double analytic = HorizontalBrownianMotion.analyticSquaredNormDrift(q, x0, 1, corr);
                var e = HorizontalBrownianMotion.simulateSquaredNormDrift(
                        q, x0, 1, 0.5, sizes.driftSteps(), sizes.driftPaths(), corr, seeds.nextLong());
                String label =
                        switch (corr) {
                            case CORRECT -> "lift, -(s^2/2) h (derived)";
                            case REVERSED -> "lift, +(s^2/2) h (published)";
                            case NONE -> "lift, no correction";
                        };
                t.row(q.name(), n, label, analytic, e.mean(), e.standardError(), target, e.zScore(target));
                drifts.add(new Drift(q.name(), n, corr, e.mean(), target, e.zScore(target)));
                String key = "drift." + slug(q.name()) + "." + corr.name().toLowerCase(Locale.ROOT);
                result.metric(key + ".analytic", analytic)
                        .metric(key + ".simulated", e.mean())
                        .metric(key + ".standard_error", e.standardError());
            }
            task.step();
        }
        return t.build();
    }
}
