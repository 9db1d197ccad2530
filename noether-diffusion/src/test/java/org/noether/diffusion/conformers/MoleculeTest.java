package org.noether.diffusion.conformers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.noether.diffusion.metrics.Element;

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
}
