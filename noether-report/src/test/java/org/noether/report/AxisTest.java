package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

    private static List<String> labels(Axis a) {
        return a.ticks.stream().map(Axis.Tick::label).toList();
    }

    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        Axis a = Axis.fit(0, 10, false, 6, 0, 0, false);
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), labels(a));
        assertEquals(0.0, a.fraction(0), 1e-12);
        assertEquals(1.0, a.fraction(10), 1e-12);
    }

    @Test
    void decimalsFollowTheStep() {
        assertEquals(List.of("0.00", "0.25", "0.50", "0.75", "1.00"), labels(Axis.fit(0, 1, false, 5, 0, 0, false)));
    }

    @Test
    void zeroRangeIsWidened() {
        Axis a = Axis.fit(5, 5, false, 5, 0, 0, false);
        assertTrue(a.lo < 5 && a.hi > 5, a.lo + ".." + a.hi);
        Axis z = Axis.fit(0, 0, false, 5, 0, 0, false);
        assertTrue(z.lo < 0 && z.hi > 0);
        Axis l = Axis.fit(3, 3, true, 5, 0, 0, false);
        assertTrue(l.lo < 3 && l.hi > 3 && l.lo > 0);
    }

    @Test
    void noDataGivesAUsableAxis() {
        Axis a = Axis.fit(Double.NaN, Double.NaN, false, 5, 0.05, 0.05, false);
        assertTrue(a.hi > a.lo && a.ticks.size() >= 2);
        Axis l = Axis.fit(Double.NaN, Double.NaN, true, 5, 0.05, 0.05, false);
        assertTrue(l.lo > 0 && l.hi > l.lo && l.ticks.size() >= 2);
    }

    @Test
    void barsStartAtZero() {
        Axis a = Axis.fit(0.6, 0.97, false, 6, 0.05, 0.05, true);
        assertEquals(0.0, a.lo);
    }

    @Test
    void logAxesLabelDecades() {
        Axis a = Axis.fit(1e-7, 1e-3, true, 10, 0, 0, false);
        assertEquals(List.of("10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001"), labels(a));
        assertEquals(0.5, a.fraction(1e-5), 1e-9);
        assertTrue(a.minor.contains(2e-6));
    }

    @Test
    void manyDecadesAreThinned() {
        Axis a = Axis.fit(1e-20, 1e20, true, 5, 0, 0, false);
        assertTrue(a.ticks.size() <= 5, labels(a).toString());
    }

    @Test
    void narrowLogRangesStillGetTicks() {
        Axis a = Axis.fit(2, 30, true, 8, 0, 0, false);
        assertTrue(labels(a).containsAll(List.of("2", "5", "10", "20")), labels(a).toString());
        Axis b = Axis.fit(1.01, 1.02, true, 6, 0, 0, false);
        assertTrue(b.ticks.size() >= 2, labels(b).toString());
    }

    @Test
    void scientificLabelsForTinyLinearRanges() {
        Axis a = Axis.fit(-1e-5, 1e-5, false, 5, 0, 0, false);
        assertTrue(labels(a).contains("10⁻⁵"), labels(a).toString());
        assertTrue(labels(a).contains("−10⁻⁵"), labels(a).toString());
        assertEquals("2×10⁶", Axis.power(new java.math.BigDecimal("2e6")));
    }

    @Test
    void categoriesSitAtIntegers() {
        Axis a = Axis.categories(List.of("a", "b", "c", "d", "e"), 2);
        assertEquals(List.of("a", "c", "e"), labels(a));
        assertEquals(0.5, a.fraction(2), 1e-12);
    }
}
