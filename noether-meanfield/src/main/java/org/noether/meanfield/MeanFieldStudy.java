package org.noether.meanfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;

/**
 * The paper's teacher-student study (its Figure 2, the between-scheme comparison of its appendix, and the
 * subspace-discovery heuristic), as one call: for every teacher (arbitrary, WI, SI), scheme (vanilla, DA, FA, EA),
 * size N and seed, train a student from a strongly invariant initialization and measure RMD to the projection onto
 * E^G, RMD to the symmetrized law, the population risk, and the RMD between schemes; then check the paper's claims on
 * the numbers ({@link MeanFieldClaims}). Runs go in parallel over a pool of workers (one run per worker); each
 * finished run is kept in the experiment's {@link ResultCache}, so a resumed study reads it back instead of training
 * again. Every seed comes from {@link ExperimentContext#random(String)}.
 *
 * <pre>{@code
 * ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 1, Path.of("out/meanfield"), Progress.NONE);
 * ExperimentResult r = MeanFieldStudy.run(new MeanFieldExperiment(), ctx, MeanFieldStudy.Plan.of(Profile.QUICK));
 * r.claims().forEach(c -> System.out.println(c.verdict() + " " + c.statement()));
 * }</pre>
 */
public final class MeanFieldStudy {
    private MeanFieldStudy() {}

    /**
     * The numerics version in every cached run's fingerprint: raise it whenever the trainer's numbers change for the
     * same inputs, so that resuming an old output directory recomputes instead of mixing old and new numbers. 2:
     * vectorized sigmoid kernel and per-block noise streams. 3: E^G and its projector from the core's FixedPoints,
     * EJML's eigensolver in the subspace-discovery heuristic (differences at the rounding level). 4: seeds from
     * ExperimentContext.random(purpose) and Seeds.derive instead of a private mixer and seed offsets.
     */
    static final int NUMERICS = 4;

