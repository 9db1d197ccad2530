package org.noether.meanfield;

/**
 * The symmetry of a law of parameters (of a teacher's particles or of an initialization): arbitrary; weakly
 * invariant (WI: invariant under every M_g, for a cloud: closed under G with multiplicity); strongly invariant (SI:
 * supported on the fixed-point space E^G).
 */
public enum Invariance {
    ARBITRARY("arbitrary"),
    WEAKLY_INVARIANT("WI"),
    STRONGLY_INVARIANT("SI");

    private final String label;

    Invariance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
