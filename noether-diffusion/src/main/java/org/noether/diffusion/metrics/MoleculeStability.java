package org.noether.diffusion.metrics;

import java.util.List;

/**
 * Atom and molecule stability from 3-D coordinates, the metric of equivariant molecule generation (EDM, Hoogeboom et
 * al. 2022): bond orders are read off interatomic distances by thresholds on typical bond lengths, and an atom is
 * stable when the orders of its bonds add up to its {@link Element#valence()}; a molecule is stable when all its atoms
 * are.
 *
 * <p>With typical single, double and triple bond lengths b1, b2, b3 (pm) of the pair, a distance d (pm) gives order 1
 * if {@code d < b1 + 10}, raised to 2 if a double bond exists for the pair and {@code d < b2 + 5}, raised to 3 if a
 * triple bond exists and {@code d < b3 + 3}; otherwise 0 (not bonded).
 *
 * <pre>{@code
 * List<Element> water = List.of(Element.O, Element.H, Element.H);
 * double[] xyz = {0, 0, 0,  0.957, 0, 0,  -0.240, 0.927, 0};          // angstrom
 * MoleculeStability.Result r = MoleculeStability.assess(water, xyz);  // r.stable() == true
 * }</pre>
 */
public final class MoleculeStability {

    // typical bond lengths in pm, indexed by Element ordinal (H, C, N, O, F); 0 where the bond does not exist
    private static final int[][] SINGLE = {
        {74, 109, 101, 96, 92},
        {109, 154, 147, 143, 135},
        {101, 147, 145, 140, 136},
        {96, 143, 140, 148, 142},
        {92, 135, 136, 142, 142}
    };
    private static final int[][] DOUBLE = {
        {0, 0, 0, 0, 0},
        {0, 134, 129, 120, 0},
        {0, 129, 125, 121, 0},
        {0, 120, 121, 121, 0},
        {0, 0, 0, 0, 0}
    };
    private static final int[][] TRIPLE = {
        {0, 0, 0, 0, 0},
        {0, 120, 116, 113, 0},
        {0, 116, 110, 0, 0},
        {0, 113, 0, 0, 0},
        {0, 0, 0, 0, 0}
    };
    private static final double MARGIN_SINGLE = 10, MARGIN_DOUBLE = 5, MARGIN_TRIPLE = 3;

    private MoleculeStability() {}

    /**
     * The bond order between two atoms at the given distance.
     *
     * @param distance in angstrom
     * @return 0 (no bond), 1, 2 or 3
     */
    public static int bondOrder(Element a, Element b, double distance) {
        double pm = 100 * distance;
        int i = a.ordinal(), j = b.ordinal();
        if (!(pm < SINGLE[i][j] + MARGIN_SINGLE)) return 0;
        if (DOUBLE[i][j] == 0 || !(pm < DOUBLE[i][j] + MARGIN_DOUBLE)) return 1;
        if (TRIPLE[i][j] == 0 || !(pm < TRIPLE[i][j] + MARGIN_TRIPLE)) return 2;
        return 3;
    }

    /**
     * The stability of one molecule.
     *
     * @param bondSums     per atom, the sum of the orders of its bonds
     * @param stableAtoms  per atom, whether that sum equals its valence
     * @param stableCount  the number of stable atoms
     * @param stable       whether every atom is stable
     */
    public record Result(int[] bondSums, boolean[] stableAtoms, int stableCount, boolean stable) {
        /** The number of atoms. */
        public int atoms() {
            return bondSums.length;
        }
    }

    /**
     * Assesses a molecule.
     *
     * @param atoms the element of each atom
     * @param xyz   flat coordinates in angstrom, 3 per atom
     */
    public static Result assess(List<Element> atoms, double[] xyz) {
        int n = atoms.size();
        if (xyz.length != 3 * n) {
            throw new IllegalArgumentException(n + " atoms need " + 3 * n + " coordinates, got " + xyz.length);
        }
        int[] sums = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = xyz[3 * i] - xyz[3 * j],
                        dy = xyz[3 * i + 1] - xyz[3 * j + 1],
                        dz = xyz[3 * i + 2] - xyz[3 * j + 2];
                int order = bondOrder(atoms.get(i), atoms.get(j), Math.sqrt(dx * dx + dy * dy + dz * dz));
                sums[i] += order;
                sums[j] += order;
            }
        }
        boolean[] ok = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            ok[i] = sums[i] == atoms.get(i).valence();
            if (ok[i]) count++;
        }
        return new Result(sums, ok, count, count == n);
    }

    /** The fraction of stable molecules and of stable atoms over a set of results. */
    public record Summary(double moleculeStability, double atomStability, int molecules, int atoms) {}

    /** Pools results: molecule stability is per molecule, atom stability per atom over all molecules. */
    public static Summary summarize(List<Result> results) {
        int molecules = results.size(), atoms = 0, stableAtoms = 0, stableMolecules = 0;
        for (Result r : results) {
            atoms += r.atoms();
            stableAtoms += r.stableCount();
            if (r.stable()) stableMolecules++;
        }
        return new Summary(
                molecules == 0 ? Double.NaN : (double) stableMolecules / molecules,
                atoms == 0 ? Double.NaN : (double) stableAtoms / atoms,
                molecules,
                atoms);
    }
}
