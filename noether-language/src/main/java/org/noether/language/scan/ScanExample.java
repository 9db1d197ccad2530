package org.noether.language.scan;

import java.util.List;

/** One SCAN example: a command (words) and the action sequence it means. */
public record ScanExample(List<String> command, List<String> actions) {
    public ScanExample {
        command = List.copyOf(command);
        actions = List.copyOf(actions);
    }

    /** The standard text line {@code IN: jump twice OUT: I_JUMP I_JUMP}. */
    public String toLine() {
        return "IN: " + String.join(" ", command) + " OUT: " + String.join(" ", actions);
    }

    public String commandText() {
        return String.join(" ", command);
    }
}
