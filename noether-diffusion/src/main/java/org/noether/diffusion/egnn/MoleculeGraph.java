package org.noether.diffusion.egnn;

import java.util.List;
import org.noether.diffusion.conformers.Molecule;

/** Packs the atom and bond features of molecules into padded float arrays (row-major) for {@link EgnnBlock}. */
final class MoleculeGraph {

    /** One-hot width of the atom features: H, C, N, O, F. */
    static final int ATOM_FEATURES = 5;

    private MoleculeGraph() {
    }

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

    /** (B, N, N, 5) one-hot bond types, type 0 for unbonded pairs of real atoms; zeros at padding. */
    static float[] bonds(List<Molecule> molecules, int n) {
        int e = Molecule.BOND_TYPES;
        float[] out = new float[molecules.size() * n * n * e];
        for (int i = 0; i < molecules.size(); i++) {
            Molecule m = molecules.get(i);
            int[][] t = m.bondMatrix();
            for (int a = 0; a < m.size(); a++) {
                for (int c = 0; c < m.size(); c++) out[((i * n + a) * n + c) * e + t[a][c]] = 1;
            }
        }
        return out;
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
