package org.noether.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Profile;

/**
 * One experiment with one seed, run in its own JVM ({@code noether run-experiment}, see {@link WorkerCommand}).
 *
 * <p>DJL's PyTorch random generator is global to a process, so a process per run keeps "same seed, same numbers"
 * whatever else runs beside it. The child's standard output and error go, line by line, to {@code run.log} in its
 * folder; the last line is kept as its status for the parent's progress lines. Its result comes back through
 * {@code result.bin} in the same folder. A child that dies without writing one (killed, crashed JVM) gives a failed
 * result naming the exit code and the end of its log.
 */
final class ChildProcess {

    /** The result file a child writes into its folder. */
    static final String RESULT_FILE = "result.bin";
    /** The child's standard output and error. */
    static final String LOG_FILE = "run.log";

    private static final int TAIL_LINES = 30;

    private final Experiment experiment;
    private final long seed;
    private final Path folder;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String status = "starting";
    private volatile Process process;

    ChildProcess(Experiment experiment, long seed, Path folder) {
        this.experiment = experiment;
        this.seed = seed;
        this.folder = folder;
    }

    Experiment experiment() {
        return experiment;
    }

    long seed() {
        return seed;
    }

    /** The last line the child printed, for progress display. */
    String status() {
        return status;
    }

    /** Stops the child at once (used when the parent is interrupted or shutting down). */
    void kill() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /**
     * Starts the child, waits for it, and returns its result; never throws for anything the child does.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the child is then killed)
     */
    ExperimentResult run(Profile profile) throws InterruptedException {
        long start = System.nanoTime();
        Path result = folder.resolve(RESULT_FILE);
        Path log = folder.resolve(LOG_FILE);
        int code;
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(result);
            ProcessBuilder pb = new ProcessBuilder(command(experiment.name(), seed, profile, folder, result))
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.remove("COLUMNS"); // the child's progress lines go to a file, not to a terminal
            process = pb.start();
            process.getOutputStream().close();
            try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    remember(line);
                }
            }
            code = process.waitFor();
        } catch (IOException e) {
            kill();
            return failed("could not run the experiment's process: " + e.getMessage(), start);
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(result);
        } catch (NoSuchFileException e) {
            bytes = null;
        } catch (IOException e) {
            return failed("its result file could not be read (" + e.getMessage() + ")", start);
        }
        synchronized (this) {
            return resultOf(
                    experiment,
                    code,
                    bytes,
                    String.join("\n", tail) + "\n",
                    log.toString(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The result a child left: its decoded result file, or a failed result naming the exit code, with the end of the
     * child's output as the failure's details.
     */
    static ExperimentResult resultOf(
            Experiment experiment, int exitCode, byte[] result, String logTail, String log, Duration elapsed) {
        String message;
        if (result == null) {
            message = "its process " + describeExit(exitCode) + " without a result; its output is in " + log;
        } else {
            try {
                ExperimentResult r = ResultCodec.decode(result);
                if (r.name().equals(experiment.name())) {
                    return r;
                }
                message = "the process for '" + experiment.name() + "' returned a result for '" + r.name() + "'";
            } catch (IOException e) {
                message = "its process wrote an unreadable result (" + e.getMessage() + "); see " + log;
            }
        }
        return ExperimentResult.failed(experiment, new ExperimentResult.Failure(message, logTail), elapsed);
    }

    private synchronized void remember(String line) {
        String stripped = line.strip();
        if (!stripped.isEmpty()) {
            status = stripped;
        }
        tail.addLast(line);
        while (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private synchronized ExperimentResult failed(String message, long start) {
        String trace = String.join("\n", tail) + "\n";
        return ExperimentResult.failed(
                experiment, new ExperimentResult.Failure(message, trace), Duration.ofNanos(System.nanoTime() - start));
    }

    static String describeExit(int code) {
        return switch (code) {
            case 137 -> "was killed (exit code 137: out of memory, or SIGKILL)";
            case 143 -> "was terminated (exit code 143, SIGTERM)";
            case 134 -> "aborted (exit code 134: a crash in native code?)";
            default -> String.format(Locale.ROOT, "exited with code %d", code);
        };
    }

    /**
     * {@code java [this JVM's options] -cp [class path] org.noether.cli.Main run-experiment ...}. The class path is
     * this JVM's, or the system property {@code noether.child.classpath} where set (the launcher sets it for Spark
     * runs, whose driver carries Spark's jars that a child does not need).
     */
    static List<String> command(String experiment, long seed, Profile profile, Path folder, Path result) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Heap size and -D settings carry over (NOETHER_JAVA_OPTS); debuggers and agents (coverage) do not.
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("noether.child.classpath", System.getProperty("java.class.path")));
        cmd.add(Main.class.getName());
        cmd.add("run-experiment");
        cmd.add("--experiment=" + experiment);
        cmd.add("--profile=" + profile.name());
        cmd.add("--seed=" + seed);
        cmd.add("--dir=" + folder.toAbsolutePath());
        cmd.add("--result=" + result.toAbsolutePath());
        return cmd;
    }
}
