package org.noether.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.noether.experiment.NoetherUserException;

/**
 * A strict reader of triangle meshes in OFF (ASCII, with the optional C/N/ST vertex extras), PLY (ASCII and binary,
 * vertex x/y/z and a face list) and STL (ASCII and binary). Polygons become triangle fans. A malformed file is
 * refused with one line naming the file and, for text formats, the line: counts that do not match, an index outside
 * the vertex list, a number that does not parse, data after the last face.
 *
 * <pre>{@code
 * Mesh cow = MeshReader.read(Path.of("cow.off"));
 * }</pre>
 */
public final class MeshReader {
    private MeshReader() {}

    /** The file's extensions that {@link #read} accepts. */
    public static final List<String> EXTENSIONS = List.of("off", "ply", "stl");

    /** Reads the mesh in {@code file}, choosing the format by its extension. */
    public static Mesh read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        return switch (ext) {
            case "off" -> readOff(name, new String(bytes, StandardCharsets.US_ASCII));
            case "ply" -> readPly(name, bytes);
            case "stl" -> readStl(name, bytes);
            default ->
                throw new NoetherUserException(
                        file + ": unknown mesh format '" + ext + "'; accepted: " + String.join(", ", EXTENSIONS));
        };
    }

    /** Lines without comments and blank lines, with their numbers (1-based). */
    private static final class Lines {
        private final String file;
        private final BufferedReader in;
        int number;

        Lines(String file, String text) {
            this.file = file;
            this.in = new BufferedReader(new StringReader(text));
        }

        /** The tokens of the next line with content, or {@code null} at the end. */
        String[] next() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                line = line.strip();
                if (!line.isEmpty()) return line.split("\\s+");
            }
            return null;
        }

        String[] require(String what) throws IOException {
            String[] t = next();
            if (t == null) throw error("the file ends before " + what);
            return t;
        }

        NoetherUserException error(String message) {
            return new NoetherUserException(file + ":" + number + ": " + message);
        }

        double number(String token, String what) {
            try {
                double v = Double.parseDouble(token);
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(what + " '" + token + "' is not a finite number");
        }

        int integer(String token, String what) {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw error(what + " '" + token + "' is not an integer");
            }
        }
    }

    /** OFF: a header keyword, counts "vertices faces edges", vertex lines, face lines "n i1 ... in [colour]". */
    static Mesh readOff(String name, String text) throws IOException {
        Lines lines = new Lines(name, text);
        String[] t = lines.require("the OFF header");
        String keyword = t[0];
        if (!keyword.matches("(ST)?C?N?OFF")) {
            throw lines.error("expected the header OFF (or COFF, NOFF, CNOFF, STOFF), found '" + keyword + "'");
        }
        if (t.length > 1 && t[1].equalsIgnoreCase("BINARY")) throw lines.error("binary OFF is not supported");
        int extras = (keyword.contains("ST") ? 2 : 0) + (keyword.contains("N") ? 3 : 0);
        boolean colours = keyword.contains("C");
        String[] counts = t.length > 1 ? java.util.Arrays.copyOfRange(t, 1, t.length) : lines.require("the counts");
        if (counts.length != 3)
            throw lines.error("expected the counts 'vertices faces edges', found " + counts.length + " numbers");
        int nv = lines.integer(counts[0], "vertex count"), nf = lines.integer(counts[1], "face count");
        lines.integer(counts[2], "edge count");
        if (nv < 0 || nf < 0) throw lines.error("negative count");
        double[] v = new double[3 * nv];
        for (int i = 0; i < nv; i++) {
            String[] p = lines.require("vertex " + i + " of " + nv);
            // a colour is 3 or 4 numbers (RGB(A)) or none
            int rest = p.length - 3 - extras;
            if (p.length < 3 || rest < 0 || (colours ? !(rest == 0 || rest == 3 || rest == 4) : rest != 0))
                throw lines.error("vertex " + i + " has " + p.length + " numbers; " + keyword + " expects "
                        + (3 + extras) + (colours ? " (+ 3 or 4 colour values)" : ""));
            for (int k = 0; k < p.length; k++) {
                double x = lines.number(p[k], "coordinate");
                if (k < 3) v[3 * i + k] = x;
            }
        }
        List<int[]> faces = new ArrayList<>(nf);
        int triangles = 0;
        for (int f = 0; f < nf; f++) {
            String[] p = lines.require("face " + f + " of " + nf);
            int n = lines.integer(p[0], "face size");
            if (n < 3) throw lines.error("face " + f + " has " + n + " vertices; a face needs at least 3");
            int rest = p.length - 1 - n;
            if (rest < 0 || rest > 4)
                throw lines.error("face " + f + " declares " + n + " vertices but has " + (p.length - 1) + " values");
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) {
                idx[k] = lines.integer(p[1 + k], "vertex index");
                if (idx[k] < 0 || idx[k] >= nv)
                    throw lines.error("face " + f + " names vertex " + idx[k] + " of " + nv);
            }
            for (int k = 1 + n; k < p.length; k++) lines.number(p[k], "face colour");
            faces.add(idx);
            triangles += n - 2;
        }
        if (lines.next() != null) throw lines.error("data after the last of " + nf + " faces");
        return new Mesh(name, v, fans(faces, triangles));
    }

    private static int[] fans(List<int[]> faces, int triangles) {
        int[] out = new int[3 * triangles];
        int at = 0;
        for (int[] f : faces)
            for (int k = 1; k + 1 < f.length; k++) {
                out[at++] = f[0];
                out[at++] = f[k];
                out[at++] = f[k + 1];
            }
        return out;
    }

    /** PLY with a vertex element (x, y, z among its scalar properties) and an optional face element with a list. */
    static Mesh readPly(String name, byte[] bytes) throws IOException {
        int end = headerEnd(bytes);
        if (end < 0) throw new NoetherUserException(name + ":1: no 'end_header' line in the PLY header");
        Lines lines = new Lines(name, new String(bytes, 0, end, StandardCharsets.US_ASCII));
        String[] t = lines.require("the PLY header");
        if (!t[0].equals("ply")) throw lines.error("expected 'ply', found '" + t[0] + "'");
        String format = null;
        List<Element> elements = new ArrayList<>();
        while ((t = lines.next()) != null) {
            switch (t[0]) {
                case "format" -> {
                    if (t.length != 3
                            || !List.of("ascii", "binary_little_endian", "binary_big_endian")
                                    .contains(t[1]))
                        throw lines.error("unsupported format line '" + String.join(" ", t) + "'");
                    format = t[1];
                }
                case "comment", "obj_info" -> {}
                case "element" -> {
                    if (t.length != 3) throw lines.error("expected 'element NAME COUNT'");
                    int count = lines.integer(t[2], "element count");
                    if (count < 0) throw lines.error("negative element count");
                    elements.add(new Element(t[1], count, new ArrayList<>()));
                }
                case "property" -> {
                    if (elements.isEmpty()) throw lines.error("property before any element");
                    Property p;
                    if (t.length == 5 && t[1].equals("list"))
                        p = new Property(t[4], type(lines, t[3]), type(lines, t[2]));
                    else if (t.length == 3) p = new Property(t[2], type(lines, t[1]), null);
                    else throw lines.error("malformed property line");
                    elements.get(elements.size() - 1).properties().add(p);
                }
                case "end_header" -> {}
                default -> throw lines.error("unknown header keyword '" + t[0] + "'");
            }
        }
        if (format == null) throw new NoetherUserException(name + ":2: the PLY header has no format line");
        Element vertex = elements.stream()
                .filter(e -> e.name().equals("vertex"))
                .findFirst()
                .orElseThrow(() -> new NoetherUserException(name + ": the PLY header declares no vertex element"));
        int[] xyz = new int[3];
        for (int k = 0; k < 3; k++) {
            String axis = "xyz".substring(k, k + 1);
            xyz[k] = indexOf(vertex, axis);
            if (xyz[k] < 0 || vertex.properties().get(xyz[k]).countType() != null)
                throw new NoetherUserException(name + ": the vertex element has no scalar property " + axis);
        }
        Lines body = new Lines(name, new String(bytes, end, bytes.length - end, StandardCharsets.US_ASCII));
        body.number = lines.number; // line numbers of the body continue the header's
        PlyValues values = format.equals("ascii")
                ? new AsciiValues(body)
                : new BinaryValues(
                        name,
                        ByteBuffer.wrap(bytes, end, bytes.length - end)
                                .order(
                                        format.equals("binary_little_endian")
                                                ? ByteOrder.LITTLE_ENDIAN
                                                : ByteOrder.BIG_ENDIAN));
        double[] v = new double[3 * vertex.count()];
        List<int[]> faces = new ArrayList<>();
        int triangles = 0;
        for (Element e : elements) {
            boolean isFace = e.name().equals("face");
            int list = isFace ? firstList(e) : -1;
            if (isFace && list < 0) throw new NoetherUserException(name + ": the face element has no list property");
            for (int i = 0; i < e.count(); i++) {
                values.startRow(e.name() + " " + i);
                for (int p = 0; p < e.properties().size(); p++) {
                    Property prop = e.properties().get(p);
                    if (prop.countType() != null) {
                        int n = (int) values.next(prop.countType(), "list length");
                        if (n < 0) throw values.error("negative list length " + n);
                        int[] idx = new int[n];
                        for (int k = 0; k < n; k++) idx[k] = (int) values.next(prop.type(), "list entry");
                        if (p == list) {
                            if (n < 3) throw values.error("face " + i + " has " + n + " vertices; a face needs 3");
                            for (int x : idx)
                                if (x < 0 || x >= vertex.count())
                                    throw values.error("face " + i + " names vertex " + x + " of " + vertex.count());
                            faces.add(idx);
                            triangles += n - 2;
                        }
                    } else {
                        double x = values.next(prop.type(), prop.name());
                        if (e == vertex) for (int k = 0; k < 3; k++) if (p == xyz[k]) v[3 * i + k] = x;
                    }
                }
                values.endRow();
            }
        }
        values.finish();
        return new Mesh(name, v, fans(faces, triangles));
    }

    private record Property(String name, String type, String countType) {}

    private record Element(String name, int count, List<Property> properties) {}

    private static int indexOf(Element e, String property) {
        for (int i = 0; i < e.properties().size(); i++)
            if (e.properties().get(i).name().equals(property)) return i;
        return -1;
    }

    private static int firstList(Element e) {
        for (int i = 0; i < e.properties().size(); i++)
            if (e.properties().get(i).countType() != null) return i;
        return -1;
    }

    private static final List<String> TYPES = List.of(
            "char", "uchar", "short", "ushort", "int", "uint", "float", "double", "int8", "uint8", "int16", "uint16",
            "int32", "uint32", "float32", "float64");

    private static String type(Lines lines, String t) {
        if (!TYPES.contains(t)) throw lines.error("unknown PLY type '" + t + "'; known: " + String.join(", ", TYPES));
        return switch (t) {
            case "int8" -> "char";
            case "uint8" -> "uchar";
            case "int16" -> "short";
            case "uint16" -> "ushort";
            case "int32" -> "int";
            case "uint32" -> "uint";
            case "float32" -> "float";
            case "float64" -> "double";
            default -> t;
        };
    }

    /** The offset just after the "end_header" line, or -1. */
    private static int headerEnd(byte[] b) {
        byte[] key = "end_header".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length <= b.length && i < 1 << 20; i++) {
            if (i > 0 && b[i - 1] != '\n') continue;
            for (int k = 0; k < key.length; k++) if (b[i + k] != key[k]) continue outer;
            int j = i + key.length;
            while (j < b.length && b[j] != '\n') j++;
            return Math.min(b.length, j + 1);
        }
        return -1;
    }

    private interface PlyValues {
        void startRow(String what) throws IOException;

        double next(String type, String what) throws IOException;

        void endRow() throws IOException;

        void finish() throws IOException;

        NoetherUserException error(String message);
    }

    private static final class AsciiValues implements PlyValues {
        private final Lines lines;
        private String[] row;
        private int at;

        AsciiValues(Lines lines) {
            this.lines = lines;
        }

        @Override
        public void startRow(String what) throws IOException {
            row = lines.require(what);
            at = 0;
        }

        @Override
        public double next(String type, String what) {
            if (at >= row.length) throw lines.error("too few values: " + what + " missing");
            return lines.number(row[at++], what);
        }

        @Override
        public void endRow() {
            if (at != row.length) throw lines.error((row.length - at) + " values more than the header declares");
        }

        @Override
        public void finish() throws IOException {
            if (lines.next() != null) throw lines.error("data after the last element");
        }

        @Override
        public NoetherUserException error(String message) {
            return lines.error(message);
        }
    }

    private static final class BinaryValues implements PlyValues {
        private final String file;
        private final ByteBuffer buffer;
        private String row = "";

        BinaryValues(String file, ByteBuffer buffer) {
            this.file = file;
            this.buffer = buffer;
        }

        @Override
        public void startRow(String what) {
            row = what;
        }

        @Override
        public double next(String type, String what) {
            int size =
                    switch (type) {
                        case "char", "uchar" -> 1;
                        case "short", "ushort" -> 2;
                        case "double" -> 8;
                        default -> 4;
                    };
            if (buffer.remaining() < size) throw error("the file ends inside " + row);
            double v =
                    switch (type) {
                        case "char" -> buffer.get();
                        case "uchar" -> buffer.get() & 0xff;
                        case "short" -> buffer.getShort();
                        case "ushort" -> buffer.getShort() & 0xffff;
                        case "int" -> buffer.getInt();
                        case "uint" -> buffer.getInt() & 0xffffffffL;
                        case "float" -> buffer.getFloat();
                        default -> buffer.getDouble();
                    };
            if (!Double.isFinite(v)) throw error(what + " of " + row + " is " + v);
            return v;
        }

        @Override
        public void endRow() {}

        @Override
        public void finish() {
            if (buffer.hasRemaining()) throw error(buffer.remaining() + " bytes after the last element");
        }

        @Override
        public NoetherUserException error(String message) {
            return new NoetherUserException(file + " (byte " + buffer.position() + "): " + message);
        }
    }

    /** STL: binary (80-byte header, count, 50 bytes per triangle) when the length fits that, else ASCII. */
    static Mesh readStl(String name, byte[] bytes) throws IOException {
        if (bytes.length >= 84) {
            long n =
                    ByteBuffer.wrap(bytes, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (84 + 50 * n == bytes.length) {
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                double[] v = new double[(int) (9 * n)];
                for (int t = 0; t < n; t++) {
                    b.position(84 + 50 * t + 12);
                    for (int k = 0; k < 9; k++) {
                        float x = b.getFloat();
                        if (!Float.isFinite(x))
                            throw new NoetherUserException(name + " (triangle " + t + "): coordinate " + x);
                        v[9 * t + k] = x;
                    }
                }
                return new Mesh(name, v, sequence((int) (3 * n)));
            }
        }
        Lines lines = new Lines(name, new String(bytes, StandardCharsets.US_ASCII));
        String[] t = lines.require("'solid'");
        if (!t[0].equals("solid"))
            throw lines.error("neither binary STL (the length " + bytes.length + " does not match its triangle count)"
                    + " nor ASCII STL (which starts with 'solid')");
        List<Double> v = new ArrayList<>();
        while (true) {
            t = lines.require("'endsolid'");
            if (t[0].equals("endsolid")) break;
            if (!t[0].equals("facet")) throw lines.error("expected 'facet' or 'endsolid', found '" + t[0] + "'");
            expect(lines, "outer", "loop");
            for (int k = 0; k < 3; k++) {
                t = lines.require("a vertex");
                if (t.length != 4 || !t[0].equals("vertex")) throw lines.error("expected 'vertex x y z'");
                for (int c = 1; c < 4; c++) v.add(lines.number(t[c], "coordinate"));
            }
            expect(lines, "endloop");
            expect(lines, "endfacet");
        }
        if (lines.next() != null) throw lines.error("data after 'endsolid'");
        double[] coords = v.stream().mapToDouble(Double::doubleValue).toArray();
        return new Mesh(name, coords, sequence(coords.length / 3));
    }

    private static void expect(Lines lines, String... words) throws IOException {
        String[] t = lines.require("'" + String.join(" ", words) + "'");
        if (t.length != words.length) throw lines.error("expected '" + String.join(" ", words) + "'");
        for (int i = 0; i < words.length; i++)
            if (!t[i].equals(words[i])) throw lines.error("expected '" + String.join(" ", words) + "'");
    }

    private static int[] sequence(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return s;
    }
}
