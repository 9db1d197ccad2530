package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact solver for signed-permutation representations (permutation, regular, sign and their sums, tensor products
 * and duals). If rho e_j = s(j) e_pi(j) on both sides, equivariance W = rho_out(h) W rho_in(h)^T reads entrywise
 * {@code W[pi_out(i)][pi_in(j)] = s_out(i) s_in(j) W[i][j]}; so W is constant up to sign on each orbit of the
 * generators on index pairs, and zero on an orbit whose signs contradict themselves. A union-find with parities
 * finds the orbits in O(mn * generators) time and memory, with no floating-point error: S_10 acting on
 * R^(10x10x10) -> R^(10x10x10) (a million unknowns, 203 basis elements) takes well under a second.
 */
final class OrbitSolver {
    private OrbitSolver() {}

    /** Orbit indicators, each with entries +-1 and first nonzero +1 (the readable form); orthonormal after scaling. */
    static List<SparseVector> solve(SignedPermutation[] out, SignedPermutation[] in, int m, int n) {
        long total = (long) m * n;
        if (total > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("Hom-space of " + m + " x " + n + " matrices is too large to index");
        int size = (int) total;
        int[] parent = new int[size];
        boolean[] parity = new boolean[size]; // W[u] = (parity ? -1 : 1) * W[parent[u]]
        int[] rank = new int[size];
        boolean[] conflict = new boolean[size];
        for (int u = 0; u < size; u++) parent[u] = u;
        int[] path = new int[64];
        for (int h = 0; h < out.length; h++) {
            SignedPermutation po = out[h], pi = in[h];
            for (int i = 0; i < m; i++) {
                int rowTarget = po.image[i] * n;
                boolean si = po.negative[i];
                for (int j = 0; j < n; j++) {
                    int u = i * n + j, v = rowTarget + pi.image[j];
                    boolean s = si ^ pi.negative[j];
                    // after find, parity[x] is relative to the root (and false for the root itself)
                    int ru = find(u, parent, parity, path);
                    boolean pu = parity[u];
                    int rv = find(v, parent, parity, path);
                    boolean pv = parity[v];
                    if (ru == rv) {
                        if (pv != (s ^ pu)) conflict[ru] = true;
                        continue;
                    }
                    // W[v] = s W[u]: W[rv] = pv W[v] = pv s pu W[ru]
                    boolean link = pv ^ s ^ pu;
                    if (rank[ru] < rank[rv]) {
                        parent[ru] = rv;
                        parity[ru] = link;
                        conflict[rv] |= conflict[ru];
                    } else {
                        parent[rv] = ru;
                        parity[rv] = link;
                        conflict[ru] |= conflict[rv];
                        if (rank[ru] == rank[rv]) rank[ru]++;
                    }
                }
            }
        }
        // Number the surviving orbits by their smallest index, then fill their index lists in ascending order.
        int[] orbitOf = rank; // reuse: rank is no longer needed
        int[] orbitId = new int[size];
        java.util.Arrays.fill(orbitId, -1);
        int orbits = 0;
        int[] count = new int[16];
        boolean[] firstParity = new boolean[16];
        for (int u = 0; u < size; u++) {
            int r = find(u, parent, parity, path);
            if (conflict[r]) {
                orbitOf[u] = -1;
                continue;
            }
            if (orbitId[r] < 0) {
                if (orbits == count.length) {
                    count = java.util.Arrays.copyOf(count, 2 * orbits);
                    firstParity = java.util.Arrays.copyOf(firstParity, 2 * orbits);
                }
                firstParity[orbits] = parity[u];
                orbitId[r] = orbits++;
            }
            orbitOf[u] = orbitId[r];
            count[orbitOf[u]]++;
        }
        int[][] idx = new int[orbits][];
        double[][] val = new double[orbits][];
        for (int o = 0; o < orbits; o++) {
            idx[o] = new int[count[o]];
            val[o] = new double[count[o]];
        }
        int[] fill = new int[orbits];
        for (int u = 0; u < size; u++) {
            int o = orbitOf[u];
            if (o < 0) continue;
            boolean p = parity[u];
            int f = fill[o]++;
            idx[o][f] = u;
            val[o][f] = (p ^ firstParity[o]) ? -1 : 1;
        }
        List<SparseVector> result = new ArrayList<>(orbits);
        for (int o = 0; o < orbits; o++) result.add(new SparseVector(idx[o], val[o]));
        return result;
    }

    /**
     * Root of u; afterwards parent[u] is the root (or u is the root) and parity[u] is u's parity relative to it.
     * Iterative; union by rank keeps trees below log2(size) < 32 levels, so the 64-entry scratch always suffices.
     */
    static int find(int u, int[] parent, boolean[] parity, int[] scratch) {
        int root = u;
        int len = 0;
        while (parent[root] != root) {
            scratch[len++] = root;
            root = parent[root];
        }
        // Walk back from the node nearest the root, accumulating parity to the root.
        boolean acc = false;
        for (int k = len - 1; k >= 0; k--) {
            int x = scratch[k];
            acc ^= parity[x];
            parity[x] = acc;
            parent[x] = root;
        }
        return root;
    }
}
