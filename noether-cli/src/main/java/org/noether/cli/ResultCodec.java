package org.noether.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Series;
import org.noether.experiment.Table;
import org.noether.experiment.Verdict;

/**
 * Writes an {@link ExperimentResult} to bytes and reads it back exactly (doubles bit for bit, metric value types
 * kept), so that an experiment run in a child process can hand its result to the parent through a file.
 *
 * <p>The format is private to one build of Noether (parent and child always run the same jar): a magic number and
 * a version, then the fields in record order. Anything unexpected while reading is an {@link IOException}.
 */
final class ResultCodec {

    private static final int MAGIC = 0x4E4F4552; // "NOER"
    private static final int VERSION = 1;

    private static final byte NULL = 0;
    private static final byte INT = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte FLOAT = 4;
    private static final byte STRING = 5;
    private static final byte BOOLEAN = 6;
    private static final byte DOUBLES = 7;
    private static final byte FLOATS = 8;
    private static final byte INTS = 9;
    private static final byte LONGS = 10;
    private static final byte LIST = 11;
    private static final byte MAP = 12;
    private static final byte SHORT = 13;
    private static final byte BYTE = 14;

    private ResultCodec() {}

    static byte[] encode(ExperimentResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(r.name());
            writeText(out, r.title());
            writeText(out, r.summary());
            out.writeInt(r.tables().size());
            for (Table t : r.tables()) {
                out.writeUTF(t.name());
                writeText(out, t.caption());
                writeStrings(out, t.columns());
                out.writeInt(t.rows().size());
                for (List<Object> row : t.rows()) {
                    for (Object cell : row) {
                        writeValue(out, cell);
                    }
                }
            }
            out.writeInt(r.figures().size());
            for (Figure f : r.figures()) {
                out.writeUTF(f.name());
                writeText(out, f.caption());
                writeText(out, f.xLabel());
                writeText(out, f.yLabel());
                out.writeBoolean(f.logX());
                out.writeBoolean(f.logY());
                out.writeUTF(f.kind().name());
                out.writeInt(f.series().size());
                for (Series s : f.series()) {
                    writeText(out, s.label());
                    writeDoubles(out, s.x());
                    writeDoubles(out, s.y());
                    out.writeBoolean(s.hasErrors());
                    if (s.hasErrors()) {
                        writeDoubles(out, s.yError());
                    }
                }
                writeStrings(out, f.categories());
            }
            out.writeInt(r.claims().size());
            for (Claim c : r.claims()) {
                out.writeUTF(c.paper().name());
                writeText(out, c.statement());
                writeText(out, c.paperFigure());
                writeText(out, c.ours());
                out.writeBoolean(c.interval() != null);
                if (c.interval() != null) {
                    Interval i = c.interval();
                    out.writeDouble(i.estimate());
                    out.writeDouble(i.lower());
                    out.writeDouble(i.upper());
                    out.writeDouble(i.level());
                    out.writeInt(i.n());
                }
                out.writeUTF(c.verdict().name());
                writeText(out, c.detail());
                out.writeUTF(c.rule().kind().name());
                out.writeDouble(c.rule().threshold());
            }
            writeValue(out, r.metrics());
            out.writeLong(r.elapsed().toNanos());
            out.writeBoolean(r.failure() != null);
            if (r.failure() != null) {
                writeText(out, r.failure().message());
                writeText(out, r.failure().stackTrace());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    static ExperimentResult decode(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an experiment result file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("experiment result file version " + version + ", expected " + VERSION);
            }
            String name = in.readUTF();
            String title = readText(in);
            String summary = readText(in);
            int nt = count(in);
            List<Table> tables = new ArrayList<>();
            for (int k = 0; k < nt; k++) {
                String tn = in.readUTF();
                String caption = readText(in);
                List<String> columns = readStrings(in);
                int rows = count(in);
                List<List<Object>> cells = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int c = 0; c < columns.size(); c++) {
                        row.add(readValue(in));
                    }
                    cells.add(row);
                }
                tables.add(new Table(tn, caption, columns, cells));
            }
            int nf = count(in);
            List<Figure> figures = new ArrayList<>();
            for (int k = 0; k < nf; k++) {
                String fn = in.readUTF();
                String caption = readText(in);
                String xLabel = readText(in);
                String yLabel = readText(in);
                boolean logX = in.readBoolean();
                boolean logY = in.readBoolean();
                Figure.Kind kind = Figure.Kind.valueOf(in.readUTF());
                int ns = count(in);
                List<Series> series = new ArrayList<>();
                for (int s = 0; s < ns; s++) {
                    String label = readText(in);
                    double[] x = readDoubles(in);
                    double[] y = readDoubles(in);
                    double[] err = in.readBoolean() ? readDoubles(in) : null;
                    series.add(new Series(label, x, y, err));
                }
                figures.add(new Figure(fn, caption, xLabel, yLabel, logX, logY, kind, series, readStrings(in)));
            }
            int nc = count(in);
            List<Claim> claims = new ArrayList<>();
            for (int k = 0; k < nc; k++) {
                Paper paper = Paper.valueOf(in.readUTF());
                String statement = readText(in);
                String paperFigure = readText(in);
                String ours = readText(in);
                Interval interval = in.readBoolean()
                        ? new Interval(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt())
                        : null;
                Verdict verdict = Verdict.valueOf(in.readUTF());
                String detail = readText(in);
                Claim.Rule rule = new Claim.Rule(Claim.Rule.Kind.valueOf(in.readUTF()), in.readDouble());
                claims.add(new Claim(paper, statement, paperFigure, ours, interval, verdict, detail, rule));
            }
            Object metrics = readValue(in);
            if (!(metrics instanceof Map<?, ?> m)) {
                throw new IOException("metrics are not a map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            Duration elapsed = Duration.ofNanos(in.readLong());
            ExperimentResult.Failure failure =
                    in.readBoolean() ? new ExperimentResult.Failure(readText(in), readText(in)) : null;
            if (in.read() != -1) {
                throw new IOException("trailing bytes after the result");
            }
            return new ExperimentResult(name, title, summary, tables, figures, claims, typed, elapsed, failure);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("malformed experiment result: " + e.getMessage(), e);
        }
    }

