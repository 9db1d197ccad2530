package org.noether.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for metrics, written by Jackson: maps, lists, primitive arrays, numbers, strings, booleans and null.
 * Two rules of ours on top: non-finite numbers become {@code null} (JSON has no NaN), and any other object is
 * written as its {@code toString()}; text that UTF-8 cannot carry (a lone surrogate) becomes U+FFFD. The pretty
 * form keeps arrays on one line, so long numeric vectors stay skimmable.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("noether-finite")
                    .addSerializer(Double.class, new FiniteSerializer())
                    .addSerializer(Float.class, new FiniteSerializer()));
    private static final ObjectWriter PRETTY = MAPPER.writer(printer(true));
    private static final ObjectWriter COMPACT = MAPPER.writer(printer(false));

    private Json() {}

    /** Pretty-prints {@code value} with two-space indentation and a final newline. */
    static String write(Object value) {
        return serialize(PRETTY, value) + "\n";
    }

    /** Writes {@code value} on one line. */
    static String compact(Object value) {
        return serialize(COMPACT, value);
    }

    private static String serialize(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code "key": value}, {@code [1, 2]}, {@code {}}: the layout metrics.json has always had. */
    private static DefaultPrettyPrinter printer(boolean multiline) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(multiline ? Separators.Spacing.NONE : Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        p.indentArraysWith(new DefaultPrettyPrinter.NopIndenter());
        p.indentObjectsWith(multiline ? new DefaultIndenter("  ", "\n") : new DefaultPrettyPrinter.NopIndenter());
        return p;
    }

    /** Reduces {@code v} to what JSON has: maps with string keys, lists, numbers, strings, booleans, null. */
    private static Object plain(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof String s) {
            return utf8Safe(s);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(utf8Safe(String.valueOf(k)), plain(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>(Array.getLength(v));
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(plain(Array.get(v, i)));
            }
            return out;
        }
        return utf8Safe(v.toString());
    }

    /** Replaces lone surrogates, which no UTF-8 file can hold, with U+FFFD. */
    static String utf8Safe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && out == null) {
                out = new StringBuilder(s.substring(0, i));
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Finite doubles and floats as numbers, the rest as null. */
    private static final class FiniteSerializer extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                gen.writeNull();
            } else if (value instanceof Float f) {
                gen.writeNumber(f);
            } else {
                gen.writeNumber(d);
            }
        }
    }
}
