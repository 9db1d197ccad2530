package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Series;
import org.noether.experiment.Table;

class ResultCodecTest {

    private static ExperimentResult rich() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("int", 3);
        nested.put("missing", null);
        nested.put("list", List.of(1L, 2.5, "x", true));
        return ExperimentResult.builder("test.rich", "Rich")
                .summary("A summary.\n\nWith a second paragraph and ünïcödé, and a long tail " + "x".repeat(70_000))
                .table(Table.builder("t", "caption")
                        .columns("a", "b", "c")
                        .row(1, null, "s")
                        .row(0.1 + 0.2, true, -0.0)
                        .build())
                .figure(Figure.builder("f", Figure.Kind.BAR)
                        .caption("c")
                        .xLabel("x")
                        .yLabel("y")
                        .logY()
                        .categories("p", "q")
                        .series(Series.withErrors(
                                "s", new double[] {0, 1}, new double[] {Double.NaN, 1e-300}, new double[] {
                                    0.1, Double.POSITIVE_INFINITY
                                }))
                        .series(Series.ofY("plain", 1, 2))
                        .build())
                .claim(Claim.about(Paper.MEAN_FIELD, "above")
                        .paperFigure("1 %")
                        .measured(new Interval(0.3, 0.1, 0.5, 0.95, 7), "units")
                        .above(0))
                .claim(Claim.about(Paper.NOETHER, "words").judged(false, "because"))
                .metric("double", Math.PI)
                .metric("float", 1.5f)
                .metric("long", Long.MIN_VALUE)
                .metric("int", 42)
                .metric("string", "text")
                .metric("bool", false)
                .metric("doubles", new double[] {1, Double.NaN})
                .metric("floats", new float[] {2f})
                .metric("ints", new int[] {3, 4})
                .metric("longs", new long[] {5})
                .metric("nested", nested)
                .metric("null", null)
                .build()
                .withElapsed(Duration.ofMillis(1234));
    }

    @Test
    void aResultComesBackExactly() throws IOException {
        ExperimentResult r = rich();
        ExperimentResult back = ResultCodec.decode(ResultCodec.encode(r));
        assertEquals(r.name(), back.name());
        assertEquals(r.title(), back.title());
        assertEquals(r.summary(), back.summary());
        assertEquals(r.tables(), back.tables());
        assertEquals(r.figures(), back.figures());
        assertEquals(r.claims(), back.claims());
        assertEquals(r.elapsed(), back.elapsed());
        assertNull(back.failure());
        assertEquals(
                List.copyOf(r.metrics().keySet()), List.copyOf(back.metrics().keySet()));
        for (String k : r.metrics().keySet()) {
            Object a = r.metrics().get(k);
            Object b = back.metrics().get(k);
            assertEquals(a == null ? null : a.getClass(), b == null ? null : b.getClass(), k);
            assertEquals(Arrays.deepToString(new Object[] {a}), Arrays.deepToString(new Object[] {b}), k);
        }
        assertArrayEquals(
                (double[]) r.metrics().get("doubles"), (double[]) back.metrics().get("doubles"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double)
                back.tables().get(0).rows().get(1).get(2)));
        // Encoding the decoded result again gives the same bytes.
        assertArrayEquals(ResultCodec.encode(r), ResultCodec.encode(back));
    }

    @Test
    void aFailureComesBack() throws IOException {
        ExperimentResult r = new ExperimentResult(
                "test.x",
                "X",
                "",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Duration.ofSeconds(2),
                new ExperimentResult.Failure("boom", "trace\n\tat here\n"));
        ExperimentResult back = ResultCodec.decode(ResultCodec.encode(r));
        assertEquals(r.failure(), back.failure());
        assertEquals(r.elapsed(), back.elapsed());
    }

    @Test
    void truncatedOrForeignBytesAreRefused() {
        byte[] good = ResultCodec.encode(rich());
        for (int cut : new int[] {0, 3, 8, 20, good.length / 2, good.length - 1}) {
            assertThrows(IOException.class, () -> ResultCodec.decode(Arrays.copyOf(good, cut)), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(IOException.class, () -> ResultCodec.decode(longer));
        byte[] foreign = good.clone();
        foreign[0] ^= 1;
        assertThrows(IOException.class, () -> ResultCodec.decode(foreign));
    }
}
