package org.noether.diffusion.conformers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.diffusion.metrics.Element;

/**
 * Reference conformer ensembles by torsion sampling with clash rejection: starting from the molecule's embedding,
 * every rotatable bond (a single bond outside rings whose two atoms both have other neighbours) gets a uniformly
 * random torsion change, applied by rotating the smaller side of the bond about the bond axis. Bond lengths and bond
 * angles stay those of the embedding. A draw is rejected if two atoms three or more bonds apart come closer than
 * {@value #CLASH_HEAVY} A (both heavy) or {@value #CLASH_H} A (at least one hydrogen). Conformers are centred.
 * No force-field relaxation is applied.
 */
public final class ConformerEnsemble {

    /** Minimum distance of two heavy atoms three or more bonds apart. */
    public static final double CLASH_HEAVY = 2.5;
    /** Minimum distance of such a pair when at least one of them is a hydrogen. */
    public static final double CLASH_H = 1.8;

    private ConformerEnsemble() {}

    /**
     * Draws up to {@code count} conformers (fewer if too many draws clash: at most 50 tries per conformer).
     *
     * @return flat centred conformers, the molecule's atom order
     */
    public static List<double[]> sample(Molecule m, int count, SplittableRandom random) {
        int n = m.size();
        int[][] bond = m.bondMatrix();
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> nb = new ArrayList<>();
            for (int j = 0; j < n; j++) if (bond[i][j] != 0) nb.add(j);
            adj.add(nb);
        }
        int[][] hops = hops(adj);
        List<int[]> rotors = new ArrayList<>(); // {a, b, side...}: atoms on b's side
        List<boolean[]> sides = new ArrayList<>();
        for (int[] b : m.bonds()) {
            int a = b[0], c = b[1];
            if (b[2] != 1 || adj.get(a).size() < 2 || adj.get(c).size() < 2) continue;
            boolean[] side = sideOf(adj, c, a);
            if (side[a]) continue; // in a ring
            rotors.add(new int[] {a, c});
            sides.add(side);
        }
        List<double[]> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < count && tries < 50 * count) {
            tries++;
            double[] x = m.coords().clone();
            for (int r = 0; r < rotors.size(); r++) {
                rotate(x, rotors.get(r)[0], rotors.get(r)[1], sides.get(r), random.nextDouble(-Math.PI, Math.PI));
            }
            if (clashes(x, m.atoms(), hops)) continue;
            centre(x);
            out.add(x);
        }
        return out;
    }

    /** The number of rotatable bonds as {@link #sample} counts them. */
    public static int rotatableBonds(Molecule m) {
        int n = m.size();
        int[][] bond = m.bondMatrix();
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (bond[i][j] != 0) degree[i]++;
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> nb = new ArrayList<>();
            for (int j = 0; j < n; j++) if (bond[i][j] != 0) nb.add(j);
            adj.add(nb);
        }
        int k = 0;
        for (int[] b : m.bonds()) {
            if (b[2] == 1 && degree[b[0]] >= 2 && degree[b[1]] >= 2 && !sideOf(adj, b[1], b[0])[b[0]]) k++;
        }
        return k;
    }

    static void centre(double[] x) {
        int n = x.length / 3;
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[3 * i + c];
            s /= n;
            for (int i = 0; i < n; i++) x[3 * i + c] -= s;
        }
    }

    /** Atoms reachable from {@code start} without crossing the bond start-from. */
    private static boolean[] sideOf(List<List<Integer>> adj, int start, int from) {
        boolean[] seen = new boolean[adj.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v : adj.get(u)) {
                if (u == start && v == from) continue;
                if (!seen[v]) {
                    seen[v] = true;
                    queue.add(v);
                }
            }
        }
        return seen;
    }

    private static int[][] hops(List<List<Integer>> adj) {
        int n = adj.size();
        int[][] d = new int[n][n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(d[s], Integer.MAX_VALUE);
            d[s][s] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int v : adj.get(u)) {
                    if (d[s][v] == Integer.MAX_VALUE) {
                        d[s][v] = d[s][u] + 1;
                        q.add(v);
                    }
                }
            }
        }
        return d;
    }

    /** Rotates the atoms flagged in {@code side} about the axis a -> b by {@code angle} (Rodrigues). */
    private static void rotate(double[] x, int a, int b, boolean[] side, double angle) {
        double ux = x[3 * b] - x[3 * a], uy = x[3 * b + 1] - x[3 * a + 1], uz = x[3 * b + 2] - x[3 * a + 2];
        double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= norm;
        uy /= norm;
        uz /= norm;
        double c = Math.cos(angle), s = Math.sin(angle);
        for (int i = 0; i < side.length; i++) {
            if (!side[i] || i == b) continue;
            double px = x[3 * i] - x[3 * b], py = x[3 * i + 1] - x[3 * b + 1], pz = x[3 * i + 2] - x[3 * b + 2];
            double dot = ux * px + uy * py + uz * pz;
            double cx = uy * pz - uz * py, cy = uz * px - ux * pz, cz = ux * py - uy * px;
            x[3 * i] = x[3 * b] + px * c + cx * s + ux * dot * (1 - c);
            x[3 * i + 1] = x[3 * b + 1] + py * c + cy * s + uy * dot * (1 - c);
            x[3 * i + 2] = x[3 * b + 2] + pz * c + cz * s + uz * dot * (1 - c);
        }
    }

    private static boolean clashes(double[] x, Element[] atoms, int[][] hops) {
        int n = atoms.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (hops[i][j] < 3) continue;
                double lim = atoms[i] == Element.H || atoms[j] == Element.H ? CLASH_H : CLASH_HEAVY;
                double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
                if (dx * dx + dy * dy + dz * dz < lim * lim) return true;
            }
        }
        return false;
    }
}
