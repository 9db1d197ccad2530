package org.noether.group;

import java.util.Arrays;

/**
 * A permutation of {0, ..., n-1}: {@code image(i)} is where point i goes. Products compose as functions:
 * {@code a.then(b)} is not used; {@code compose(a, b)} maps i to a(b(i)).
 */
public final class Permutation {
    private final int[] images;

    public Permutation(int... images) {
        this.images = images.clone();
        boolean[] seen = new boolean[images.length];
        for (int v : images) {
            if (v < 0 || v >= images.length || seen[v])
                throw new IllegalArgumentException("not a permutation: " + Arrays.toString(images));
            seen[v] = true;
        }
    }

    public static Permutation identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return new Permutation(p);
    }

    /** The cycle (c0 c1 ... ck) on n points (0-based). */
    public static Permutation cycle(int n, int... cycle) {
        int[] p = identity(n).images;
        for (int i = 0; i < cycle.length; i++) p[cycle[i]] = cycle[(i + 1) % cycle.length];
        return new Permutation(p);
    }

    public int size() {
        return images.length;
    }

    public int image(int i) {
        return images[i];
    }

    /** A copy of the image array. */
    public int[] images() {
        return images.clone();
    }

    /** a(b(i)). */
    public static Permutation compose(Permutation a, Permutation b) {
        int[] c = new int[a.images.length];
        for (int i = 0; i < c.length; i++) c[i] = a.images[b.images[i]];
        return new Permutation(c);
    }

    public Permutation inverse() {
        int[] inv = new int[images.length];
        for (int i = 0; i < images.length; i++) inv[images[i]] = i;
        return new Permutation(inv);
    }

    /** +1 for even, -1 for odd permutations. */
    public int sign() {
        boolean[] seen = new boolean[images.length];
        int sign = 1;
        for (int i = 0; i < images.length; i++) {
            if (seen[i]) continue;
            int len = 0;
            for (int j = i; !seen[j]; j = images[j]) {
                seen[j] = true;
                len++;
            }
            if (len % 2 == 0) sign = -sign;
        }
        return sign;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(images, p.images);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(images);
    }

    /** Cycle notation, 1-based as in textbooks, e.g. {@code (1 2 3)(4 5)}; the identity is {@code ()}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        boolean[] seen = new boolean[images.length];
        for (int i = 0; i < images.length; i++) {
            if (seen[i] || images[i] == i) continue;
            sb.append('(');
            for (int j = i; !seen[j]; j = images[j]) {
                seen[j] = true;
                if (j != i) sb.append(' ');
                sb.append(j + 1);
            }
            sb.append(')');
        }
        return sb.length() == 0 ? "()" : sb.toString();
    }
}
