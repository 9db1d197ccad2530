package org.noether.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.noether.experiment.NoetherUserException;

/**
 * The seeds of {@code reproduce --seeds}: a range {@code 0..4} (both ends included), a list {@code 0,3,7}, or a mix
 * ({@code 0..2,10}); every (experiment, seed) pair is one run.
 */
final class SeedGrid {

    /** More seeds than this in one run is almost certainly a typo ({@code 0..10000}). */
    static final int MAX_SEEDS = 1000;

    private static final String ACCEPTED =
            "accepted: a range like 0..4 (both ends included), a list like 0,3,7, or both (0..2,10)";

    private SeedGrid() {}

    /** The seeds named by {@code text}, in the order given. */
    static List<Long> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new NoetherUserException("--seeds is empty; " + ACCEPTED);
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new NoetherUserException("--seeds '" + text + "' has an empty entry; " + ACCEPTED);
            }
            int dots = part.indexOf("..");
            List<Long> these = new ArrayList<>();
            if (dots >= 0) {
                long from = number(text, part.substring(0, dots));
                long to = number(text, part.substring(dots + 2));
                if (to < from) {
                    throw new NoetherUserException("--seeds '" + text + "': the range " + part
                            + " runs backwards; write the smaller seed first");
                }
                if (to - from >= MAX_SEEDS) {
                    throw new NoetherUserException(
                            "--seeds '" + text + "': the range " + part + " has more than " + MAX_SEEDS + " seeds");
                }
                for (long s = from; s <= to; s++) {
                    these.add(s);
                }
            } else {
                these.add(number(text, part));
            }
            for (long s : these) {
                if (!seeds.add(s)) {
                    throw new NoetherUserException("--seeds '" + text + "' names seed " + s + " twice");
                }
            }
            if (seeds.size() > MAX_SEEDS) {
                throw new NoetherUserException("--seeds '" + text + "' names more than " + MAX_SEEDS + " seeds");
            }
        }
        return List.copyOf(seeds);
    }

    private static long number(String text, String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new NoetherUserException(
                    "--seeds '" + text + "': '" + s.strip() + "' is not a whole number; " + ACCEPTED);
        }
    }
}
