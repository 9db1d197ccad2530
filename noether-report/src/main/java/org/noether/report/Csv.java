package org.noether.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.noether.experiment.Table;

/** Writes tables as RFC 4180 CSV: CRLF line ends, fields quoted when they contain a comma, quote or line break. */
final class Csv {

    private Csv() {
    }

    static String format(Table table) {
        StringBuilder sb = new StringBuilder();
        line(sb, List.copyOf(table.columns()));
        for (List<Object> row : table.rows()) {
            line(sb, row);
        }
        return sb.toString();
    }

    static void write(Table table, Path file) throws IOException {
        Files.writeString(file, format(table), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One field: empty for a missing value, numbers at full precision, text quoted when needed. */
    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String s = cell.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
