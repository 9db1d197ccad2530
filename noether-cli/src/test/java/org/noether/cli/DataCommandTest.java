package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noether data fetch|where} through the CLI: installs that validate first, and user errors in one line. */
class DataCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Writes four IDX files: 5 training and 3 test images of 4x4, labels 0..4 and 0..2, then the given test labels. */
    private static void writeDataset(Path folder, boolean gz, byte... testLabels) throws IOException {
        Files.createDirectories(folder);
        byte[] labels = testLabels.length > 0 ? testLabels : new byte[] {0, 1, 2};
        write(folder, FILES.get(0), gz, idx(new int[] {5, 4, 4}, ramp(80)));
        write(folder, FILES.get(1), gz, idx(new int[] {5}, new byte[] {0, 1, 2, 3, 4}));
        write(folder, FILES.get(2), gz, idx(new int[] {labels.length, 4, 4}, ramp(labels.length * 16)));
        write(folder, FILES.get(3), gz, idx(new int[] {labels.length}, labels));
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    private static byte[] idx(int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write(new byte[] {0, 0, 8, (byte) dims.length});
        for (int x : dims) {
            d.writeInt(x);
        }
        d.write(values);
        return b.toByteArray();
    }

    private static void write(Path folder, String stem, boolean gz, byte[] raw) throws IOException {
        if (!gz) {
            Files.write(folder.resolve(stem), raw);
            return;
        }
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(folder.resolve(stem + ".gz")))) {
            o.write(raw);
        }
    }

    private String where(Path root) {
        Cli w = Cli.run("data", "where", "--root", root.toString());
        assertEquals(0, w.code(), w.err());
        return w.out();
    }

    private static List<String> hidden(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }

    @Test
    void corruptFilesAreRejectedWithoutBeingInstalled() throws Exception {
        Path bad = tmp.resolve("bad");
        writeDataset(bad, false);
        Path images = bad.resolve(FILES.get(0));
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 40)); // truncated
        Path root = tmp.resolve("data");

        String e = Cli.run("data", "fetch", "mnist", "--from", bad.toString(), "--root", root.toString())
                .assertUserErrorAfterProgress();
        assertTrue(e.contains(images.toString()) && e.contains("truncated") && e.contains("nothing was installed"), e);
        assertFalse(Files.exists(root.resolve("mnist")), "no invalid files are left installed");
        assertTrue(where(root).contains("mnist: missing"), where(root));
        assertEquals(List.of(), hidden(root), "no staging folder is left");

        Path good = tmp.resolve("good");
        writeDataset(good, true);
        Cli ok = Cli.run("data", "fetch", "mnist", "--from", good.toString(), "--root", root.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(where(root).contains("mnist: present, 5 training and 3 test images of 4x4"), where(root));
        Cli again = Cli.run("data", "fetch", "mnist", "--root", root.toString());
        assertEquals(0, again.code(), "a valid install is kept as it is: " + again.err());

        Cli.run("data", "fetch", "mnist", "--from", bad.toString(), "--root", root.toString())
                .assertUserErrorAfterProgress();
        assertTrue(
                where(root).contains("mnist: present, 5 training and 3 test images of 4x4"),
                "a failed fetch leaves the valid install in place: " + where(root));
        assertEquals(List.of(), hidden(root));
    }

    @Test
    void invalidInstalledFilesAreShownByWhereAndReplacedByFetch() throws Exception {
        Path root = tmp.resolve("data");
        Path installed = root.resolve("mnist");
        writeDataset(installed, false);
        Files.write(
                installed.resolve(FILES.get(1)), new byte[] {0, 0, 8, 1, 0, 0, 0, 9, 1}); // 9 labels promised, 1 given
        String w = where(root);
        assertTrue(w.contains("mnist: INVALID: ") && w.contains(FILES.get(1)) && w.contains("replaces it"), w);
        assertTrue(w.contains("fashion-mnist: missing"), w);

        Path good = tmp.resolve("good");
        writeDataset(good, true);
        Cli ok = Cli.run("data", "fetch", "mnist", "--from", good.toString(), "--root", root.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(where(root).contains("mnist: present, 5 training and 3 test images of 4x4"), where(root));
        assertFalse(
                Files.exists(installed.resolve(FILES.get(1))),
                "the invalid raw file is gone, not shadowing the new .gz");
    }

    @Test
    void labelsOutsideZeroToNineAreRejectedNamingTheFile() throws Exception {
        Path src = tmp.resolve("src");
        writeDataset(src, false, (byte) 3, (byte) 66, (byte) 1);
        Path root = tmp.resolve("data");
        String e = Cli.run("data", "fetch", "mnist", "--from", src.toString(), "--root", root.toString())
                .assertUserErrorAfterProgress();
        assertTrue(
                e.contains(src.resolve(FILES.get(3)).toString())
                        && e.contains("label 66 at position 1 is outside 0..9"),
                e);
        assertFalse(Files.exists(root.resolve("mnist")));

        Files.createDirectories(root);
        writeDataset(root.resolve("fashion-mnist"), false, (byte) 10);
        assertTrue(
                where(root).contains("fashion-mnist: INVALID: ") && where(root).contains("label 10"), where(root));
    }

    @Test
    void aMissingSourceOrARootThatIsAFileAreOneLineUserErrors() throws Exception {
        Path root = tmp.resolve("data");
        String none = Cli.run(
                        "data",
                        "fetch",
                        "mnist",
                        "--from",
                        tmp.resolve("nonexistent").toString(),
                        "--root",
                        root.toString())
                .assertOneLineUserError();
        assertTrue(none.contains("--from " + tmp.resolve("nonexistent") + ": no such folder"), none);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String fromFile = Cli.run("data", "fetch", "mnist", "--from", file.toString(), "--root", root.toString())
                .assertOneLineUserError();
        assertTrue(fromFile.contains("is a file"), fromFile);
        Path good = tmp.resolve("good");
        writeDataset(good, false);
        String rootFile = Cli.run("data", "fetch", "mnist", "--from", good.toString(), "--root", file.toString())
                .assertOneLineUserError();
        assertTrue(rootFile.contains("data folder " + file + " is a file"), rootFile);
        Cli.run("data", "where", "--root", file.toString()).assertOneLineUserError();
        String unknown =
                Cli.run("data", "fetch", "cifar", "--root", root.toString()).assertOneLineUserError();
        assertTrue(unknown.contains("known: mnist, fashion-mnist"), unknown);
    }
}
