package org.noether.group;

import java.util.ArrayList;
import java.util.List;

/** Tables and structure of finite groups: Cayley table, inverses, conjugacy classes, element orders. */
public final class FiniteGroups {
    private FiniteGroups() {}

    /** table[i][j] = index of elements[i] * elements[j]. */
    public static <G> int[][] cayleyTable(FiniteGroup<G> group) {
        List<G> els = group.elements();
        int n = els.size();
        int[][] t = new int[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) t[i][j] = group.indexOf(group.compose(els.get(i), els.get(j)));
        return t;
    }

    /** inverse[i] = index of the inverse of element i. */
    public static <G> int[] inverseTable(FiniteGroup<G> group) {
        List<G> els = group.elements();
        int[] inv = new int[els.size()];
        for (int i = 0; i < inv.length; i++) inv[i] = group.indexOf(group.inverse(els.get(i)));
        return inv;
    }

    /** Conjugacy classes as lists of element indices, in order of their smallest index (the identity's first). */
    public static <G> List<List<Integer>> conjugacyClasses(FiniteGroup<G> group) {
        List<G> els = group.elements();
        int n = els.size();
        int[] cls = new int[n];
        java.util.Arrays.fill(cls, -1);
        List<List<Integer>> classes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cls[i] >= 0) continue;
            List<Integer> c = new ArrayList<>();
            for (G g : els) {
                int j = group.indexOf(group.compose(group.compose(g, els.get(i)), group.inverse(g)));
                if (cls[j] < 0) {
                    cls[j] = classes.size();
                    c.add(j);
                }
            }
            java.util.Collections.sort(c);
            classes.add(c);
        }
        return classes;
    }

    /** Smallest k >= 1 with g^k = e. */
    public static <G> int elementOrder(FiniteGroup<G> group, G g) {
        G p = g;
        int k = 1;
        while (!group.equal(p, group.identity())) {
            p = group.compose(p, g);
            k++;
            if (k > group.order()) throw new IllegalStateException("element order exceeds group order");
        }
        return k;
    }
}
