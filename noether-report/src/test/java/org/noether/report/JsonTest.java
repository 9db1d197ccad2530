package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String str(String s) {
        return Json.compact(s);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", str("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0001\\u001F\"", str("\n\r\t\b\f\u0001\u001f"));
    }

    @Test
    void keepsNonAsciiTextAndValidSurrogatePairs() {
        assertEquals("\"π ≈ 3.14 😀\"", str("π ≈ 3.14 😀"));
    }

    @Test
    void replacesLoneSurrogatesWhichUtf8CannotHold() {
        assertEquals("\"a\uFFFDb\"", str("a\ud800b"));
        assertEquals("\"\uFFFD\"", str("\udc00"));
        assertEquals("\"\uFFFD\"", str("\ud83d"));
        assertEquals("{\"\uFFFD\": 1}", Json.compact(java.util.Map.of("\ud800", 1)));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals(
                "[null, null, null, 1.5, null, 2]",
                Json.compact(
                        Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5, null, 2)));
        assertEquals("[1.0, null]", Json.compact(new double[] {1, Double.NaN}));
        assertEquals("null\n", Json.write(Double.NaN));
    }

    @Test
    void writesNestedStructuresPrettyAndCompact() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("ok", true);
        inner.put("list", List.of(1, "two"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "run");
        root.put("inner", inner);
        root.put("empty", Map.of());
        root.put("rows", List.of(Map.of("k", 1L)));
        assertEquals(
                "{\n  \"name\": \"run\",\n  \"inner\": {\n    \"ok\": true,\n    \"list\": [1, \"two\"]\n  },\n"
                        + "  \"empty\": {},\n  \"rows\": [{\n    \"k\": 1\n  }]\n}\n",
                Json.write(root));
        assertEquals(
                "{\"name\": \"run\", \"inner\": {\"ok\": true, \"list\": [1, \"two\"]}, \"empty\": {}, "
                        + "\"rows\": [{\"k\": 1}]}",
                Json.compact(root));
    }

    @Test
    void otherObjectsBecomeStrings() {
        assertEquals(
                "[\"QUICK\", \"PT1S\"]",
                Json.compact(List.of(org.noether.experiment.Profile.QUICK, java.time.Duration.ofSeconds(1))));
    }
}
