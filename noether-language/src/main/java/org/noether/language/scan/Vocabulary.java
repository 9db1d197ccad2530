package org.noether.language.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token indices for a sequence model: 0 = padding, 1 = start of sequence, 2 = end of sequence, then the words in the
 * given order. Encoding an unknown word is an error naming the word.
 */
public final class Vocabulary {
    public static final int PAD = 0, SOS = 1, EOS = 2;
    private final List<String> tokens;
    private final Map<String, Integer> index = new HashMap<>();

    public Vocabulary(List<String> words) {
        List<String> t = new ArrayList<>(List.of("<pad>", "<sos>", "<eos>"));
        t.addAll(words);
        this.tokens = List.copyOf(t);
        for (int i = 0; i < tokens.size(); i++)
            if (index.put(tokens.get(i), i) != null)
                throw new IllegalArgumentException("duplicate token " + tokens.get(i));
    }

    /** The command vocabulary of SCAN. */
    public static Vocabulary commands() {
        return new Vocabulary(Scan.COMMAND_WORDS);
    }

    /** The action vocabulary of SCAN. */
    public static Vocabulary actions() {
        return new Vocabulary(Scan.ACTIONS);
    }

    public int size() {
        return tokens.size();
    }

    public int indexOf(String token) {
        Integer i = index.get(token);
        if (i == null)
            throw new IllegalArgumentException("unknown token '" + token + "'; the vocabulary has "
                    + String.join(" ", tokens.subList(3, tokens.size())));
        return i;
    }

    public String token(int i) {
        return tokens.get(i);
    }

    public int[] encode(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) out[i] = indexOf(words.get(i));
        return out;
    }

    /** Decodes up to the first EOS, skipping padding and SOS. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            if (id == EOS) break;
            if (id == PAD || id == SOS) continue;
            out.add(tokens.get(id));
        }
        return out;
    }
}
