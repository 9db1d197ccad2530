package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.SymmetricGroup;
import org.noether.representation.RepresentationSpec;

/**
 * The text of {@link EquivariantBasis#format}: exact grids for small maps, and for large ones a list of entries that
 * is checked entry by entry against {@link EquivariantBasis#readableElement}.
 */
class FormatTextTest {

    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    private static final Pattern HEADER = Pattern.compile("B(\\d+) \\((\\d+) nonzero\\):(.*)");
    private static final Pattern ENTRY = Pattern.compile(" \\[(\\d+),(\\d+)\\] (-?\\d+(?:/\\d+)?)");
    private static final Pattern MORE = Pattern.compile(" \\.\\.\\. \\((\\d+) more\\)$");

    private static double value(String s) {
        int slash = s.indexOf('/');
        return slash < 0
                ? Double.parseDouble(s)
                : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
    }

    /**
     * Hom_S5(P⊗P, P) is 5 x 25 (listed, not drawn): its 5 readable elements are the orbit indicators of index triples,
     * with 5, 20, 20, 20 and 60 nonzeros; each line lists the first 24 entries, at their true row and column, and
     * says how many more there are.
     */
    @Test
    void largeElementsListTheirFirst24EntriesAtTheirRowAndColumn() {
        var s5 = new SymmetricGroup(5);
        var b = BasisSolver.standard().solve(RepresentationSpec.parse(s5, "P*P"), RepresentationSpec.parse(s5, "P"));
        assertEquals(5, b.rows());
        assertEquals(25, b.columns());
        assertEquals(5, b.dimension());
        String[] lines = b.format(5).split("\n", -1);
        assertEquals(6, lines.length, String.join("\n", lines));
        assertEquals("", lines[5], "the text ends with a newline and says nothing about more elements");
        int[] nonzeros = new int[5];
        int longLines = 0;
        for (int k = 0; k < 5; k++) {
            Matcher h = HEADER.matcher(lines[k]);
            assertTrue(h.matches(), lines[k]);
            assertEquals(k + 1, Integer.parseInt(h.group(1)));
            double[] r = b.readableElement(k);
            int nnz = 0;
            for (double v : r) if (v != 0) nnz++;
            nonzeros[k] = nnz;
            assertEquals(nnz, Integer.parseInt(h.group(2)), lines[k]);
            assertEquals(nnz, b.readableNonzeros(k));
            String rest = h.group(3);
            Matcher more = MORE.matcher(rest);
            if (nnz > 24) {
                longLines++;
                assertTrue(more.find(), rest);
                assertEquals(nnz - 24, Integer.parseInt(more.group(1)), rest);
                rest = rest.substring(0, more.start());
            } else {
                assertTrue(!more.find(), rest);
            }
            Matcher e = ENTRY.matcher(rest);
            int listed = 0, end = 0;
            boolean[] seen = new boolean[r.length];
            while (e.find()) {
                assertEquals(end, e.start(), "entries follow each other: " + rest);
                end = e.end();
                int row = Integer.parseInt(e.group(1)), column = Integer.parseInt(e.group(2));
                assertTrue(row < 5 && column < 25, e.group());
                int at = row * 25 + column;
                assertTrue(!seen[at], "listed twice: " + e.group());
                seen[at] = true;
                assertEquals(r[at], value(e.group(3)), 1e-12, e.group());
                assertTrue(r[at] != 0, e.group());
                listed++;
            }
            assertEquals(rest.length(), end, "nothing but entries: " + rest);
            assertEquals(Math.min(nnz, 24), listed, lines[k]);
        }
        java.util.Arrays.sort(nonzeros);
        assertEquals("[5, 20, 20, 20, 60]", java.util.Arrays.toString(nonzeros));
        assertEquals(1, longLines);
    }

