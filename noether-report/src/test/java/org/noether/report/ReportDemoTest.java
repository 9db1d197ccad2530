package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes the demo report to {@code target/report-demo} (or {@code -Dnoether.report.demo=DIR}), which
 * {@code .ci/report-check.sh} then opens in a headless browser; checks here what can be checked without one.
 */
class ReportDemoTest {

    @Test
    void writesTheDemoReport() throws Exception {
        Path dir = Path.of(System.getProperty("noether.report.demo", "target/report-demo"));
        Path html = ReportDemo.write(dir);
        String page = Files.readString(html);
        int dashboard = page.indexOf("<section id=\"claims\"");
        assertTrue(dashboard > 0 && dashboard < page.indexOf("<section id=\"exp-"), "the dashboard comes first");
        assertTrue(page.contains("Show all 217 rows"), "the group-averaging table is folded");
        for (String figure : new String[] {
            "core.group-averaging-error-vs-order",
            "vision.symmetrize-mnist-D4",
            "meanfield.symmetries-rmd-projection-WI",
            "meanfield.symmetries-loss"
        }) {
            assertTrue(Files.size(dir.resolve(figure + ".png")) > 1000, figure);
            assertTrue(Files.size(dir.resolve(figure + ".svg")) > 1000, figure);
        }
        assertTrue(!page.contains("could not be drawn"), "every figure was drawn");
    }
}
