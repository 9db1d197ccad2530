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
 *   <li>{@code addprim-jump}: train on every command without "jump" plus the bare command "jump"; test on every other
 *   command containing "jump" (7,706);</li>
 *   <li>{@code around-right}: test on every command containing "around right", train on the rest.</li>
 * </ul>
 * Published split files can be read instead with {@link ScanFile}.
 */
public record ScanSplit(String name, List<ScanExample> train, List<ScanExample> test) {

    public static final List<String> NAMES = List.of("simple", "length", "addprim-jump", "around-right");

    public static ScanSplit of(String name, long seed) {
        List<ScanExample> all = Scan.all();
        List<ScanExample> train = new ArrayList<>(), test = new ArrayList<>();
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
            case "addprim-jump" -> {
                for (ScanExample e : all) {
                    boolean jump = e.command().contains("jump");
                    if (!jump || e.command().equals(List.of("jump"))) train.add(e);
                    else test.add(e);
                }
            }
            case "around-right" -> {
                for (ScanExample e : all) (e.commandText().contains("around right") ? test : train).add(e);
            }
            default -> throw new IllegalArgumentException("unknown SCAN split '" + name + "'; known: "
                    + String.join(", ", NAMES));
        }
        return new ScanSplit(name, List.copyOf(train), List.copyOf(test));
    }
}
