package org.noether.diffusion.egnn;

import java.util.List;
import org.noether.diffusion.conformers.Molecule;

/** Packs the atom and bond features of molecules into padded float arrays (row-major) for {@link EgnnBlock}. */
final class MoleculeGraph {

    /** One-hot width of the atom features: H, C, N, O, F. */
    static final int ATOM_FEATURES = 5;

    /**
     * Width of the pair features: the one-hot bond type ({@link Molecule#BOND_TYPES} channels, type 0 = not bonded)
     * and two flags for pairs two and three bonds apart. Bond lengths fix the 1-2 distances, bond angles the 1-3
     * distances and torsions move the 1-4 ones; without the flags a shallow network cannot tell a 1-3 pair from a
     * distant one.
     */
    static final int EDGE_FEATURES = Molecule.BOND_TYPES + 2;

    private MoleculeGraph() {}

    static int maxAtoms(List<Molecule> molecules) {
        int n = 0;
        for (Molecule m : molecules) n = Math.max(n, m.size());
        return n;
    }

    /** (B, N, 5) one-hot elements. */
    static float[] atoms(List<Molecule> molecules, int n) {
        float[] out = new float[molecules.size() * n * ATOM_FEATURES];
        for (int i = 0; i < molecules.size(); i++) {
            Molecule m = molecules.get(i);
            for (int a = 0; a < m.size(); a++) out[(i * n + a) * ATOM_FEATURES + m.atoms()[a].ordinal()] = 1;
        }
        return out;
    }

    /**
     * (B, N, N, {@link #EDGE_FEATURES}): one-hot bond types, type 0 for unbonded pairs of real atoms, then the 1-3 and
     * 1-4 flags; zeros at padding.
     */
    static float[] bonds(List<Molecule> molecules, int n) {
        int e = EDGE_FEATURES;
        float[] out = new float[molecules.size() * n * n * e];
        for (int i = 0; i < molecules.size(); i++) {
            Molecule m = molecules.get(i);
            int[][] t = m.bondMatrix();
            int[][] hops = hops(t);
            for (int a = 0; a < m.size(); a++) {
                for (int c = 0; c < m.size(); c++) {
                    int base = ((i * n + a) * n + c) * e;
                    out[base + t[a][c]] = 1;
                    if (hops[a][c] == 2) out[base + Molecule.BOND_TYPES] = 1;
                    if (hops[a][c] == 3) out[base + Molecule.BOND_TYPES + 1] = 1;
                }
            }
        }
        return out;
    }

    /** Bond counts of the shortest paths (Floyd-Warshall; molecules here have a few dozen atoms at most). */
    static int[][] hops(int[][] bondType) {
        int n = bondType.length, far = Integer.MAX_VALUE / 2;
        int[][] d = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) d[a][c] = a == c ? 0 : bondType[a][c] != 0 ? 1 : far;
        }
        for (int k = 0; k < n; k++) {
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) d[a][c] = Math.min(d[a][c], d[a][k] + d[k][c]);
            }
        }
        return d;
    }

    /** (B, N): 1 at real atoms. */
    static float[] mask(List<Molecule> molecules, int n) {
        float[] out = new float[molecules.size() * n];
        for (int i = 0; i < molecules.size(); i++) {
            for (int a = 0; a < molecules.get(i).size(); a++) out[i * n + a] = 1;
        }
        return out;
    }

    /** Copies flat clouds of 3 n_i coordinates into a padded (B, N, 3) float array. */
    static float[] coordinates(List<double[]> clouds, int n) {
        float[] out = new float[clouds.size() * n * 3];
        for (int i = 0; i < clouds.size(); i++) {
            double[] c = clouds.get(i);
            for (int k = 0; k < c.length; k++) out[i * n * 3 + k] = (float) c[k];
        }
        return out;
    }
}
