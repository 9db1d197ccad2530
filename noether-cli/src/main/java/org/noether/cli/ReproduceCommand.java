package org.noether.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Profile;
import org.noether.report.ProgressBar;
import org.noether.report.RunInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code noether reproduce}: runs the registered experiments into a new run folder and writes the report.
 *
 * <pre>
 * noether reproduce                                  # every experiment, quick profile (the default)
 * noether reproduce --full --only core.group-averaging   # one experiment, full protocol
 * noether reproduce --list                           # what is registered
 * </pre>
 */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the registered experiments and write report.html, metrics.json, CSV tables and plots into a new "
                    + "folder DIR/run-YYYYMMDD-HHMMSS.",
            "Experiments run in parallel child JVMs (--jobs, default one per core), or one after another with "
                    + "--jobs 1; one that fails or crashes is marked in the report and the rest still run."
        })
final class ReproduceCommand implements Callable<Integer> {

    /** {@code --quick} or {@code --full}, at most one. */
    static final class ProfileOption {
        @Option(
                names = "--quick",
                required = true,
                description = "The quick profile: small sizes that finish in minutes on 2 cores (default).")
        boolean quick;

        @Option(names = "--full", required = true, description = "The full protocol of each experiment (hours).")
        boolean full;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ProfileOption profileOption;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "NAME",
            description = "Run only these experiments (comma-separated or repeated), in the order given.")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Where to create the run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed for all randomness; the same seed repeats a run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--resume",
            paramLabel = "RUN_DIR",
            description =
                    "Continue in an existing run folder (after a kill): the profile, seed and experiments recorded "
                            + "in its run.json are used (a flag that contradicts them is an error), experiments reuse the "
                            + "checkpoints in their folders, and the report is written again. Not with --out.")
    Path resume;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "Run up to N experiments at once, each in its own JVM (default: the number of cores). "
                    + "--jobs 1 runs them one after another in this JVM.")
    Integer jobs;

    @Option(
            names = "--seeds",
            paramLabel = "SEEDS",
            description = "Run every experiment with each seed (a range 0..4 or a list 0,3,7), each run in its own "
                    + "JVM, and report means over seeds with 95 %% intervals; claims are judged on the aggregate.")
    String seeds;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Run the (experiment, seed) grid on Apache Spark: local[*] on this machine, spark://HOST:7077 "
                            + "on a standalone cluster. Each run is a child noether process; every number also goes to "
                            + "metrics.parquet. The launcher builds the Spark module (about 290 MB of jars) on first use.")
    String master;

    @Option(names = "--list", description = "List the registered experiments and exit.")
    boolean list;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = main.out;
        PrintStream stderr = main.err;
        List<Experiment> registered = Experiments.all();
        if (list) {
            list(stdout, registered);
            return Main.EXIT_OK;
        }
        boolean verbose = Main.verbose(spec.commandLine());
        // --jobs N > 1 and --seeds run each (experiment, seed) in a child JVM (GridRun); otherwise the loop in run().
        int jobCount = GridRun.jobs(jobs);
        if (seeds != null && given("--seed")) {
            throw new NoetherUserException(
                    "give either --seed N (one run) or --seeds " + seeds + " (several), not both");
        }
        List<Experiment> chosen;
        Profile profile;
        List<Long> seedList;
        RunFolder folder;
        if (resume != null) {
            if (given("--out")) {
                throw new NoetherUserException(
                        "--out cannot be given with --resume: a resumed run stays in its folder " + resume);
            }
            folder = RunFolder.resume(resume, stderr::println);
            try {
                RunFolder.Plan plan = folder.plan();
                profile = plan.profile();
                seedList = plan.seeds();
                checkAgainstRecord(folder, plan);
                if (jobs == null && folder.recordedJobs().isPresent()) {
                    jobCount = folder.recordedJobs().getAsInt();
                    stderr.println("resuming with --jobs " + jobCount + ", as recorded in " + RunFolder.RECORD
                            + " (give --jobs to change it)");
                }
                chosen = byNames(
                        registered,
                        plan.experiments(),
                        "recorded in " + folder.dir().resolve(RunFolder.RECORD));
            } catch (RuntimeException e) {
                folder.close();
                throw e;
            }
        } else {
            chosen = choose(registered);
            profile = chosenProfile();
            seedList = seeds == null ? List.of(seed) : SeedGrid.parse(seeds);
            folder = RunFolder.create(
                    out,
                    LocalDateTime.now(),
                    new RunFolder.Plan(
                            profile,
                            seedList,
                            chosen.stream().map(Experiment::name).toList()),
                    commandLine());
        }
        boolean grid = seedList.size() > 1 || seeds != null || master != null || (jobCount > 1 && !chosen.isEmpty());
        // The lock is held while children work: they write only inside their experiment folders.
        try (folder) {
            folder.recordJobs(jobCount);
            return run(folder, chosen, profile, seedList, grid, jobCount, verbose, stdout, stderr);
        }
    }

    private int run(
            RunFolder folder,
            List<Experiment> chosen,
            Profile profile,
            List<Long> seedList,
            boolean grid,
            int jobCount,
            boolean verbose,
            PrintStream stdout,
            PrintStream stderr)
            throws IOException {
        Path runDir = folder.dir();
        long runSeed = seedList.get(0);
        stderr.printf(
                Locale.ROOT,
                "Running %d experiment%s (%s, seed%s %s) into %s%n",
                chosen.size(),
                chosen.size() == 1 ? "" : "s",
                profile.name().toLowerCase(Locale.ROOT),
                seedList.size() == 1 ? "" : "s",
                seedList.size() == 1
                        ? String.valueOf(runSeed)
                        : String.join(
                                ",", seedList.stream().map(String::valueOf).toList()),
                runDir);
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<ExperimentResult> results = new ArrayList<>();
        int failed = 0;
        int outOfMemory = 0;
        if (grid) {
            GridRun.Outcome outcome;
            try {
                outcome = GridRun.run(
                        chosen, seedList, profile, runDir, jobCount, master, resume != null, stderr, verbose);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoetherUserException("interrupted; continue with --resume " + runDir);
            }
            results.addAll(outcome.results());
            failed = outcome.failedRuns();
        }
        for (int i = 0; !grid && i < chosen.size(); i++) {
            Experiment e = chosen.get(i);
            stderr.printf(Locale.ROOT, "[%d/%d] %s: %s%n", i + 1, chosen.size(), e.name(), e.title());
            Path own = folder.experimentFolder(e.name());
            ExperimentResult r;
            long began = System.nanoTime();
            try {
                ExperimentContext ctx = new ExperimentContext(profile, runSeed, own, ProgressBar.forConsole(stderr));
                r = Experiments.runSafely(e, ctx);
            } catch (OutOfMemoryError oom) {
                // The experiment's objects are unreachable once its stack has unwound, so the JVM can go on.
                outOfMemory++;
                r = ExperimentResult.failed(e, outOfMemory(oom), Duration.ofNanos(System.nanoTime() - began));
            }
            removeIfEmpty(own);
            results.add(r);
            if (r.succeeded()) {
                stderr.printf(Locale.ROOT, "      done in %.1f s%n", r.elapsed().toMillis() / 1000.0);
            } else {
                failed++;
                stderr.println("      FAILED: " + r.failure().message());
                if (verbose) {
                    stderr.print(r.failure().stackTrace());
                }
            }
        }
        RunInfo info = new RunInfo(
                runDir.getFileName().toString(),
                started,
                Duration.ofNanos(System.nanoTime() - start),
                profile,
                runSeed,
                commandLine());
        Path html;
        try {
            html = folder.writeReport(info, results);
        } catch (OutOfMemoryError oom) {
            throw new NoetherUserException("out of memory while writing the report (" + heapHint()
                    + "), then run 'noether reproduce --resume " + runDir + "'");
        }
        if (failed > 0) {
            stderr.printf(
                    Locale.ROOT,
                    "%d of %d %s failed; see the report%s.%n",
                    failed,
                    grid ? chosen.size() * seedList.size() : results.size(),
                    seedList.size() > 1 ? "runs" : "experiments",
                    verbose ? "" : " or rerun with --verbose for stack traces");
        }
        if (outOfMemory > 0) {
            long max = Runtime.getRuntime().maxMemory();
            stderr.printf(
                    Locale.ROOT,
                    "%d experiment%s ran out of memory%s; give the JVM more heap and resume: "
                            + "NOETHER_JAVA_OPTS=-Xmx8g noether reproduce --resume %s%n",
                    outOfMemory,
                    outOfMemory == 1 ? "" : "s",
                    max == Long.MAX_VALUE ? "" : " (the heap limit is " + max / (1024 * 1024) + " MiB)",
                    runDir);
        }
        stdout.println(html.toAbsolutePath().normalize());
        return failed > 0 ? Main.EXIT_EXPERIMENT_FAILED : Main.EXIT_OK;
    }

    /** The report's line for an experiment that ran out of heap, with the hint how to give it more. */
    private static OutOfMemoryError outOfMemory(OutOfMemoryError oom) {
        OutOfMemoryError described = new OutOfMemoryError(Main.oneLine(oom.getMessage()) + "; " + heapHint());
        described.setStackTrace(oom.getStackTrace());
        return described;
    }

    private static String heapHint() {
        long max = Runtime.getRuntime().maxMemory();
        String now = max == Long.MAX_VALUE
                ? ""
                : String.format(Locale.ROOT, "the heap limit is %d MiB; ", max / (1024 * 1024));
        return now + "raise it with NOETHER_JAVA_OPTS=-Xmx8g (or more) and resume the run";
    }

    private Profile chosenProfile() {
        return profileOption != null && profileOption.full ? Profile.FULL : Profile.QUICK;
    }

    /** Whether the user typed this option (rather than picocli filling in its default). */
    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** --seed, --quick/--full and --only may repeat what the run folder recorded, never contradict it. */
    private void checkAgainstRecord(RunFolder folder, RunFolder.Plan plan) {
        if (given("--seed") && (plan.seeds().size() != 1 || seed != plan.seed())) {
            throw folder.conflict("--seed", Long.toString(seed), plan.seedsText());
        }
        if ((given("--quick") || given("--full")) && chosenProfile() != plan.profile()) {
            throw folder.conflict(
                    chosenProfile() == Profile.FULL ? "--full" : "--quick",
                    "",
                    "the " + plan.profileName() + " profile");
        }
        if (given("--seeds") && !SeedGrid.parse(seeds).equals(plan.seeds())) {
            throw folder.conflict("--seeds", seeds, plan.seedsText());
        }
        if (given("--only")) {
            List<String> asked = new ArrayList<>(
                    new LinkedHashSet<>(only.stream().map(String::strip).toList()));
            if (!asked.equals(plan.experiments())) {
                throw folder.conflict(
                        "--only",
                        String.join(",", asked),
                        "the experiment list " + String.join(",", plan.experiments()));
            }
        }
    }

    private static void list(PrintStream stdout, List<Experiment> registered) {
        if (registered.isEmpty()) {
            stdout.println("No experiments are registered.");
            return;
        }
        int width = registered.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Experiment e : registered) {
            stdout.printf(Locale.ROOT, "%-" + width + "s  %s%n", e.name(), e.title());
            if (e.description() != null && !e.description().isBlank()) {
                stdout.printf(Locale.ROOT, "%-" + width + "s  %s%n", "", Main.oneLine(e.description()));
            }
        }
    }

    /** The experiments named by {@code --only} in the order given, or all of them. */
    private List<Experiment> choose(List<Experiment> registered) {
        if (only.isEmpty()) {
            if (registered.isEmpty()) {
                throw new NoetherUserException("no experiments are registered, so there is nothing to reproduce");
            }
            return registered;
        }
        return byNames(registered, only, "in --only");
    }

    /** The registered experiments with these names, in this order; unknown names are a one-line error. */
    private static List<Experiment> byNames(List<Experiment> registered, List<String> names, String where) {
        String known = registered.isEmpty()
                ? "none are registered"
                : "known: " + registered.stream().map(Experiment::name).collect(Collectors.joining(", "));
        List<Experiment> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            String trimmed = name.strip();
            registered.stream()
                    .filter(e -> e.name().equals(trimmed))
                    .findFirst()
                    .ifPresentOrElse(chosen::add, () -> unknown.add("'" + trimmed + "'"));
        }
        if (!unknown.isEmpty()) {
            throw new NoetherUserException("unknown experiment" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " " + where + "; " + known);
        }
        return chosen;
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // The experiment left files there; keep them.
        } catch (IOException e) {
            // An empty folder left behind is harmless.
        }
    }

    /** The command line as typed, for the report header. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder("noether");
        for (String a : args) {
            sb.append(' ')
                    .append(a.isEmpty() || a.matches(".*[\\s'\"$\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }
}
