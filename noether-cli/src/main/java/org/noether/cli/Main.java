package org.noether.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.noether.experiment.NoetherUserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code noether} command.
 *
 * <pre>
 * ./noether reproduce --quick --only core.group-averaging --seed 7
 * ./noether reproduce --list
 * ./noether --verbose reproduce      # full stack traces on errors
 * </pre>
 *
 * <p>Errors are one line on standard error. Exit codes: {@value #EXIT_OK} success, {@value #EXIT_INTERNAL} an
 * unexpected internal error, {@value #EXIT_USAGE} a usage error (bad option, unknown name, ...),
 * {@value #EXIT_EXPERIMENT_FAILED} some experiment failed (the report is still written).
 *
 * <p>To add a command, write a picocli {@code @Command} class (it can reach the shared streams and
 * {@code --verbose} through a {@code @ParentCommand Main} field) and append it to {@link #SUBCOMMANDS}.
 */
@Command(
        name = "noether",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Machine learning with group actions: run experiments and write reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected internal error", "2:usage error", "3:an experiment failed"})
public final class Main implements Callable<Integer> {

    /** Success. */
    public static final int EXIT_OK = 0;
    /** A bug or an environment problem the user could not foresee. */
    public static final int EXIT_INTERNAL = 1;
    /** The command line or a named input was wrong. */
    public static final int EXIT_USAGE = 2;
    /** At least one experiment failed; the others ran and the report was written. */
    public static final int EXIT_EXPERIMENT_FAILED = 3;

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ReproduceCommand.class,
            GroupsCommand.class,
            GroupCommand.class,
            BasisCommand.class,
            DataCommand.class,
            BenchCommand.class,
            SymmetrizeCommand.class,
            CommandLine.HelpCommand.class,
            WorkerCommand.class);

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print full stack traces when something goes wrong.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** Standard output for results (paths, listings): keep it free of progress and chatter. */
    final PrintStream out;
    /** Standard error for progress, warnings and errors. */
    final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs the command in-process, printing to the given streams, and returns the exit code.
     * Never throws and never calls {@link System#exit}.
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(out, err, List.of(), args);
    }

    static int execute(PrintStream out, PrintStream err, List<Class<?>> extraSubcommands, String... args) {
        try {
            return commandLine(out, err, extraSubcommands).execute(args);
        } catch (Throwable t) {
            // Errors (not Exceptions) pass picocli's handlers; still give a one-line message.
            if (t instanceof OutOfMemoryError) {
                long max = Runtime.getRuntime().maxMemory();
                err.println("noether: out of memory (" + describe(t)
                        + (max == Long.MAX_VALUE ? "" : "; the heap limit is " + max / (1024 * 1024) + " MiB")
                        + "); give the JVM more heap with NOETHER_JAVA_OPTS=-Xmx8g");
            } else {
                err.println("noether: internal error: " + describe(t)
                        + verboseHint(Arrays.asList(args).contains("--verbose")));
            }
            if (Arrays.asList(args).contains("--verbose")) {
                t.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, List<Class<?>> extraSubcommands) {
        CommandLine cl = new CommandLine(new Main(out, err));
        List<Class<?>> all = new ArrayList<>(SUBCOMMANDS);
        all.addAll(extraSubcommands);
        for (Class<?> sub : all) {
            cl.addSubcommand(sub);
        }
        BenchCommand.register(cl.getSubcommands().get("bench"));
        // Set after adding subcommands: picocli copies these settings only to subcommands already present.
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    /** Without a subcommand there is nothing to do; say so like any other usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command; choose one of: "
                        + String.join(", ", spec.subcommands().keySet()));
    }

    /** Whether {@code --verbose} was given anywhere on the command line of {@code cmd} or its parents. */
    static boolean verbose(CommandLine cmd) {
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose")) {
                return true;
            }
            if (c.getCommand() instanceof Main m && m.verbose) {
                return true;
            }
        }
        return false;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult p = result; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String verboseHint(boolean verbose) {
        return verbose ? "" : " (run with --verbose for details)";
    }

    /** "Class: message" on one line; just the class name when there is no message. */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + oneLine(msg));
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Bad options or arguments: one line naming the problem and where to find help, exit code 2. */
    private static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String message = oneLine(ex.getMessage());
            if (ex instanceof UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            String name = cmd.getCommandSpec().qualifiedName();
            err.println(name + ": " + message + " (see '" + name + " --help')");
            if (Arrays.asList(args).contains("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** Exceptions thrown while a command runs: user errors exit 2, anything else 1; stack traces only when verbose. */
    private static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            boolean verbose = verbose(parsed) || verbose(cmd);
            String name = cmd.getCommandSpec().qualifiedName();
            int code;
            if (ex instanceof NoetherUserException || ex instanceof IllegalArgumentException) {
                String msg = oneLine(ex.getMessage());
                err.println(name + ": " + (msg.isEmpty() ? describe(ex) : msg));
                code = EXIT_USAGE;
            } else {
                err.println(name + ": internal error: " + describe(ex) + verboseHint(verbose));
                code = EXIT_INTERNAL;
            }
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        }
    }

    /** Reports the version recorded in the jar manifest, plus the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "noether " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
