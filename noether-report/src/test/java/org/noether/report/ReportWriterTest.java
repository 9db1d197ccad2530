package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Profile;
import org.noether.experiment.Table;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static final RunInfo RUN = new RunInfo("run-20250102-030405", Instant.parse("2025-01-02T03:04:05Z"),
            Duration.ofSeconds(3), Profile.QUICK, 42, "noether reproduce --quick --seed 42");

    private static ExperimentResult good() {
        return ExperimentResult.builder("demo.good", "A good <experiment>")
                .summary("First paragraph with <b>markup</b>.\n\nSecond paragraph.")
                .table(Table.builder("errors", "Errors by group").columns("group", "error").row("C4", 1.23456e-7)
                        .row("D4, large", 0.5).build())
                .table(Table.builder("counts", "Counts").columns("n").row(3).build())
                .figure(PlotRendererTest.typical(Figure.Kind.LINE))
                .figure(Figure.builder("bars", Figure.Kind.BAR).caption("Bars").categories("a", "b")
                        .series(org.noether.experiment.Series.ofY("v", 1, 2)).build())
                .metric("error", 1.5e-7).metric("diverged", Double.NaN).metric("text", "quote \" and \\ backslash")
                .build().withElapsed(Duration.ofMillis(1200));
    }

    private static ExperimentResult bad() {
        Experiment e = new Experiment() {
            @Override
            public String name() {
                return "demo.bad";
            }

            @Override
            public String title() {
                return "A failing experiment";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public ExperimentResult run(ExperimentContext ctx) {
                return null;
            }
        };
        return ExperimentResult.failed(e, new IllegalStateException("matrix is singular"), Duration.ofMillis(5));
    }

    @Test
    void writesEveryFile() throws Exception {
        Path html = ReportWriter.write(dir, RUN, List.of(good(), bad()));
        assertEquals(dir.resolve("report.html"), html);
        for (String name : List.of("report.html", "metrics.json", "demo.good-errors.csv", "demo.good-counts.csv",
                "demo.good-typical.png", "demo.good-typical.svg", "demo.good-bars.png", "demo.good-bars.svg")) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertEquals("group,error\r\nC4,1.23456E-7\r\n\"D4, large\",0.5\r\n",
                Files.readString(dir.resolve("demo.good-errors.csv")));
        PlotRendererTest.parse(Files.readString(dir.resolve("demo.good-bars.svg")));
    }

    @Test
    void htmlShowsEveryExperimentTableAndFigure() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(good(), bad())));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("A good &lt;experiment&gt;"));
        assertTrue(html.contains("<p>First paragraph with &lt;b&gt;markup&lt;/b&gt;.</p>"));
        assertTrue(html.contains("<p>Second paragraph.</p>"));
        assertFalse(html.contains("<b>markup"));
        for (String id : List.of("exp-demo.good-table-errors", "exp-demo.good-table-counts",
                "exp-demo.good-figure-typical", "exp-demo.good-figure-bars", "exp-demo.bad")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains(">1.235e-7<"), "numbers use four significant digits");
        assertTrue(html.contains("href=\"demo.good-errors.csv\""));
        assertTrue(html.contains("matrix is singular"));
        assertTrue(html.contains("1 succeeded, 1 failed"));
        assertTrue(html.contains("42") && html.contains("quick"));
        assertTrue(html.contains(System.getProperty("java.version")));
    }

    @Test
    void htmlEmbedsDecodablePngsSoItIsSelfContained() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(good())));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
            images++;
        }
        assertEquals(2, images);
        assertFalse(Pattern.compile("<link|<script|src=\"http").matcher(html).find(), "no external resources");
    }

    @Test
    void metricsJsonHasStatusMetricsAndNullForNaN() throws Exception {
        ReportWriter.write(dir, RUN, List.of(good(), bad()));
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.contains("\"diverged\": null"), json);
        assertTrue(json.contains("\"error\": 1.5E-7"), json);
        assertTrue(json.contains("\"text\": \"quote \\\" and \\\\ backslash\""), json);
        assertTrue(json.contains("\"status\": \"failed\""));
        assertTrue(json.contains("\"error\": \"IllegalStateException: matrix is singular\""));
        assertTrue(json.contains("\"seed\": 42"));
        assertTrue(json.contains("\"profile\": \"QUICK\""));
        assertFalse(json.contains("NaN"));
    }

    @Test
    void longTablesAreCutInHtmlButCompleteInCsv() throws Exception {
        Table.Builder b = Table.builder("long", "Long").columns("i");
        for (int i = 0; i < ReportWriter.MAX_HTML_ROWS + 5; i++) {
            b.row(i);
        }
        ExperimentResult r = ExperimentResult.builder("demo.long", "Long").table(b.build()).build();
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(r)));
        assertTrue(html.contains("Showing 200 of 205 rows"));
        assertEquals(206, Files.readAllLines(dir.resolve("demo.long-long.csv")).size());
    }

    @Test
    void emptyRunStillWritesAReport() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of()));
        assertTrue(html.contains("No experiments were run."));
        assertTrue(Files.exists(dir.resolve("metrics.json")));
    }
}
