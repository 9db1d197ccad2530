package org.noether.diffusion.conformers;

import java.util.Locale;
import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.api.JmolViewer;
import org.jmol.modelset.Atom;
import org.jmol.viewer.Viewer;

/**
 * Local MMFF94 energy minimisation of a conformer with Jmol's force field, run headless (no display, no threads of
 * its own): the molecule goes in as an MDL molfile with Kekulé bond orders (aromatic bonds are assigned single and
 * double by a perfect matching), Jmol types its atoms for MMFF94 and minimises by conjugate gradients until the energy
 * changes by less than {@value #CRITERION} kcal/mol or {@value #MAX_STEPS} steps pass, {@value #ROUNDS} times over
 * (measured on butane: one call stops up to 1 kcal/mol above the minimum in flat torsional valleys; three calls
 * bring anti and gauche to -5.0 and -4.2 kcal/mol, MMFF94's 0.8 kcal/mol gap). The atom order is kept.
 *
 * <p>Limitation found: Jmol types a Kekulé benzene ring as alternating single and double bonds (1.34 / 1.45 A after
 * minimisation instead of 1.39 A), with aromatic bond flags as well.
 *
 * <p>A relaxer holds one Jmol viewer; it is not thread-safe (its methods are synchronized). Close it when done.
 */
public final class MmffRelaxer implements AutoCloseable {

    /** Energy change (kcal/mol) under which minimisation stops. */
    public static final double CRITERION = 1e-5;
    /** Most conjugate-gradient steps per conformer. */
    public static final int MAX_STEPS = 1000;
    /** Minimisation calls per conformer. */
    public static final int ROUNDS = 3;

    /**
     * A relaxed conformer.
     *
     * @param coords flat coordinates in angstrom, the molecule's atom order
     * @param energy MMFF94 energy in kcal/mol
     */
    public record Relaxed(double[] coords, double energy) {}

    private final Viewer viewer;

    /** Starts a headless Jmol viewer. */
    public MmffRelaxer() {
        // Jmol's logger prints to standard output ("could not setup force field MMFF"), which the CLI keeps for
        // results;
        // a molecule MMFF94 cannot type is detected below and reported through the caller's log instead
        viewer = (Viewer) JmolViewer.allocateViewer(null, new SmarterJmolAdapter(), null, null, null, "-n -i", null);
        viewer.scriptWait("set energyUnits kcal; set useMinimizationThread false; set forcefield \"MMFF\"");
        org.jmol.util.Logger.setLogLevel(org.jmol.util.Logger.LEVEL_FATAL); // the viewer sets its own level
    }

    /**
     * Minimises {@code coords} of {@code m}.
     *
     * @throws IllegalStateException when Jmol cannot load the molecule, changes its atom count, cannot type it for
     *                               MMFF94 or returns a non-finite energy or coordinate
     */
    public synchronized Relaxed relax(Molecule m, double[] coords) {
        if (coords.length != 3 * m.size()) {
            throw new IllegalArgumentException(
                    "need " + 3 * m.size() + " coordinates for " + m.smiles() + "; got " + coords.length);
        }
        String error = viewer.loadInline(molfile(m, coords));
        if (error != null) throw new IllegalStateException("Jmol cannot load " + m.smiles() + ": " + error);
        if (viewer.ms.ac != m.size()) {
            throw new IllegalStateException(
                    "Jmol read " + viewer.ms.ac + " atoms of " + m.smiles() + "; expected " + m.size());
        }
        String status = "";
        for (int round = 0; round < ROUNDS; round++) {
            status = viewer.scriptWaitStatus("minimize steps " + MAX_STEPS + " criterion " + CRITERION, null)
                    .toString();
        }
        String field = String.valueOf(viewer.getP("_minimizationForceField"));
        if (!field.toUpperCase(Locale.ROOT).contains("MMFF")) {
            String detail = status.strip();
            throw new IllegalStateException("MMFF94 cannot type " + m.smiles() + " (Jmol used " + field + ")"
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        double energy = Double.parseDouble(String.valueOf(viewer.getP("_minimizationEnergy")));
        double[] out = new double[coords.length];
        Atom[] at = viewer.ms.at;
        for (int i = 0; i < m.size(); i++) {
            out[3 * i] = at[i].x;
            out[3 * i + 1] = at[i].y;
            out[3 * i + 2] = at[i].z;
        }
        for (double v : out) {
            if (!Double.isFinite(v))
                throw new IllegalStateException("non-finite coordinate after minimising " + m.smiles());
        }
        if (!Double.isFinite(energy)) throw new IllegalStateException("non-finite MMFF94 energy for " + m.smiles());
        return new Relaxed(out, energy);
    }

    /** An MDL V2000 molfile of {@code m} at {@code coords}, aromatic bonds in a Kekulé form. */
    static String molfile(Molecule m, double[] coords) {
        int[] orders = m.kekuleOrders();
        StringBuilder sb = new StringBuilder();
        sb.append(m.smiles()).append("\n  noether\n\n");
        sb.append(String.format(Locale.ROOT, "%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", m.size(), m.bonds().length));
        for (int i = 0; i < m.size(); i++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%10.4f%10.4f%10.4f %-3s 0  0  0  0  0  0  0  0  0  0  0  0%n",
                    coords[3 * i],
                    coords[3 * i + 1],
                    coords[3 * i + 2],
                    m.atoms()[i].name()));
        }
        for (int b = 0; b < m.bonds().length; b++) {
            sb.append(
                    String.format(Locale.ROOT, "%3d%3d%3d  0%n", m.bonds()[b][0] + 1, m.bonds()[b][1] + 1, orders[b]));
        }
        sb.append("M  END\n");
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        viewer.dispose();
    }
}
