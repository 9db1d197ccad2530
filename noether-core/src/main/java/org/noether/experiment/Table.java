package org.noether.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table of results; the report shows it in HTML and writes it as {@code <experiment>-<name>.csv}.
 *
 * <p>Cells are {@link Number}s, {@link String}s, {@link Boolean}s or {@code null} (a missing value), so that
 * every writer knows how to format them.
 *
 * <pre>{@code
 * Table t = Table.builder("errors", "Equivariance error per group")
 *         .columns("group", "order", "error")
 *         .row("C4", 4, 3.1e-16)
 *         .row("D4", 8, 4.4e-16)
 *         .build();
 * }</pre>
 *
 * @param name    identifier within its experiment, used in file names (letters, digits, '.', '_', '-')
 * @param caption one sentence describing the table
 * @param columns column headings, at least one
 * @param rows    rows, each with exactly one cell per column
 */
public record Table(String name, String caption, List<String> columns, List<List<Object>> rows) {

    /** Validates shape and cell types and makes unmodifiable copies. */
    public Table {
        Names.requirePart("table", name);
        caption = Names.nullToEmpty(caption);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' needs at least one column");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + name + "' row " + r + " has " + row.size()
                        + " cells but there are " + columns.size() + " columns " + columns);
            }
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell != null && !(cell instanceof Number || cell instanceof String || cell instanceof Boolean)) {
                    throw new IllegalArgumentException(
                            "table '" + name + "' row " + r + " column '" + columns.get(c) + "' holds a "
                                    + cell.getClass().getName() + "; cells must be Number, String, Boolean or null");
                }
            }
            // Collections.unmodifiableList rather than List.copyOf because missing values are null.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Starts a table; see the class example. */
    public static Builder builder(String name, String caption) {
        return new Builder(name, caption);
    }

    /** Collects the parts of a {@link Table}. */
    public static final class Builder {
        private final String name;
        private final String caption;
        private final List<String> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, String caption) {
            this.name = name;
            this.caption = caption;
        }

        public Builder columns(String... names) {
            for (String n : names) {
                columns.add(Objects.requireNonNull(n, "column name"));
            }
            return this;
        }

        /** Adds a row; characters sequences and enums become strings, other cells must already be allowed types. */
        public Builder row(Object... cells) {
            Object[] converted = cells.clone();
            for (int i = 0; i < converted.length; i++) {
                if (converted[i] instanceof CharSequence || converted[i] instanceof Enum<?>) {
                    converted[i] = converted[i].toString();
                }
            }
            rows.add(Arrays.asList(converted));
            return this;
        }

        public Table build() {
            return new Table(name, caption, columns, rows);
        }
    }
}
