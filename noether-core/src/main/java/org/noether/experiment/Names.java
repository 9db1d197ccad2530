package org.noether.experiment;

import java.util.regex.Pattern;

/** Validation of the identifiers that end up in file names. */
final class Names {

    /** Table and figure names: letters, digits and single separators, so {@code <experiment>-<name>.csv} is a safe file name. */
    static final Pattern PART = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");

    private Names() {}

    static String requirePart(String what, String name) {
        if (name == null || !PART.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " name " + quote(name)
                            + " is not accepted; use letters, digits and single '.', '_' or '-' between them, e.g. \"errors-by-order\"");
        }
        return name;
    }

    static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
