package org.noether.vision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finished rows of a run, one tab-separated line each ({@code protocol key, row key, zero-shot, fine-tuned}), so an
 * interrupted run resumes where it stopped. Lines of another protocol are ignored.
 */
final class RowCache {

    private final Path file;
    private final String protocolKey;
    private final Map<String, double[]> rows = new HashMap<>();

    private RowCache(Path file, String protocolKey) {
        this.file = file;
        this.protocolKey = protocolKey;
    }

    static RowCache open(Path file, String protocolKey) throws IOException {
        RowCache cache = new RowCache(file, protocolKey);
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f.length == 4 && f[0].equals(protocolKey)) {
                    try {
                        cache.rows.put(f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                    } catch (NumberFormatException e) {
                        // a line cut short by an interrupted write: that row is simply run again
                    }
                }
            }
        }
        return cache;
    }

    double[] get(String key) {
        double[] v = rows.get(key);
        return v == null ? null : v.clone();
    }

    void put(String key, double zeroShot, double fineTuned) throws IOException {
        if (key.contains("\t") || key.contains("\n")) {
            throw new IllegalArgumentException("row key with a tab or newline: " + key);
        }
        rows.put(key, new double[] {zeroShot, fineTuned});
        String line = String.format(Locale.ROOT, "%s\t%s\t%.17g\t%.17g%n", protocolKey, key, zeroShot, fineTuned);
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
