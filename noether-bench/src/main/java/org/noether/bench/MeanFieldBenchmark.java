package org.noether.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.meanfield.Invariance;
import org.noether.meanfield.MeanFieldSetting;
import org.noether.meanfield.MeanFieldTrainer;
import org.noether.meanfield.Particles;
import org.noether.meanfield.Scheme;
import org.noether.meanfield.Teacher;
import org.noether.meanfield.TrainingConfig;
import org.noether.meanfield.TrainingResult;
import org.noether.meanfield.Transport;

/**
 * Timings for {@code noether bench meanfield}: SGD steps per second of the trainer on the paper's setting at given
 * N, optionally the same loop in PyTorch (the script {@code src/main/python/meanfield_torch.py} of noether-bench, shipped in its jar, run with
 * {@code python3} when {@code import torch} works), and the time of an exact W2 between n and 2n points. Wall time
 * and process CPU time are both reported, since a shared machine inflates the first.
 *
 * <pre>{@code
 * var rate = MeanFieldBenchmark.stepsPerSecond(500, Scheme.VANILLA, 1, 2.0);
 * System.out.println(rate.stepsPerSecond());
 * }</pre>
 */
public final class MeanFieldBenchmark {
    private MeanFieldBenchmark() {}

    /** The PyTorch script, one of the {@link PythonBaseline} scripts. */
    public static final String TORCH_SCRIPT = "meanfield_torch.py";

    /**
     * @param n particles
     * @param scheme training scheme
     * @param threads threads of the run
     * @param steps steps timed
     * @param wallSeconds wall time
     * @param cpuSeconds process CPU time over the same interval
     */
    public record StepRate(
            String engine, int n, Scheme scheme, int threads, long steps, double wallSeconds, double cpuSeconds) {
        public double stepsPerSecond() {
            return steps / wallSeconds;
        }

        /** Steps per CPU second: what an unloaded core would give, per core used. */
        public double stepsPerCpuSecond() {
            return cpuSeconds > 0 ? steps / cpuSeconds : Double.NaN;
        }
    }

    /** One exact W2 solve between n and m points of R^4 (N(0, I) and an SI-like symmetrization). */
    public record TransportTiming(int n, int m, double wallSeconds, double cpuSeconds, double w2Squared) {}

    /**
     * Steps per second of {@code scheme} on the paper's setting (SI initialization, WI teacher, noise projected on
     * E^G): a warm-up, then at least {@code minSeconds} of timed steps.
     */
    public static StepRate stepsPerSecond(int n, Scheme scheme, int threads, double minSeconds) {
        MeanFieldSetting s = MeanFieldSetting.paper();
        double[] init =
                Particles.initial(Invariance.STRONGLY_INVARIANT, s.symmetry(), n, s.initStd(), new SplittableRandom(1));
        TrainingConfig base = TrainingConfig.paper()
                .withNoiseSubspace(s.symmetry().fixedSubspace())
                .withThreads(threads);
        Teacher teacher = s.teacher(Invariance.WEAKLY_INVARIANT);
        long steps = 16;
        // warm up the JIT, then grow the step count until a run lasts long enough
        new MeanFieldTrainer(s, scheme, teacher, base.withHorizon((double) Math.max(200, 40_000 / n) / n))
                .train(init, n, 1);
        while (true) {
            MeanFieldTrainer t = new MeanFieldTrainer(s, scheme, teacher, base.withHorizon((double) steps / n));
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            TrainingResult r = t.train(init, n, 2);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            if (wall >= minSeconds || steps > 1L << 30)
                return new StepRate("java", n, scheme, threads, r.steps(), wall, cpu);
            steps = (long) Math.ceil(steps * Math.min(16, 1.2 * minSeconds / Math.max(wall, 1e-3)));
        }
    }

    /** Times W2 between n Gaussian points of R^4 and m = multiple x n points (exact solver). */
    public static TransportTiming transport(int n, int multiple, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = Particles.gaussian(n, 4, 1, r), b = Particles.gaussian(n * multiple, 4, 1, r);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        double w2 = Transport.w2Squared(a, n, b, n * multiple, 4);
        return new TransportTiming(
                n, n * multiple, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, w2);
    }

    /** Whether {@code python3 -c "import torch"} succeeds. */
    public static boolean torchAvailable() {
        return PythonBaseline.torchAvailable();
    }

