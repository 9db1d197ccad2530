package org.noether.meanfield;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The paper's teacher-student study (its Figure 2, the between-scheme comparison of its appendix, and the
 * subspace-discovery heuristic), as one call: for every teacher (arbitrary, WI, SI), scheme (vanilla, DA, FA, EA),
 * size N and seed, train a student from a strongly invariant initialization and measure RMD to the projection onto
 * E^G, RMD to the symmetrized law, the population risk, and the RMD between schemes; then check the paper's claims on
 * the numbers. Runs go in parallel over a pool of workers (one run per worker); each finished run is saved in the
 * output directory and read back instead of recomputed when the study is run again with the same constants.
 *
 * <pre>{@code
 * StudyResult r = MeanFieldStudy.run(MeanFieldStudy.Profile.QUICK, 1, Path.of("out/meanfield"),
 *         (fraction, message) -> System.out.println(message));
 * r.claims().forEach(c -> System.out.println(c.id() + " " + c.holds() + " " + c.evidence()));
 * }</pre>
 */
public final class MeanFieldStudy {
    private MeanFieldStudy() {}

    /** QUICK: N up to 500, one seed. FULL: N up to 5000, several seeds. */
    public enum Profile { QUICK, FULL }

    /** Progress callback: fraction of the estimated work done, and what just finished. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction, String message);

        static Progress none() {
            return (f, m) -> {};
        }
    }

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
    public record Plan(Profile profile, MeanFieldSetting setting, TrainingConfig config, int[] sizes, int seeds,
                       List<Invariance> teachers, List<Scheme> schemes, Invariance initialization, int riskSamples,
                       int workers, List<MeanFieldSetting> discovery, int discoveryParticles) {

        public Plan {
            if (sizes.length == 0 || seeds < 1 || workers < 1)
                throw new IllegalArgumentException("need at least one size, one seed and one worker");
            for (int i = 0; i < sizes.length; i++)
                if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1]))
                    throw new IllegalArgumentException("sizes must be positive and increasing: "
                            + Arrays.toString(sizes));
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
            TrainingConfig c = TrainingConfig.paper().withNoiseSubspace(s.symmetry().fixedSubspace());
            boolean quick = profile == Profile.QUICK;
            int[] sizes = quick ? new int[] {5, 10, 50, 100, 500} : new int[] {5, 10, 50, 100, 500, 1000, 5000};
            return new Plan(profile, s, c, sizes, quick ? 1 : 5, List.of(Invariance.values()),
                    List.of(Scheme.values()), Invariance.STRONGLY_INVARIANT, quick ? 2000 : 10000,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    List.of(s, MeanFieldSetting.dihedralMatrices(4)), quick ? 200 : 500);
        }

        public Plan withSizes(int... n) {
            return new Plan(profile, setting, config, n.clone(), seeds, teachers, schemes, initialization,
                    riskSamples, workers, discovery, discoveryParticles);
        }

        public Plan withSeeds(int k) {
            return new Plan(profile, setting, config, sizes, k, teachers, schemes, initialization, riskSamples,
                    workers, discovery, discoveryParticles);
        }

        public Plan withWorkers(int w) {
            return new Plan(profile, setting, config, sizes, seeds, teachers, schemes, initialization, riskSamples,
                    w, discovery, discoveryParticles);
        }

        public Plan withConfig(TrainingConfig c) {
            return new Plan(profile, setting, c, sizes, seeds, teachers, schemes, initialization, riskSamples,
                    workers, discovery, discoveryParticles);
        }

        public Plan withDiscovery(List<MeanFieldSetting> settings, int particles) {
            return new Plan(profile, setting, config, sizes, seeds, teachers, schemes, initialization, riskSamples,
                    workers, List.copyOf(settings), particles);
        }
    }

    /**
     * Command-line entry: {@code [quick|full] [output directory] [seed]}; prints progress and the checked claims, and
     * leaves summary.md and CSV tables in the output directory (default {@code meanfield-study}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Profile profile = args.length > 0 && args[0].equalsIgnoreCase("full") ? Profile.FULL : Profile.QUICK;
        Path out = Path.of(args.length > 1 ? args[1] : "meanfield-study");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long cpu0 = MeanFieldBenchmark.processCpuNanos();
        StudyResult r = run(profile, seed, out, (f, m) -> System.out.printf(Locale.ROOT, "[%5.1f%%] %s%n", 100 * f, m));
        for (StudyResult.Claim c : r.claims())
            System.out.printf(Locale.ROOT, "%-26s %-3s %s%n", c.id(), c.holds() ? "yes" : "NO", c.evidence());
        System.out.printf(Locale.ROOT, "%s profile: %d runs computed, %d reused, wall %.1f s, CPU %.1f s; see %s%n",
                profile, r.runsComputed(), r.runsReused(), r.wallSeconds(),
                (MeanFieldBenchmark.processCpuNanos() - cpu0) / 1e9, out.resolve("summary.md"));
    }

    /** Runs the plan of a profile. */
    public static StudyResult run(Profile profile, long seed, Path outputDirectory, Progress progress)
            throws IOException, InterruptedException {
        return run(Plan.of(profile), seed, outputDirectory, progress);
    }

