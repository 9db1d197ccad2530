package org.noether.diffusion.egnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.metrics.Element;

class MoleculeGraphTest {

    /** A chain 0-1-2-3-4 (C-C-C-C-O, no hydrogens: only the graph matters here). */
    private static Molecule chain() {
        Element[] atoms = {Element.C, Element.C, Element.C, Element.C, Element.O};
        int[][] bonds = {{0, 1, 1}, {1, 2, 1}, {2, 3, 2}, {3, 4, 1}};
        return new Molecule("CCC=CO", atoms, bonds, new double[15]);
    }

    @Test
    void pairFeaturesAreBondTypeThenOneThreeAndOneFourFlags() {
        Molecule m = chain();
        int n = 6, e = MoleculeGraph.EDGE_FEATURES; // padded by one atom
        float[] f = MoleculeGraph.bonds(List.of(m), n);
        int[][] expectedHops = MoleculeGraph.hops(m.bondMatrix());
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                float sum = 0;
                for (int k = 0; k < e; k++) sum += f[(a * n + c) * e + k];
                if (a >= m.size() || c >= m.size()) {
                    assertEquals(0, sum, "padding " + a + "," + c);
                    continue;
                }
                int hop = expectedHops[a][c];
                int type = m.bondMatrix()[a][c];
                assertEquals(1, f[(a * n + c) * e + type], "bond type " + a + "," + c);
                assertEquals(hop == 2 ? 1 : 0, f[(a * n + c) * e + Molecule.BOND_TYPES], "1-3 flag " + a + "," + c);
                assertEquals(hop == 3 ? 1 : 0, f[(a * n + c) * e + Molecule.BOND_TYPES + 1], "1-4 flag " + a + "," + c);
            }
        }
        assertEquals(2, expectedHops[0][2]);
        assertEquals(3, expectedHops[0][3]);
        assertEquals(4, expectedHops[0][4]);
        assertEquals(1, f[(0 * n + 2) * e + Molecule.BOND_TYPES]);
        assertEquals(1, f[(4 * n + 1) * e + Molecule.BOND_TYPES + 1]);
    }

    @Test
    void lossWeightMakesTheNetworkTargetUnitScale() {
        // c_out(t)^2 * weight(t) = 1 away from t = 1
        double s = EgnnBlock.SIGMA_DATA;
        for (float t : new float[] {0f, 0.1f, 0.5f, 0.9f, 0.99f}) {
            double cin = 1 / Math.sqrt(t * t * s * s + (1 - t) * (1 - t));
            double cout = (1 - t) * s * cin;
            assertEquals(1, cout * cout * EgnnBlock.lossWeight(t), 1e-4, "t = " + t);
        }
    }
}
