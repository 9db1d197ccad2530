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
}
