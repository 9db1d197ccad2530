package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BasisCommandTest {

    @Test
    void crossProductIsTheOnlySO3MapFromVxVToV() {
        var r = GroupCommandsTest.run("basis", "--group", "SO3", "--in", "V*V", "--out", "V");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dimension 1"), r.out());
        var o3 = GroupCommandsTest.run("basis", "--group", "O3", "--in", "V*V", "--out", "V");
        assertTrue(o3.out().contains("dimension 0"), o3.out());
    }

    @Test
    void badSpecificationsAreOneLineErrors() {
        var r = GroupCommandsTest.run("basis", "--group", "SO3", "--in", "W*V", "--out", "V");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        var g = GroupCommandsTest.run("basis", "--group", "SO7", "--in", "V", "--out", "V");
        assertEquals(2, g.code());
        assertTrue(g.err().contains("Unknown group 'SO7'"), g.err());
    }

    @Test
    void sizesBeyondReachAreRefusedWithExit2NotOutOfMemory() {
        // SO(3) V^10 is 59049-dimensional; S7's std^4 -> std^4 would take the iterative solver hours.
        for (String[] c : new String[][] {
            {"SO3", "V^10", "V^10"}, {"SO3", "V^10", "V"}, {"S7", "std^4", "std^4"}, {"S10", "regular", "regular"}
        }) {
            var r = GroupCommandsTest.run("basis", "--group", c[0], "--in", c[1], "--out", c[2]);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void so3FourthTensorPowerIsSolvedThroughIrreducibles() {
        var r = GroupCommandsTest.run("basis", "--group", "SO3", "--in", "V^4", "--out", "V^4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dimension 91") && r.out().contains("IRREP"), r.out());
    }
}
