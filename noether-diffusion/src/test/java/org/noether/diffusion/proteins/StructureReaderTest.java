package org.noether.diffusion.proteins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.NoetherUserException;

class StructureReaderTest {

    /** An ideal right-handed alpha helix: radius 2.3 A, rise 1.5 A and 100 degrees per residue (Cα-Cα 3.83 A). */
    static double[] helix(int n) {
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.toRadians(100 * i);
            x[3 * i] = 2.3 * Math.cos(a);
            x[3 * i + 1] = 2.3 * Math.sin(a);
            x[3 * i + 2] = 1.5 * i;
        }
        return x;
    }

    static String pdb(String chain, int firstResidue, double[] x) {
        StringBuilder sb = new StringBuilder("HEADER    TEST\n");
        for (int i = 0; i < x.length / 3; i++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "ATOM  %5d  N   ALA %s%4d    %8.3f%8.3f%8.3f  1.00  0.00           N%n",
                    2 * i + 1,
                    chain,
                    firstResidue + i,
                    x[3 * i] + 1,
                    x[3 * i + 1],
                    x[3 * i + 2]));
            sb.append(String.format(
                    Locale.ROOT,
                    "ATOM  %5d  CA  ALA %s%4d    %8.3f%8.3f%8.3f  1.00  0.00           C%n",
                    2 * i + 2,
                    chain,
                    firstResidue + i,
                    x[3 * i],
                    x[3 * i + 1],
                    x[3 * i + 2]));
        }
        return sb.toString();
    }

    @Test
    void readsTheCaTraceOfAPdbFileAndFragmentsGapFreeSegments(@TempDir Path dir) throws Exception {
        double[] h = helix(40);
        // chain A: residues 1-40; chain B: residues 1-20 then a numbering gap, 30-49
        String text = pdb("A", 1, h) + pdb("B", 1, java.util.Arrays.copyOf(h, 60))
                + pdb("B", 30, java.util.Arrays.copyOfRange(h, 60, 120)) + "ENDMDL\n" + pdb("C", 1, h);
        Path f = dir.resolve("test.pdb");
        Files.writeString(f, text);
        List<StructureReader.Chain> chains = StructureReader.read(f);
        assertEquals(2, chains.size(), "first model only");
        assertEquals(40, chains.get(0).length());
        assertEquals(40, chains.get(1).length());
        assertEquals(h[5], chains.get(0).ca()[5], 1e-3);
        List<Backbone.Fragment> frags = Backbone.fragments(chains, 16);
        assertEquals(2 + 1 + 1, frags.size(), "A: 2 of 16 in 40; B: 1 in each 20-residue segment");
        for (Backbone.Fragment fr : frags) {
            assertEquals(16, fr.length());
            assertEquals(0.03, Backbone.bondDeviation(fr.ca()), 0.01);
        }
    }

    @Test
    void readsMmcifAtomSites(@TempDir Path dir) throws Exception {
        double[] h = helix(5);
        StringBuilder sb = new StringBuilder("data_test\nloop_\n_atom_site.group_PDB\n_atom_site.label_atom_id\n"
                + "_atom_site.label_alt_id\n_atom_site.label_comp_id\n_atom_site.auth_asym_id\n_atom_site.auth_seq_id\n"
                + "_atom_site.pdbx_PDB_ins_code\n_atom_site.Cartn_x\n_atom_site.Cartn_y\n_atom_site.Cartn_z\n"
                + "_atom_site.pdbx_PDB_model_num\n");
        for (int i = 0; i < 5; i++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "ATOM CA . GLY A %d ? %.3f %.3f %.3f 1%n",
                    i + 1,
                    h[3 * i],
                    h[3 * i + 1],
                    h[3 * i + 2]));
            sb.append(String.format(Locale.ROOT, "ATOM \"O5'\" . G A %d ? 0 0 0 1%n", i + 1));
        }
        sb.append("ATOM CA . GLY A 1 ? 9 9 9 2\n#\n");
        Path f = dir.resolve("t.cif");
        Files.writeString(f, sb.toString());
        List<StructureReader.Chain> chains = StructureReader.read(f);
        assertEquals(1, chains.size());
        assertEquals(5, chains.get(0).length());
        assertEquals(h[14], chains.get(0).ca()[14], 1e-3);
    }

    @Test
    void badInputIsAOneLineErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.pdb");
        Files.writeString(
                f, pdb("A", 1, helix(3)).replaceFirst("CA  ALA A   2    ( *-?[0-9.]+)", "CA  ALA A   2     abc.def"));
        NoetherUserException e = assertThrows(NoetherUserException.class, () -> StructureReader.read(f));
        assertTrue(e.getMessage().startsWith(f + " line 5: x (columns 31-38)"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        Path short_ = dir.resolve("short.pdb");
        Files.writeString(short_, "ATOM      1  CA  ALA A   1      1.0\n");
        assertTrue(assertThrows(NoetherUserException.class, () -> StructureReader.read(short_))
                .getMessage()
                .contains("short.pdb line 1"));
        Path cif = dir.resolve("bad.cif");
        Files.writeString(cif, "data_x\nloop_\n_atom_site.label_atom_id\n_atom_site.Cartn_x\nCA 1.0 2.0\n");
        assertTrue(assertThrows(NoetherUserException.class, () -> StructureReader.read(cif))
                .getMessage()
                .contains("bad.cif line 5: 3 values in an _atom_site row of 2 columns"));
        Path other = dir.resolve("x.mol2");
        Files.writeString(other, "");
        assertTrue(assertThrows(NoetherUserException.class, () -> StructureReader.read(other))
                .getMessage()
                .contains("unsupported structure file"));
    }

    @Test
    void helixGeometry() {
        double[] h = helix(30);
        for (double a : Backbone.bondAngles(h)) assertEquals(91, Math.toDegrees(a), 2);
        for (double t : Backbone.torsions(h)) assertEquals(50, Math.toDegrees(t), 3);
        assertEquals(1.0, Backbone.bondsWithin(h, 0.1), 0.0);
        assertEquals(0, Backbone.clashFraction(h), 0.0);
        double[] squeezed = h.clone();
        for (int i = 0; i < squeezed.length; i++) squeezed[i] *= 0.5;
        assertTrue(Backbone.clashFraction(squeezed) > 0.1);
        assertEquals(3.80 - 3.83 / 2, Backbone.bondDeviation(squeezed), 0.01);
        // mirror image: left-handed helix, torsions near -50 degrees
        double[] mirror = h.clone();
        for (int i = 0; i < 30; i++) mirror[3 * i + 2] *= -1;
        for (double t : Backbone.torsions(mirror)) assertEquals(-50, Math.toDegrees(t), 3);
        double rg = Backbone.radiusOfGyration(h);
        assertTrue(rg > 2.3 && rg < 14, "Rg " + rg);
    }

    @Test
    void variantsOfOneEntryShareASplitGroup() {
        assertEquals("1ubi", Backbone.splitGroup("pdb1ubi"));
        assertEquals("1ubi", Backbone.splitGroup("pdb1ubi_ca"));
        assertEquals("1tw7", Backbone.splitGroup("pdb1tw7_step3_charmm2namd_doubled_h36"));
        assertEquals("6zu5", Backbone.splitGroup("mmcif_6zu5"));
        assertEquals("7cfn", Backbone.splitGroup("7cfn_aligned"));
        assertEquals("il2", Backbone.splitGroup("il2"));
    }

    @Test
    void wassersteinDistances() {
        double[] a = {0, 1, 2, 3}, b = {0.5, 1.5, 2.5, 3.5};
        assertEquals(0.5, Backbone.wasserstein1(a, b), 1e-12);
        assertEquals(0, Backbone.wasserstein1(a, a), 1e-12);
        // on the circle, -3.1 and 3.1 are 0.083 apart, not 6.2
        assertEquals(2 * Math.PI - 6.2, Backbone.circularWasserstein1(new double[] {-3.1}, new double[] {3.1}), 1e-9);
        assertEquals(0.3, Backbone.circularWasserstein1(new double[] {0.1, 1.0}, new double[] {0.4, 1.3}), 1e-9);
    }
}
