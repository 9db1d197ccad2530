package org.noether.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The catalogue of every benchmark in the project, run by {@code noether bench NAME}: JMH classes (through JMH's
 * Runner API, with a ratio column against the benchmark's baseline method) and timing programs that print their own
 * ratios against a baseline run in the same process or script. Speed is measured here, never in unit tests.
 *
 * <pre>{@code
 * for (Benchmarks.Entry e : Benchmarks.all()) System.out.println(e.line());
 * }</pre>
 */
public final class Benchmarks {
    private Benchmarks() {}

    /** How an entry runs. */
    public enum Kind {
        /** A JMH class run through {@link JmhRun}. */
        JMH,
        /** A program that prints its own tables. */
        PROGRAM
    }

    /** A timing program: prints Markdown or plain tables to {@code out}, progress to standard error. */
    @FunctionalInterface
    public interface Program {
        void run(String[] args, PrintStream out) throws Exception;
    }

    /**
     * A baseline measured outside JMH (a Python script) for one parameter combination of a JMH benchmark, in the
     * JMH benchmark's unit; empty when it cannot run here (no python3 with torch).
     */
    @FunctionalInterface
    public interface ExternalBaseline {
        OptionalDouble score(Map<String, String> params, PrintStream progress) throws Exception;
    }

    /**
     * One benchmark.
     *
     * @param name the name {@code noether bench} takes
     * @param kind JMH class or program
     * @param summary one line: what is measured
     * @param baseline what it is compared against
     * @param jmhClass the JMH class (JMH only)
     * @param baselineMethod the JMH method the ratio column divides by (JMH only; null when there is none)
     * @param external a baseline run outside the JVM, shown as one more row per parameter combination (or null)
     * @param externalLabel the row label of {@code external}
     * @param program the program (PROGRAM only)
     * @param usage the program's arguments, for the listing (PROGRAM only)
     */
    public record Entry(
            String name,
            Kind kind,
            String summary,
            String baseline,
            Class<?> jmhClass,
            String baselineMethod,
            ExternalBaseline external,
            String externalLabel,
            Program program,
            String usage) {

        static Entry jmh(String name, Class<?> cls, String summary, String baseline, String baselineMethod) {
            return new Entry(name, Kind.JMH, summary, baseline, cls, baselineMethod, null, null, null, "");
        }

        static Entry program(String name, String usage, String summary, String baseline, Program program) {
            return new Entry(name, Kind.PROGRAM, summary, baseline, null, null, null, null, program, usage);
        }

        Entry withExternal(String label, ExternalBaseline external) {
            return new Entry(name, kind, summary, baseline, jmhClass, baselineMethod, external, label, program, usage);
        }

        /** The listing line: name, what it measures, against what. */
        public String line() {
            return String.format(java.util.Locale.ROOT, "%-16s %s (baseline: %s)", name, summary, baseline);
        }
    }

    private static final List<Entry> ALL = List.of(
            Entry.program(
                    "meanfield",
                    "[--threads T,... --n N,...] [--seconds S] [--rounds R] [--out FILE]",
                    "mean-field SGD steps/s at N = 50, 500, 5000, every scheme, exact W2; or a thread-scaling table",
                    "the same update in PyTorch (python3 with torch), or 1 thread",
                    (args, out) -> out.print(MeanFieldBenchmark.report(2, 3, System.err))),
            Entry.jmh(
                    "basis",
                    BasisSolverBenchmark.class,
                    "equivariant-basis solve (AUTO) on finite and Lie cases, JMH",
                    "Noether's DENSE solve (denseGram) and EJML's SVD of the stacked constraints",
                    "denseGram"),
            Entry.program(
                    "basis-crossover",
                    "[rounds]",
                    "where the IRREP path overtakes DENSE on Lie groups (9 to 729 unknowns), thread CPU time, AUTO beside",
                    "the DENSE solve of the same case",
                    BasisCrossover::run),
            Entry.jmh(
                            "cnn",
                            CnnTrainingBenchmark.class,
                            "one training step of the vision CNN (batch 64, one PyTorch thread), JMH",
                            "the same CNN and step in PyTorch (cnn_train_pytorch.py, python3 with torch)",
                            null)
                    .withExternal("pytorch script", CnnTrainingBenchmark::pytorchBaseline),
            Entry.jmh(
                    "linear",
                    EquivariantLinearBenchmark.class,
                    "EquivariantLinear inference forward (D4 regular copies), JMH",
                    "DJL's Linear of the same shape (plainLinear)",
                    "plainLinear"),
            Entry.jmh(
                    "symmetrize",
                    SymmetrizeBenchmark.class,
                    "equitune and equizero around the vision CNN (C4, D4), inference and training, JMH",
                    "the plain CNN on the same batch (plainB)",
                    "plainB"),
            Entry.jmh(
                    "group",
                    GroupBenchmark.class,
                    "group composition (SO3, S5), a Wigner-D matrix, a regular representation, JMH",
                    "a plain 3 x 3 double[] matrix product (plainProduct3x3)",
                    "plainProduct3x3"),
            Entry.program(
                    "symmetrize-cpu",
                    "[rounds]",
                    "equitune/equizero overhead in thread CPU time, variants interleaved round by round",
                    "the plain CNN, |G| plain calls",
                    SymmetrizeOverhead::run),
            Entry.program(
                    "linear-ab",
                    "[rounds] [callsPerRound]",
                    "EquivariantLinear (cached) against Linear, interleaved rounds in one JVM",
                    "DJL's Linear of the same shape",
                    EquivariantLinearBenchmark::interleaved),
            Entry.program(
                    "seq2seq",
                    "[steps] [commands]",
                    "SCAN seq2seq training throughput, and equizero/equitune decoding cost",
                    "|G| plain decodes of the same commands",
                    Seq2SeqBenchmark::run),
            Entry.program(
                    "diffusion",
                    "",
                    "quotient lift per sampling step, and sampler throughput, with a plain-Java EGNN stand-in",
                    "one EGNN forward per cloud",
                    (args, out) -> DiffusionStepCostBenchmark.run(out)),
            Entry.program(
                    "diffusion-egnn",
                    "[hidden] [layers]",
                    "quotient lift per step against the DJL EGNN, and conformer sampler throughput",
                    "one DJL EGNN forward per cloud",
                    EgnnStepCostBenchmark::run));

    /** Every benchmark, in listing order. */
    public static List<Entry> all() {
        return ALL;
    }

    /** The benchmark of that name. */
    public static Optional<Entry> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