    /**
     * What to run.
     *
     * @param profile the profile it came from
     * @param setting unit, group, inputs, teacher base
     * @param config training constants (noise projected onto E^G, as in the paper)
     * @param sizes the N values, increasing
     * @param seeds seeds per configuration
     * @param teachers teacher kinds
     * @param schemes training schemes
     * @param initialization the students' initial law (SI in the paper's Figure 2)
     * @param riskSamples inputs used to estimate each run's population risk
     * @param workers runs in parallel
     * @param discovery settings the subspace-discovery heuristic is run on (from their 1-dimensional start)
     * @param discoveryParticles N for the heuristic
     */
    public record Plan(
            Profile profile,
            MeanFieldSetting setting,
            TrainingConfig config,
            int[] sizes,
            int seeds,
            List<Invariance> teachers,
            List<Scheme> schemes,
            Invariance initialization,
            int riskSamples,
            int workers,
            List<MeanFieldSetting> discovery,
            int discoveryParticles) {

        public Plan {
            if (sizes.length == 0 || seeds < 1 || workers < 1)
                throw new IllegalArgumentException("need at least one size, one seed and one worker");
            for (int i = 0; i < sizes.length; i++)
                if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1]))
                    throw new IllegalArgumentException(
                            "sizes must be positive and increasing: " + Arrays.toString(sizes));
            if (initialization == Invariance.WEAKLY_INVARIANT)
                for (int n : sizes)
                    if (n % setting.symmetry().order() != 0)
                        throw new IllegalArgumentException("a WI initialization needs |G| = "
                                + setting.symmetry().order() + " to divide every N; got " + n);
        }

        /**
         * The paper's constants (see {@link TrainingConfig#paper()} and {@link MeanFieldSetting#paper()}); QUICK uses
         * N in {5, 10, 50, 100, 500} and one seed, FULL N in {5, 10, 50, 100, 500, 1000, 5000} and five seeds.
         */
        public static Plan of(Profile profile) {
            MeanFieldSetting s = MeanFieldSetting.paper();
            TrainingConfig c =
                    TrainingConfig.paper().withNoiseSubspace(s.symmetry().fixedSubspace());
            boolean quick = profile == Profile.QUICK;
            int[] sizes = quick ? new int[] {5, 10, 50, 100, 500} : new int[] {5, 10, 50, 100, 500, 1000, 5000};
            return new Plan(
                    profile,
                    s,
                    c,
                    sizes,
                    quick ? 1 : 5,
                    List.of(Invariance.values()),
                    List.of(Scheme.values()),
                    Invariance.STRONGLY_INVARIANT,
                    quick ? 2000 : 10000,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    List.of(s, MeanFieldSetting.dihedralMatrices(4)),
                    quick ? 200 : 500);
        }

        public Plan withSizes(int... n) {
            return new Plan(
                    profile,
                    setting,
                    config,
                    n.clone(),
                    seeds,
                    teachers,
                    schemes,
                    initialization,
                    riskSamples,
                    workers,
                    discovery,
                    discoveryParticles);
        }

        public Plan withSeeds(int k) {
            return new Plan(
                    profile,
                    setting,
                    config,
                    sizes,
                    k,
                    teachers,
                    schemes,
                    initialization,
                    riskSamples,
                    workers,
                    discovery,
                    discoveryParticles);
        }

        public Plan withWorkers(int w) {
            return new Plan(
                    profile,
                    setting,
                    config,
                    sizes,
                    seeds,
                    teachers,
                    schemes,
                    initialization,
                    riskSamples,
                    w,
                    discovery,
                    discoveryParticles);
        }

        public Plan withConfig(TrainingConfig c) {
            return new Plan(
                    profile,
                    setting,
                    c,
                    sizes,
                    seeds,
                    teachers,
                    schemes,
                    initialization,
                    riskSamples,
                    workers,
                    discovery,
                    discoveryParticles);
        }

        public Plan withDiscovery(List<MeanFieldSetting> settings, int particles) {
            return new Plan(
                    profile,
                    setting,
                    config,
                    sizes,
                    seeds,
                    teachers,
                    schemes,
                    initialization,
                    riskSamples,
                    workers,
                    List.copyOf(settings),
                    particles);
        }

        /** What every cached training run depends on besides its teacher, scheme, N and seed index. */
        String runConfiguration() {
            return "setting=" + setting.name() + "|" + config.describe() + "|init=" + initialization + "|risk="
                    + riskSamples;
        }
    }

    /** One finished training run with its measurements. */
    record Outcome(
            Invariance teacher,
            Scheme scheme,
            int n,
            int seedIndex,
            long steps,
            double seconds,
            double risk,
            double rmdProjection,
            double rmdSymmetrization,
            double[] particles,
            boolean reused) {}

    /**
     * Runs a plan for {@code experiment} and returns its tables, figures and checked claims; finished pieces found
     * in the context's result cache are reused.
     */
    public static ExperimentResult run(MeanFieldExperiment experiment, ExperimentContext ctx, Plan plan)
            throws InterruptedException {
        long t0 = System.nanoTime();
        ResultCache cache = ResultCache.open(ctx, experiment.name(), NUMERICS, plan.runConfiguration());
        ResultCache pairCache = cache.child("pairs", plan.schemes());
        List<ResultCache> discoveryCaches = new ArrayList<>();
        SubspaceDiscovery.Options options = plan.discovery().isEmpty()
                ? null
                : SubspaceDiscovery.Options.defaults()
                        .withParticles(plan.discoveryParticles())
                        .withSeed(ctx.seed("subspace discovery"));
        for (MeanFieldSetting ds : plan.discovery())
            discoveryCaches.add(cache.child("discovery", ds.name(), options.toString()));
        Symmetry sym = plan.setting().symmetry();
        List<Task<Outcome>> tasks = new ArrayList<>();
        for (Invariance teacher : plan.teachers())
            for (Scheme scheme : plan.schemes())
                for (int n : plan.sizes())
                    for (int s = 0; s < plan.seeds(); s++) {
                        final int seedIndex = s;
                        double cost = (double) n * n * (scheme == Scheme.FA ? sym.order() : 1);
                        String label = teacher.label() + " " + scheme.label() + " N=" + n + " seed " + s;
                        tasks.add(new Task<>(
                                cost, label, () -> trainOrLoad(plan, ctx, cache, teacher, scheme, n, seedIndex)));
                    }
        List<Task<SubspaceDiscovery.Result>> discoveries = new ArrayList<>();
        for (int d = 0; d < plan.discovery().size(); d++) {
            MeanFieldSetting ds = plan.discovery().get(d);
            ResultCache dc = discoveryCaches.get(d);
            double cost = (double) plan.discoveryParticles()
                    * plan.discoveryParticles()
                    * ds.unit().parameterDimension();
            discoveries.add(new Task<>(cost, "discovery on " + ds.name(), () -> discoverOrLoad(options, dc, ds)));
        }
        double total = 0;
        for (Task<?> t : tasks) total += t.cost;
        for (Task<?> t : discoveries) total += t.cost;
        ExecutorService pool = Executors.newFixedThreadPool(plan.workers(), r -> {
            Thread th = new Thread(r, "meanfield-study");
            th.setDaemon(true);
            return th;
        });
        try (Progress.Task bar = ctx.progress().task("mean-field sweep", 1000)) {
            Tracker tracker = new Tracker(total * 1.15, bar); // ~15% for the between-scheme distances
            List<Future<Outcome>> runFutures = submitAll(pool, tasks, tracker);
            List<Future<SubspaceDiscovery.Result>> discoveryFutures = submitAll(pool, discoveries, tracker);
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : runFutures) outcomes.add(get(f));
            Map<String, double[]> pairs = pairDistances(plan, pairCache, outcomes, pool, tracker);
            List<SubspaceDiscovery.Result> found = new ArrayList<>();
            for (Future<SubspaceDiscovery.Result> f : discoveryFutures) found.add(get(f));
            double wall = (System.nanoTime() - t0) / 1e9;
            tracker.finish(String.format(Locale.ROOT, "done in %.1f s", wall));
            return assemble(experiment, ctx, plan, outcomes, pairs, found);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome trainOrLoad(
            Plan plan,
            ExperimentContext ctx,
            ResultCache cache,
            Invariance teacherKind,
            Scheme scheme,
            int n,
            int seedIndex) {
        MeanFieldSetting setting = plan.setting();
        String key = teacherKind.label() + "_" + scheme.label() + "_N" + n + "_s" + seedIndex;
        boolean[] computed = {false};
        double[] stored = cache.doubles(key, () -> {
            computed[0] = true;
            Symmetry sym = setting.symmetry();
            // every scheme and teacher of one (N, seed index) starts from the same cloud, data stream and noise
            String cell = " N=" + n + " seed " + seedIndex;
            double[] init = Particles.initial(
                    plan.initialization(), sym, n, setting.initStd(), ctx.random("initial cloud" + cell));
            MeanFieldTrainer trainer = new MeanFieldTrainer(
                    setting, scheme, setting.teacher(teacherKind), plan.config().withThreads(1));
            TrainingResult r = trainer.train(init, n, ctx.seed("training" + cell));
            double risk = trainer.risk(r.particles(), n, plan.riskSamples(), ctx.seed("risk"));
            double proj = Distances.rmdToProjection(sym, r.particles(), n);
            double symm = Distances.rmdToSymmetrization(sym, r.particles(), n);
            double[] v = new double[5 + r.particles().length];
            v[0] = r.steps();
            v[1] = r.seconds();
            v[2] = risk;
            v[3] = proj;
            v[4] = symm;
            System.arraycopy(r.particles(), 0, v, 5, r.particles().length);
            return v;
        });
        return new Outcome(
                teacherKind,
                scheme,
                n,
                seedIndex,
                (long) stored[0],
                stored[1],
                stored[2],
                stored[3],
                stored[4],
                Arrays.copyOfRange(stored, 5, stored.length),
                !computed[0]);
    }

    /** The subspace-discovery heuristic on one setting, or its saved result. */
    private static SubspaceDiscovery.Result discoverOrLoad(
            SubspaceDiscovery.Options options, ResultCache cache, MeanFieldSetting ds) {
        int dz = ds.unit().parameterDimension();
        String key = "discovery_" + ds.symmetry().name() + "_dz" + dz;
        Subspace fixed = ds.symmetry().fixedSubspace();
        SubspaceDiscovery.Result[] fresh = {null};
        double[] v = cache.doubles(key, () -> {
            SubspaceDiscovery.Result r = SubspaceDiscovery.run(ds, ds.start(), options);
            fresh[0] = r;
            int k = r.found().dimension();
            double[] out = new double[2 + r.iterations().size() * (5 + dz) + k * dz];
            out[0] = r.converged() ? 1 : 0;
            out[1] = r.iterations().size();
            int at = 2;
            for (SubspaceDiscovery.Iteration it : r.iterations()) {
                out[at] = it.dimension();
                out[at + 1] = it.escape();
                out[at + 2] = it.added();
                out[at + 3] = it.distanceToFixed();
                out[at + 4] = it.insideFixed();
                System.arraycopy(it.spectrum(), 0, out, at + 5, dz);
                at += 5 + dz;
            }
            for (int b = 0; b < k; b++) System.arraycopy(r.found().basisVector(b), 0, out, at + b * dz, dz);
            return out;
        });
        if (fresh[0] != null) return fresh[0];
        List<SubspaceDiscovery.Iteration> its = new ArrayList<>();
        int rounds = (int) v[1], at = 2;
        for (int j = 0; j < rounds; j++) {
            double[] spectrum = Arrays.copyOfRange(v, at + 5, at + 5 + dz);
            its.add(new SubspaceDiscovery.Iteration(
                    (int) v[at], v[at + 1], spectrum, (int) v[at + 2], v[at + 3], v[at + 4]));
            at += 5 + dz;
        }
        double[][] vectors = new double[(v.length - at) / dz][];
        for (int b = 0; b < vectors.length; b++) vectors[b] = Arrays.copyOfRange(v, at + b * dz, at + (b + 1) * dz);
        Subspace found = Subspace.span(dz, vectors);
        return new SubspaceDiscovery.Result(found, its, v[0] == 1, found.distance(fixed));
    }

    /** RMD between every pair of schemes, per teacher, N and seed; keyed "teacher|n|seed". */
    private static Map<String, double[]> pairDistances(
            Plan plan, ResultCache cache, List<Outcome> outcomes, ExecutorService pool, Tracker tracker)
            throws InterruptedException {
        Map<String, Map<Scheme, Outcome>> byCell = new LinkedHashMap<>();
        for (Outcome o : outcomes)
            byCell.computeIfAbsent(o.teacher() + "|" + o.n() + "|" + o.seedIndex(), k -> new EnumMap<>(Scheme.class))
                    .put(o.scheme(), o);
        List<Scheme> schemes = plan.schemes();
        int dz = plan.setting().unit().parameterDimension();
        List<Task<double[]>> tasks = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        double share = 0.15 / Math.max(1, byCell.size());
        double total = 0;
        for (Outcome o : outcomes) total += (double) o.n() * o.n();
        for (Map.Entry<String, Map<Scheme, Outcome>> cell : byCell.entrySet()) {
            Map<Scheme, Outcome> runs = cell.getValue();
            Outcome any = runs.values().iterator().next();
            String key = "pairs_" + any.teacher().label() + "_N" + any.n() + "_s" + any.seedIndex();
            keys.add(cell.getKey());
            tasks.add(new Task<>(
                    share * total / 1.15,
                    "between-scheme distances " + cell.getKey(),
                    () -> cache.doubles(key, () -> {
                        double[] d = new double[schemes.size() * (schemes.size() - 1) / 2];
                        int k = 0;
                        for (int a = 0; a < schemes.size(); a++)
                            for (int b = a + 1; b < schemes.size(); b++) {
                                Outcome x = runs.get(schemes.get(a)), y = runs.get(schemes.get(b));
                                d[k++] = Distances.rmd(x.particles(), x.n(), y.particles(), y.n(), dz);
                            }
                        return d;
                    })));
        }
        List<Future<double[]>> futures = submitAll(pool, tasks, tracker);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), get(futures.get(i)));
        return out;
    }

    /** A unit of work with an estimated cost, for scheduling (largest first) and progress. */
    private record Task<T>(double cost, String label, Callable<T> body) {}

    /** Turns finished costs into steps of a 1000-step progress bar. */
    private static final class Tracker {
        private final double total;
        private final Progress.Task bar;
        private double done;
        private long shown;

        Tracker(double total, Progress.Task bar) {
            this.total = total;
            this.bar = bar;
        }

        synchronized void finished(double cost, String label) {
            done += cost;
            long now = Math.round(Math.min(0.999, done / total) * 1000);
            if (now > shown) {
                bar.advance(now - shown);
                shown = now;
            }
            bar.message(label);
        }

        synchronized void finish(String message) {
            bar.advance(1000 - shown);
            shown = 1000;
            bar.message(message);
        }
    }

    private static <T> List<Future<T>> submitAll(ExecutorService pool, List<Task<T>> tasks, Tracker tracker) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -tasks.get(i).cost()));
        List<Future<T>> futures = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
        for (int i : order) {
            Task<T> t = tasks.get(i);
            futures.set(i, pool.submit(() -> {
                T value = t.body().call();
                tracker.finished(t.cost(), t.label());
                return value;
            }));
        }
        return futures;
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /** Per-seed values of one measure, keyed "teacher|scheme|n". */
    static Map<String, double[]> perSeed(Plan plan, List<Outcome> outcomes, ToDoubleFunction<Outcome> measure) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Invariance t : plan.teachers())
            for (Scheme s : plan.schemes())
                for (int n : plan.sizes()) out.put(t + "|" + s + "|" + n, new double[plan.seeds()]);
        for (Outcome o : outcomes)
            out.get(o.teacher() + "|" + o.scheme() + "|" + o.n())[o.seedIndex()] = measure.applyAsDouble(o);
        return out;
    }

    /** Tables, figures, claims and metrics of a finished study. */
    private static ExperimentResult assemble(
            MeanFieldExperiment experiment,
            ExperimentContext ctx,
            Plan plan,
            List<Outcome> outcomes,
            Map<String, double[]> pairs,
            List<SubspaceDiscovery.Result> discoveries) {
        int[] sizes = plan.sizes();
        Map<String, double[]> proj = perSeed(plan, outcomes, Outcome::rmdProjection);
        Map<String, double[]> symm = perSeed(plan, outcomes, Outcome::rmdSymmetrization);
        Map<String, double[]> risk = perSeed(plan, outcomes, Outcome::risk);
        Map<String, double[]> secs = perSeed(plan, outcomes, Outcome::seconds);
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Outcome o : outcomes) steps.putIfAbsent(o.teacher() + "|" + o.scheme() + "|" + o.n(), o.steps());
        Table.Builder sweep = Table.builder(
                        "sweep",
                        "Final student clouds (SI initialization), mean and standard "
                                + "deviation over " + plan.seeds()
                                + " seed(s): RMD to the projection onto E^G, RMD to the "
                                + "symmetrized law, population risk, training wall time.")
                .columns(
                        "teacher",
                        "scheme",
                        "N",
                        "steps",
                        "RMD(mu, P mu)",
                        "sd",
                        "RMD(mu, mu^G)",
                        "sd",
                        "risk",
                        "seconds");
        for (Invariance t : plan.teachers())
            for (Scheme s : plan.schemes())
                for (int n : sizes) {
                    String k = t + "|" + s + "|" + n;
                    sweep.row(
                            t.label(),
                            s.label(),
                            n,
                            steps.get(k),
                            Stats.mean(proj.get(k)),
                            Stats.sd(proj.get(k)),
                            Stats.mean(symm.get(k)),
                            Stats.sd(symm.get(k)),
                            Stats.mean(risk.get(k)),
                            Stats.mean(secs.get(k)));
                }
        List<Scheme> schemes = plan.schemes();
        List<String> pairNames = new ArrayList<>();
        for (int a = 0; a < schemes.size(); a++)
            for (int b = a + 1; b < schemes.size(); b++)
                pairNames.add(schemes.get(a).label() + "-" + schemes.get(b).label());
        Map<String, double[]> pairValues = new LinkedHashMap<>();
        Table.Builder between = Table.builder(
                        "between-schemes",
                        "RMD between the final clouds of two schemes "
                                + "trained from the same initialization, data stream and noise.")
                .columns("teacher", "N", "pair", "RMD", "sd");
        for (Invariance t : plan.teachers())
            for (int n : sizes)
                for (int p = 0; p < pairNames.size(); p++) {
                    double[] values = new double[plan.seeds()];
                    for (int s = 0; s < plan.seeds(); s++) values[s] = pairs.get(t + "|" + n + "|" + s)[p];
                    pairValues.put(t + "|" + pairNames.get(p) + "|" + n, values);
                    between.row(t.label(), n, pairNames.get(p), Stats.mean(values), Stats.sd(values));
                }
        List<Figure> figures = new ArrayList<>();
        double[] xs = Arrays.stream(sizes).asDoubleStream().toArray();
        for (Invariance t : plan.teachers()) {
            Figure.Builder fp = line(
                    "rmd-projection-" + t.label(),
                    t.label() + " teacher: RMD(mu, P_E^G mu) " + "against N; values below 1e-16 are drawn at 1e-16.",
                    "RMD to P_E^G mu");
            Figure.Builder fs = line(
                    "rmd-symmetrized-" + t.label(),
                    t.label() + " teacher: RMD(mu, mu^G) against N;" + " values below 1e-16 are drawn at 1e-16.",
                    "RMD to mu^G");
            Figure.Builder fb = line(
                    "rmd-between-" + t.label(),
                    t.label() + " teacher: RMD between schemes " + "against N; values below 1e-16 are drawn at 1e-16.",
                    "RMD");
            for (Scheme s : schemes) {
                double[][] a = meanAndSd(proj, t + "|" + s + "|", sizes), b = meanAndSd(symm, t + "|" + s + "|", sizes);
                fp.series(s.label(), xs, a[0], a[1]);
                fs.series(s.label(), xs, b[0], b[1]);
            }
            for (String pn : pairNames) {
                double[][] a = meanAndSd(pairValues, t + "|" + pn + "|", sizes);
                fb.series(pn, xs, a[0], a[1]);
            }
            figures.add(fp.build());
            figures.add(fs.build());
            figures.add(fb.build());
        }
        Table.Builder disc = Table.builder(
                        "discovery",
                        "Subspace discovery (N = " + plan.discoveryParticles()
                                + ", WI teacher, free training with noise projected on E_j): per round, dim E_j, relative RMS "
                                + "escape, largest per-direction escape, directions added, and distance of E_j to E^G.")
                .columns(
                        "setting", "dim E^G", "round", "dim E_j", "escape", "top direction", "added", "dist(E_j, E^G)");
        for (int d = 0; d < discoveries.size(); d++) {
            SubspaceDiscovery.Result r = discoveries.get(d);
            MeanFieldSetting ds = plan.discovery().get(d);
            for (int j = 0; j < r.iterations().size(); j++) {
                SubspaceDiscovery.Iteration it = r.iterations().get(j);
                disc.row(
                        ds.name(),
                        ds.symmetry().fixedSubspace().dimension(),
                        j,
                        it.dimension(),
                        it.escape(),
                        Math.sqrt(it.spectrum()[0]),
                        it.added(),
                        it.distanceToFixed());
            }
        }
        MeanFieldClaims.Measurements m = new MeanFieldClaims.Measurements(
                sizes, plan.teachers(), schemes, proj, pairNames, pairValues, plan.discovery(), discoveries);
        Map<String, Claim> claims = MeanFieldClaims.check(m, ctx.seed("claims"));
        int reused = 0;
        for (Outcome o : outcomes) if (o.reused()) reused++;
        long held = claims.values().stream().filter(Claim::held).count();
        String description = "Teacher-student study of 'Symmetries in Overparametrized Neural Networks: A Mean "
                + "Field View' (NeurIPS 2024): " + plan.setting().name() + "; "
                + plan.config().describe()
                + "; students initialized " + plan.initialization().label() + " with entries N(0, "
                + plan.setting().initStd() + "^2); N in " + Arrays.toString(sizes) + "; " + plan.seeds()
                + " seed(s) from " + ctx.seed() + "; profile " + plan.profile() + ".";
        ExperimentResult.Builder b = ExperimentResult.builder(experiment);
        b.summary(description + " " + held + " of " + claims.size() + " claims of the paper held on this run; "
                + (outcomes.size() - reused) + " runs computed, " + reused + " reused from earlier runs.");
        Table.Builder claimTable = Table.builder("claims", "The paper's claims checked against our measurements")
                .columns("claim", "statement", "verdict", "ours", "rule");
        for (Map.Entry<String, Claim> e : claims.entrySet())
            claimTable.row(
                    e.getKey(),
                    e.getValue().statement(),
                    e.getValue().verdict(),
                    e.getValue().ours(),
                    e.getValue().detail());
        b.table(claimTable.build()).table(sweep.build()).table(between.build()).table(disc.build());
        figures.forEach(b::figure);
        b.claims(claims.values());
        return b.metric("claims_held", (int) held)
                .metric("claims", claims.size())
                .metric("runs_computed", outcomes.size() - reused)
                .metric("runs_reused", reused)
                .build();
    }

    private static Figure.Builder line(String name, String caption, String yLabel) {
        return Figure.builder(name, Figure.Kind.LINE)
                .caption(caption)
                .xLabel("N")
                .yLabel(yLabel)
                .logX()
                .logY();
    }

    /** Means (floored at 1e-16 for the log axis) and standard deviations over seeds at each N. */
    private static double[][] meanAndSd(Map<String, double[]> values, String prefix, int[] sizes) {
        double[][] out = new double[2][sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            double[] v = values.get(prefix + sizes[i]);
            out[0][i] = Math.max(Stats.mean(v), 1e-16);
            out[1][i] = Stats.sd(v);
        }
        return out;
    }
}
