package org.noether.experiment;

/**
 * A reproducible experiment that the {@code noether reproduce} command can run.
 *
 * <p>Implementations need a public no-argument constructor and a line with their fully qualified class
 * name in {@code src/main/resources/META-INF/services/org.noether.experiment.Experiment} of their module.
 * They must derive all randomness from {@link ExperimentContext#seed()} so that a run can be repeated.
 *
 * <pre>{@code
 * public final class GroupAveragingExperiment implements Experiment {
 *     public String name() { return "core.group-averaging"; }
 *     public String title() { return "Group averaging makes any map equivariant"; }
 *     public String description() { return "Averages random maps over C_n and measures the equivariance error."; }
 *     public ExperimentResult run(ExperimentContext ctx) {
 *         int trials = ctx.byProfile(10, 1000);
 *         try (Progress.Task task = ctx.progress().task("trials", trials)) {
 *             for (int i = 0; i < trials; i++) { ...; task.step(); }
 *         }
 *         return ExperimentResult.builder(this).summary("Error drops to round-off.").metric("error", err).build();
 *     }
 * }
 * }</pre>
 */
public interface Experiment {

    /**
     * A stable identifier, {@code <module>.<kebab-case-name>} such as {@code "core.group-averaging"}.
     * It is used on the command line and in file names, so it must match {@link Experiments#NAME_PATTERN}.
     */
    String name();

    /** A short human-readable title for the report. */
    String title();

    /** One or two sentences saying what the experiment shows; printed by {@code reproduce --list}. */
    String description();

    /**
     * Runs the experiment.
     *
     * @param ctx profile, seed, a private output folder and progress reporting
     * @return the tables, figures and metrics of this run; its {@link ExperimentResult#name()} must equal {@link #name()}
     * @throws Exception any failure; the runner records it and moves on to the next experiment
     */
    ExperimentResult run(ExperimentContext ctx) throws Exception;

    /**
     * A rough wall time in seconds of one run under {@code profile} on one core, used only for scheduling: parallel
     * runs start the longest first, so that a long experiment does not start last and finish alone. It never changes
     * what the experiment computes. The default, 60 s, suits a short experiment.
     */
    default double expectedSeconds(Profile profile) {
        return 60;
    }
}
