package org.noether.diffusion.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built molecules with textbook bond lengths (angstrom) and angles. */
class MoleculeStabilityTest {

    static List<Element> atoms(String symbols) {
        List<Element> out = new ArrayList<>();
        for (String s : symbols.split(" ")) out.add(Element.of(s));
        return out;
    }

    /** Unit vector at polar angle theta and azimuth phi (degrees), scaled. */
    static double[] dir(double length, double theta, double phi) {
        double t = Math.toRadians(theta), p = Math.toRadians(phi);
        return new double[] {
            length * Math.sin(t) * Math.cos(p), length * Math.sin(t) * Math.sin(p), length * Math.cos(t)
        };
    }

    static double[] concat(double[]... points) {
        double[] out = new double[3 * points.length];
        for (int i = 0; i < points.length; i++) System.arraycopy(points[i], 0, out, 3 * i, 3);
        return out;
    }

    static double[] plus(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static final double[] O = {0, 0, 0};

    static double[] water(double oh) {
        return concat(O, dir(oh, 90, 0), dir(oh, 90, 104.5));
    }

    static double[] methane() {
        // tetrahedral: C at the origin, H at 1.09 along the cube diagonals
        double a = 1.09 / Math.sqrt(3);
        return concat(
                O, new double[] {a, a, a}, new double[] {a, -a, -a}, new double[] {-a, a, -a}, new double[] {-a, -a, a
                });
    }

    @Test
    void stableMoleculesAreStable() {
        assertTrue(MoleculeStability.assess(atoms("O H H"), water(0.957)).stable(), "water");
        assertTrue(MoleculeStability.assess(atoms("C H H H H"), methane()).stable(), "methane");
        // ammonia: N-H 1.01, pyramidal
        assertTrue(
                MoleculeStability.assess(
                                atoms("N H H H"),
                                concat(O, dir(1.01, 112, 0), dir(1.01, 112, 120), dir(1.01, 112, 240)))
                        .stable(),
                "ammonia");
        // ethene: C=C 1.33, C-H 1.08, planar, 121 degrees
        double[] c2 = {1.33, 0, 0};
        assertTrue(
                MoleculeStability.assess(
                                atoms("C C H H H H"),
                                concat(
                                        O,
                                        c2,
                                        dir(1.08, 90, 121),
                                        dir(1.08, 90, -121),
                                        plus(c2, dir(1.08, 90, 59)),
                                        plus(c2, dir(1.08, 90, -59))))
                        .stable(),
                "ethene");
        // ethyne: C#C 1.20, linear
        assertTrue(
                MoleculeStability.assess(
                                atoms("C C H H"),
                                concat(O, new double[] {1.20, 0, 0}, new double[] {-1.06, 0, 0}, new double[] {
                                    2.26, 0, 0
                                }))
                        .stable(),
                "ethyne");
        // hydrogen cyanide: H-C 1.07, C#N 1.16
        assertTrue(
                MoleculeStability.assess(
                                atoms("H C N"), concat(new double[] {-1.07, 0, 0}, O, new double[] {1.16, 0, 0}))
                        .stable(),
                "HCN");
        // formaldehyde: C=O 1.21, C-H 1.10, 121.8 degrees
        assertTrue(
                MoleculeStability.assess(
                                atoms("C O H H"),
                                concat(O, new double[] {1.21, 0, 0}, dir(1.10, 90, 121.8), dir(1.10, 90, -121.8)))
                        .stable(),
                "formaldehyde");
        // hydrogen fluoride
        assertTrue(
                MoleculeStability.assess(atoms("H F"), concat(O, new double[] {0.92, 0, 0}))
                        .stable(),
                "HF");
    }

    @Test
    void unstableMoleculesAreNot() {
        // the methyl radical: carbon has only three bonds
        MoleculeStability.Result methyl = MoleculeStability.assess(
                atoms("C H H H"), concat(O, dir(1.08, 90, 0), dir(1.08, 90, 120), dir(1.08, 90, 240)));
        assertFalse(methyl.stable());
        assertArrayEquals(new int[] {3, 1, 1, 1}, methyl.bondSums());
        assertEquals(3, methyl.stableCount(), "the hydrogens are fine, the carbon is not");
        // a stretched O-H (1.2 angstrom) is no bond: oxygen and one hydrogen become unstable
        MoleculeStability.Result stretched =
                MoleculeStability.assess(atoms("O H H"), concat(O, dir(0.96, 90, 0), dir(1.2, 90, 104.5)));
        assertFalse(stretched.stable());
        assertEquals(1, stretched.stableCount());
        // an H-O-H angle of 40 degrees puts the hydrogens 0.66 apart: they bond to each other and are over-bonded
        MoleculeStability.Result squeezed =
                MoleculeStability.assess(atoms("O H H"), concat(O, dir(0.96, 90, 0), dir(0.96, 90, 40)));
        assertFalse(squeezed.stable());
        assertArrayEquals(new int[] {2, 2, 2}, squeezed.bondSums());
        assertEquals(1, squeezed.stableCount());
    }

    @Test
    void bondOrderThresholds() {
        assertEquals(1, MoleculeStability.bondOrder(Element.C, Element.C, 1.63));
        assertEquals(0, MoleculeStability.bondOrder(Element.C, Element.C, 1.65));
        assertEquals(1, MoleculeStability.bondOrder(Element.C, Element.C, 1.40));
        assertEquals(2, MoleculeStability.bondOrder(Element.C, Element.C, 1.38));
        assertEquals(3, MoleculeStability.bondOrder(Element.C, Element.C, 1.22));
        assertEquals(3, MoleculeStability.bondOrder(Element.C, Element.O, 1.10));
        // no triple N-O or O-O bond exists, so very short distances stay double
        assertEquals(2, MoleculeStability.bondOrder(Element.N, Element.O, 1.0));
        assertEquals(2, MoleculeStability.bondOrder(Element.O, Element.O, 1.0));
        // hydrogen and fluorine only form single bonds
        assertEquals(1, MoleculeStability.bondOrder(Element.H, Element.H, 0.5));
        assertEquals(1, MoleculeStability.bondOrder(Element.C, Element.F, 1.0));
        assertEquals(
                MoleculeStability.bondOrder(Element.C, Element.N, 1.3),
                MoleculeStability.bondOrder(Element.N, Element.C, 1.3));
    }

    @Test
    void summaryPoolsMoleculesAndAtoms() {
        var water = MoleculeStability.assess(atoms("O H H"), water(0.957));
        var methyl = MoleculeStability.assess(
                atoms("C H H H"), concat(O, dir(1.08, 90, 0), dir(1.08, 90, 120), dir(1.08, 90, 240)));
        var s = MoleculeStability.summarize(List.of(water, methyl));
        assertEquals(0.5, s.moleculeStability(), 1e-15);
        assertEquals(6.0 / 7.0, s.atomStability(), 1e-15);
        assertEquals(2, s.molecules());
        assertEquals(7, s.atoms());
    }

    @Test
    void rejectsUnknownElementsAndBadCoordinates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Element.of("Cl"));
        assertTrue(e.getMessage().contains("H, C, N, O, F"));
        assertThrows(IllegalArgumentException.class, () -> MoleculeStability.assess(atoms("O H"), new double[5]));
    }
}
