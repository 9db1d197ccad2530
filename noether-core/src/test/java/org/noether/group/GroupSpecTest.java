package org.noether.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupSpecTest {

    @Test
    void parsesEveryFamily() {
        assertEquals(4, ((FiniteGroup<?>) GroupSpec.parse("C4")).order());
        assertEquals(16, ((FiniteGroup<?>) GroupSpec.parse("D8")).order());
        assertEquals(120, ((FiniteGroup<?>) GroupSpec.parse("S5")).order());
        assertEquals(12, ((FiniteGroup<?>) GroupSpec.parse("a4")).order());
        assertEquals(8, ((FiniteGroup<?>) GroupSpec.parse("C2xC2xC2")).order());
        assertEquals("SO3", GroupSpec.parse("so3").name());
        assertEquals("SE3", GroupSpec.parse("SE3").name());
        assertEquals(6, GroupSpec.parse("SE3").lieAlgebraDimension());
        assertFalse(GroupSpec.parse("O3xC2").isFinite());
        for (String s : GroupSpec.EXAMPLES)
            assertEquals(s.toLowerCase(), GroupSpec.parse(s).name().toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "D0", "C-1", "Q8", "SO4", "C2x", "xC2", "S11", "C4.5", "D 4 4"})
    void rejectsBadNamesWithOneLineListingWhatIsAccepted(String bad) {
        var e = assertThrows(IllegalArgumentException.class, () -> GroupSpec.parse(bad));
        assertTrue(e.getMessage().startsWith("Unknown group '"), e.getMessage());
        assertTrue(e.getMessage().contains("known: C<n>"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
