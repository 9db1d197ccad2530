package org.noether.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.NoetherUserException;

class MeshReaderTest {

    static final String SQUARE_PYRAMID = """
            OFF
            # a square pyramid: one quad (two triangles) and four triangles
            5 5 0
            -1 -1 0
             1 -1 0
             1  1 0
            -1  1 0
             0  0 1
            4 0 1 2 3
            3 0 1 4
            3 1 2 4
            3 2 3 4
            3 3 0 4 0.5 0.5 0.5
            """;

    @Test
    void offPolygonsBecomeFans() throws IOException {
        Mesh m = MeshReader.readOff("p.off", SQUARE_PYRAMID);
        assertEquals(5, m.vertexCount());
        assertEquals(6, m.triangleCount());
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, java.util.Arrays.copyOf(m.triangles(), 6));
        assertEquals(1.0, m.vertices()[14]);
        // counts on the header line, and COFF vertex colours, are accepted
        Mesh c = MeshReader.readOff(
                "c.off", "COFF 3 1 0\n0 0 0 255 0 0 255\n1 0 0 0 255 0 255\n0 1 0 0 0 255 255\n3 0 1 2\n");
        assertEquals(1, c.triangleCount());
    }

    @Test
    void malformedOffFilesAreRefusedWithFileAndLine() {
        String[][] cases = {
            {"PLY\n3 1 0\n", "bad.off:1: expected the header OFF"},
            {"OFF\n3 1\n", "bad.off:2: expected the counts"},
            {"OFF\n3 1 0\n0 0 0\n1 0 x\n0 1 0\n3 0 1 2\n", "bad.off:4: coordinate 'x' is not a finite number"},
            {"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n", "bad.off:6: face 0 names vertex 3 of 3"},
            {"OFF\n3 2 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n", "bad.off:6: the file ends before face 1 of 2"},
            {"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n3 0 1 2\n", "bad.off:7: data after the last of 1 faces"},
            {"OFF\n3 1 0\n0 0 0 7\n1 0 0\n0 1 0\n3 0 1 2\n", "bad.off:3: vertex 0 has 4 numbers; OFF expects 3"},
            {"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n2 0 1\n", "bad.off:6: face 0 has 2 vertices"},
            {"OFF BINARY\n", "bad.off:1: binary OFF is not supported"},
        };
        for (String[] c : cases) {
            NoetherUserException e =
                    assertThrows(NoetherUserException.class, () -> MeshReader.readOff("bad.off", c[0]));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage() + " should start with " + c[1]);
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void asciiAndBinaryPlyAgree() throws IOException {
        String header = "ply\nformat %s 1.0\ncomment test\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nproperty uchar red\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        String ascii = String.format(header, "ascii") + "0 0 0 9\n1 0 0 9\n0 1 0.5 9\n3 0 1 2\n";
        Mesh a = MeshReader.readPly("a.ply", ascii.getBytes(StandardCharsets.US_ASCII));
        byte[] head = String.format(header, "binary_little_endian").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(head.length + 3 * 13 + 13).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        float[][] v = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0.5f}};
        for (float[] p : v) {
            for (float x : p) b.putFloat(x);
            b.put((byte) 9);
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        Mesh bin = MeshReader.readPly("b.ply", b.array());
        assertArrayEquals(a.vertices(), bin.vertices());
        assertArrayEquals(a.triangles(), bin.triangles());
        NoetherUserException e = assertThrows(
                NoetherUserException.class,
                () -> MeshReader.readPly(
                        "a.ply", ascii.replace("3 0 1 2", "3 0 1 5").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().startsWith("a.ply:15: face 0 names vertex 5 of 3"), e.getMessage());
        e = assertThrows(
                NoetherUserException.class,
                () -> MeshReader.readPly("b.ply", java.util.Arrays.copyOf(b.array(), b.array().length - 2)));
        assertTrue(e.getMessage().startsWith("b.ply (byte "), e.getMessage());
    }

    @Test
    void asciiAndBinaryStlAgree(@TempDir Path tmp) throws IOException {
        String ascii = "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\n"
                + "endfacet\nendsolid t\n";
        Path a = tmp.resolve("a.stl");
        Files.writeString(a, ascii);
        ByteBuffer b = ByteBuffer.allocate(84 + 50).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(1);
        b.putFloat(0).putFloat(0).putFloat(1);
        for (float x : new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}) b.putFloat(x);
        Path bin = tmp.resolve("b.stl");
        Files.write(bin, b.array());
        Mesh ma = MeshReader.read(a), mb = MeshReader.read(bin);
        assertArrayEquals(ma.vertices(), mb.vertices());
        assertEquals(1, mb.triangleCount());
        Files.writeString(a, ascii.replace("endloop", "endlop"));
        NoetherUserException e = assertThrows(NoetherUserException.class, () -> MeshReader.read(a));
        assertTrue(e.getMessage().startsWith("a.stl:7: expected 'endloop'"), e.getMessage());
    }

    @Test
    void normalizedMeshFitsTheUnitBall() throws IOException {
        Mesh m = MeshReader.readOff("p.off", SQUARE_PYRAMID.replace(" 0  0 1", " 0  0 7"))
                .normalized();
        double max = 0;
        for (int i = 0; i < m.vertexCount(); i++) {
            double[] v = m.vertices();
            max = Math.max(
                    max, Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]));
        }
        assertEquals(1.0, max, 1e-12);
    }

    @Test
    void fetchFromAFolderInstallsCompletely(@TempDir Path tmp) throws Exception {
        Path from = Files.createDirectories(tmp.resolve("from"));
        for (int i = 0; i < 12; i++) Files.writeString(from.resolve("m" + i + ".off"), SQUARE_PYRAMID);
        Files.writeString(from.resolve("notes.txt"), "not a mesh");
        Path root = tmp.resolve("root");
        assertFalse(Meshes.isPresent(root));
        assertThrows(NoetherUserException.class, () -> Meshes.files(root));
        Meshes.fetch(root, from);
        assertTrue(Meshes.isPresent(root));
        assertEquals(12, Meshes.files(root).size());
        Path few = Files.createDirectories(tmp.resolve("few"));
        Files.writeString(few.resolve("one.off"), SQUARE_PYRAMID);
        Path other = tmp.resolve("other");
        NoetherUserException e = assertThrows(NoetherUserException.class, () -> Meshes.fetch(other, few));
        assertTrue(e.getMessage().contains("found 1 mesh files"), e.getMessage());
        assertFalse(Meshes.isPresent(other), "a refused fetch leaves nothing installed");
    }
}
