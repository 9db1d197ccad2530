package org.noether.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Table;
import org.noether.experiment.Verdict;

/**
 * Writes the files of a run folder:
 * <ul>
 *   <li>{@code report.html}: one self-contained page (inline CSS, plots embedded as base64 PNG, no script) that still
 *       works when copied anywhere on its own. It opens with the claims dashboard: one block per {@link Paper}, in
 *       enum order, each claim with the paper's figure, ours with its interval, the verdict, and a link to the
 *       experiment's section. Long tables show their first {@value #FOLD_ROWS} rows, the rest behind a toggle;</li>
 *   <li>{@code metrics.json}: run information, a count of verdicts, and every experiment's status, metrics and claims;</li>
 *   <li>{@code <experiment>-<table>.csv}: each table in RFC 4180 form;</li>
 *   <li>{@code <experiment>-<figure>.png} and {@code .svg}: each figure, for reuse elsewhere.</li>
 * </ul>
 *
 * <pre>{@code
 * Path html = ReportWriter.write(runDir, info, List.of(result1, result2));
 * }</pre>
 */
public final class ReportWriter {

    /** Tables longer than this show their head in HTML; the CSV always has every row. */
    static final int MAX_HTML_ROWS = 1000;
    /** Tables (and metric lists) longer than this show this many rows, the rest behind a toggle. */
    static final int FOLD_ROWS = 12;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private ReportWriter() {}

    /**
     * Writes all files into {@code runDir} (created if needed), replacing earlier ones of the same name.
     *
     * @return the path of {@code report.html}
     */
    public static Path write(Path runDir, RunInfo run, List<ExperimentResult> results) throws IOException {
        Files.createDirectories(runDir);
        Map<String, String> pngs = new HashMap<>();
        Map<String, String> renderErrors = new HashMap<>();
        for (ExperimentResult r : results) {
            for (Table t : r.tables()) {
                Csv.write(t, runDir.resolve(csvName(r, t)));
            }
            for (Figure f : r.figures()) {
                String key = r.name() + "-" + f.name();
                try {
                    byte[] png = PlotRenderer.png(f, PlotRenderer.DEFAULT_WIDTH, PlotRenderer.DEFAULT_HEIGHT);
                    Files.write(runDir.resolve(key + ".png"), png);
                    Files.writeString(
                            runDir.resolve(key + ".svg"),
                            PlotRenderer.svg(f, PlotRenderer.DEFAULT_WIDTH, PlotRenderer.DEFAULT_HEIGHT),
                            StandardCharsets.UTF_8);
                    pngs.put(key, Base64.getEncoder().encodeToString(png));
                } catch (RuntimeException e) {
                    // One bad figure should cost that figure, not the whole report.
                    renderErrors.put(key, e.toString());
                }
            }
        }
        Files.writeString(runDir.resolve("metrics.json"), Json.write(metrics(run, results)), StandardCharsets.UTF_8);
        Path html = runDir.resolve("report.html");
        Files.writeString(html, new Html(run, results, pngs, renderErrors).render(), StandardCharsets.UTF_8);
        return html;
    }

    static String csvName(ExperimentResult r, Table t) {
        return r.name() + "-" + t.name() + ".csv";
    }

