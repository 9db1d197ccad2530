package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunJsonTest {

    @Test
    void whatIsWrittenReadsBackEqual() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("report.html", List.of("ab12", "cd34"));
        inner.put("empty", List.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", -5L);
        m.put("big", Long.MIN_VALUE);
        m.put("command", "noether reproduce --out 'a \"b\"\\c'\n\ttab \u0001");
        m.put("ok", true);
        m.put("none", null);
        m.put("written", inner);
        m.put("nothing", new LinkedHashMap<>());
        assertEquals(m, RunJson.parse(RunJson.write(m)));
    }

    @Test
    void malformedTextIsRejectedSayingWhere() {
        for (String bad : List.of(
                "",
                "{",
                "{\"a\": 1,}",
                "{\"a\" 1}",
                "[1, 2",
                "{\"a\": 1.5}",
                "{\"a\": 1} x",
                "\"\\q\"",
                "\"abc",
                "{a: 1}",
                "tru",
                "{\"a\": -}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunJson.parse(bad), bad);
            assertTrue(e.getMessage().contains("at character"), e.getMessage());
        }
    }
}
