package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ResultCache cache(long seed) {
        return ResultCache.open(dir, Fingerprint.of("demo.exp", Profile.QUICK, seed, 1, "config-a"), log::add);
    }

    @Test
    void computesOnceThenReuses() {
        AtomicInteger calls = new AtomicInteger();
        double[] first = cache(0).doubles("row", () -> {
            calls.incrementAndGet();
            return new double[] {1.5, Math.PI};
        });
        double[] second = cache(0).doubles("row", () -> {
            calls.incrementAndGet();
            return new double[] {0};
        });
        assertArrayEquals(first, second, 0);
        assertEquals(1, calls.get());
        assertTrue(log.isEmpty());
    }

    @Test
    void anotherSeedNeverReusesAnEntry() {
        cache(5).doubles("row", () -> new double[] {5});
        double[] v = cache(0).doubles("row", () -> new double[] {0});
        assertEquals(0, v[0], 0);
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("another run"), log.get(0));
    }

    @Test
    void truncatedOrFlippedEntriesAreRecomputedAndLogged() throws IOException {
        cache(0).doubles("row", () -> new double[] {1, 2, 3});
        Path f = dir.resolve("row.entry");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertEquals(9, cache(0).doubles("row", () -> new double[] {9})[0], 0);
        assertTrue(log.get(0).contains("truncated"), log.get(0));

        bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);
        assertEquals(7, cache(0).doubles("row", () -> new double[] {7})[0], 0);
        assertTrue(log.get(1).contains("checksum"), log.get(1));
    }

    @Test
    void namedValuesKeepOrderAndBits() {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("psnr", 23.84);
        row.put("ssim", 0.1 + 0.2);
        Map<String, Double> back = cache(0).values("r", () -> row);
        Map<String, Double> again = cache(0).values("r", () -> Map.of());
        assertEquals(List.of("psnr", "ssim"), new ArrayList<>(again.keySet()));
        assertEquals(0.1 + 0.2, again.get("ssim"), 0);
        assertEquals(back, again);
    }

    @Test
    void staleTemporariesAreCleanedOnOpen() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("row.entry" + AtomicFiles.TMP_MARKER + "123-4"), "half");
        cache(0);
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
