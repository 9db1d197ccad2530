package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.noether.experiment.Table;

class CsvTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"cr\rhere\"", Csv.field("cr\rhere"));
        assertEquals("\" padded \"", Csv.field(" padded "));
        assertEquals("", Csv.field(null));
        assertEquals("", Csv.field(""));
    }

    @Test
    void writesNumbersAtFullPrecision() {
        assertEquals("0.1234567890123", Csv.field(0.1234567890123));
        assertEquals("1.0E-12", Csv.field(1e-12));
        assertEquals("NaN", Csv.field(Double.NaN));
        assertEquals("42", Csv.field(42));
        assertEquals("true", Csv.field(true));
    }

    @Test
    void formatsHeaderAndRowsWithCrlf() {
        Table t = Table.builder("t", "")
                .columns("name", "value, unit")
                .row("a\"b", 1.5)
                .row(null, 2)
                .build();
        assertEquals("name,\"value, unit\"\r\n\"a\"\"b\",1.5\r\n,2\r\n", Csv.format(t));
    }
}
