package org.noether.experiment;

/**
 * Receives progress reports from a running experiment; the CLI shows them as terminal progress bars.
 *
 * <pre>{@code
 * try (Progress.Task task = ctx.progress().task("training", epochs)) {
 *     for (int epoch = 0; epoch < epochs; epoch++) {
 *         double loss = trainOneEpoch();
 *         task.message("loss " + loss);
 *         task.step();
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must tolerate calls from several threads.
 */
@FunctionalInterface
public interface Progress {

    /** Discards every report; handy in tests and for experiments run outside the CLI. */
    Progress NONE = (label, total) -> Task.NONE;

    /**
     * Discards progress and hands every {@link #log} line to {@code lines}, e.g. to check what a run told its user:
     * {@code List<String> seen = new ArrayList<>(); Progress p = Progress.logTo(seen::add);}. The consumer must
     * tolerate calls from several threads if the experiment makes them.
     */
    static Progress logTo(java.util.function.Consumer<String> lines) {
        java.util.Objects.requireNonNull(lines, "lines");
        return new Progress() {
            @Override
            public Task task(String label, long total) {
                return Task.NONE;
            }

            @Override
            public void log(String line) {
                lines.accept(line);
            }
        };
    }

    /**
     * Starts a unit of work.
     *
     * @param label what is being done, e.g. {@code "training"}
     * @param total the number of steps expected, or {@code 0} (or less) when it is not known in advance
     * @return a task to advance and finally close
     */
    Task task(String label, long total);

    /**
     * Reports one line worth a user's attention that is not progress (a checkpoint found corrupt and recomputed,
     * a restart after a non-finite loss). The default writes it to standard error.
     */
    default void log(String line) {
        System.err.println(line);
    }

    /** One unit of work with a known (or unknown) number of steps. Closing it marks it finished. */
    interface Task extends AutoCloseable {

        /** A task that ignores everything. */
        Task NONE = new Task() {
            @Override
            public void advance(long n) {}

            @Override
            public void message(String message) {}

            @Override
            public void close() {}
        };

        /** Records that {@code n} more steps are done. */
        void advance(long n);

        /** Records that one more step is done. */
        default void step() {
            advance(1);
        }

        /** Shows a short status text next to the bar, e.g. the current loss; replaces the previous one. */
        void message(String message);

        /** Marks the task finished; further calls have no visible effect. Closing twice is allowed. */
        @Override
        void close();
    }
}
