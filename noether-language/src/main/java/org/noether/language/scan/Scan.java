package org.noether.language.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * SCAN (Lake and Baroni, ICML 2018), generated here from its published grammar and interpretation rules:
 *
 * <pre>
 * C -> S and S | S after S | S          S -> V twice | V thrice | V
 * V -> D[1] opposite D[2] | D[1] around D[2] | D | U
 * D -> U left | U right | turn left | turn right          U -> walk | look | run | jump
 * </pre>
 *
 * where D[1] is a verb U or "turn" and D[2] a direction. Meanings: walk -> I_WALK (likewise look, run, jump);
 * "turn left" -> I_TURN_LEFT; "u left" -> I_TURN_LEFT u; "u opposite left" -> I_TURN_LEFT I_TURN_LEFT u;
 * "u around left" -> (I_TURN_LEFT u) four times, with "turn" contributing no action of its own; "x twice" -> x x;
 * "x thrice" -> x x x; "a and b" -> a b; "a after b" -> b a. The full set has 20,910 distinct commands.
 *
 * <pre>{@code
 * List<ScanExample> all = Scan.all();             // 20910, in a fixed order
 * ScanExample e = Scan.interpret("jump around left twice");
 * }</pre>
 */
public final class Scan {
    private Scan() {}

    public static final List<String> VERBS = List.of("walk", "look", "run", "jump");
    public static final List<String> DIRECTIONS = List.of("left", "right");
    public static final Map<String, String> VERB_ACTION =
            Map.of("walk", "I_WALK", "look", "I_LOOK", "run", "I_RUN", "jump", "I_JUMP");
    public static final Map<String, String> TURN_ACTION = Map.of("left", "I_TURN_LEFT", "right", "I_TURN_RIGHT");

    /** Every command word, in a fixed order. */
    public static final List<String> COMMAND_WORDS = List.of(
            "walk",
            "look",
            "run",
            "jump",
            "turn",
            "left",
            "right",
            "opposite",
            "around",
            "twice",
            "thrice",
            "and",
            "after");
    /** Every action, in a fixed order. */
    public static final List<String> ACTIONS =
            List.of("I_WALK", "I_LOOK", "I_RUN", "I_JUMP", "I_TURN_LEFT", "I_TURN_RIGHT");

    private static List<ScanExample> all;

    /** All 20,910 commands with their meanings: C -> S, then S and S, then S after S, each in grammar order. */
    public static synchronized List<ScanExample> all() {
        if (all == null) {
            List<List<String>> vs = new ArrayList<>();
            for (String u : verbsAndTurn())
                for (String mod : List.of("opposite", "around")) for (String d : DIRECTIONS) vs.add(List.of(u, mod, d));
            for (String u : verbsAndTurn()) for (String d : DIRECTIONS) vs.add(List.of(u, d));
            for (String u : VERBS) vs.add(List.of(u));
            List<List<String>> ss = new ArrayList<>();
            for (List<String> v : vs) {
                ss.add(v);
                ss.add(concat(v, List.of("twice")));
                ss.add(concat(v, List.of("thrice")));
            }
            List<ScanExample> out = new ArrayList<>();
            for (List<String> s : ss) out.add(interpret(s));
            for (String conj : List.of("and", "after"))
                for (List<String> a : ss)
                    for (List<String> b : ss) out.add(interpret(concat(concat(a, List.of(conj)), b)));
            all = Collections.unmodifiableList(out);
        }
        return all;
    }

    private static List<String> verbsAndTurn() {
        List<String> l = new ArrayList<>(VERBS);
        l.add("turn");
        return l;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    /** Interprets a command given as text. */
    public static ScanExample interpret(String command) {
        return interpret(List.of(command.trim().split("\\s+")));
    }

    /** Interprets a command; throws {@link IllegalArgumentException} if it is not in SCAN's language. */
    public static ScanExample interpret(List<String> words) {
        return new ScanExample(words, c(words));
    }

    private static List<String> c(List<String> w) {
        for (String conj : List.of("and", "after")) {
            int i = w.indexOf(conj);
            if (i >= 0) {
                List<String> a = s(w.subList(0, i)), b = s(w.subList(i + 1, w.size()));
                return conj.equals("and") ? concat(a, b) : concat(b, a);
            }
        }
        return s(w);
    }

    private static List<String> s(List<String> w) {
        if (w.isEmpty()) throw bad(w, "empty phrase");
        String last = w.get(w.size() - 1);
        int times = last.equals("twice") ? 2 : last.equals("thrice") ? 3 : 1;
        List<String> v = v(times == 1 ? w : w.subList(0, w.size() - 1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times; i++) out.addAll(v);
        return out;
    }

    private static List<String> v(List<String> w) {
        if (w.size() == 1) {
            String a = VERB_ACTION.get(w.get(0));
            if (a == null) throw bad(w, "'" + w.get(0) + "' is not a verb (walk, look, run, jump)");
            return List.of(a);
        }
        String u = w.get(0);
        if (!u.equals("turn") && !VERB_ACTION.containsKey(u)) throw bad(w, "'" + u + "' is not a verb or 'turn'");
        List<String> act = u.equals("turn") ? List.of() : List.of(VERB_ACTION.get(u));
        if (w.size() == 2) {
            String turn = TURN_ACTION.get(w.get(1));
            if (turn == null) throw bad(w, "'" + w.get(1) + "' is not a direction (left, right)");
            return concat(List.of(turn), act);
        }
        if (w.size() == 3) {
            String turn = TURN_ACTION.get(w.get(2));
            if (turn == null) throw bad(w, "'" + w.get(2) + "' is not a direction (left, right)");
            List<String> out = new ArrayList<>();
            switch (w.get(1)) {
                case "opposite" -> {
                    out.add(turn);
                    out.add(turn);
                    out.addAll(act);
                }
                case "around" -> {
                    for (int i = 0; i < 4; i++) {
                        out.add(turn);
                        out.addAll(act);
                    }
                }
                default -> throw bad(w, "'" + w.get(1) + "' is not 'opposite' or 'around'");
            }
            return out;
        }
        throw bad(w, "too many words");
    }

    private static IllegalArgumentException bad(List<String> w, String why) {
        return new IllegalArgumentException("not a SCAN command: '" + String.join(" ", w) + "': " + why);
    }
}
