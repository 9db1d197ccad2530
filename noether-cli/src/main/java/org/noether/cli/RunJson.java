package org.noether.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json} through Jackson, both ways: objects read as {@code Map<String, Object>} (in file order), arrays as
 * {@code List<Object>}, whole numbers as {@code Long}. Fractions, trailing text and malformed JSON are an
 * {@link IllegalArgumentException} saying where; the record holds only seeds, names, hashes and flags.
 */
final class RunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RunJson() {}

    static Object parse(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty text at character 0");
            }
            Object v = value(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected text after the value at character "
                        + p.currentLocation().getCharOffset());
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    e.getOriginalMessage() + " at character " + e.getLocation().getCharOffset(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage() + " at character 0", e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default ->
                throw new IllegalArgumentException("unexpected " + t + " (run.json holds no fractions) at character "
                        + p.currentLocation().getCharOffset());
        }
    }

    /** Pretty-printed JSON of maps, lists, strings, whole numbers, booleans and null. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write run.json: " + e.getOriginalMessage(), e);
        }
    }
}
