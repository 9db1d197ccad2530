package org.noether.diffusion.conformers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.noether.diffusion.metrics.Element;
import org.openscience.cdk.exception.CDKException;

class MoleculeTest {

    @Test
    void heavyAtomAutomorphismsCountTheSymmetryEquivalentMappings() throws Exception {
        // propane: the two ends; isobutane: the three methyls (3!); neopentane: four methyls (4!);
        // ethanol and acetic acid (C=O and C-OH differ): none; acetone: the two methyls; trifluoroethanol: the
        // three fluorines
        String[] smiles = {"CCC", "CC(C)C", "CC(C)(C)C", "CCO", "CC(=O)O", "CC(=O)C", "FC(F)(F)CO"};
        int[] expected = {2, 6, 24, 1, 1, 2, 6};
        for (int k = 0; k < smiles.length; k++) {
            Molecule m = Molecule.fromSmiles(smiles[k]);
            List<int[]> maps = m.heavyAtomAutomorphisms();
            assertEquals(expected[k], maps.size(), smiles[k]);
            int n = m.heavyAtoms();
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) identity[i] = i;
            assertArrayEquals(identity, maps.get(0), smiles[k] + ": the identity comes first");
        }
    }

    @Test
    void everyMappingKeepsElementsHydrogensAndBondsAndTheyFormAGroup() throws Exception {
        for (String smiles : Molecule.bundledSmiles().subList(0, 60)) {
            Molecule m = Molecule.fromSmiles(smiles);
            int n = m.heavyAtoms();
            int[] heavy = new int[n];
            for (int a = 0, k = 0; a < m.size(); a++) if (m.atoms()[a] != Element.H) heavy[k++] = a;
            int[][] bonds = m.bondMatrix();
            int[] hydrogens = new int[n];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < m.size(); a++) {
                    if (m.atoms()[a] == Element.H && bonds[heavy[i]][a] != 0) hydrogens[i]++;
                }
            }
            List<int[]> maps = m.heavyAtomAutomorphisms();
            Set<String> all = new HashSet<>();
            for (int[] p : maps) all.add(Arrays.toString(p));
            assertEquals(maps.size(), all.size(), smiles + ": no mapping twice");
            for (int[] p : maps) {
                for (int i = 0; i < n; i++) {
                    assertEquals(m.atoms()[heavy[i]], m.atoms()[heavy[p[i]]], smiles);
                    assertEquals(hydrogens[i], hydrogens[p[i]], smiles);
                    for (int j = 0; j < n; j++)
                        assertEquals(bonds[heavy[i]][heavy[j]], bonds[heavy[p[i]]][heavy[p[j]]], smiles);
                }
                // closed under composition
                for (int[] q : maps) {
                    int[] pq = new int[n];
                    for (int i = 0; i < n; i++) pq[i] = p[q[i]];
                    assertTrue(all.contains(Arrays.toString(pq)), smiles + ": " + Arrays.toString(pq));
                }
            }
        }
    }

    @Test
    void impossibleValencesAreRejectedWithTheAtomAndTheReason() {
        // the first version of the bundled list wrote a leading substituent unreversed: C=O + CC gave C=OCC
        String[][] cases = {
            {"C=OCC", "atom 2 (O) of C=OCC has bonds of total order 3; a neutral O takes 2"},
            {"CFCC", "atom 2 (F) of CFCC has bonds of total order 2; a neutral F takes 1"},
            {"OC=OCC", "atom 3 (O) of OC=OCC has bonds of total order 3; a neutral O takes 2"}
        };
        for (String[] c : cases) {
            CDKException e = assertThrows(CDKException.class, () -> Molecule.fromSmiles(c[0]), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        CDKException e = assertThrows(CDKException.class, () -> Molecule.fromSmiles("C#NCC"));
        assertTrue(e.getMessage().contains("(N) of C#NCC has bonds of total order"), e.getMessage());
        assertTrue(assertThrows(CDKException.class, () -> Molecule.fromSmiles("CC[O-]"))
                .getMessage()
                .contains("is charged"));
        assertTrue(assertThrows(CDKException.class, () -> Molecule.fromSmiles("CCCl"))
                .getMessage()
                .contains("only H, C, N, O and F"));
    }

    @Test
    void validMoleculesPassIncludingAromaticRingsAndTheCorrectedWritings() throws Exception {
        for (String s : new String[] {"O=CCC", "FCCC", "N#CCC", "O=COCC", "NC(=O)CC", "FC(F)(F)CC", "Cc1ccccc1O"}) {
            assertNull(Molecule.valenceProblem(s), s);
            Molecule m = Molecule.fromSmiles(s);
            int[] orders = m.kekuleOrders();
            int[] sum = new int[m.size()];
            for (int b = 0; b < orders.length; b++) {
                sum[m.bonds()[b][0]] += orders[b];
                sum[m.bonds()[b][1]] += orders[b];
            }
            for (int i = 0; i < m.size(); i++) assertEquals(m.atoms()[i].valence(), sum[i], s + " atom " + i);
        }
    }

    @Test
    void everyBundledStringHasValidValencesAndDuplicatesShareACanonicalForm() throws Exception {
        Set<String> canonical = new HashSet<>();
        List<String> all = Molecule.bundledSmiles();
        for (String s : all) {
            assertNull(Molecule.valenceProblem(s), s);
            canonical.add(Molecule.canonicalSmiles(s));
        }
        assertEquals(1645, all.size());
        assertEquals(1513, canonical.size(), "the list's header states 1513 molecules");
        assertEquals(Molecule.canonicalSmiles("CCC=O"), Molecule.canonicalSmiles("O=CCC"));
        assertNotEquals(Molecule.canonicalSmiles("CCC=O"), Molecule.canonicalSmiles("CC(C)=O"));
    }
}
