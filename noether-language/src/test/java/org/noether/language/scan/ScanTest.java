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
        assertEquals(
                20910, new HashSet<>(all.stream().map(ScanExample::commandText).toList()).size());
        int max = all.stream().mapToInt(e -> e.actions().size()).max().orElseThrow();
        assertEquals(48, max);
    }

    @Test
    void interpretationRulesMatchThePaper() {
        assertEquals(List.of("I_JUMP", "I_JUMP"), Scan.interpret("jump twice").actions());
        assertEquals(List.of("I_TURN_LEFT"), Scan.interpret("turn left").actions());
        assertEquals(
                List.of("I_TURN_RIGHT", "I_WALK"), Scan.interpret("walk right").actions());
        assertEquals(
                List.of("I_TURN_LEFT", "I_TURN_LEFT", "I_RUN"),
                Scan.interpret("run opposite left").actions());
        assertEquals(
                List.of("I_TURN_RIGHT", "I_TURN_RIGHT"),
                Scan.interpret("turn opposite right").actions());
        assertEquals(
                List.of(
                        "I_TURN_LEFT",
                        "I_LOOK",
                        "I_TURN_LEFT",
                        "I_LOOK",
                        "I_TURN_LEFT",
                        "I_LOOK",
                        "I_TURN_LEFT",
                        "I_LOOK"),
                Scan.interpret("look around left").actions());
        assertEquals(
                List.of("I_TURN_RIGHT", "I_TURN_RIGHT", "I_TURN_RIGHT", "I_TURN_RIGHT"),
                Scan.interpret("turn around right").actions());
        assertEquals(
                List.of("I_WALK", "I_JUMP", "I_JUMP", "I_JUMP"),
                Scan.interpret("walk and jump thrice").actions());
        assertEquals(
                List.of("I_JUMP", "I_JUMP", "I_JUMP", "I_WALK"),
                Scan.interpret("walk after jump thrice").actions());
        assertThrows(IllegalArgumentException.class, () -> Scan.interpret("fly twice"));
        assertThrows(IllegalArgumentException.class, () -> Scan.interpret("walk sideways"));
    }

    @Test
    void splitsHaveThePublishedShapes() {
        var uniform = ScanSplit.of("addprim-jump-uniform", 0);
        assertEquals(7706, uniform.test().size());
        assertEquals(13204, uniform.train().size());
        assertEquals(
                1,
                uniform.train().stream()
                        .filter(e -> e.command().contains("jump"))
                        .count());
        assertTrue(uniform.train().stream().anyMatch(e -> e.command().equals(List.of("jump"))));
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

    /** The counts of the published {@code tasks_train_addprim_jump.txt}: "jump" is 1,467 of its 14,670 lines. */
    @Test
    void addJumpTrainingRepeatsTheBarePrimitiveAsPublished() {
        var jump = ScanSplit.of("addprim-jump", 0);
        assertEquals(14670, jump.train().size());
        assertEquals(
                1467,
                jump.train().stream()
                        .filter(e -> e.command().equals(List.of("jump")))
                        .count());
        assertEquals(
                1467,
                jump.train().stream().filter(e -> e.command().contains("jump")).count());
        assertEquals(13204, new java.util.HashSet<>(jump.train()).size());
        assertEquals(7706, jump.test().size());
        assertTrue(jump.excluded().isEmpty());
    }

    /**
     * The published around-right template split: test 4,476 and train 15,225 (19,701 in all); the 1,209 commands with
     * "turn around right" are in neither.
     */
    @Test
    void aroundRightLeavesTurnAroundRightOutOfBothSets() {
        var around = ScanSplit.of("around-right", 0);
        assertEquals(15225, around.train().size());
        assertEquals(4476, around.test().size());
        assertEquals(1209, around.excluded().size());
        assertEquals(
                20910,
                around.train().size() + around.test().size() + around.excluded().size());
        assertTrue(around.excluded().stream().allMatch(e -> e.commandText().contains("turn around right")));
        assertFalse(around.test().stream().anyMatch(e -> e.commandText().contains("turn around right")));
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
