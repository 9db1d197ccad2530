package org.noether.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, int values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeByte(0);
        d.writeByte(0);
        d.writeByte(type);
        d.writeByte(dims.length);
        for (int x : dims) d.writeInt(x);
        for (int i = 0; i < values; i++) d.writeByte(i % 251);
        return b.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        }
        return b.toByteArray();
    }

    /** Writes a tiny complete data set: 5 training and 3 test images of 4x4. */
    static void writeDataset(Path folder, boolean gz) throws IOException {
        Files.createDirectories(folder);
        int[][] dims = {{5, 4, 4}, {5}, {3, 4, 4}, {3}};
        for (int i = 0; i < 4; i++) {
            byte[] raw = idx(8, dims[i], i % 2 == 0 ? dims[i][0] * 16 : dims[i][0]);
            String name = ImageDataset.FILES.get(i) + (gz ? ".gz" : "");
            Files.write(folder.resolve(name), gz ? gzip(raw) : raw);
        }
    }

    @Test
    void readsRawAndGzipImagesAndLabels() throws IOException {
        Path raw = dir.resolve("a"), gz = dir.resolve("b");
        writeDataset(raw, false);
        writeDataset(gz, true);
        ImageDataset a = ImageDataset.load(raw), b = ImageDataset.load(gz);
        assertEquals(5, a.train().size());
        assertEquals(3, b.test().size());
        assertEquals(4, a.train().images().rows());
        assertEquals(a.train().images().value(2, 1, 3), b.train().images().value(2, 1, 3));
        assertEquals((2 * 16 + 7) % 251 / 255f, a.train().images().value(2, 1, 3), 1e-7);
    }

    private String error(byte[] content) throws IOException {
        Path f = dir.resolve("bad-idx3-ubyte");
        Files.write(f, content);
        var e = assertThrows(Idx.IdxFormatException.class, () -> Idx.readImages(f));
        assertTrue(e.getMessage().contains("bad-idx3-ubyte"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        return e.getMessage();
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        byte[] good = idx(8, new int[] {2, 3, 3}, 18);
        byte[] magic = good.clone();
        magic[0] = 0x12;
        assertTrue(error(magic).contains("wrong magic number"));
        assertTrue(error(idx(0x0D, new int[] {2, 3, 3}, 18)).contains("not supported"));
        assertTrue(error(idx(8, new int[] {2}, 2)).contains("rank 1"));
        assertTrue(error(java.util.Arrays.copyOf(good, good.length - 5)).contains("truncated"));
        assertTrue(error(java.util.Arrays.copyOf(good, 9)).contains("truncated header"));
        assertTrue(error(new byte[] {0, 0}).contains("shorter than"));
        assertTrue(error(java.util.Arrays.copyOf(good, good.length + 3)).contains("after the"));
        byte[] gz = gzip(good);
        assertTrue(error(java.util.Arrays.copyOf(gz, gz.length - 12)).contains("truncated"));
        assertTrue(error("not an idx file at all".getBytes(StandardCharsets.US_ASCII))
                .contains("wrong magic"));
    }

    @Test
    void labelCountMismatchIsNamed() throws IOException {
        Path f = dir.resolve("c");
        writeDataset(f, false);
        Files.write(f.resolve("t10k-labels-idx1-ubyte"), idx(8, new int[] {4}, 4));
        var e = assertThrows(IllegalArgumentException.class, () -> ImageDataset.load(f));
        assertTrue(e.getMessage().contains("3 images but 4 labels"), e.getMessage());
    }

    @Test
    void missingFilesSayHowToFetch() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageDataset.load(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("noether data fetch"), e.getMessage());
    }
}
