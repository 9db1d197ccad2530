package org.noether.diffusion.conformers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.noether.diffusion.metrics.Element;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.modeling.builder3d.ModelBuilder3D;
import org.openscience.cdk.modeling.builder3d.TemplateHandler3D;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * A small molecule with explicit hydrogens: its atoms, its bonds and one 3-D embedding (in angstrom), built from a
 * SMILES string with the Chemistry Development Kit (SMILES parser, hydrogen completion, template-based
 * {@link ModelBuilder3D} with MMFF94 bond lengths and angles, without force-field relaxation). Bond types
 * that the builder's parameter set lacks get its default length of 1.5 A.
 *
 * @param smiles the SMILES string it was built from
 * @param atoms  the elements, hydrogens after the heavy atoms
 * @param bonds  {@code {i, j, type}} with type 1, 2, 3 for single, double, triple and 4 for aromatic
 * @param coords one embedding, flat {@code x0 y0 z0 x1 ...}
 */
public record Molecule(String smiles, Element[] atoms, int[][] bonds, double[] coords) {

    static {
        CdkLogging.install(); // before any CDK class that logs is loaded
    }

    /** Bond types used as edge features: none, single, double, triple, aromatic. */
    public static final int BOND_TYPES = 5;

    public Molecule {
        Objects.requireNonNull(smiles, "smiles");
        if (coords.length != 3 * atoms.length) {
            throw new IllegalArgumentException(
                    "need 3 coordinates per atom; got " + coords.length + " for " + atoms.length + " atoms");
        }
    }

    /** The number of atoms, hydrogens included. */
    public int size() {
        return atoms.length;
    }

    /** The number of atoms other than hydrogen. */
    public int heavyAtoms() {
        int n = 0;
        for (Element e : atoms) if (e != Element.H) n++;
        return n;
    }

    /** The bond type matrix: {@code type[i][j]} in 0 (no bond) to 4 (aromatic). */
    public int[][] bondMatrix() {
        int n = size();
        int[][] m = new int[n][n];
        for (int[] b : bonds) {
            m[b[0]][b[1]] = b[2];
            m[b[1]][b[0]] = b[2];
        }
        return m;
    }

    /** The most symmetry-equivalent atom mappings {@link #heavyAtomAutomorphisms} returns. */
    public static final int MAX_AUTOMORPHISMS = 10_000;

    /**
     * The symmetry-equivalent mappings of the heavy atoms: every permutation {@code p} of the heavy atoms (indexed in
     * atom order with hydrogens skipped, as in {@code RelaxedEnsembles.heavy}) that keeps each atom's element and
     * number of attached hydrogens and maps every heavy-atom bond onto a bond of the same type. These are the atom
     * mappings a chemist's RMSD minimises over (the two methyls of isopropyl, the two oxygens of a nitro group with
     * equal bond types). The identity comes first.
     *
     * @throws IllegalStateException when there are more than {@link #MAX_AUTOMORPHISMS}
     */
    public List<int[]> heavyAtomAutomorphisms() {
        int n = heavyAtoms();
        int[] heavyIndex = new int[n];
        int[] position = new int[size()];
        for (int a = 0, k = 0; a < size(); a++) {
            position[a] = -1;
            if (atoms[a] != Element.H) {
                heavyIndex[k] = a;
                position[a] = k++;
            }
        }
        int[][] type = new int[n][n];
        int[] hydrogens = new int[n];
        for (int[] b : bonds) {
            int i = position[b[0]], j = position[b[1]];
            if (i >= 0 && j >= 0) {
                type[i][j] = b[2];
                type[j][i] = b[2];
            } else if (i >= 0) {
                hydrogens[i]++;
            } else if (j >= 0) {
                hydrogens[j]++;
            }
        }
        List<int[]> out = new ArrayList<>();
        int[] map = new int[n];
        boolean[] used = new boolean[n];
        extend(0, map, used, type, hydrogens, heavyIndex, out);
        return out;
    }

    private void extend(
            int i, int[] map, boolean[] used, int[][] type, int[] hydrogens, int[] heavyIndex, List<int[]> out) {
        int n = map.length;
        if (i == n) {
            if (out.size() == MAX_AUTOMORPHISMS) {
                throw new IllegalStateException(
                        smiles + " has more than " + MAX_AUTOMORPHISMS + " symmetry-equivalent heavy-atom mappings");
            }
            out.add(map.clone());
            return;
        }
        // candidates in index order, so that the identity is found first
        for (int c = 0; c < n; c++) {
            if (used[c] || atoms[heavyIndex[c]] != atoms[heavyIndex[i]] || hydrogens[c] != hydrogens[i]) continue;
            boolean fits = true;
            for (int j = 0; j < i && fits; j++) fits = type[i][j] == type[c][map[j]];
            if (!fits) continue;
            map[i] = c;
            used[c] = true;
            extend(i + 1, map, used, type, hydrogens, heavyIndex, out);
            used[c] = false;
        }
    }

    /** Parses a SMILES string, adds hydrogens and embeds the molecule in 3-D. */
    public static Molecule fromSmiles(String smiles) throws CDKException {
        var builder = SilentChemObjectBuilder.getInstance();
        IAtomContainer m = new SmilesParser(builder).parseSmiles(smiles);
        AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(m);
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
        IAtomContainer m3;
        try {
            m3 = ModelBuilder3D.getInstance(TemplateHandler3D.getInstance(), "mmff94", builder)
                    .generate3DCoordinates(m, false);
        } catch (Exception e) {
            throw new CDKException("3-D embedding failed for " + smiles + ": " + e.getMessage(), e);
        }
        int n = m3.getAtomCount();
        Element[] atoms = new Element[n];
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            IAtom a = m3.getAtom(i);
            if (a.getFormalCharge() != null && a.getFormalCharge() != 0) {
                throw new CDKException("charged atom in " + smiles);
            }
            atoms[i] = Element.of(a.getSymbol());
            if (a.getPoint3d() == null) throw new CDKException("no 3-D position for atom " + i + " of " + smiles);
            xyz[3 * i] = a.getPoint3d().x;
            xyz[3 * i + 1] = a.getPoint3d().y;
            xyz[3 * i + 2] = a.getPoint3d().z;
        }
        List<int[]> bonds = new ArrayList<>();
        for (IBond b : m3.bonds()) {
            int type = b.isAromatic()
                    ? 4
                    : switch (b.getOrder()) {
                        case SINGLE -> 1;
                        case DOUBLE -> 2;
                        case TRIPLE -> 3;
                        default -> throw new CDKException("unsupported bond order " + b.getOrder() + " in " + smiles);
                    };
            bonds.add(new int[] {m3.indexOf(b.getBegin()), m3.indexOf(b.getEnd()), type});
        }
        for (double v : xyz) {
            if (!Double.isFinite(v)) throw new CDKException("non-finite coordinate for " + smiles);
        }
        return new Molecule(smiles, atoms, bonds.toArray(int[][]::new), xyz);
    }

    /** The SMILES strings of the bundled list {@code molecules.smi} (comments and blank lines skipped), in order. */
    public static List<String> bundledSmiles() {
        try (InputStream in = Molecule.class.getResourceAsStream("/org/noether/diffusion/molecules.smi")) {
            if (in == null) throw new IllegalStateException("molecules.smi is missing from the class path");
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