    /** Text of any length (writeUTF stops at 64 KB, and stack traces or summaries can be longer). */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        // Every element takes at least one byte, so a count beyond what is left means a corrupt file.
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt experiment result (a count of " + n + ")");
        }
        return n;
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeText(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readText(in));
        }
        return list;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[count(in)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Number n) {
            // Double, and any other Number (BigDecimal, AtomicLong, ...) as its double value.
            out.writeByte(DOUBLE);
            out.writeDouble(n.doubleValue());
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeText(out, s);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            writeDoubles(out, a);
        } else if (v instanceof float[] a) {
            out.writeByte(FLOATS);
            out.writeInt(a.length);
            for (float x : a) {
                out.writeFloat(x);
            }
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (v instanceof java.util.Collection<?> c) {
            out.writeByte(LIST);
            out.writeInt(c.size());
            for (Object o : c) {
                writeValue(out, o);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                writeText(out, String.valueOf(e.getKey()));
                writeValue(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot encode a " + v.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case STRING:
                return readText(in);
            case BOOLEAN:
                return in.readBoolean();
            case DOUBLES:
                return readDoubles(in);
            case FLOATS: {
                float[] a = new float[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readFloat();
                }
                return a;
            }
            case INTS: {
                int[] a = new int[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case LONGS: {
                long[] a = new long[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case LIST: {
                int n = count(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                return list;
            }
            case MAP: {
                int n = count(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = readText(in);
                    map.put(key, readValue(in));
                }
                return map;
            }
            default:
                throw new IOException("corrupt experiment result (value tag " + tag + ")");
        }
    }
}