    /**
     * Runs the PyTorch script on the given sizes (vanilla scheme, float64, {@code threads} torch threads); an empty
     * list when python3 or torch is missing.
     */
    public static List<StepRate> torchStepsPerSecond(int[] sizes, int threads, double seconds) throws IOException {
        List<StepRate> out = new ArrayList<>();
        if (!torchAvailable()) return out;
        StringBuilder list = new StringBuilder();
        for (int n : sizes) list.append(list.length() > 0 ? "," : "").append(n);
        for (String line : PythonBaseline.run(
                TORCH_SCRIPT,
                "--sizes",
                list.toString(),
                "--seconds",
                String.valueOf(seconds),
                "--threads",
                String.valueOf(threads))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].equals("steps_per_second") && f[1].startsWith("N=")) {
                int n = Integer.parseInt(f[1].substring(2));
                double rate = Double.parseDouble(f[2]);
                out.add(new StepRate(
                        "pytorch", n, Scheme.VANILLA, threads, Math.round(rate * seconds), seconds, Double.NaN));
            }
        }
        return out;
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }

    /** Median of a non-empty list. */
    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    /**
     * The benchmark as Markdown. Java against PyTorch (vanilla scheme, float64, 1 thread each, then 2 threads each
     * when there are 2 cores): {@code rounds} interleaved rounds, each timing Java then PyTorch at every N for
     * {@code seconds}, so that a change in machine load hits both; the table gives the medians and the median of
     * the per-round ratios. Then every scheme at every N in Java (one round) and exact W2 timings.
     */
    public static String report(double seconds, int rounds, java.io.PrintStream progress) throws IOException {
        int[] sizes = {50, 500, 5000};
        StringBuilder md = new StringBuilder();
        int cores = Runtime.getRuntime().availableProcessors();
        md.append(String.format(
                Locale.ROOT,
                "cores: %d, load average at start: %.1f, %d rounds of %.1f s per " + "measurement%n%n",
                cores,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                rounds,
                seconds));
        boolean torch = torchAvailable();
        int[] threadCounts = cores >= 2 ? new int[] {1, 2} : new int[] {1};
        if (torch) {
            md.append("| N | threads | Java steps/s | PyTorch steps/s | ratio (median of rounds) | ratios |\n"
                    + "|---|---|---|---|---|---|\n");
            for (int threads : threadCounts) {
                List<List<Double>> java = new ArrayList<>(), py = new ArrayList<>(), ratio = new ArrayList<>();
                for (int i = 0; i < sizes.length; i++) {
                    java.add(new ArrayList<>());
                    py.add(new ArrayList<>());
                    ratio.add(new ArrayList<>());
                }
                for (int r = 0; r < rounds; r++) {
                    progress.printf(Locale.ROOT, "round %d/%d, %d thread(s)%n", r + 1, rounds, threads);
                    double[] j = new double[sizes.length];
                    for (int i = 0; i < sizes.length; i++)
                        j[i] = stepsPerSecond(sizes[i], Scheme.VANILLA, threads, seconds)
                                .stepsPerSecond();
                    List<StepRate> t = torchStepsPerSecond(sizes, threads, seconds);
                    for (int i = 0; i < sizes.length; i++) {
                        final int n = sizes[i];
                        double p = t.stream()
                                .filter(x -> x.n() == n)
                                .mapToDouble(StepRate::stepsPerSecond)
                                .findFirst()
                                .orElse(Double.NaN);
                        java.get(i).add(j[i]);
                        py.get(i).add(p);
                        ratio.get(i).add(j[i] / p);
                    }
                }
                for (int i = 0; i < sizes.length; i++) {
                    StringBuilder all = new StringBuilder();
                    for (double x : ratio.get(i))
                        all.append(all.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", x));
                    md.append(String.format(
                            Locale.ROOT,
                            "| %d | %d | %.0f | %.0f | **%.1fx** | %s |%n",
                            sizes[i],
                            threads,
                            median(java.get(i)),
                            median(py.get(i)),
                            median(ratio.get(i)),
                            all));
                }
            }
            md.append("\n");
        } else {
            md.append("(PyTorch comparison skipped: python3 with torch not found.)\n\n");
        }
        progress.println("every scheme, Java");
        md.append("| scheme | N | threads | steps | steps/s (wall) | steps per CPU-s |\n|---|---|---|---|---|---|\n");
        for (int n : sizes) {
            for (Scheme sc : Scheme.values()) {
                StepRate r = stepsPerSecond(n, sc, 1, seconds);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %d | %.0f | %.0f |%n",
                        r.scheme().label(),
                        r.n(),
                        r.threads(),
                        r.steps(),
                        r.stepsPerSecond(),
                        r.stepsPerCpuSecond()));
            }
        }
        progress.println("exact W2");
        md.append("\n| W2 | wall s | CPU s | W2^2 |\n|---|---|---|---|\n");
        for (int n : new int[] {500, 5000}) {
            TransportTiming t = transport(n, 2, 1);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d vs %d | %.2f | %.2f | %.6f |%n",
                    t.n(),
                    t.m(),
                    t.wallSeconds(),
                    t.cpuSeconds(),
                    t.w2Squared()));
        }
        return md.toString();
    }

    /**
     * The thread-scaling table of {@code noether bench meanfield --threads ... --n ...}: vanilla steps per second at
     * every N with every thread count, each also as a multiple of the 1-thread rate at that N (when 1 is among the
     * counts), with the machine's load average at the start. Counts above the number of blocks of particles run
     * with one thread per block.
     */
    public static String scaling(int[] sizes, int[] threadCounts, double seconds, java.io.PrintStream progress) {
        for (int n : sizes) if (n < 1) throw new IllegalArgumentException("--n values must be >= 1, got " + n);
        for (int t : threadCounts)
            if (t < 1) throw new IllegalArgumentException("--threads values must be >= 1, got " + t);
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "cores: %d, load average at start: %.1f, %.1f s per measurement, " + "vanilla scheme%n%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                seconds));
        md.append("| N | threads | steps/s (wall) | steps per CPU-s | vs 1 thread |\n|---|---|---|---|---|\n");
        for (int n : sizes) {
            double one = Double.NaN;
            for (int t : threadCounts) {
                progress.printf(Locale.ROOT, "N = %d, %d thread(s)%n", n, t);
                StepRate r = stepsPerSecond(n, Scheme.VANILLA, t, seconds);
                if (t == 1) one = r.stepsPerSecond();
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %.0f | %.0f | %s |%n",
                        n,
                        t,
                        r.stepsPerSecond(),
                        r.stepsPerCpuSecond(),
                        Double.isNaN(one) ? "" : String.format(Locale.ROOT, "%.2fx", r.stepsPerSecond() / one)));
            }
        }
        return md.toString();
    }
}
