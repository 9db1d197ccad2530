package org.noether.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.NoetherUserException;

class DataStoreTest {
    @TempDir
    Path dir;

    @Test
    void fetchFromAFolderCopiesAndValidates() throws Exception {
        Path src = dir.resolve("src/nested");
        IdxTest.writeDataset(src, true);
        Path root = dir.resolve("root");
        Path got = DataStore.fetch("mnist", root, dir.resolve("src"));
        assertEquals(root.resolve("mnist"), got);
        assertTrue(DataStore.isPresent("mnist", root));
        assertEquals(5, DataStore.load("mnist", root).train().size());
        // idempotent: a second fetch with the data present does nothing and succeeds
        assertEquals(got, DataStore.fetch("MNIST", root, null));
    }

    @Test
    void unknownNamesAndMissingDataAreUserErrors() {
        var e = assertThrows(NoetherUserException.class, () -> DataStore.fetch("cifar", dir, null));
        assertTrue(e.getMessage().contains("known: mnist, fashion-mnist"), e.getMessage());
        var m = assertThrows(NoetherUserException.class, () -> DataStore.load("fashion-mnist", dir));
        assertTrue(m.getMessage().contains("noether data fetch fashion-mnist"), m.getMessage());
    }

    @Test
    void tarReaderExtractsRegularFilesAndRefusesEscapes() throws IOException {
        Path tgz = dir.resolve("a.tgz");
        writeTgz(tgz, "package/data/x.bin", "hello".getBytes(StandardCharsets.US_ASCII));
        DataStore.Tar.extractGzip(tgz, dir.resolve("out"));
        assertEquals("hello", Files.readString(dir.resolve("out/package/data/x.bin")));
        Path evil = dir.resolve("evil.tgz");
        writeTgz(evil, "../../escape.txt", new byte[] {1});
        assertThrows(IOException.class, () -> DataStore.Tar.extractGzip(evil, dir.resolve("out2")));
    }

    static void writeTgz(Path file, String name, byte[] content) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = '0';
        b.write(h);
        b.write(content);
        b.write(new byte[(512 - content.length % 512) % 512]);
        b.write(new byte[1024]);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(b.toByteArray());
        }
    }
}
