package org.noether.language.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes SCAN's text format, one example a line: {@code IN: jump twice OUT: I_JUMP I_JUMP}. Lines are
 * checked: a missing {@code IN:} or {@code OUT:}, an unknown word or action, gives an error naming the file and line.
 * The command is not re-interpreted, so published files with their own conventions load as they are.
 */
public final class ScanFile {
    private ScanFile() {}

    public static List<ScanExample> read(Path file) throws IOException {
        List<ScanExample> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                out.add(parse(line, file, n));
            }
        }
        return out;
    }

    static ScanExample parse(String line, Path file, int n) {
        String t = line.strip();
        if (!t.startsWith("IN:")) throw error(file, n, "line does not start with 'IN:'");
        int o = t.indexOf(" OUT:");
        if (o < 0) throw error(file, n, "missing 'OUT:'");
        List<String> cmd = words(t.substring(3, o));
        List<String> act = words(t.substring(o + 5));
        if (cmd.isEmpty()) throw error(file, n, "empty command");
        for (String w : cmd) if (!Scan.COMMAND_WORDS.contains(w)) throw error(file, n, "unknown word '" + w + "'");
        for (String a : act) if (!Scan.ACTIONS.contains(a)) throw error(file, n, "unknown action '" + a + "'");
        return new ScanExample(cmd, act);
    }

    private static List<String> words(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    private static IllegalArgumentException error(Path file, int line, String why) {
        return new IllegalArgumentException(file + ":" + line + ": " + why);
    }

    public static void write(Path file, List<ScanExample> examples) throws IOException {
        List<String> lines = new ArrayList<>(examples.size());
        for (ScanExample e : examples) lines.add(e.toLine());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
