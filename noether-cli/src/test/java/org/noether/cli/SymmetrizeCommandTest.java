package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noether symmetrize} on the TorchScript test model of noether-nn (a tiny CNN on 1x8x8 images). */
class SymmetrizeCommandTest {
    static final Path MODEL =
            Path.of("../noether-nn/src/test/resources/torchscript/tiny_cnn.pt").toAbsolutePath();

    /** An IDX3 file of {@code n} random {@code size x size} images. */
    static Path images(Path dir, int n, int size, long seed) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + n * size * size);
        b.putInt(0x00000803).putInt(n).putInt(size).putInt(size);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n * size * size; i++) {
            b.put((byte) r.nextInt(256));
        }
        Path p = dir.resolve("images-" + size + ".idx");
        Files.write(p, b.array());
        return p;
    }

    static Path labels(Path dir, int n) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i % 5).append('\n');
        }
        Path p = dir.resolve("labels.txt");
        Files.writeString(p, s);
        return p;
    }

    @Test
    void symmetrizedModelIsInvariantAndTheReportIsWritten(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        var r = GroupCommandsTest.run(
                "symmetrize",
                "--model",
                MODEL.toString(),
                "--group",
                "D4",
                "--method",
                "equizero",
                "--input",
                images(dir, 40, 8, 1).toString(),
                "--labels",
                labels(dir, 40).toString(),
                "--batch",
                "16",
                "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("group D4 (order 8), method equizero"), r.out());
        String json = Files.readString(out.resolve("symmetrize.json"));
        assertTrue(json.contains("\"samples\": 40"), json);
        // the invariance error of the symmetrized model is float32 rounding; the plain model's is not
        String sym = json.substring(json.indexOf("\"symmetrized\""));
        double symError = Double.parseDouble(
                sym.replaceAll("(?s).*\"invarianceError\": ([^}]+)}.*", "$1").strip());
        String plain = json.substring(json.indexOf("\"plain\""), json.indexOf("\"symmetrized\""));
        double plainError = Double.parseDouble(
                plain.replaceAll("(?s).*\"invarianceError\": ([^}]+)}.*", "$1").strip());
        assertTrue(symError < 1e-5, json);
        assertTrue(plainError > 1e-2, json);
        assertTrue(Files.exists(out.resolve("symmetrize.md")));
    }

    @Test
    void imagesOfTheWrongShapeGiveOneLineErrorWithBothShapes(@TempDir Path dir) throws IOException {
        var r = GroupCommandsTest.run(
                "symmetrize",
                "--model",
                MODEL.toString(),
                "--group",
                "C4",
                "--input",
                images(dir, 4, 10, 2).toString(),
                "--labels",
                labels(dir, 4).toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(
                r.err()
                        .contains("the model expects inputs of shape [N, 1, 8, 8], the images of images-10.idx are "
                                + "[N, 1, 10, 10]"),
                r.err());
    }

    @Test
    void unknownGroupOrMethodIsAUsageError(@TempDir Path dir) throws IOException {
        Path in = images(dir, 4, 8, 3);
        Path lab = labels(dir, 4);
        var g = GroupCommandsTest.run(
                "symmetrize",
                "--model",
                MODEL.toString(),
                "--group",
                "C3",
                "--input",
                in.toString(),
                "--labels",
                lab.toString());
        assertEquals(2, g.code(), g.err());
        assertTrue(g.err().contains("accepted: C1, C2, C4, D1, D2, D4"), g.err());
        var m = GroupCommandsTest.run(
                "symmetrize",
                "--model",
                MODEL.toString(),
                "--group",
                "C4",
                "--method",
                "mean",
                "--input",
                in.toString(),
                "--labels",
                lab.toString());
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("unknown method 'mean'"), m.err());
    }
}
