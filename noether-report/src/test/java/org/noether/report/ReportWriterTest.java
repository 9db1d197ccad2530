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
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Table;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static final RunInfo RUN = new RunInfo(
            "run-20250102-030405",
            Instant.parse("2025-01-02T03:04:05Z"),
            Duration.ofSeconds(3),
            Profile.QUICK,
            42,
            "noether reproduce --quick --seed 42");

    private static ExperimentResult good() {
        return ExperimentResult.builder("demo.good", "A good <experiment>")
                .summary("First paragraph with <b>markup</b>.\n\nSecond paragraph.")
                .table(Table.builder("errors", "Errors by group")
                        .columns("group", "error")
                        .row("C4", 1.23456e-7)
                        .row("D4, large", 0.5)
                        .build())
                .table(Table.builder("counts", "Counts").columns("n").row(3).build())
                .figure(PlotRendererTest.typical(Figure.Kind.LINE))
                .figure(Figure.builder("bars", Figure.Kind.BAR)
                        .caption("Bars")
                        .categories("a", "b")
                        .series(org.noether.experiment.Series.ofY("v", 1, 2))
                        .build())
                .metric("error", 1.5e-7)
                .metric("diverged", Double.NaN)
                .metric("text", "quote \" and \\ backslash")
                .build()
                .withElapsed(Duration.ofMillis(1200));
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
        for (String name : List.of(
                "report.html",
                "metrics.json",
                "demo.good-errors.csv",
                "demo.good-counts.csv",
                "demo.good-typical.png",
                "demo.good-typical.svg",
                "demo.good-bars.png",
                "demo.good-bars.svg")) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertEquals(
                "group,error\r\nC4,1.23456E-7\r\n\"D4, large\",0.5\r\n",
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
        for (String id : List.of(
                "exp-demo.good-table-errors",
                "exp-demo.good-table-counts",
                "exp-demo.good-figure-typical",
                "exp-demo.good-figure-bars",
                "exp-demo.bad")) {
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
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
                .matcher(html);
        int images = 0;
        while (m.find()) {
            assertNotNull(
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
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
        ExperimentResult r =
                ExperimentResult.builder("demo.long", "Long").table(b.build()).build();
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(r)));
        assertTrue(html.contains("Showing 1000 of 1005 rows"));
        assertEquals(1006, Files.readAllLines(dir.resolve("demo.long-long.csv")).size());
    }

    private static ExperimentResult withClaims() {
        Table.Builder b = Table.builder("cases", "Many cases").columns("case", "error");
        for (int i = 0; i < 217; i++) {
            b.row("case-" + i, i * 1e-17);
        }
        return ExperimentResult.builder("demo.claims", "Claims <demo>")
                .table(b.build())
                .claim(Claim.about(Paper.MEAN_FIELD, "EA stays in E^G")
                        .paperFigure("0 (exact)")
                        .measured(new Interval(1e-16, 0, 2e-16, 0.95, 5), "RMD")
                        .atMost(1e-12))
                .claim(Claim.about(Paper.EQUIZERO, "equizero beats equitune <zero-shot>")
                        .paperFigure("+20.2 points")
                        .measured(new Interval(-0.5, -1.5, 0.7, 0.95, 5), "points")
                        .digits(1)
                        .positive())
                .claim(Claim.about(Paper.EQUIZERO, "CLIP accuracy").notComparable("no CLIP here"))
                .build();
    }

    @Test
    void htmlOpensWithTheClaimsDashboardOnePaperBlockInEnumOrder() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(withClaims(), bad())));
        int body = html.indexOf("<body>");
        int dashboard = html.indexOf("<section id=\"claims\" class=\"dashboard\">");
        assertTrue(dashboard > body, "no dashboard");
        // Nothing but the page title comes before it: no run details, no table, no figure, no other section.
        String before = html.substring(body, dashboard);
        for (String tag : List.of("<table", "<img", "<section", "<header", "<nav", "<details")) {
            assertFalse(before.contains(tag), tag + " comes before the dashboard");
        }
        int previous = dashboard;
        for (Paper p : Paper.values()) {
            int at = html.indexOf("id=\"paper-" + p.name().toLowerCase(java.util.Locale.ROOT) + "\"");
            assertTrue(at > previous, p + " block missing or out of enum order");
            previous = at;
        }
        assertTrue(html.indexOf("id=\"exp-demo.claims\"") > previous, "experiment sections come after the dashboard");
        assertTrue(html.contains("3 claims checked: 1 held, 1 failed, 1 not comparable."));
        assertTrue(html.contains("1 experiment failed: <a href=\"#exp-demo.bad\">A failing experiment</a>"));
    }

    @Test
    void dashboardRowsShowThePapersFigureOursTheVerdictAndALinkToTheSection() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(withClaims())));
        String dash = html.substring(html.indexOf("<section id=\"claims\""), html.indexOf("</section>"));
        Matcher row = Pattern.compile("<tr class=\"failed\"><td>equizero beats equitune &lt;zero-shot&gt;.*?</tr>")
                .matcher(dash);
        assertTrue(row.find(), dash);
        String r = row.group();
        assertTrue(r.contains("<td>+20.2 points</td>"), r);
        assertTrue(r.contains("<td>-0.5 [-1.5, 0.7] points</td>"), r);
        assertTrue(r.contains("<span class=\"verdict failed\">failed</span>"), r);
        assertTrue(r.contains("<a href=\"#exp-demo.claims\">Claims &lt;demo&gt;</a>"), r);
        assertTrue(dash.contains("<span class=\"verdict held\">held</span>"));
        assertTrue(dash.contains("<span class=\"verdict nc\">not comparable</span>"));
        assertTrue(dash.contains("no CLIP here"));
        // A paper nobody checked still has its block, saying so.
        int quotient = dash.indexOf("id=\"paper-quotient_diffusion\"");
        assertTrue(dash.indexOf("No experiment in this run checked a claim of this paper.", quotient) > quotient);
    }

    @Test
    void longTablesShowTheirFirstRowsAndFoldTheRest() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of(withClaims())));
        int fig = html.indexOf("id=\"exp-demo.claims-table-cases\"");
        String table = html.substring(fig, html.indexOf("</figure>", fig));
        int details = table.indexOf("<details class=\"fold\">");
        int preview = table.indexOf("<div class=\"preview\">");
        assertTrue(details > 0 && preview > details, table.substring(0, 400));
        String folded = table.substring(details, preview);
        String shown = table.substring(preview);
        assertTrue(folded.contains("Show all 217 rows"));
        assertEquals(217, count(folded, "<tr><td>"));
        assertEquals(ReportWriter.FOLD_ROWS, count(shown, "<tr><td>"));
        assertTrue(shown.contains(">case-11<") && !shown.contains(">case-12<"));
        // Short tables are not folded.
        Table small = Table.builder("small", "").columns("a").row(1).row(2).build();
        String plain = Files.readString(ReportWriter.write(
                dir,
                RUN,
                List.of(ExperimentResult.builder("demo.small", "").table(small).build())));
        assertFalse(plain.contains("<details class=\"fold\">"));
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void csvFilesQuoteCommasQuotesAndLineBreaks() throws Exception {
        Table t = Table.builder("odd", "")
                .columns("name", "value, unit")
                .row("say \"hi\", then\nleave", 1.5)
                .row(null, 2)
                .build();
        ReportWriter.write(
                dir,
                RUN,
                List.of(ExperimentResult.builder("demo.csv", "").table(t).build()));
        assertEquals(
                "name,\"value, unit\"\r\n\"say \"\"hi\"\", then\nleave\",1.5\r\n,2\r\n",
                Files.readString(dir.resolve("demo.csv-odd.csv")));
    }

    @Test
    void metricsJsonListsEachExperimentsClaimsAndCountsVerdicts() throws Exception {
        ReportWriter.write(dir, RUN, List.of(withClaims(), bad()));
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("metrics.json").toFile());
        assertEquals(1, root.at("/claims/HELD").asInt());
        assertEquals(1, root.at("/claims/FAILED").asInt());
        assertEquals(1, root.at("/claims/NOT_COMPARABLE").asInt());
        com.fasterxml.jackson.databind.JsonNode claims = root.at("/experiments/demo.claims/claims");
        assertEquals(3, claims.size());
        com.fasterxml.jackson.databind.JsonNode c = claims.get(1);
        assertEquals("EQUIZERO", c.get("paper").asText());
        assertEquals("equizero beats equitune <zero-shot>", c.get("statement").asText());
        assertEquals("+20.2 points", c.get("paper_figure").asText());
        assertEquals("FAILED", c.get("verdict").asText());
        assertEquals(-0.5, c.at("/interval/estimate").asDouble());
        assertEquals(-1.5, c.at("/interval/lower").asDouble());
        assertEquals(0.7, c.at("/interval/upper").asDouble());
        assertEquals(5, c.at("/interval/n").asInt());
        assertTrue(claims.get(2).get("interval").isNull());
        assertEquals(0, root.at("/experiments/demo.bad/claims").size());
    }

    @Test
    void emptyRunStillWritesAReport() throws Exception {
        String html = Files.readString(ReportWriter.write(dir, RUN, List.of()));
        assertTrue(html.contains("No experiments were run."));
        assertTrue(Files.exists(dir.resolve("metrics.json")));
    }
}
