package org.noether.experiment;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registry of experiments found on the class path, and a runner that never lets one failure stop a run.
 *
 * <pre>{@code
 * for (Experiment e : Experiments.all()) {
 *     System.out.println(e.name() + "  " + e.title());
 * }
 * ExperimentResult r = Experiments.runSafely(Experiments.byName("core.group-averaging"), ctx);
 * }</pre>
 */
public final class Experiments {

    /** Accepted experiment names: lower-case words joined by '.' or '-', e.g. {@code core.group-averaging}. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    private Experiments() {}

    /**
     * Every experiment registered through {@code META-INF/services/org.noether.experiment.Experiment}
     * visible to the context class loader, sorted by name. Each call creates fresh instances.
     *
     * @throws IllegalStateException if a name is malformed or used twice
     */
    public static List<Experiment> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return all(loader != null ? loader : Experiments.class.getClassLoader());
    }

    /** Like {@link #all()}, searching {@code loader}. */
    public static List<Experiment> all(ClassLoader loader) {
        List<Experiment> found = new ArrayList<>();
        Map<String, Experiment> byName = new HashMap<>();
        for (Experiment e : ServiceLoader.load(Experiment.class, loader)) {
            String name = e.name();
            if (name == null || !NAME_PATTERN.matcher(name).matches()) {
                throw new IllegalStateException(e.getClass().getName() + " has the name " + Names.quote(name)
                        + "; experiment names must look like 'module.kebab-case' (" + NAME_PATTERN + ")");
            }
            Experiment previous = byName.putIfAbsent(name, e);
            if (previous != null) {
                throw new IllegalStateException("experiment name '" + name + "' is used by both "
                        + previous.getClass().getName() + " and " + e.getClass().getName());
            }
            found.add(e);
        }
        found.sort(Comparator.comparing(Experiment::name));
        return List.copyOf(found);
    }

    /**
     * The registered experiment called {@code name}.
     *
     * @throws IllegalArgumentException naming the known experiments if there is none by that name
     */
    public static Experiment byName(String name) {
        List<Experiment> all = all();
        for (Experiment e : all) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment " + Names.quote(name) + "; known: " + known(all));
    }

    /** The names of {@code experiments} joined by ", ", or "(none registered)". */
    static String known(List<Experiment> experiments) {
        return experiments.isEmpty()
                ? "(none registered)"
                : experiments.stream().map(Experiment::name).collect(Collectors.joining(", "));
    }

    /**
     * Runs {@code experiment}, timing it and turning anything it throws into a {@linkplain ExperimentResult#failed
     * failed result}, so that a caller can go on with the next experiment. The output directory is created first.
     * A result that names another experiment, or none, also counts as a failure.
     */
    public static ExperimentResult runSafely(Experiment experiment, ExperimentContext ctx) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(ctx.outputDirectory());
            ExperimentResult result = experiment.run(ctx);
            if (result == null) {
                throw new IllegalStateException(experiment.getClass().getName() + ".run returned null");
            }
            if (!result.name().equals(experiment.name())) {
                throw new IllegalStateException(experiment.getClass().getName() + ".run returned a result named '"
                        + result.name() + "' instead of '" + experiment.name() + "'");
            }
            return result.withElapsed(Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // Errors that leave the JVM usable are recorded like exceptions; OutOfMemoryError and the like propagate.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ExperimentResult.failed(experiment, e, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
