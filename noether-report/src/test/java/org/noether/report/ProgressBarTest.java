package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Progress;

class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainModePrintsOnlyAFinalLineForQuickTasks() {
        ProgressBar bar = new ProgressBar(out, false, 100, now::get);
        try (Progress.Task t = bar.task("fit", 100)) {
            for (int i = 0; i < 100; i++) {
                t.step();
            }
            now.set(SECOND / 2);
        }
        assertEquals("fit: done 100/100 in 00:00" + System.lineSeparator(), output());
    }

    @Test
    void plainModePrintsQuarterMilestonesOfSlowTasks() {
        ProgressBar bar = new ProgressBar(out, false, 100, now::get);
        Progress.Task t = bar.task("train", 8);
        for (int i = 0; i < 8; i++) {
            now.addAndGet(3 * SECOND);
            t.message("loss " + i);
            t.step();
        }
        t.close();
        String[] lines = output().split("\\R");
        assertEquals(4, lines.length, output());
        assertEquals("train:  25%  2/8  00:06 eta 00:18  loss 1", lines[0]);
        assertTrue(lines[1].startsWith("train:  50%  4/8"), lines[1]);
        assertTrue(lines[2].startsWith("train:  75%  6/8"), lines[2]);
        assertEquals("train: done 8/8 in 00:24  loss 7", lines[3]);
    }

    @Test
    void plainModeReportsUnfinishedTasks() {
        ProgressBar bar = new ProgressBar(out, false, 100, now::get);
        Progress.Task t = bar.task("eval", 10);
        t.advance(3);
        t.close();
        t.close();
        t.step();
        assertEquals("eval: stopped at 3/10 in 00:00" + System.lineSeparator(), output());
    }

    @Test
    void consoleModeRedrawsOneLineInPlace() {
        ProgressBar bar = new ProgressBar(out, true, 100, now::get);
        Progress.Task t = bar.task("train", 4);
        now.addAndGet(SECOND);
        t.step();
        now.addAndGet(SECOND);
        t.step();
        t.close();
        String s = output();
        assertTrue(s.startsWith("\rtrain  ["), s);
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "only the closing newline");
        assertTrue(s.contains("  25%  1/4  00:01 eta 00:03"), s);
        assertTrue(s.contains("[============>           ]  50%  2/4  00:02 eta 00:02"), s);
        assertTrue(s.endsWith("\n"));
    }

    @Test
    void consoleModeThrottlesRedraws() {
        ProgressBar bar = new ProgressBar(out, true, 100, now::get);
        Progress.Task t = bar.task("fast", 1000);
        for (int i = 0; i < 1000; i++) {
            t.step();
        }
        t.close();
        long redraws = output().chars().filter(c -> c == '\r').count();
        assertEquals(2, redraws, "the opening and the closing draw only");
    }

    @Test
    void consoleLinesNeverWrap() {
        ProgressBar bar = new ProgressBar(out, true, 50, now::get);
        Progress.Task t = bar.task("a rather long label for a task", 10);
        t.message("x".repeat(200));
        t.close();
        for (String part : output().split("[\r\n]")) {
            assertTrue(part.length() < 50, part.length() + ": " + part);
        }
    }

    @Test
    void unknownTotalsShowCounts() {
        ProgressBar bar = new ProgressBar(out, false, 100, now::get);
        Progress.Task t = bar.task("scan", 0);
        t.advance(7);
        t.close();
        assertEquals("scan: done 7 in 00:00" + System.lineSeparator(), output());
        assertFalse(output().contains("%"));
    }

    @Test
    void clockTimeSwitchesToHours() {
        assertEquals("00:59", ProgressBar.clockTime(59 * SECOND));
        assertEquals("59:59", ProgressBar.clockTime(3599 * SECOND));
        assertEquals("1:01:01", ProgressBar.clockTime(3661 * SECOND));
    }
}
