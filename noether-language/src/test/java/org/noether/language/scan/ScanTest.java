package org.noether.language.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {

    @Test
    void grammarGeneratesAll20910DistinctCommands() {
        var all = Scan.all();
        assertEquals(20910, all.size());
        assertEquals(20910, new HashSet<>(all.stream().map(ScanExample::commandText).toList()).size());
        int max = all.stream().mapToInt(e -> e.actions().size()).max().orElseThrow();
        assertEquals(48, max);
    }

    @Test
    void interpretationRulesMatchThePaper() {
        assertEquals(List.of("I_JUMP", "I_JUMP"), Scan.interpret("jump twice").actions());
        assertEquals(List.of("I_TURN_LEFT"), Scan.interpret("turn left").actions());
        assertEquals(List.of("I_TURN_RIGHT", "I_WALK"), Scan.interpret("walk right").actions());
        assertEquals(List.of("I_TURN_LEFT", "I_TURN_LEFT", "I_RUN"), Scan.interpret("run opposite left").actions());
        assertEquals(List.of("I_TURN_RIGHT", "I_TURN_RIGHT"), Scan.interpret("turn opposite right").actions());
        assertEquals(List.of("I_TURN_LEFT", "I_LOOK", "I_TURN_LEFT", "I_LOOK", "I_TURN_LEFT", "I_LOOK", "I_TURN_LEFT",
                "I_LOOK"), Scan.interpret("look around left").actions());
        assertEquals(List.of("I_TURN_RIGHT", "I_TURN_RIGHT", "I_TURN_RIGHT", "I_TURN_RIGHT"),
                Scan.interpret("turn around right").actions());
        assertEquals(List.of("I_WALK", "I_JUMP", "I_JUMP", "I_JUMP"), Scan.interpret("walk and jump thrice").actions());
        assertEquals(List.of("I_JUMP", "I_JUMP", "I_JUMP", "I_WALK"), Scan.interpret("walk after jump thrice").actions());
        assertThrows(IllegalArgumentException.class, () -> Scan.interpret("fly twice"));
        assertThrows(IllegalArgumentException.class, () -> Scan.interpret("walk sideways"));
    }

    @Test
    void splitsHaveThePublishedShapes() {
        var jump = ScanSplit.of("addprim-jump", 0);
        assertEquals(7706, jump.test().size());
        assertTrue(jump.train().stream().anyMatch(e -> e.command().equals(List.of("jump"))));
        assertTrue(jump.train().stream().filter(e -> e.command().contains("jump")).count() == 1);
        var around = ScanSplit.of("around-right", 0);
        assertTrue(around.test().stream().allMatch(e -> e.commandText().contains("around right")));
        assertFalse(around.train().stream().anyMatch(e -> e.commandText().contains("around right")));
        assertTrue(around.train().stream().anyMatch(e -> e.commandText().contains("around left")));
        var length = ScanSplit.of("length", 0);
        assertTrue(length.test().stream().allMatch(e -> e.actions().size() >= 24));
        var simple = ScanSplit.of("simple", 3);
        assertEquals(20910, simple.train().size() + simple.test().size());
        assertEquals(16728, simple.train().size());
        assertEquals(simple, ScanSplit.of("simple", 3));
        assertThrows(IllegalArgumentException.class, () -> ScanSplit.of("mcd1", 0));
    }

    @Test
    void textFormatRoundTripsAndBadLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train.txt");
        var some = Scan.all().subList(100, 130);
        ScanFile.write(f, some);
        assertEquals(some, ScanFile.read(f));
        Files.writeString(f, "IN: jump OUT: I_JUMP\nIN: jump twice I_JUMP I_JUMP\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ScanFile.read(f));
        assertTrue(e.getMessage().endsWith("train.txt:2: missing 'OUT:'"), e.getMessage());
        Files.writeString(f, "IN: hop OUT: I_JUMP\n");
        e = assertThrows(IllegalArgumentException.class, () -> ScanFile.read(f));
        assertTrue(e.getMessage().contains(":1: unknown word 'hop'"), e.getMessage());
        Files.writeString(f, "IN: jump OUT: I_HOP\n");
        e = assertThrows(IllegalArgumentException.class, () -> ScanFile.read(f));
        assertTrue(e.getMessage().contains("unknown action 'I_HOP'"), e.getMessage());
    }
}
