package org.noether.group;

/** An element (a, b) of a direct product. */
public record Pair<A, B>(A first, B second) {
    @Override
    public String toString() {
        return "(" + first + ", " + second + ")";
    }
}
