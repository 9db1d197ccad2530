package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void roundsToFourSignificantDigits() {
        assertEquals("3.142", Format.number(Math.PI));
        assertEquals("0.001235", Format.number(0.00123456));
        assertEquals("1.5", Format.number(1.5));
        assertEquals("100", Format.number(100.0));
        assertEquals("-2.5", Format.number(-2.5));
        assertEquals("1235", Format.number(1234.5));
    }

    @Test
    void usesScientificNotationForTinyAndHugeValues() {
        assertEquals("1.235e-5", Format.number(1.23456e-5));
        assertEquals("2.22e-16", Format.number(2.220446e-16));
        assertEquals("-1e-4", Format.number(-1e-4));
        assertEquals("1.235e7", Format.number(12_345_678.0));
    }

    @Test
    void keepsWholeNumbersBetweenTenThousandAndAMillion() {
        assertEquals("123457", Format.number(123456.7));
    }

    @Test
    void handlesSpecialValues() {
        assertEquals("0", Format.number(0.0));
        assertEquals("0", Format.number(-0.0));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("∞", Format.number(Double.POSITIVE_INFINITY));
        assertEquals("−∞", Format.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void cellsKeepIntegersExactAndMissingValuesEmpty() {
        assertEquals("123456789", Format.cell(123456789L));
        assertEquals("", Format.cell(null));
        assertEquals("text", Format.cell("text"));
        assertEquals("0.3333", Format.cell(1.0 / 3));
        assertEquals("false", Format.cell(false));
    }

    @Test
    void formatsDurations() {
        assertEquals("850 ms", Format.duration(Duration.ofMillis(850)));
        assertEquals("12.3 s", Format.duration(Duration.ofMillis(12_340)));
        assertEquals("4 min 05 s", Format.duration(Duration.ofSeconds(245)));
        assertEquals("2 h 03 min", Format.duration(Duration.ofMinutes(123)));
    }
}
