package org.noether.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.noether.bench.Benchmarks;
import org.noether.bench.JmhRun;
import org.noether.bench.MeanFieldBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code noether bench}: lists every benchmark of the project (the catalogue in noether-bench, {@link Benchmarks}),
 * one line each; {@code noether bench NAME [options]} runs one. JMH classes run through JMH's Runner API and print a
 * table with a ratio column against their baseline; programs print their own ratios. {@code meanfield} keeps its
 * own flags: {@code [--seconds S] [--rounds R] [--out FILE] [--threads T,... --n N,...]}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print ratios against a baseline run in the same process or script. Without a "
                + "name: list them, one line each.",
        subcommands = {BenchCommand.MeanField.class})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    /** Lists every benchmark, one line each, on standard output. */
    @Override
    public Integer call() {
        parent.out.println("noether bench NAME [options]: one of");
        for (Benchmarks.Entry e : Benchmarks.all()) parent.out.println("  " + e.line());
        parent.out.println("Options of a benchmark: noether bench NAME --help");
        return Main.EXIT_OK;
    }

    /** Adds a subcommand for every catalogue entry that has no command of its own (all but meanfield). */
    static void register(CommandLine bench) {
        for (Benchmarks.Entry e : Benchmarks.all()) {
            if (bench.getSubcommands().containsKey(e.name())) continue;
            Object command = e.kind() == Benchmarks.Kind.JMH ? new Jmh(e) : new Program(e);
            CommandLine sub = new CommandLine(command);
            String description = e.summary() + "; baseline: " + e.baseline() + ".";
            sub.getCommandSpec().usageMessage().description(description);
            if (e.kind() == Benchmarks.Kind.PROGRAM && !e.usage().isEmpty())
                sub.getCommandSpec().usageMessage().customSynopsis("noether bench " + e.name() + " " + e.usage());
            bench.addSubcommand(e.name(), sub);
        }
    }

    /** Writes {@code text} to {@code out} when a file was given. */
    static void write(Path out, String text) throws IOException {
        if (out == null) return;
        if (out.toAbsolutePath().getParent() != null)
            Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    /** A JMH class of the catalogue, run through JMH's Runner API; settings not given keep the class's own. */
    @Command(mixinStandardHelpOptions = true)
    static final class Jmh implements Callable<Integer> {
        private final Benchmarks.Entry entry;

        @ParentCommand
        BenchCommand bench;

        @Option(
                names = {"-f", "--forks"},
                paramLabel = "N",
                description = "Forked JVMs (0: run in this JVM).")
        Integer forks;

        @Option(
                names = {"-wi", "--warmup-iterations"},
                paramLabel = "N",
                description = "Warm-up iterations per fork.")
        Integer warmupIterations;

        @Option(
                names = {"-i", "--iterations"},
                paramLabel = "N",
                description = "Measured iterations per fork.")
        Integer iterations;

        @Option(
                names = {"-w", "--warmup-time"},
                paramLabel = "S",
                description = "Seconds per warm-up iteration.")
        Double warmupSeconds;

        @Option(
                names = {"-r", "--time"},
                paramLabel = "S",
                description = "Seconds per measured iteration.")
        Double seconds;

        @Option(
                names = {"-p", "--param"},
                paramLabel = "NAME=V1,V2",
                description = "Values of a @Param field (repeatable), e.g. -p 'problem=SO3;V*V;V'.")
        List<String> params = new ArrayList<>();

        @Option(
                names = "--methods",
                split = ",",
                paramLabel = "M",
                description = "Benchmark methods to run (default: all).")
        List<String> methods = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown table to this file.")
        Path out;

        Jmh(Benchmarks.Entry entry) {
            this.entry = entry;
        }

        @Override
        public Integer call() throws Exception {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1)
                    throw new IllegalArgumentException("--param takes NAME=VALUE[,VALUE...], got '" + p + "'");
                values.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>())
                        .addAll(List.of(p.substring(eq + 1).split(",")));
            }
            String md = JmhRun.run(
                    entry,
                    new JmhRun.Settings(forks, warmupIterations, iterations, warmupSeconds, seconds, values, methods),
                    bench.parent.err);
            bench.parent.out.print(md);
            write(out, md);
            return Main.EXIT_OK;
        }
    }

    /** A timing program of the catalogue; its arguments are passed on as given. */
    @Command(mixinStandardHelpOptions = true)
    static final class Program implements Callable<Integer> {
        private final Benchmarks.Entry entry;

        @ParentCommand
        BenchCommand bench;

        @Parameters(paramLabel = "ARG", description = "The program's arguments (see the synopsis).")
        List<String> args = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the output to this file.")
        Path out;

        Program(Benchmarks.Entry entry) {
            this.entry = entry;
        }

        @Override
        public Integer call() throws Exception {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            PrintStream both = new PrintStream(new Tee(bench.parent.out, copy), true, StandardCharsets.UTF_8);
            entry.program().run(args.toArray(String[]::new), both);
            both.flush();
            write(out, copy.toString(StandardCharsets.UTF_8));
            return Main.EXIT_OK;
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a, b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }

    @Command(
            name = "meanfield",
            mixinStandardHelpOptions = true,
            description = "Mean-field SGD steps per second against the same update in PyTorch (run with python3 when "
                    + "'import torch' works; Debian's python3-torch), at N = 50, 500, 5000, in interleaved rounds; "
                    + "every scheme's throughput; exact W2 timings. Prints Markdown.")
    static final class MeanField implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--seconds",
                paramLabel = "S",
                defaultValue = "2",
                description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(
                names = "--rounds",
                paramLabel = "R",
                defaultValue = "3",
                description = "Interleaved Java/PyTorch rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown to this file.")
        Path out;

        @Option(
                names = "--threads",
                split = ",",
                paramLabel = "T",
                description = "Thread counts for a thread-scaling table instead of the full report, e.g. 1,2,16.")
        int[] threads;

        @Option(
                names = "--n",
                split = ",",
                paramLabel = "N",
                description = "Particle counts for the thread-scaling table (default with --threads: 50,500,5000).")
        int[] sizes;

        @Override
        public Integer call() throws Exception {
            if (!(seconds > 0) || rounds < 1)
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--seconds must be > 0 and --rounds >= 1, got " + seconds + " and " + rounds);
            String md;
            if (threads != null || sizes != null) {
                md = MeanFieldBenchmark.scaling(
                        sizes != null ? sizes : new int[] {50, 500, 5000},
                        threads != null ? threads : new int[] {1, 2},
                        seconds,
                        bench.parent.err);
            } else {
                md = MeanFieldBenchmark.report(seconds, rounds, bench.parent.err);
            }
            bench.parent.out.print(md);
            write(out, md);
            return Main.EXIT_OK;
        }
    }
}
