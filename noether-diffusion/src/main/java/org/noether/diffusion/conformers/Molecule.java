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
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
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

    /**
     * Bond orders 1 to 3 with every aromatic bond (type 4) made single or double so that each aromatic atom has
     * exactly one aromatic double bond (a perfect matching of the aromatic atoms, found by backtracking).
     *
     * @throws IllegalArgumentException when the aromatic system has no Kekulé form
     */
    public int[] kekuleOrders() {
        int[] orders = new int[bonds.length];
        List<Integer> aromatic = new ArrayList<>();
        for (int b = 0; b < bonds.length; b++) {
            orders[b] = bonds[b][2];
            if (bonds[b][2] == 4) aromatic.add(b);
        }
        if (aromatic.isEmpty()) return orders;
        boolean[] needs = new boolean[size()];
        for (int b : aromatic) {
            needs[bonds[b][0]] = true;
            needs[bonds[b][1]] = true;
        }
        boolean[] matched = new boolean[size()];
        if (!match(bonds, aromatic, needs, matched, orders)) {
            throw new IllegalArgumentException("no Kekulé form for the aromatic bonds of " + smiles);
        }
        return orders;
    }

    private static boolean match(
            int[][] bonds, List<Integer> aromatic, boolean[] needs, boolean[] matched, int[] orders) {
        int atom = -1;
        for (int i = 0; i < needs.length; i++) {
            if (needs[i] && !matched[i]) {
                atom = i;
                break;
            }
        }
        if (atom < 0) {
            for (int b : aromatic) if (orders[b] == 4) orders[b] = 1;
            return true;
        }
        for (int b : aromatic) {
            int a = bonds[b][0], c = bonds[b][1];
            int other = a == atom ? c : c == atom ? a : -1;
            if (other < 0 || matched[other] || orders[b] != 4) continue;
            matched[atom] = matched[other] = true;
            orders[b] = 2;
            if (match(bonds, aromatic, needs, matched, orders)) return true;
            orders[b] = 4;
            matched[atom] = matched[other] = false;
        }
        return false;
    }

    /** The molecular graph of a SMILES string with explicit hydrogens, bond orders in a Kekulé form. */
    private static IAtomContainer graph(String smiles) throws CDKException {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(m);
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
        return m;
    }

    /**
     * Why a SMILES string does not describe a neutral closed-shell molecule of H, C, N, O and F, or {@code null}
     * when it does (no 3-D embedding is made): with hydrogens completed, the orders of each atom's bonds (aromatic
     * rings in a Kekulé form) must add up to the element's {@link Element#valence()}, what {@code MoleculeStability}
     * demands of geometry. CDK's SMILES parser accepts strings such as {@code C=OCC} (a neutral oxygen with three
     * bonds) or {@code CFCC} (a fluorine with two), which no force field or stability check can make sense of;
     * {@link #fromSmiles} rejects them with this reason.
     *
     * @throws CDKException when the string does not parse
     */
    public static String valenceProblem(String smiles) throws CDKException {
        return valenceProblem(smiles, graph(smiles));
    }

    private static String valenceProblem(String smiles, IAtomContainer m) {
        for (int i = 0; i < m.getAtomCount(); i++) {
            IAtom a = m.getAtom(i);
            Element e;
            try {
                e = Element.of(a.getSymbol());
            } catch (IllegalArgumentException ex) {
                return "atom " + (i + 1) + " of " + smiles + " is " + a.getSymbol()
                        + "; only H, C, N, O and F are supported";
            }
            if (a.getFormalCharge() != null && a.getFormalCharge() != 0) {
                return "atom " + (i + 1) + " (" + e + ") of " + smiles
                        + " is charged; only neutral molecules are supported";
            }
            int sum = 0;
            for (IBond b : m.getConnectedBondsList(a)) {
                if (b.getOrder() == null || b.getOrder() == IBond.Order.UNSET) {
                    return "a bond of atom " + (i + 1) + " of " + smiles + " has no Kekulé order";
                }
                sum += b.getOrder().numeric();
            }
            if (sum != e.valence()) {
                return String.format(
                        java.util.Locale.ROOT,
                        "atom %d (%s) of %s has bonds of total order %d; a neutral %s takes %d",
                        i + 1,
                        e,
                        smiles,
                        sum,
                        e,
                        e.valence());
            }
        }
        return null;
    }

    /**
     * A canonical SMILES string of the molecule (CDK's unique SMILES): two strings for one molecule, such as
     * {@code CCC=O} and {@code O=CCC}, give the same.
     *
     * @throws CDKException when the string does not parse
     */
    public static String canonicalSmiles(String smiles) throws CDKException {
        IAtomContainer m = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        return new SmilesGenerator(SmiFlavor.Unique).create(m);
    }

    /** Parses a SMILES string, adds hydrogens and embeds the molecule in 3-D. */
    public static Molecule fromSmiles(String smiles) throws CDKException {
        return fromSmiles(smiles, true);
    }

    /** As {@link #fromSmiles(String)}; without {@code checkValences} impossible valences pass (for tests). */
    static Molecule fromSmiles(String smiles, boolean checkValences) throws CDKException {
        var builder = SilentChemObjectBuilder.getInstance();
        IAtomContainer m = graph(smiles);
        String problem = checkValences ? valenceProblem(smiles, m) : null;
        if (problem != null) throw new CDKException(problem);
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
