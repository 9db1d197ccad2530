package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the demo report to {@code target/report-demo} (or {@code -Dnoether.report.demo=DIR}) for the browser check. */
class ReportDemoTest {

    @Test
    void writesTheDemoReport() throws Exception {
        Path dir = Path.of(System.getProperty("noether.report.demo", "target/report-demo"));
        Path html = ReportDemo.write(dir);
        assertTrue(Files.size(html) > 1000);
    }
}
