package org.noether.experiment;

/** What a run says about a {@link Claim}. */
public enum Verdict {
    /** The measurement supports the claim at the stated confidence. */
    HELD("held"),
    /** The measurement does not support the claim (contradicts it, or its interval is too wide to decide). */
    FAILED("failed"),
    /** Nothing measured here can be compared with the claim (a different protocol, or no measurement). */
    NOT_COMPARABLE("not comparable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Lower-case words for reports: "held", "failed", "not comparable". */
    public String label() {
        return label;
    }

    /** {@link #HELD} when {@code held}, else {@link #FAILED}. */
    public static Verdict of(boolean held) {
        return held ? HELD : FAILED;
    }
}
