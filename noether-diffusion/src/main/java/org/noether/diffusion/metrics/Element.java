package org.noether.diffusion.metrics;

import java.util.Locale;

/**
 * The elements of the QM9-style stability check, with the valence an atom of that element must have to count as
 * stable (H 1, C 4, N 3, O 2, F 1; no charges, as in EDM, Hoogeboom et al. 2022).
 */
public enum Element {
    H(1),
    C(4),
    N(3),
    O(2),
    F(1);

    private final int valence;

    Element(int valence) {
        this.valence = valence;
    }

    /** The number of bonds (counted with their order) a stable neutral atom has. */
    public int valence() {
        return valence;
    }

    /** The element with this symbol, case-insensitive; a clear error for any other. */
    public static Element of(String symbol) {
        try {
            return valueOf(symbol.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown element '" + symbol + "'; the stability check knows H, C, N, O, F");
        }
    }
}
