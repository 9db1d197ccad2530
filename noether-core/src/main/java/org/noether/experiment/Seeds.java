package org.noether.experiment;

/**
 * The one seed mixer of the library. Derive seeds with {@link ExperimentContext#random(String)} in experiments; use
 * these where no context exists (a library class that takes a seed and needs several independent streams).
 */
public final class Seeds {

    private Seeds() {}

    /** The SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed for {@code purpose} derived from {@code seed}; depends on nothing else. */
    public static long derive(long seed, String purpose) {
        long h = seed;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h * 31 + purpose.charAt(i));
        }
        return mix(h ^ purpose.length());
    }
}
