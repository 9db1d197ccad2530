package org.noether.meanfield;

/**
 * Decides, step by step, whether a multi-threaded training run uses its helper threads or runs on one thread, from
 * the step rates it measures: whichever mode was faster in its latest window runs, and the other mode is tried again
 * for a short probe now and then (at most {@link #PROBE_SHARE} of the time since the last probe), so that a change
 * in the machine's load is noticed. On a shared machine, where another process holds a core, two threads meeting
 * four times per step can be far slower than one; this keeps a run close to the faster of the two. The numbers do not
 * depend on the choice: every block of particles is computed the same way by whichever thread takes it.
 *
 * <pre>{@code
 * ThreadChoice choice = new ThreadChoice(System.nanoTime());
 * for (long s = 0; s < steps; s++) {
 *     if (choice.parallel()) stepWithHelpers(); else stepAlone();
 *     choice.stepDone(System.nanoTime());
 * }
 * }</pre>
 */
final class ThreadChoice {
    /** First windows: each mode is timed for this long before the faster one is chosen. */
    static final long PROBE_NANOS = 1_000_000;
    /** The first window of the chosen mode; it doubles (up to {@link #MAX_MAIN_NANOS}) while the choice stands. */
    static final long MIN_MAIN_NANOS = 20_000_000;

    static final long MAX_MAIN_NANOS = 80_000_000;
    /** A probe of the other mode lasts at most this share of the window before it. */
    static final double PROBE_SHARE = 0.02;

    private boolean parallel = true;
    private boolean probing = true;
    private boolean calibrated;
    private long windowStart;
    private long windowLength = PROBE_NANOS;
    private long windowSteps;
    private long mainLength = MIN_MAIN_NANOS;
    /** Steps per nanosecond of each mode in its latest window; NaN before it ran. */
    private double parallelRate = Double.NaN;

    private double serialRate = Double.NaN;
    private long parallelSteps;
    private long serialSteps;

    ThreadChoice(long now) {
        windowStart = now;
    }

    /** Whether the next step should use the helper threads. */
    boolean parallel() {
        return parallel;
    }

    /** Records that a step in the current mode ended at {@code now} (from {@link System#nanoTime}). */
    void stepDone(long now) {
        windowSteps++;
        if (parallel) parallelSteps++;
        else serialSteps++;
        long elapsed = now - windowStart;
        if (elapsed < windowLength) return;
        double rate = windowSteps / (double) Math.max(1, elapsed);
        if (parallel) parallelRate = rate;
        else serialRate = rate;
        boolean other = !parallel;
        if (!calibrated) {
            if (Double.isNaN(serialRate)) { // first probe (parallel) done: probe serial
                start(other, PROBE_NANOS, now, true);
                return;
            }
            calibrated = true;
            start(parallelRate >= serialRate, mainLength, now, false);
            return;
        }
        if (!probing) { // a main window ended: probe the other mode briefly
            start(other, Math.max(1, (long) (PROBE_SHARE * elapsed)), now, true);
            return;
        }
        // a probe ended: keep the faster mode
        boolean best = parallelRate >= serialRate;
        if (best == other) mainLength = Math.min(MAX_MAIN_NANOS, 2 * mainLength); // the probe confirmed the choice
        else mainLength = MIN_MAIN_NANOS;
        start(best, mainLength, now, false);
    }

    private void start(boolean parallelMode, long length, long now, boolean probe) {
        parallel = parallelMode;
        windowLength = length;
        windowStart = now;
        windowSteps = 0;
        probing = probe;
    }

    /** Steps run with the helpers so far. */
    long parallelSteps() {
        return parallelSteps;
    }

    /** Steps run on one thread so far. */
    long serialSteps() {
        return serialSteps;
    }
}