    /** One finished training run with its measurements. */
    record Outcome(Invariance teacher, Scheme scheme, int n, int seedIndex, long steps, double seconds, double risk,
                   double rmdProjection, double rmdSymmetrization, double[] particles, boolean reused) {}

    /** Runs a plan; finished runs found in {@code outputDirectory/runs} are reused. */
    public static StudyResult run(Plan plan, long seed, Path outputDirectory, Progress progress)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        RunStore store = new RunStore(outputDirectory.resolve("runs"));
        Symmetry sym = plan.setting().symmetry();
        List<Task<Outcome>> tasks = new ArrayList<>();
        for (Invariance teacher : plan.teachers())
            for (Scheme scheme : plan.schemes())
                for (int n : plan.sizes())
                    for (int s = 0; s < plan.seeds(); s++) {
                        final int seedIndex = s;
                        double cost = (double) n * n * (scheme == Scheme.FA ? sym.order() : 1);
                        String label = teacher.label() + " " + scheme.label() + " N=" + n + " seed " + s;
                        tasks.add(new Task<>(cost, label, () -> trainOrLoad(plan, seed, store, teacher, scheme, n,
                                seedIndex)));
                    }
        List<Task<SubspaceDiscovery.Result>> discoveries = new ArrayList<>();
        for (MeanFieldSetting ds : plan.discovery()) {
            double cost = (double) plan.discoveryParticles() * plan.discoveryParticles() * ds.unit().parameterDimension();
            discoveries.add(new Task<>(cost, "discovery on " + ds.name(), () -> discoverOrLoad(plan, seed, store, ds)));
        }
        double total = 0;
        for (Task<?> t : tasks) total += t.cost;
        for (Task<?> t : discoveries) total += t.cost;
        Tracker tracker = new Tracker(total * 1.15, progress); // ~15% for the between-scheme distances
        ExecutorService pool = Executors.newFixedThreadPool(plan.workers(), r -> {
            Thread th = new Thread(r, "meanfield-study");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Outcome>> runFutures = submitAll(pool, tasks, tracker);
            List<Future<SubspaceDiscovery.Result>> discoveryFutures = submitAll(pool, discoveries, tracker);
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : runFutures) outcomes.add(get(f));
            Map<String, double[]> pairs = pairDistances(plan, seed, store, outcomes, pool, tracker);
            List<SubspaceDiscovery.Result> found = new ArrayList<>();
            for (Future<SubspaceDiscovery.Result> f : discoveryFutures) found.add(get(f));
            double wall = (System.nanoTime() - t0) / 1e9;
            StudyResult result = Report.assemble(plan, seed, outcomes, pairs, found, wall);
            Report.write(result, outputDirectory);
            progress.report(1.0, String.format(Locale.ROOT, "done in %.1f s", wall));
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome trainOrLoad(Plan plan, long seed, RunStore store, Invariance teacherKind, Scheme scheme,
                                       int n, int seedIndex) throws IOException {
        MeanFieldSetting setting = plan.setting();
        String name = teacherKind.label() + "_" + scheme.label() + "_N" + n + "_s" + seedIndex + ".run";
        String fingerprint = fingerprint(plan, seed, n, seedIndex) + "|" + teacherKind + "|" + scheme;
        RunStore.Entry e = store.read(name, fingerprint);
        if (e != null)
            return new Outcome(teacherKind, scheme, n, seedIndex, (long) e.numbers()[0], e.numbers()[1],
                    e.numbers()[2], e.numbers()[3], e.numbers()[4], e.particles(), true);
        Symmetry sym = setting.symmetry();
        double[] init = Particles.initial(plan.initialization(), sym, n, setting.initStd(),
                new SplittableRandom(mix(seed, seedIndex, n)));
        MeanFieldTrainer trainer = new MeanFieldTrainer(setting, scheme, setting.teacher(teacherKind),
                plan.config().withThreads(1));
        TrainingResult r = trainer.train(init, n, mix(seed, seedIndex, n) + 1);
        double risk = trainer.risk(r.particles(), n, plan.riskSamples(), mix(seed, 99, 99));
        double proj = Distances.rmdToProjection(sym, r.particles(), n);
        double symm = Distances.rmdToSymmetrization(sym, r.particles(), n);
        double[] numbers = {r.steps(), r.seconds(), risk, proj, symm};
        store.write(name, fingerprint, numbers, r.particles());
        return new Outcome(teacherKind, scheme, n, seedIndex, r.steps(), r.seconds(), risk, proj, symm,
                r.particles(), false);
    }

    /** The subspace-discovery heuristic on one setting, or its saved result. */
    private static SubspaceDiscovery.Result discoverOrLoad(Plan plan, long seed, RunStore store, MeanFieldSetting ds)
            throws IOException {
        SubspaceDiscovery.Options options = SubspaceDiscovery.Options.defaults()
                .withParticles(plan.discoveryParticles()).withSeed(seed);
        int dz = ds.unit().parameterDimension();
        String name = "discovery_" + ds.symmetry().name() + "_dz" + dz + ".run";
        String fingerprint = NUMERICS + "|discovery|" + ds.name() + "|" + options;
        Subspace fixed = ds.symmetry().fixedSubspace();
        RunStore.Entry e = store.read(name, fingerprint);
        if (e != null) {
            double[] v = e.numbers();
            List<SubspaceDiscovery.Iteration> its = new ArrayList<>();
            int rounds = (int) v[1], at = 2;
            for (int j = 0; j < rounds; j++) {
                double[] spectrum = Arrays.copyOfRange(v, at + 5, at + 5 + dz);
                its.add(new SubspaceDiscovery.Iteration((int) v[at], v[at + 1], spectrum, (int) v[at + 2], v[at + 3],
                        v[at + 4]));
                at += 5 + dz;
            }
            double[] basis = e.particles();
            double[][] vectors = new double[basis.length / dz][];
            for (int k = 0; k < vectors.length; k++) vectors[k] = Arrays.copyOfRange(basis, k * dz, (k + 1) * dz);
            Subspace found = Subspace.span(dz, vectors);
            return new SubspaceDiscovery.Result(found, its, v[0] == 1, found.distance(fixed));
        }
        SubspaceDiscovery.Result r = SubspaceDiscovery.run(ds, ds.start(), options);
        double[] v = new double[2 + r.iterations().size() * (5 + dz)];
        v[0] = r.converged() ? 1 : 0;
        v[1] = r.iterations().size();
        int at = 2;
        for (SubspaceDiscovery.Iteration it : r.iterations()) {
            v[at] = it.dimension();
            v[at + 1] = it.escape();
            v[at + 2] = it.added();
            v[at + 3] = it.distanceToFixed();
            v[at + 4] = it.insideFixed();
            System.arraycopy(it.spectrum(), 0, v, at + 5, dz);
            at += 5 + dz;
        }
        double[] basis = new double[r.found().dimension() * dz];
        for (int k = 0; k < r.found().dimension(); k++) System.arraycopy(r.found().basisVector(k), 0, basis, k * dz, dz);
        store.write(name, fingerprint, v, basis);
        return r;
    }

    /** RMD between every pair of schemes, per teacher, N and seed; keyed "teacher|n|seed". */
    private static Map<String, double[]> pairDistances(Plan plan, long seed, RunStore store, List<Outcome> outcomes,
                                                       ExecutorService pool, Tracker tracker)
            throws IOException, InterruptedException {
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
            String name = "pairs_" + any.teacher().label() + "_N" + any.n() + "_s" + any.seedIndex() + ".run";
            String fingerprint = fingerprint(plan, seed, any.n(), any.seedIndex()) + "|" + any.teacher() + "|pairs|"
                    + schemes;
            keys.add(cell.getKey());
            tasks.add(new Task<>(share * total / 1.15, "between-scheme distances " + cell.getKey(), () -> {
                RunStore.Entry e = store.read(name, fingerprint);
                if (e != null) return e.numbers();
                double[] d = new double[schemes.size() * (schemes.size() - 1) / 2];
                int k = 0;
                for (int a = 0; a < schemes.size(); a++)
                    for (int b = a + 1; b < schemes.size(); b++) {
                        Outcome x = runs.get(schemes.get(a)), y = runs.get(schemes.get(b));
                        d[k++] = Distances.rmd(x.particles(), x.n(), y.particles(), y.n(), dz);
                    }
                store.write(name, fingerprint, d, new double[0]);
                return d;
            }));
        }
        List<Future<double[]>> futures = submitAll(pool, tasks, tracker);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), get(futures.get(i)));
        return out;
    }

    /**
     * Part of every saved run's fingerprint: bump it whenever the trainer's numbers change for the same inputs, so
     * that resuming an old output directory recomputes instead of mixing old and new numbers. v2: vectorized
     * sigmoid kernel and per-block noise streams.
     */
    static final String NUMERICS = "v2";

    private static String fingerprint(Plan plan, long seed, int n, int seedIndex) {
        return NUMERICS + "|" + plan.setting().name() + "|" + plan.config().describe() + "|init=" + plan.initialization()
                + "|risk=" + plan.riskSamples() + "|seed=" + seed + "|" + seedIndex + "|N=" + n;
    }

    static long mix(long seed, int a, int b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A unit of work with an estimated cost, for scheduling (largest first) and progress. */
    private record Task<T>(double cost, String label, java.util.concurrent.Callable<T> body) {}

    private static final class Tracker {
        private final double total;
        private final Progress progress;
        private double done;

        Tracker(double total, Progress progress) {
            this.total = total;
            this.progress = progress;
        }

        synchronized void finished(double cost, String label) {
            done += cost;
            progress.report(Math.min(0.999, done / total), label);
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

    private static <T> T get(Future<T> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /** Turns outcomes into tables, figures and checked claims, and writes them as Markdown and CSV. */
    static final class Report {
        private Report() {}

        static StudyResult assemble(Plan plan, long seed, List<Outcome> outcomes, Map<String, double[]> pairs,
                                    List<SubspaceDiscovery.Result> discoveries, double wall) {
            int[] sizes = plan.sizes();
            List<StudyResult.Table> tables = new ArrayList<>();
            List<StudyResult.Figure> figures = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            // mean and std over seeds of each measure, by teacher, scheme and N
            Map<String, double[][]> stats = new LinkedHashMap<>();
            for (Invariance t : plan.teachers())
                for (Scheme s : plan.schemes())
                    for (int n : sizes) {
                        List<Outcome> cell = new ArrayList<>();
                        for (Outcome o : outcomes)
                            if (o.teacher() == t && o.scheme() == s && o.n() == n) cell.add(o);
                        double[][] m = {
                            meanStd(cell, Outcome::rmdProjection), meanStd(cell, Outcome::rmdSymmetrization),
                            meanStd(cell, Outcome::risk), meanStd(cell, Outcome::seconds)};
                        stats.put(t + "|" + s + "|" + n, m);
                        rows.add(List.of(t.label(), s.label(), n, cell.get(0).steps(), m[0][0], m[0][1], m[1][0],
                                m[1][1], m[2][0], m[3][0]));
                    }
            tables.add(new StudyResult.Table("sweep", "Final student clouds (SI initialization), mean and standard "
                    + "deviation over " + plan.seeds() + " seed(s): RMD to the projection onto E^G, RMD to the "
                    + "symmetrized law, population risk, training wall time.",
                    List.of("teacher", "scheme", "N", "steps", "RMD(mu, P mu)", "sd", "RMD(mu, mu^G)", "sd", "risk",
                            "seconds"), rows));
            List<Scheme> schemes = plan.schemes();
            List<String> pairNames = new ArrayList<>();
            for (int a = 0; a < schemes.size(); a++)
                for (int b = a + 1; b < schemes.size(); b++)
                    pairNames.add(schemes.get(a).label() + "-" + schemes.get(b).label());
            Map<String, double[]> pairStats = new LinkedHashMap<>();
            List<List<Object>> pairRows = new ArrayList<>();
            for (Invariance t : plan.teachers())
                for (int n : sizes)
                    for (int p = 0; p < pairNames.size(); p++) {
                        double[] values = new double[plan.seeds()];
                        for (int s = 0; s < plan.seeds(); s++) values[s] = pairs.get(t + "|" + n + "|" + s)[p];
                        double[] ms = meanStd(values);
                        pairStats.put(t + "|" + pairNames.get(p) + "|" + n, ms);
                        pairRows.add(List.of(t.label(), n, pairNames.get(p), ms[0], ms[1]));
                    }
            tables.add(new StudyResult.Table("between-schemes", "RMD between the final clouds of two schemes trained "
                    + "from the same initialization, data stream and noise.",
                    List.of("teacher", "N", "pair", "RMD", "sd"), pairRows));
            double[] xs = Arrays.stream(sizes).asDoubleStream().toArray();
            for (Invariance t : plan.teachers()) {
                List<StudyResult.Series> proj = new ArrayList<>(), symm = new ArrayList<>(), between = new ArrayList<>();
                for (Scheme s : schemes) {
                    double[] y = new double[sizes.length], e = new double[sizes.length];
                    double[] y2 = new double[sizes.length], e2 = new double[sizes.length];
                    for (int i = 0; i < sizes.length; i++) {
                        double[][] m = stats.get(t + "|" + s + "|" + sizes[i]);
                        y[i] = floor(m[0][0]);
                        e[i] = m[0][1];
                        y2[i] = floor(m[1][0]);
                        e2[i] = m[1][1];
                    }
                    proj.add(new StudyResult.Series(s.label(), xs, y, e));
                    symm.add(new StudyResult.Series(s.label(), xs, y2, e2));
                }
                for (String pn : pairNames) {
                    double[] y = new double[sizes.length], e = new double[sizes.length];
                    for (int i = 0; i < sizes.length; i++) {
                        double[] ms = pairStats.get(t + "|" + pn + "|" + sizes[i]);
                        y[i] = floor(ms[0]);
                        e[i] = ms[1];
                    }
                    between.add(new StudyResult.Series(pn, xs, y, e));
                }
                figures.add(new StudyResult.Figure("rmd-projection-" + t.label(), t.label() + " teacher: RMD(mu, "
                        + "P_E^G mu) against N", "N", "RMD to projection on E^G (values < 1e-16 shown at 1e-16)", true,
                        true, proj));
                figures.add(new StudyResult.Figure("rmd-symmetrized-" + t.label(), t.label() + " teacher: RMD(mu, "
                        + "mu^G) against N", "N", "RMD to symmetrized law", true, true, symm));
                figures.add(new StudyResult.Figure("rmd-between-" + t.label(), t.label() + " teacher: RMD between "
                        + "schemes against N", "N", "RMD", true, true, between));
            }
            List<List<Object>> discRows = new ArrayList<>();
            for (int d = 0; d < discoveries.size(); d++) {
                SubspaceDiscovery.Result r = discoveries.get(d);
                MeanFieldSetting ds = plan.discovery().get(d);
                for (int j = 0; j < r.iterations().size(); j++) {
                    SubspaceDiscovery.Iteration it = r.iterations().get(j);
                    discRows.add(List.of(ds.name(), ds.symmetry().fixedSubspace().dimension(), j, it.dimension(),
                            it.escape(), Math.sqrt(it.spectrum()[0]), it.added(), it.distanceToFixed()));
                }
            }
            tables.add(new StudyResult.Table("discovery", "Subspace discovery (N = " + plan.discoveryParticles()
                    + ", WI teacher, free training with noise projected on E_j): per round, dim E_j, relative RMS "
                    + "escape, largest per-direction escape, directions added, and distance of E_j to E^G.",
                    List.of("setting", "dim E^G", "round", "dim E_j", "escape", "top direction", "added",
                            "dist(E_j, E^G)"), discRows));
            List<StudyResult.Claim> claims = Claims.check(plan, stats, pairStats, pairNames, discoveries);
            int reused = 0;
            for (Outcome o : outcomes) if (o.reused()) reused++;
            String description = "Teacher-student study of 'Symmetries in Overparametrized Neural Networks: A Mean "
                    + "Field View' (NeurIPS 2024): " + plan.setting().name() + "; " + plan.config().describe()
                    + "; students initialized " + plan.initialization().label() + " with entries N(0, "
                    + plan.setting().initStd() + "^2); N in " + Arrays.toString(sizes) + "; " + plan.seeds()
                    + " seed(s) from " + seed + "; profile " + plan.profile() + ".";
            return new StudyResult("Mean-field symmetries: vanilla, DA, FA and EA against N", description, tables,
                    figures, claims, outcomes.size() - reused, reused, wall);
        }

        private static double floor(double v) {
            return Math.max(v, 1e-16);
        }

        static double[] meanStd(List<Outcome> cell, Function<Outcome, Double> f) {
            double[] v = new double[cell.size()];
            for (int i = 0; i < v.length; i++) v[i] = f.apply(cell.get(i));
            return meanStd(v);
        }

        static double[] meanStd(double[] v) {
            double mean = 0;
            for (double x : v) mean += x / v.length;
            double var = 0;
            for (double x : v) var += (x - mean) * (x - mean);
            return new double[] {mean, v.length > 1 ? Math.sqrt(var / (v.length - 1)) : 0};
        }

        static void write(StudyResult r, Path dir) throws IOException {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder();
            md.append("# ").append(r.title()).append("\n\n").append(r.description()).append("\n\n");
            md.append(String.format(Locale.ROOT, "Runs computed: %d, reused from disk: %d; wall time %.1f s.%n%n",
                    r.runsComputed(), r.runsReused(), r.wallSeconds()));
            md.append("## Claims\n\n| claim | holds | evidence |\n|---|---|---|\n");
            for (StudyResult.Claim c : r.claims())
                md.append("| ").append(c.statement()).append(" | ").append(c.holds() ? "yes" : "no").append(" | ")
                        .append(c.evidence()).append(" |\n");
            for (StudyResult.Table t : r.tables()) {
                md.append("\n## ").append(t.name()).append("\n\n").append(t.caption()).append("\n\n|");
                for (String c : t.columns()) md.append(' ').append(c).append(" |");
                md.append("\n|");
                for (int i = 0; i < t.columns().size(); i++) md.append("---|");
                md.append('\n');
                for (List<Object> row : t.rows()) {
                    md.append('|');
                    for (Object cell : row) md.append(' ').append(format(cell)).append(" |");
                    md.append('\n');
                }
                StringBuilder csv = new StringBuilder(String.join(",", t.columns())).append('\n');
                for (List<Object> row : t.rows()) {
                    List<String> cells = new ArrayList<>();
                    for (Object cell : row) cells.add(cell instanceof String s ? '"' + s + '"' : String.valueOf(cell));
                    csv.append(String.join(",", cells)).append('\n');
                }
                Files.writeString(dir.resolve(t.name() + ".csv"), csv, StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve("summary.md"), md, StandardCharsets.UTF_8);
        }

        static String format(Object cell) {
            if (cell instanceof Double d) return String.format(Locale.ROOT, "%.3g", d);
            return String.valueOf(cell);
        }
    }

    /** The paper's claims as checks on the measured means. */
    static final class Claims {
        private Claims() {}

        static List<StudyResult.Claim> check(Plan plan, Map<String, double[][]> stats, Map<String, double[]> pairs,
                                             List<String> pairNames, List<SubspaceDiscovery.Result> discoveries) {
            List<StudyResult.Claim> out = new ArrayList<>();
            int[] sizes = plan.sizes();
            int nMin = sizes[0], nMax = sizes[sizes.length - 1];
            List<Invariance> teachers = plan.teachers();
            List<Scheme> schemes = plan.schemes();
            if (schemes.contains(Scheme.DA) && schemes.contains(Scheme.FA)) {
                boolean holds = true;
                StringBuilder ev = new StringBuilder();
                for (Invariance t : teachers) {
                    double[] da = series(stats, t, Scheme.DA, sizes), fa = series(stats, t, Scheme.FA, sizes);
                    boolean ok = da[da.length - 1] <= 0.05 && fa[fa.length - 1] <= 0.05 && slope(sizes, da) <= 0;
                    holds &= ok;
                    ev.append(String.format(Locale.ROOT, "%s: DA %.3g -> %.3g (slope %.2f), FA %.2g; ", t.label(),
                            da[0], da[da.length - 1], slope(sizes, da), fa[fa.length - 1]));
                }
                out.add(new StudyResult.Claim("DA-FA-near-EG", "DA and FA stay near E^G as N grows (RMD to the "
                        + "projection <= 0.05 at the largest N, not increasing with N)", holds, trim(ev)));
            }
            if (teachers.contains(Invariance.ARBITRARY) && schemes.contains(Scheme.VANILLA)
                    && schemes.contains(Scheme.DA)) {
                double[] v = series(stats, Invariance.ARBITRARY, Scheme.VANILLA, sizes);
                double[] da = series(stats, Invariance.ARBITRARY, Scheme.DA, sizes);
                double minV = Arrays.stream(v).min().orElse(0);
                boolean holds = minV >= 0.1 && v[v.length - 1] >= 5 * da[da.length - 1];
                out.add(new StudyResult.Claim("vanilla-leaves-arbitrary", "Under an arbitrary teacher vanilla "
                        + "training leaves E^G (RMD >= 0.1 at every N and >= 5x DA's at the largest N)", holds,
                        String.format(Locale.ROOT, "vanilla RMD %s; DA at N=%d: %.3g", fmt(v), nMax,
                                da[da.length - 1])));
            }
            if (schemes.contains(Scheme.VANILLA)) {
                boolean holds = true;
                StringBuilder ev = new StringBuilder();
                int checked = 0;
                for (Invariance t : teachers) {
                    if (t == Invariance.ARBITRARY) continue;
                    double[] v = series(stats, t, Scheme.VANILLA, sizes);
                    holds &= slope(sizes, v) < 0 && v[v.length - 1] < v[0];
                    checked++;
                    ev.append(String.format(Locale.ROOT, "%s: %s (slope %.2f); ", t.label(), fmt(v),
                            slope(sizes, v)));
                }
                if (checked > 0)
                    out.add(new StudyResult.Claim("vanilla-drift-shrinks", "With WI/SI teachers vanilla's drift "
                            + "away from E^G shrinks with N (negative log-log slope, N=" + nMax + " below N=" + nMin
                            + ")", holds, trim(ev)));
            }
            List<String> wanted = new ArrayList<>();
            for (String p : pairNames) if (!p.contains("EA")) wanted.add(p);
            if (!wanted.isEmpty()) {
                boolean holds = true;
                StringBuilder ev = new StringBuilder();
                for (Invariance t : teachers) {
                    if (t == Invariance.ARBITRARY) continue;
                    for (String p : wanted) {
                        double[] y = pairSeries(pairs, t, p, sizes);
                        holds &= slope(sizes, y) < 0 && y[y.length - 1] < y[0];
                        ev.append(String.format(Locale.ROOT, "%s %s: %.3g -> %.3g (slope %.2f); ", t.label(), p,
                                y[0], y[y.length - 1], slope(sizes, y)));
                    }
                }
                out.add(new StudyResult.Claim("schemes-converge", "With WI/SI teachers DA, FA and vanilla approach "
                        + "one another as N grows (pairwise RMD: negative slope, smaller at N=" + nMax + ")", holds,
                        trim(ev)));
                if (teachers.contains(Invariance.ARBITRARY) && pairNames.contains("DA-FA")) {
                    double[] y = pairSeries(pairs, Invariance.ARBITRARY, "DA-FA", sizes);
                    double[] v = pairSeries(pairs, Invariance.ARBITRARY, "vanilla-DA", sizes);
                    out.add(new StudyResult.Claim("DA-FA-arbitrary", "Under the arbitrary teacher DA and FA still "
                            + "approach each other while vanilla stays apart (our additional check)",
                            slope(sizes, y) < 0 && y[y.length - 1] < v[v.length - 1],
                            String.format(Locale.ROOT, "DA-FA %s (slope %.2f); vanilla-DA %s", fmt(y), slope(sizes, y),
                                    fmt(v))));
                }
            }
            if (schemes.contains(Scheme.EA) && schemes.contains(Scheme.FA)) {
                double worstEa = 0, worstFa = 0;
                for (Invariance t : teachers)
                    for (int n : sizes) {
                        worstEa = Math.max(worstEa, stats.get(t + "|" + Scheme.EA + "|" + n)[0][0]);
                        worstFa = Math.max(worstFa, stats.get(t + "|" + Scheme.FA + "|" + n)[0][0]);
                    }
                out.add(new StudyResult.Claim("EA-FA-exact", "EA and FA started SI never leave E^G (EA: RMD < "
                        + "1e-12; FA: only rounding, < 1e-6, which the unstable small-N dynamics can amplify)",
                        worstEa < 1e-12 && worstFa < 1e-6,
                        String.format(Locale.ROOT, "largest RMD: EA %.2g, FA %.2g", worstEa, worstFa)));
            }
            for (int d = 0; d < discoveries.size(); d++) {
                SubspaceDiscovery.Result r = discoveries.get(d);
                MeanFieldSetting ds = plan.discovery().get(d);
                int target = ds.symmetry().fixedSubspace().dimension();
                boolean holds = r.converged() && r.found().dimension() == target && r.distanceToFixed() < 0.1;
                out.add(new StudyResult.Claim("discovery-" + ds.symmetry().name(), "The heuristic recovers E^G "
                        + "(dimension " + target + ") from a " + ds.start().dimension() + "-dimensional start on "
                        + ds.name(), holds, String.format(Locale.ROOT, "found dimension %d after %d round(s), "
                        + "distance to E^G %.3g", r.found().dimension(), r.iterations().size(), r.distanceToFixed())));
            }
            return out;
        }

        private static double[] series(Map<String, double[][]> stats, Invariance t, Scheme s, int[] sizes) {
            double[] y = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) y[i] = stats.get(t + "|" + s + "|" + sizes[i])[0][0];
            return y;
        }

        private static double[] pairSeries(Map<String, double[]> pairs, Invariance t, String pair, int[] sizes) {
            double[] y = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) y[i] = pairs.get(t + "|" + pair + "|" + sizes[i])[0];
            return y;
        }

        /** Least-squares slope of log y against log N. */
        static double slope(int[] sizes, double[] y) {
            int k = sizes.length;
            if (k < 2) return 0;
            double mx = 0, my = 0;
            for (int i = 0; i < k; i++) {
                mx += Math.log(sizes[i]) / k;
                my += Math.log(Math.max(y[i], 1e-300)) / k;
            }
            double sxy = 0, sxx = 0;
            for (int i = 0; i < k; i++) {
                double dx = Math.log(sizes[i]) - mx;
                sxy += dx * (Math.log(Math.max(y[i], 1e-300)) - my);
                sxx += dx * dx;
            }
            return sxy / sxx;
        }

        private static String fmt(double[] v) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3g", v[i]));
            return sb.append(']').toString();
        }

        private static String trim(StringBuilder sb) {
            String s = sb.toString().trim();
            return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