    /** Hom_S3(P, P): the identity and the all-ones-off-the-diagonal matrix, drawn exactly. */
    @Test
    void smallElementsAreDrawnAsGrids() {
        var p = RepresentationSpec.parse(new SymmetricGroup(3), "P");
        var b = BasisSolver.standard().solve(p, p);
        assertEquals(
                "B1 (3 nonzero):\n" + "  [ 1 0 0 ]\n  [ 0 1 0 ]\n  [ 0 0 1 ]\n" + "B2 (6 nonzero):\n"
                        + "  [ 0 1 1 ]\n  [ 1 0 1 ]\n  [ 1 1 0 ]\n",
                b.format(2));
        assertEquals(
                "B1 (3 nonzero):\n" + "  [ 1 0 0 ]\n  [ 0 1 0 ]\n  [ 0 0 1 ]\n" + "... 1 more elements\n", b.format(1));
        assertEquals(b.format(2), b.format(7), "asking for more elements than there are shows them all");
    }

    @Test
    void gridCellsArePaddedToTheWidestNumber() {
        assertEquals("  [    1 -1/3 ]\n  [  1/2    0 ]\n", Format.grid(new double[] {1, -1.0 / 3, 0.5, 0}, 2, 2));
        assertEquals("  [ 1 2 3 ]\n", Format.grid(new double[] {1, 2, 3}, 1, 3));
        assertEquals("  [ 1 ]\n  [ 2 ]\n  [ 3 ]\n", Format.grid(new double[] {1, 2, 3}, 3, 1));
        assertEquals("  [ 0.7071 ]\n", Format.grid(new double[] {Math.sqrt(0.5)}, 1, 1));
    }

    @Test
    void numbersAreIntegersSmallFractionsOrFourDigits() {
        assertEquals("0", Format.number(0));
        assertEquals("-3", Format.number(-3));
        assertEquals("1/2", Format.number(0.5));
        assertEquals("1/12", Format.number(1.0 / 12));
        assertEquals("0.07692", Format.number(1.0 / 13)); // 13 is past the largest denominator tried
        assertEquals("7/11", Format.number(7.0 / 11));
        assertEquals("1.000e+10", Format.number(1e10)); // too large for an exact integer
        assertEquals("0.3333", Format.number(1.0 / 3 + 1e-6)); // near a fraction, but not within tolerance
    }

    /** A 12 x 12 map (End of the regular representation of D6, order 12) is still drawn as a grid. */
    @Test
    void twelveByTwelveIsTheLargestGrid() {
        var reg = RepresentationSpec.parse(DihedralGroup.dihedral(6), "regular");
        var b = BasisSolver.standard().solve(reg, reg);
        assertEquals(12, b.rows());
        assertEquals(12, b.columns());
        String[] lines = b.format(1).split("\n");
        assertEquals(1 + 12 + 1, lines.length, b.format(1));
        assertTrue(lines[0].matches("B1 \\(\\d+ nonzero\\):"), lines[0]);
        for (int i = 1; i <= 12; i++) assertTrue(lines[i].startsWith("  [") && lines[i].endsWith(" ]"), lines[i]);
        assertEquals("... 11 more elements", lines[13]);
    }

    /** Hom_S4(P⊗P, P) has an element with exactly 24 nonzeros (distinct index triples): listed whole, no "more". */
    @Test
    void exactly24EntriesAreListedWithoutAMoreNote() {
        var s4 = new SymmetricGroup(4);
        var b = BasisSolver.standard().solve(RepresentationSpec.parse(s4, "P*P"), RepresentationSpec.parse(s4, "P"));
        int found = 0;
        String[] lines = b.format(b.dimension()).split("\n");
        for (int k = 0; k < b.dimension(); k++) {
            if (b.readableNonzeros(k) != 24) continue;
            found++;
            assertTrue(lines[k].startsWith("B" + (k + 1) + " (24 nonzero):"), lines[k]);
            assertTrue(!lines[k].contains("more"), lines[k]);
            assertEquals(24, lines[k].split("\\[").length - 1, lines[k]);
        }
        assertEquals(1, found);
    }
}
