package org.noether.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.noether.meanfield.MeanFieldBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code noether bench meanfield [--seconds S] [--rounds R] [--out FILE] [--threads T,... --n N,...]}: throughput
 * against a baseline, or with {@code --threads}/{@code --n} a thread-scaling table.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print ratios against a baseline run in the same process or script.",
        subcommands = {BenchCommand.MeanField.class})
final class BenchCommand extends CommandGroup {

    @Command(
            name = "meanfield",
            mixinStandardHelpOptions = true,
            description = "Mean-field SGD steps per second against the same update in PyTorch (run with python3 when "
                    + "'import torch' works; Debian's python3-torch), at N = 50, 500, 5000, in interleaved rounds; "
                    + "every scheme's throughput; exact W2 timings. Prints Markdown.")
    static final class MeanField implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

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
            if (out != null) {
                if (out.toAbsolutePath().getParent() != null)
                    Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, md, StandardCharsets.UTF_8);
            }
            return Main.EXIT_OK;
        }
    }
}
