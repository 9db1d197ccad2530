package org.noether.language.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanSymmetryTest {

    @Test
    void interpretationCommutesWithTheSwapsOnAllOfScan() {
        for (ScanSymmetry s : List.of(ScanSymmetry.addJump(), ScanSymmetry.aroundRight())) {
            var swap = s.group().rotation(1);
            for (ScanExample e : Scan.all()) {
                ScanExample moved = s.act(swap, e);
                assertEquals(
                        Scan.interpret(moved.command()).actions(), moved.actions(), s.name() + " on " + e.toLine());
            }
        }
    }

    @Test
    void swapMapsTheHeldOutPrimitiveOntoTheSeenOne() {
        var s = ScanSymmetry.addJump();
        ScanExample e = Scan.interpret("jump around left twice");
        ScanExample moved = s.act(s.group().rotation(1), e);
        assertEquals("run around left twice", moved.commandText());
        assertEquals(e, s.act(s.group().rotation(1), moved));
        assertNotEquals(e, moved);
        // a swap that does not commute with SCAN is detectable: walk <-> I_JUMP is not a symmetry
        var wrong = ScanSymmetry.swap("bad", "walk", "look", "I_WALK", "I_JUMP");
        ScanExample w = wrong.act(wrong.group().rotation(1), Scan.interpret("walk"));
        assertNotEquals(Scan.interpret(w.command()).actions(), w.actions());
    }

    @Test
    void vocabularyEncodesAndDecodes() {
        Vocabulary v = Vocabulary.commands();
        assertEquals(16, v.size());
        int[] ids = v.encode(List.of("jump", "twice"));
        assertEquals(List.of("jump", "twice"), v.decode(new int[] {Vocabulary.SOS, ids[0], ids[1], Vocabulary.EOS, 5}));
    }
}
