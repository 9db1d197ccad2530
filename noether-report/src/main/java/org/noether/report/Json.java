package org.noether.report;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for metrics: maps, lists, primitive arrays, numbers, strings, booleans and null.
 * Non-finite numbers become {@code null} because JSON has no NaN; other objects are written as their
 * {@code toString()}.
 */
final class Json {

    private final boolean pretty;

    private Json(boolean pretty) {
        this.pretty = pretty;
    }

    /** Pretty-prints {@code value} with two-space indentation and a final newline. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        new Json(true).value(sb, value, 0);
        return sb.append('\n').toString();
    }

    /** Writes {@code value} on one line. */
    static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        new Json(false).value(sb, value, 0);
        return sb.toString();
    }

    private void value(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? v.toString() : "null");
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            object(sb, map, indent);
        } else if (v instanceof Collection<?> c) {
            array(sb, c.toArray(), indent);
        } else if (v.getClass().isArray()) {
            Object[] boxed = new Object[Array.getLength(v)];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = Array.get(v, i);
            }
            array(sb, boxed, indent);
        } else {
            string(sb, v.toString());
        }
    }

    private void object(StringBuilder sb, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(first ? "" : ",").append(pretty ? "\n" : first ? "" : " ");
            first = false;
            pad(sb, indent + 1);
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            value(sb, e.getValue(), indent + 1);
        }
        newline(sb);
        pad(sb, indent);
        sb.append('}');
    }

    private void array(StringBuilder sb, Object[] items, int indent) {
        boolean flat = true;
        for (Object o : items) {
            flat &= !(o instanceof Map || o instanceof Collection || (o != null && o.getClass().isArray()));
        }
        if (flat) {
            // Keeps long numeric vectors on one line so the file stays skimmable.
            sb.append('[');
            for (int i = 0; i < items.length; i++) {
                sb.append(i == 0 ? "" : ", ");
                value(sb, items[i], indent);
            }
            sb.append(']');
            return;
        }
        sb.append('[');
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : ",").append(pretty ? "\n" : i == 0 ? "" : " ");
            pad(sb, indent + 1);
            value(sb, items[i], indent + 1);
        }
        newline(sb);
        pad(sb, indent);
        sb.append(']');
    }

    /** Appends {@code s} as a quoted JSON string. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean loneSurrogate;
                    if (Character.isHighSurrogate(c)) {
                        loneSurrogate = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                    } else if (Character.isLowSurrogate(c)) {
                        loneSurrogate = i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
                    } else {
                        loneSurrogate = false;
                    }
                    // Lone surrogates cannot be encoded as UTF-8, and U+2028/2029 break JavaScript embedding.
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private void newline(StringBuilder sb) {
        if (pretty) {
            sb.append('\n');
        }
    }

    private void pad(StringBuilder sb, int indent) {
        if (pretty) {
            sb.append("  ".repeat(indent));
        }
    }
}
