package org.noether.language.seq2seq;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import org.noether.language.scan.Scan;
import org.noether.language.scan.ScanExample;

/** Small models and SCAN samples shared by the tests. */
final class TestModels {
    private TestModels() {}

    /** Hidden 16, bidirectional, decoding at most 20 tokens (untrained models rarely stop earlier). */
    static Seq2SeqConfig tiny(Cell cell) {
        Seq2SeqConfig c = Seq2SeqConfig.scan(cell, 16, true);
        return new Seq2SeqConfig(cell, c.sourceVocabulary(), c.targetVocabulary(), 16, 16, true, 20);
    }

    /** An untrained model with parameters drawn from {@code seed}. */
    static Model untrained(Seq2Seq net, int seed) {
        return Seq2SeqModels.create("test", net, Seq2Seq.inputShapes(2, 4, 5), seed);
    }

    /** Every {@code stride}-th SCAN command, as ids. */
    static List<int[]> commands(int stride) {
        List<int[]> out = new ArrayList<>();
        List<ScanExample> all = Scan.all();
        for (int i = 0; i < all.size(); i += stride)
            out.add(ScanTask.COMMANDS.encode(all.get(i).command()));
        return out;
    }

    static int[] command(String text) {
        return ScanTask.COMMANDS.encode(List.of(text.split(" ")));
    }
}