    static Map<String, Object> metrics(RunInfo run, List<ExperimentResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("name", run.name());
        header.put("started", run.started().toString());
        header.put("elapsed_seconds", run.elapsed().toNanos() / 1e9);
        header.put("profile", run.profile().name());
        header.put("seed", run.seed());
        header.put("command", run.command());
        header.put("environment", RunInfo.environment());
        root.put("run", header);
        Map<String, Object> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(
                    v.name(),
                    results.stream()
                            .flatMap(r -> r.claims().stream())
                            .filter(c -> c.verdict() == v)
                            .count());
        }
        root.put("claims", verdicts);
        Map<String, Object> experiments = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", r.title());
            e.put("status", r.succeeded() ? "succeeded" : "failed");
            e.put("elapsed_seconds", r.elapsed().toNanos() / 1e9);
            e.put("error", r.succeeded() ? null : r.failure().message());
            e.put("metrics", r.metrics());
            e.put("claims", r.claims().stream().map(ReportWriter::claim).toList());
            e.put("tables", r.tables().stream().map(t -> csvName(r, t)).toList());
            e.put(
                    "figures",
                    r.figures().stream()
                            .map(f -> r.name() + "-" + f.name() + ".png")
                            .toList());
            experiments.put(r.name(), e);
        }
        root.put("experiments", experiments);
        return root;
    }

    /** One claim for metrics.json; enum names are the stable tokens, the rest is text. */
    static Map<String, Object> claim(Claim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paper", c.paper().name());
        m.put("statement", c.statement());
        m.put("paper_figure", c.paperFigure());
        m.put("ours", c.ours());
        Interval i = c.interval();
        if (i == null) {
            m.put("interval", null);
        } else {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("estimate", i.estimate());
            im.put("lower", i.lower());
            im.put("upper", i.upper());
            im.put("level", i.level());
            im.put("n", i.n());
            m.put("interval", im);
        }
        m.put("verdict", c.verdict().name());
        m.put("detail", c.detail());
        return m;
    }

    /** Builds the HTML page. */
    private static final class Html {
        private final RunInfo run;
        private final List<ExperimentResult> results;
        private final Map<String, String> pngs;
        private final Map<String, String> renderErrors;
        private final StringBuilder sb = new StringBuilder();

        Html(RunInfo run, List<ExperimentResult> results, Map<String, String> pngs, Map<String, String> renderErrors) {
            this.run = run;
            this.results = results;
            this.pngs = pngs;
            this.renderErrors = renderErrors;
        }

        String render() {
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>Noether report: ")
                    .append(esc(run.name()))
                    .append("</title>\n<style>\n")
                    .append(CSS)
                    .append("</style>\n</head>\n<body>\n");
            sb.append("<h1>Noether report <span class=\"muted\">")
                    .append(esc(run.name()))
                    .append("</span></h1>\n");
            dashboard();
            header();
            contents();
            for (ExperimentResult r : results) {
                experiment(r);
            }
            sb.append("<footer>Written by Noether. Tables are also in the CSV files and all metrics in ")
                    .append(
                            "<a href=\"metrics.json\">metrics.json</a> next to this page.</footer>\n</body>\n</html>\n");
            return sb.toString();
        }

        private void header() {
            sb.append("<header>\n<h2>Run</h2>\n<dl class=\"run\">\n");
            item("Run", esc(run.name()));
            item("Started", esc(WHEN.format(run.started().atZone(ZoneId.systemDefault()))));
            item("Duration", esc(Format.duration(run.elapsed())));
            item("Profile", esc(run.profile().name().toLowerCase(java.util.Locale.ROOT)));
            item("Seed", Long.toString(run.seed()));
            if (!run.command().isEmpty()) {
                item("Command", "<code>" + esc(run.command()) + "</code>");
            }
            for (Map.Entry<String, String> e : RunInfo.environment().entrySet()) {
                item(esc(e.getKey()), esc(e.getValue()));
            }
            sb.append("</dl>\n</header>\n");
        }

        private void item(String key, String valueHtml) {
            sb.append("<div><dt>")
                    .append(key)
                    .append("</dt><dd>")
                    .append(valueHtml)
                    .append("</dd></div>\n");
        }

        private void contents() {
            long failed = results.stream().filter(r -> !r.succeeded()).count();
            sb.append("<nav>\n<h2>Experiments</h2>\n<p class=\"tally\">")
                    .append(results.size())
                    .append(results.size() == 1 ? " experiment" : " experiments");
            if (!results.isEmpty()) {
                sb.append(": ")
                        .append(results.size() - failed)
                        .append(" succeeded, ")
                        .append(failed)
                        .append(" failed");
            }
            sb.append(".</p>\n");
            if (results.isEmpty()) {
                sb.append("<p>No experiments were run.</p>\n</nav>\n");
                return;
            }
            sb.append("<ol>\n");
            for (ExperimentResult r : results) {
                sb.append("<li><a href=\"#")
                        .append(anchor(r))
                        .append("\">")
                        .append(esc(r.title().isEmpty() ? r.name() : r.title()))
                        .append("</a> <code>")
                        .append(esc(r.name()))
                        .append("</code> ")
                        .append(badge(r))
                        .append(" <span class=\"muted\">")
                        .append(esc(Format.duration(r.elapsed())))
                        .append("</span></li>\n");
            }
            sb.append("</ol>\n</nav>\n");
        }

        private static String anchor(ExperimentResult r) {
            return "exp-" + r.name();
        }

        private static String badge(ExperimentResult r) {
            return r.succeeded() ? "<span class=\"badge ok\">ok</span>" : "<span class=\"badge fail\">failed</span>";
        }

        private void experiment(ExperimentResult r) {
            sb.append("<section id=\"")
                    .append(anchor(r))
                    .append("\"")
                    .append(r.succeeded() ? "" : " class=\"failed\"")
                    .append(">\n<h2>")
                    .append(esc(r.title().isEmpty() ? r.name() : r.title()))
                    .append("</h2>\n")
                    .append("<p class=\"meta\"><code>")
                    .append(esc(r.name()))
                    .append("</code> ")
                    .append(badge(r))
                    .append(" <span class=\"muted\">")
                    .append(esc(Format.duration(r.elapsed())))
                    .append("</span></p>\n");
            if (!r.succeeded()) {
                sb.append("<div class=\"error\"><strong>Failed:</strong> ")
                        .append(esc(r.failure().message()))
                        .append("<details><summary>Stack trace</summary><pre>")
                        .append(esc(r.failure().stackTrace()))
                        .append("</pre></details></div>\n");
            }
            for (String paragraph : r.summary().strip().split("\\R\\s*\\R")) {
                if (!paragraph.isBlank()) {
                    sb.append("<p>").append(esc(paragraph.strip())).append("</p>\n");
                }
            }
            if (!r.claims().isEmpty()) {
                sb.append("<h3>Claims checked</h3>\n");
                claimsTable(r.claims(), null);
            }
            for (Figure f : r.figures()) {
                figure(r, f);
            }
            for (Table t : r.tables()) {
                table(r, t);
            }
            if (!r.metrics().isEmpty()) {
                metricsTable(r);
            }
            sb.append("</section>\n");
        }

        private void metricsTable(ExperimentResult r) {
            sb.append("<details class=\"metrics\"")
                    .append(r.metrics().size() <= FOLD_ROWS ? " open" : "")
                    .append("><summary>Metrics (")
                    .append(r.metrics().size())
                    .append(")</summary>\n<div class=\"scroll\"><table>\n<tbody>\n");
            for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
                Object v = e.getValue();
                String shown;
                boolean numeric = v instanceof Number;
                if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
                    shown = v == null ? "null" : Format.cell(v);
                } else {
                    shown = Json.compact(v);
                    if (shown.length() > 160) {
                        shown = shown.substring(0, 157) + "…";
                    }
                }
                sb.append("<tr><th scope=\"row\">")
                        .append(esc(e.getKey()))
                        .append("</th><td")
                        .append(numeric ? " class=\"num\"" : "")
                        .append('>')
                        .append(esc(shown))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table></div>\n</details>\n");
        }

        private void table(ExperimentResult r, Table t) {
            String csv = csvName(r, t);
            sb.append("<figure class=\"table\" id=\"")
                    .append(anchor(r))
                    .append("-table-")
                    .append(esc(t.name()))
                    .append("\">\n")
                    .append("<figcaption>")
                    .append(esc(t.caption().isEmpty() ? t.name() : t.caption()))
                    .append(" <a class=\"file\" href=\"")
                    .append(esc(csv))
                    .append("\">CSV</a></figcaption>\n");
            int start = sb.length();
            sb.append("<div class=\"scroll\"><table>\n<thead><tr>");
            boolean[] numeric = new boolean[t.columns().size()];
            for (int c = 0; c < numeric.length; c++) {
                numeric[c] = !t.rows().isEmpty();
                for (List<Object> row : t.rows()) {
                    Object cell = row.get(c);
                    numeric[c] &= cell == null || cell instanceof Number;
                }
            }
            for (int c = 0; c < numeric.length; c++) {
                sb.append("<th scope=\"col\"")
                        .append(numeric[c] ? " class=\"num\"" : "")
                        .append('>')
                        .append(esc(t.columns().get(c)))
                        .append("</th>");
            }
            sb.append("</tr></thead>\n");
            String head = sb.substring(start);
            sb.setLength(start);
            int total = t.rows().size();
            int shown = Math.min(total, MAX_HTML_ROWS);
            if (total <= FOLD_ROWS) {
                sb.append(head);
                rows(t, numeric, 0, total);
                sb.append("</table></div>\n");
            } else {
                // Without script: the preview shows the first rows; opening the toggle shows the whole table in its
                // place (CSS hides the preview then), so the columns keep one width throughout.
                sb.append("<details class=\"fold\"><summary><span class=\"closed\">Show all ")
                        .append(total)
                        .append(" rows</span><span class=\"open\">Show the first ")
                        .append(FOLD_ROWS)
                        .append(" rows only</span></summary>\n")
                        .append(head);
                rows(t, numeric, 0, shown);
                sb.append("</table></div>\n");
                if (shown < total) {
                    sb.append("<p class=\"muted\">Showing ")
                            .append(shown)
                            .append(" of ")
                            .append(total)
                            .append(" rows; the CSV has them all.</p>\n");
                }
                sb.append("</details>\n<div class=\"preview\">").append(head);
                rows(t, numeric, 0, FOLD_ROWS);
                sb.append("</table></div>\n<p class=\"muted\">")
                        .append(FOLD_ROWS)
                        .append(" of ")
                        .append(total)
                        .append(" rows shown.</p>\n</div>\n");
            }
            sb.append("</figure>\n");
        }

        private void rows(Table t, boolean[] numeric, int from, int to) {
            sb.append("<tbody>\n");
            for (int i = from; i < to; i++) {
                sb.append("<tr>");
                List<Object> row = t.rows().get(i);
                for (int c = 0; c < row.size(); c++) {
                    sb.append("<td")
                            .append(numeric[c] ? " class=\"num\"" : "")
                            .append('>')
                            .append(esc(Format.cell(row.get(c))))
                            .append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n");
        }

        /** The claims dashboard: the first thing on the page. */
        private void dashboard() {
            List<Claim> all = results.stream().flatMap(r -> r.claims().stream()).toList();
            sb.append("<section id=\"claims\" class=\"dashboard\">\n<h2>Claims</h2>\n<p class=\"tally\">");
            if (all.isEmpty()) {
                sb.append("No experiment in this run checked a claim.");
            } else {
                sb.append(all.size()).append(all.size() == 1 ? " claim checked: " : " claims checked: ");
                List<String> parts = new ArrayList<>();
                for (Verdict v : Verdict.values()) {
                    parts.add(all.stream().filter(c -> c.verdict() == v).count() + " " + v.label());
                }
                sb.append(esc(String.join(", ", parts))).append('.');
            }
            List<ExperimentResult> failed =
                    results.stream().filter(r -> !r.succeeded()).toList();
            if (!failed.isEmpty()) {
                sb.append(" <span class=\"failed-runs\">")
                        .append(failed.size())
                        .append(failed.size() == 1 ? " experiment" : " experiments")
                        .append(" failed: ");
                for (int i = 0; i < failed.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(link(failed.get(i)));
                }
                sb.append(".</span>");
            }
            sb.append("</p>\n");
            for (Paper p : Paper.values()) {
                sb.append("<div class=\"paper\" id=\"paper-")
                        .append(p.name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">\n<h3>")
                        .append(esc(p.title()))
                        .append(" <span class=\"muted\">")
                        .append(esc(p.shortName()))
                        .append("</span></h3>\n");
                List<ExperimentResult> withClaims = results.stream()
                        .filter(r -> r.claims().stream().anyMatch(c -> c.paper() == p))
                        .toList();
                if (withClaims.isEmpty()) {
                    sb.append(
                            "<p class=\"muted\">No experiment in this run checked a claim of this paper.</p>\n</div>\n");
                    continue;
                }
                List<Claim> claims = new ArrayList<>();
                List<ExperimentResult> owners = new ArrayList<>();
                for (ExperimentResult r : withClaims) {
                    for (Claim c : r.claims()) {
                        if (c.paper() == p) {
                            claims.add(c);
                            owners.add(r);
                        }
                    }
                }
                claimsTable(claims, owners);
                sb.append("</div>\n");
            }
            sb.append("</section>\n");
        }

        /** A table of claims; with {@code owners}, each row links to the section of the experiment that checked it. */
        private void claimsTable(List<Claim> claims, List<ExperimentResult> owners) {
            sb.append("<table class=\"claims\">\n<colgroup><col class=\"statement\"><col class=\"figure\">")
                    .append("<col class=\"ours\"><col class=\"verdict\"></colgroup>\n")
                    .append("<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Paper</th>")
                    .append(
                            "<th scope=\"col\">Ours (interval)</th><th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < claims.size(); i++) {
                Claim c = claims.get(i);
                sb.append("<tr class=\"")
                        .append(verdictClass(c.verdict()))
                        .append("\"><td>")
                        .append(esc(c.statement()));
                if (!c.detail().isEmpty()) {
                    sb.append("<div class=\"detail\">").append(esc(c.detail())).append("</div>");
                }
                if (owners != null) {
                    sb.append("<div class=\"source\">")
                            .append(link(owners.get(i)))
                            .append("</div>");
                }
                sb.append("</td><td>")
                        .append(
                                c.paperFigure().isEmpty()
                                        ? "<span class=\"muted\">none given</span>"
                                        : esc(c.paperFigure()))
                        .append("</td><td>")
                        .append(c.ours().isEmpty() ? "<span class=\"muted\">not measured</span>" : esc(c.ours()))
                        .append("</td><td>")
                        .append(verdictBadge(c.verdict()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }

        private static String link(ExperimentResult r) {
            return "<a href=\"#" + esc(anchor(r)) + "\">" + esc(r.title().isEmpty() ? r.name() : r.title()) + "</a>";
        }

        private static String verdictClass(Verdict v) {
            return switch (v) {
                case HELD -> "held";
                case FAILED -> "failed";
                case NOT_COMPARABLE -> "nc";
            };
        }

        private static String verdictBadge(Verdict v) {
            return "<span class=\"verdict " + verdictClass(v) + "\">" + esc(v.label()) + "</span>";
        }

        private void figure(ExperimentResult r, Figure f) {
            String key = r.name() + "-" + f.name();
            sb.append("<figure class=\"plot\" id=\"")
                    .append(anchor(r))
                    .append("-figure-")
                    .append(esc(f.name()))
                    .append("\">\n");
            String png = pngs.get(key);
            if (png != null) {
                sb.append("<img alt=\"")
                        .append(esc(f.caption().isEmpty() ? f.name() : f.caption()))
                        .append("\" width=\"")
                        .append(PlotRenderer.DEFAULT_WIDTH)
                        .append("\" height=\"")
                        .append(PlotRenderer.DEFAULT_HEIGHT)
                        .append("\" src=\"data:image/png;base64,")
                        .append(png)
                        .append("\">\n")
                        .append("<figcaption>")
                        .append(esc(f.name()))
                        .append(" <a class=\"file\" href=\"")
                        .append(esc(key))
                        .append(".png\">PNG</a> <a class=\"file\" href=\"")
                        .append(esc(key))
                        .append(".svg\">SVG</a></figcaption>\n");
            } else {
                sb.append("<div class=\"error\">Figure <code>")
                        .append(esc(f.name()))
                        .append("</code> could not be drawn: ")
                        .append(esc(renderErrors.getOrDefault(key, "unknown error")))
                        .append("</div>\n");
            }
            sb.append("</figure>\n");
        }
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = String.join(
                    "\n",
                    List.of(
                            ":root { --fg: #1d1d1f; --muted: #6b6b70; --line: #e2e2e6; --accent: #0b62a4; --bad: #b42318; --good: #1a7f37; }",
                            "* { box-sizing: border-box; }",
                            "body { margin: 0 auto; max-width: 980px; padding: 2rem 1.25rem 4rem; color: var(--fg); background: #fff;",
                            "  font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }",
                            "h1 { font-size: 1.9rem; margin: 0 0 1rem; }",
                            "h2 { font-size: 1.35rem; margin: 0 0 .3rem; }",
                            "a { color: var(--accent); }",
                            "code, pre { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: .88em; }",
                            "header { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }",
                            "dl.run { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .2rem 1.5rem; margin: 0; }",
                            "dl.run div { display: flex; gap: .6rem; } dl.run dt { color: var(--muted); min-width: 5.5rem; } dl.run dd { margin: 0; }",
                            "nav { padding: 1rem 0; border-bottom: 1px solid var(--line); }",
                            "nav ol { margin: .3rem 0 0; padding-left: 1.4rem; } nav li { margin: .15rem 0; }",
                            "section { padding: 1.6rem 0; border-bottom: 1px solid var(--line); }",
                            ".meta { margin: 0 0 .8rem; } .muted, .tally { color: var(--muted); }",
                            ".badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45rem; border-radius: 1rem; vertical-align: 1px; }",
                            ".badge.ok { background: #dcf5e3; color: var(--good); } .badge.fail { background: #fde4e1; color: var(--bad); }",
                            ".error { background: #fff5f4; border: 1px solid #f3c1bb; color: var(--bad); padding: .6rem .8rem; border-radius: 6px; margin: .6rem 0; }",
                            ".error pre { color: var(--fg); white-space: pre-wrap; font-size: .8rem; max-height: 24rem; overflow: auto; }",
                            "figure { margin: 1.2rem 0; } figcaption { color: var(--muted); font-size: .9rem; margin: .3rem 0; }",
                            "figure.plot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }",
                            "a.file { font-size: .78rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 .35rem; text-decoration: none; margin-left: .3rem; }",
                            ".scroll { overflow-x: auto; }",
                            "table { border-collapse: collapse; font-size: .9rem; }",
                            "th, td { padding: .3rem .7rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }",
                            "thead th { border-bottom: 2px solid #c9c9cf; background: #fafafb; }",
                            "tbody tr:nth-child(even) { background: #fafafb; }",
                            ".num { text-align: right; font-variant-numeric: tabular-nums; }",
                            "details.metrics { margin: .8rem 0; } details.metrics summary { cursor: pointer; color: var(--muted); }",
                            "details.metrics th { font-weight: normal; color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }",
                            "footer { color: var(--muted); font-size: .85rem; padding-top: 1.5rem; }",
                            "h1 .muted { font-weight: normal; font-size: 1.1rem; }",
                            "h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }",
                            ".dashboard { padding: .4rem 0 1.4rem; border-bottom: 1px solid var(--line); }",
                            ".dashboard h3 .muted { font-weight: normal; font-size: .9rem; }",
                            "table.claims { width: 100%; table-layout: fixed; }",
                            "table.claims col.figure { width: 20%; } table.claims col.ours { width: 24%; } table.claims col.verdict { width: 9.5rem; }",
                            "table.claims td, table.claims th { overflow-wrap: anywhere; }",
                            "table.claims .detail { color: var(--muted); font-size: .8rem; margin-top: .15rem; }",
                            "table.claims .source { font-size: .8rem; margin-top: .15rem; }",
                            ".verdict { display: inline-block; font-size: .78rem; font-weight: 600; padding: .05rem .5rem; border-radius: 1rem; white-space: nowrap; }",
                            ".verdict.held { background: #dcf5e3; color: var(--good); } .verdict.failed { background: #fde4e1; color: var(--bad); }",
                            ".verdict.nc { background: #ececf0; color: var(--muted); }",
                            ".failed-runs { color: var(--bad); }",
                            "details.fold > summary { cursor: pointer; color: var(--accent); font-size: .88rem; margin: .2rem 0 .4rem; }",
                            "details.fold[open] + .preview { display: none; }",
                            "details.fold summary .open, details.fold[open] summary .closed { display: none; }",
                            "details.fold[open] summary .open { display: inline; }",
                            ""))
            + "\n";
}
