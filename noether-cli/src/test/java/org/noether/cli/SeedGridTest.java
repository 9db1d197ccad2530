package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.experiment.NoetherUserException;

class SeedGridTest {

    @Test
    void rangesListsAndMixes() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), SeedGrid.parse("0..4"));
        assertEquals(List.of(7L, 3L, 0L), SeedGrid.parse("7, 3,0"));
        assertEquals(List.of(0L, 1L, 2L, 10L), SeedGrid.parse("0..2,10"));
        assertEquals(List.of(5L), SeedGrid.parse("5"));
        assertEquals(List.of(-2L, -1L), SeedGrid.parse("-2..-1"));
    }

    @Test
    void badInputNamesWhatWasGivenAndWhatIsAccepted() {
        for (String bad :
                new String[] {"", " ", "a", "0..", "..3", "4..0", "1,,2", "1,1", "0..2,2", "0..5000", "1.5"}) {
            NoetherUserException e = assertThrows(NoetherUserException.class, () -> SeedGrid.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--seeds"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertTrue(assertThrows(NoetherUserException.class, () -> SeedGrid.parse("x"))
                .getMessage()
                .contains("0..4"));
    }
}
