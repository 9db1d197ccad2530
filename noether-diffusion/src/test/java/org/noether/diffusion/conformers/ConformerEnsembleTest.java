package org.noether.diffusion.conformers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.metrics.Element;

class ConformerEnsembleTest {

    @Test
    void bundledListHasAtLeast200SmallMoleculesOfHCNOF() {
        List<String> smiles = Molecule.bundledSmiles();
        assertTrue(smiles.size() >= 200, "only " + smiles.size());
        for (String s : smiles) {
            assertTrue(s.matches("[CNOFcno0-9()=#]+"), s);
            long heavy = s.chars().filter(c -> "CNOFcno".indexOf(c) >= 0).count();
            assertTrue(heavy >= 1 && heavy <= 9, s);
        }
        // 20 of the strings corrected in place (C=OCC -> O=CCC) repeat a string already in the list; the pool
        // keeps one copy of each molecule (by canonical SMILES), and the header states these counts
        assertEquals(1645, smiles.size());
        assertEquals(1625, smiles.stream().distinct().count(), "distinct strings");
    }

    @Test
    void torsionSamplingKeepsBondLengthsAndAvoidsClashes() throws Exception {
        Molecule m = Molecule.fromSmiles("CCCCO");
        assertEquals(5, m.heavyAtoms());
        assertEquals(15, m.size()); // C4H10O
        assertTrue(ConformerEnsemble.rotatableBonds(m) >= 3);
        List<double[]> confs = ConformerEnsemble.sample(m, 10, new SplittableRandom(1));
        assertEquals(10, confs.size());
        double maxRmsd = 0;
        for (double[] x : confs) {
            for (int[] b : m.bonds()) {
                assertEquals(distance(m.coords(), b[0], b[1]), distance(x, b[0], b[1]), 1e-9);
            }
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int i = 0; i < m.size(); i++) s += x[3 * i + c];
                assertEquals(0, s, 1e-9);
            }
            for (int i = 0; i < m.size(); i++) {
                for (int j = i + 1; j < m.size(); j++) {
                    if (m.atoms()[i] != Element.H && m.atoms()[j] != Element.H && m.bondMatrix()[i][j] == 0) {
                        assertTrue(distance(x, i, j) > 2.0, "heavy atoms " + i + ", " + j + " too close");
                    }
                }
            }
            maxRmsd = Math.max(maxRmsd, Kabsch.rmsd(x, confs.get(0), 3));
        }
        assertTrue(maxRmsd > 0.3, "torsions should vary the shape; max RMSD " + maxRmsd);
    }

    private static double distance(double[] x, int i, int j) {
        double s = 0;
        for (int c = 0; c < 3; c++) s += (x[3 * i + c] - x[3 * j + c]) * (x[3 * i + c] - x[3 * j + c]);
        return Math.sqrt(s);
    }
}
