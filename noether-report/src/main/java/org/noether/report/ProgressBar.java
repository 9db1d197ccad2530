package org.noether.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.noether.experiment.Progress;

/**
 * Shows {@link Progress} tasks on a terminal.
 *
 * <p>On a console the current line is redrawn in place (carriage return) at most ten times a second:
 * <pre>
 * training  [==========&gt;           ]  45%  45/100  00:12 eta 00:15  loss 0.231
 * </pre>
 * Elsewhere (a CI log, a file) it prints a plain line only at 25/50/75% and at most every 30 seconds, plus
 * one line when the task closes, so logs stay short.
 *
 * <pre>{@code
 * Progress progress = ProgressBar.forConsole(System.err);
 * try (Progress.Task t = progress.task("training", epochs)) { ... t.step(); }
 * }</pre>
 */
public final class ProgressBar implements Progress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_MIN_NANOS = 2_000_000_000L;
    private static final long PLAIN_MAX_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final int width;
    private final LongSupplier clock;
    /** Length of what is on the current console line, so a shorter redraw can blank the rest. */
    private int drawn;

    /**
     * @param out         where to print, usually {@code System.err} so that standard output stays clean
     * @param interactive redraw one line in place; otherwise print occasional plain lines
     */
    public ProgressBar(PrintStream out, boolean interactive) {
        this(out, interactive, terminalWidth(), System::nanoTime);
    }

    ProgressBar(PrintStream out, boolean interactive, int width, LongSupplier clock) {
        this.out = out;
        this.interactive = interactive;
        this.width = Math.max(40, width);
        this.clock = clock;
    }

    /** A bar that redraws in place when this JVM has a console that is not a dumb terminal. */
    public static ProgressBar forConsole(PrintStream out) {
        boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(out, tty);
    }

    private static int terminalWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 100 : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public Task task(String label, long total) {
        return new BarTask(label == null ? "" : label, total);
    }

    private final class BarTask implements Task {
        private final String label;
        private final long total;
        private final long start;
        private long done;
        private String message = "";
        private long lastPrint;
        private int lastQuarter;
        private boolean closed;

        BarTask(String label, long total) {
            this.label = label;
            this.total = total;
            this.start = clock.getAsLong();
            this.lastPrint = start;
            if (interactive) {
                synchronized (ProgressBar.this) {
                    redraw(start);
                }
            }
        }

        @Override
        public void advance(long n) {
            synchronized (ProgressBar.this) {
                if (closed) {
                    return;
                }
                done += n;
                update(false);
            }
        }

        @Override
        public void message(String text) {
            synchronized (ProgressBar.this) {
                if (closed) {
                    return;
                }
                message = text == null ? "" : text.strip().replaceAll("\\s+", " ");
                update(false);
            }
        }

        @Override
        public void close() {
            synchronized (ProgressBar.this) {
                if (closed) {
                    return;
                }
                closed = true;
                update(true);
            }
        }

        private void update(boolean finished) {
            long now = clock.getAsLong();
            if (interactive) {
                if (finished || now - lastPrint >= REDRAW_NANOS) {
                    redraw(now);
                    lastPrint = now;
                }
                if (finished) {
                    out.print('\n');
                    out.flush();
                    drawn = 0;
                }
                return;
            }
            if (finished) {
                out.println(summary(now));
                out.flush();
                return;
            }
            int quarter = total > 0 ? (int) Math.min(4, 4 * done / total) : 0;
            boolean milestone = quarter > lastQuarter && quarter < 4 && now - lastPrint >= PLAIN_MIN_NANOS;
            if (milestone || now - lastPrint >= PLAIN_MAX_NANOS) {
                out.println(line(now));
                out.flush();
                lastPrint = now;
            }
            lastQuarter = Math.max(lastQuarter, quarter);
        }

        private void redraw(long now) {
            String text = line(now);
            if (text.length() > width - 1) {
                text = text.substring(0, width - 2) + "…";
            }
            int pad = Math.max(0, drawn - text.length());
            out.print("\r" + text + " ".repeat(pad));
            out.flush();
            drawn = text.length();
        }

        /** The in-progress line: label, bar, percent, counts, elapsed, estimate, message. */
        String line(long now) {
            StringBuilder sb = new StringBuilder(label);
            long elapsed = now - start;
            if (total > 0) {
                double f = Math.min(1, Math.max(0, done / (double) total));
                if (interactive) {
                    int cells = 24;
                    int full = (int) Math.floor(f * cells);
                    sb.append("  [")
                            .append("=".repeat(full))
                            .append(full < cells ? ">" : "")
                            .append(" ".repeat(Math.max(0, cells - full - 1)))
                            .append(']');
                } else {
                    sb.append(':');
                }
                sb.append(String.format(
                        Locale.ROOT, " %3d%%  %d/%d  %s", (int) Math.floor(f * 100), done, total, clockTime(elapsed)));
                if (done > 0 && done < total) {
                    sb.append(" eta ").append(clockTime((long) (elapsed / (double) done * (total - done))));
                }
            } else {
                sb.append(interactive ? "  " : ": ")
                        .append(done)
                        .append(" done  ")
                        .append(clockTime(elapsed));
            }
            if (!message.isEmpty()) {
                sb.append("  ").append(message);
            }
            return sb.toString();
        }

        /** The closing line printed without a console. */
        private String summary(long now) {
            String elapsed = clockTime(now - start);
            String counts = total > 0 ? done + "/" + total : Long.toString(done);
            String verb = total > 0 && done < total ? "stopped at " : "done ";
            return label + ": " + verb + counts + " in " + elapsed + (message.isEmpty() ? "" : "  " + message);
        }
    }

    /** "mm:ss", or "h:mm:ss" from an hour on. */
    static String clockTime(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
