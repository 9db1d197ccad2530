package org.noether.language.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The standard SCAN splits, computed from {@link Scan#all()}:
 * <ul>
 *   <li>{@code simple}: a seeded random 80/20 split;</li>
 *   <li>{@code length}: train on commands whose action sequences have at most 22 actions, test on longer ones
 *   (24 to 48);</li>
 *   <li>{@code addprim-jump}: as the published file {@code tasks_train_addprim_jump.txt}: every command without
 *   "jump" (13,203) plus the bare command "jump" repeated {@value #JUMP_REPEATS} times, so that it is a tenth of the
 *   14,670 training lines; test on every other command containing "jump" (7,706);</li>
 *   <li>{@code addprim-jump-uniform}: the same commands with "jump" once (13,204 distinct lines, each equally
 *   likely in a batch), the variant an experiment may choose when it wants no repetition;</li>
 *   <li>{@code around-right}: as the published template split: test on the 4,476 commands containing "around
 *   right" but not "turn around right", train on the 15,225 commands without "around right"; the 1,209 commands
 *   with "turn around right" are left out of both (see {@link #excluded()}).</li>
 * </ul>
 * Published split files can be read instead with {@link ScanFile}.
 */
public record ScanSplit(String name, List<ScanExample> train, List<ScanExample> test, List<ScanExample> excluded) {

    public static final List<String> NAMES =
            List.of("simple", "length", "addprim-jump", "addprim-jump-uniform", "around-right");

    /** How often the published Add Jump training file repeats the bare command "jump". */
    public static final int JUMP_REPEATS = 1467;

    /** A split that leaves no command out. */
    public ScanSplit(String name, List<ScanExample> train, List<ScanExample> test) {
        this(name, train, test, List.of());
    }

    public static ScanSplit of(String name, long seed) {
        List<ScanExample> all = Scan.all();
        List<ScanExample> train = new ArrayList<>(), test = new ArrayList<>(), excluded = new ArrayList<>();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "simple" -> {
                List<ScanExample> shuffled = new ArrayList<>(all);
                SplittableRandom r = new SplittableRandom(seed);
                for (int i = shuffled.size() - 1; i > 0; i--) java.util.Collections.swap(shuffled, i, r.nextInt(i + 1));
                int cut = (int) Math.round(0.8 * shuffled.size());
                train.addAll(shuffled.subList(0, cut));
                test.addAll(shuffled.subList(cut, shuffled.size()));
            }
            case "length" -> {
                for (ScanExample e : all) (e.actions().size() <= 22 ? train : test).add(e);
            }
            case "addprim-jump", "addprim-jump-uniform" -> {
                int copies = name.toLowerCase(Locale.ROOT).equals("addprim-jump") ? JUMP_REPEATS : 1;
                for (ScanExample e : all) {
                    boolean jump = e.command().contains("jump");
                    if (!jump) train.add(e);
                    else if (e.command().equals(List.of("jump")))
                        train.addAll(java.util.Collections.nCopies(copies, e));
                    else test.add(e);
                }
            }
            case "around-right" -> {
                for (ScanExample e : all) {
                    String c = e.commandText();
                    (!c.contains("around right") ? train : c.contains("turn around right") ? excluded : test).add(e);
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown SCAN split '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return new ScanSplit(name, List.copyOf(train), List.copyOf(test), List.copyOf(excluded));
    }
}
