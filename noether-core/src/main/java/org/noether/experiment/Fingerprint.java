package org.noether.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a resumable result depends on: experiment, profile, seed, configuration and numerics version. Two runs may
 * share a cached result only when their fingerprints are equal; anything else is recomputed.
 *
 * @param description the canonical text of everything the result depends on
 */
public record Fingerprint(String description) {

    /** Checks the description is present. */
    public Fingerprint {
        Objects.requireNonNull(description, "description");
    }

    /**
     * The fingerprint of a result of {@code experiment} run under {@code profile} with {@code seed}, computed by
     * code at {@code numericsVersion} (raise it whenever a change alters numbers), with {@code configuration}
     * (anything whose {@code toString} or array contents names the settings: records are ideal).
     */
    public static Fingerprint of(
            String experiment, Profile profile, long seed, int numericsVersion, Object... configuration) {
        StringBuilder sb = new StringBuilder();
        sb.append("experiment=")
                .append(experiment)
                .append(";profile=")
                .append(profile)
                .append(";seed=")
                .append(seed)
                .append(";numerics=")
                .append(numericsVersion);
        for (Object c : configuration) {
            sb.append(";").append(text(c));
        }
        return new Fingerprint(sb.toString());
    }

    /** The fingerprint for an experiment run with {@code ctx}. */
    public static Fingerprint of(
            ExperimentContext ctx, String experiment, int numericsVersion, Object... configuration) {
        return of(experiment, ctx.profile(), ctx.seed(), numericsVersion, configuration);
    }

    /** This fingerprint with more configuration appended (e.g. one model size of a sweep). */
    public Fingerprint with(Object... more) {
        StringBuilder sb = new StringBuilder(description);
        for (Object c : more) {
            sb.append(";").append(text(c));
        }
        return new Fingerprint(sb.toString());
    }

    /** SHA-256 of the description, as 64 hex digits. */
    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String text(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof float[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return o.toString();
    }
}
