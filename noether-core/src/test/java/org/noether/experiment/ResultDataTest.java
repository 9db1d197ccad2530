package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultDataTest {

    @Test
    void tableBuilderKeepsRowsAndAllowsMissingValues() {
        Table t = Table.builder("errors", "Errors")
                .columns("group", "order", "error")
                .row("C4", 4, 1e-16)
                .row(new StringBuilder("D4"), 8, null)
                .build();
        assertEquals(List.of("group", "order", "error"), t.columns());
        assertEquals(2, t.rows().size());
        assertEquals("D4", t.rows().get(1).get(0));
        assertNull(t.rows().get(1).get(2));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().get(0).set(0, "x"));
    }

    @Test
    void tableRejectsRaggedRowsAndOddCells() {
        IllegalArgumentException ragged = assertThrows(
                IllegalArgumentException.class,
                () -> Table.builder("t", "").columns("a", "b").row(1).build());
        assertEquals("table 't' row 0 has 1 cells but there are 2 columns [a, b]", ragged.getMessage());
        IllegalArgumentException odd = assertThrows(
                IllegalArgumentException.class,
                () -> Table.builder("t", "").columns("a").row(new Object()).build());
        assertTrue(odd.getMessage().contains("column 'a' holds a java.lang.Object"), odd.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> Table.builder("t", "").build());
    }

    @Test
    void tableCopiesItsInput() {
        List<Object> row = new ArrayList<>(List.of(1, 2));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row);
        Table t = new Table("t", null, List.of("a", "b"), rows);
        row.set(0, 99);
        rows.clear();
        assertEquals(List.of(List.of(1, 2)), t.rows());
        assertEquals("", t.caption());
    }

    @Test
    void namesThatWouldBreakFileNamesAreRejected() {
        for (String bad : new String[] {"", "a b", "../x", "x/y", "-x", "x-", "a..b"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> Figure.builder(bad, Figure.Kind.LINE).build(),
                    bad);
            assertTrue(e.getMessage().startsWith("figure name '" + bad + "' is not accepted"), e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Table.builder(bad, "").columns("a").build(),
                    bad);
        }
        assertEquals(
                "loss_v2.1-x",
                Figure.builder("loss_v2.1-x", Figure.Kind.BAR).build().name());
    }

    @Test
    void seriesCopiesArraysAndComparesByContent() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        Series s = Series.of("s", x, y);
        x[0] = 100;
        assertArrayEquals(new double[] {1, 2}, s.x());
        s.y()[0] = 100;
        assertArrayEquals(new double[] {3, 4}, s.y());
        assertEquals(Series.of("s", new double[] {1, 2}, new double[] {3, 4}), s);
        assertEquals(
                s.hashCode(),
                Series.of("s", new double[] {1, 2}, new double[] {3, 4}).hashCode());
        assertNotEquals(Series.withErrors("s", new double[] {1, 2}, new double[] {3, 4}, new double[] {0, 0}), s);
        assertArrayEquals(new double[] {0, 1, 2}, Series.ofY("", 5, 6, 7).x());
    }

    @Test
    void seriesRejectsMismatchedLengths() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Series.of("loss", new double[2], new double[3]));
        assertEquals("series 'loss': x has 2 values but y has 3", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Series.withErrors("loss", new double[2], new double[2], new double[1]));
    }

    @Test
    void figureBuilderCollectsEverything() {
        Figure f = Figure.builder("acc", Figure.Kind.BAR)
                .caption("Accuracy")
                .xLabel("model")
                .yLabel("acc")
                .logY()
                .categories("MLP", "CNN")
                .series(Series.ofY("test", 0.8, 0.9))
                .build();
        assertEquals(Figure.Kind.BAR, f.kind());
        assertTrue(f.logY());
        assertEquals(List.of("MLP", "CNN"), f.categories());
        assertEquals(1, f.series().size());
        assertTrue(new Figure("f", null, null, null, false, false, Figure.Kind.LINE, List.of())
                .categories()
                .isEmpty());
    }

    @Test
    void resultBuilderKeepsMetricOrderAndValidatesValues() {
        ExperimentResult r = ExperimentResult.builder("test.x", "X")
                .summary("s")
                .metric("z", 1)
                .metric("a", null)
                .metric("m", Map.of("k", List.of(1.5, "v")))
                .metric("arr", new double[] {1, 2})
                .build();
        assertEquals(List.of("z", "a", "m", "arr"), new ArrayList<>(r.metrics().keySet()));
        assertTrue(r.succeeded());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ExperimentResult.builder("test.x", "X")
                        .metric("bad", List.of(new Object()))
                        .build());
        assertTrue(e.getMessage().contains("metric 'bad' holds a java.lang.Object"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ExperimentResult.builder("test.x", "X").metric("", 1).build());
    }

    @Test
    void resultRejectsDuplicateTableOrFigureNames() {
        Table t = Table.builder("t", "").columns("a").build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ExperimentResult.builder("test.x", "X").table(t).table(t).build());
        assertTrue(e.getMessage().contains("two tables named 't'"), e.getMessage());
        Figure f = Figure.builder("f", Figure.Kind.LINE).build();
        assertThrows(IllegalArgumentException.class, () -> ExperimentResult.builder("test.x", "X")
                .figure(f)
                .figure(f)
                .build());
    }

    @Test
    void failedResultsCarryTheError() {
        ExperimentResult r =
                ExperimentResult.failed(new AlphaExperiment(), new RuntimeException(), java.time.Duration.ofSeconds(2));
        assertEquals("RuntimeException", r.failure().message());
        assertEquals("Alpha", r.title());
        assertEquals(2, r.elapsed().toSeconds());
        assertTrue(Arrays.asList(r.failure().stackTrace().split("\\R")).size() > 1);
    }
}
