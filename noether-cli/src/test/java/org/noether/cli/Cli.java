package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the CLI in-process, as a user would type it, and keeps what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(o, e, args);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Exit 2 with exactly one line on standard error, no stack trace; returns that line. */
    String assertOneLineUserError() {
        assertEquals(Main.EXIT_USAGE, code, err);
        assertEquals(1, errLines().size(), err);
        assertFalse(err.contains("\tat "), err);
        return errLines().get(0);
    }

    /** Exit 2 after progress lines: the error is the last line, alone, with no stack trace; returns it. */
    String assertUserErrorAfterProgress() {
        assertEquals(Main.EXIT_USAGE, code, err);
        assertFalse(err.contains("\tat "), err);
        List<String> lines = errLines();
        return lines.get(lines.size() - 1);
    }
}
