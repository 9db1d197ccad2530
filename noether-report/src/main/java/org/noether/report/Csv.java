package org.noether.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.noether.experiment.Table;

/**
 * Writes tables as RFC 4180 CSV with commons-csv: CRLF line ends, fields quoted when they contain a comma, quote or
 * line break, or start or end with white space; numbers at full precision, missing values empty.
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {}

    static String format(Table table) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, FORMAT)) {
            out.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static void write(Table table, Path file) throws IOException {
        Files.writeString(file, format(table), StandardCharsets.UTF_8);
    }

    /**
     * One field as it appears in a record after the first field (commons-csv quotes an empty first field, so that a
     * record of one empty field differs from an empty line).
     */
    static String field(Object cell) {
        StringBuilder sb = new StringBuilder();
        try {
            FORMAT.print(cell, sb, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.substring(1);
    }
}
