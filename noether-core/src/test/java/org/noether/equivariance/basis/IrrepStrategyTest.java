package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.experiment.NoetherUserException;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

/**
 * The IRREP strategy (Schur's lemma on the decomposition into irreducibles) against the constraint solvers, and its
 * size refusals. Tolerances: 1e-9 relative for equivariance (group and Lie algebra) and orthonormality.
 */
class IrrepStrategyTest {
    static final double TOL = 1e-9;

    /** max over basis elements and Lie generators of |d rho_out(X) W - W d rho_in(X)| / |W|_max. */
    static <G> double lieError(EquivariantBasis<G> b, List<double[]> elements) {
        int m = b.rows(), n = b.columns();
        double worst = 0;
        for (int k = 0; k < b.input().group().lieAlgebraDimension(); k++) {
            double[] lo = b.output().lieAlgebra(k), li = b.input().lieAlgebra(k);
            for (double[] w : elements) {
                double[] r = Dense.subtract(Dense.multiply(lo, w, m, m, n), Dense.multiply(w, li, m, n, n));
                worst = Math.max(worst, Dense.maxAbs(r) / Math.max(Dense.maxAbs(w), 1e-300));
            }
        }
        return worst;
    }

    /** max over elements and random g of |rho_out(g) W - W rho_in(g)| / |W|_max, every element checked. */
    static <G> double groupError(EquivariantBasis<G> b, List<double[]> elements, long seed) {
        var random = new SplittableRandom(seed);
        Group<G> group = b.input().group();
        int m = b.rows(), n = b.columns();
        double worst = 0;
        for (int t = 0; t < 4; t++) {
            G g = group.sample(random);
            double[] ro = b.output().matrix(g), ri = b.input().matrix(g);
            for (double[] w : elements) {
                double[] r = Dense.subtract(Dense.multiply(ro, w, m, m, n), Dense.multiply(w, ri, m, n, n));
                worst = Math.max(worst, Dense.maxAbs(r) / Math.max(Dense.maxAbs(w), 1e-300));
            }
        }
        return worst;
    }

    static <G> void agrees(Group<G> group, String in, String out) {
        Representation<G> ri = RepresentationSpec.parse(group, in), ro = RepresentationSpec.parse(group, out);
        EquivariantBasis<G> irrep = BasisSolver.using(Strategy.IRREP).solve(ri, ro);
        EquivariantBasis<G> dense = BasisSolver.using(Strategy.DENSE).solve(ri, ro);
        String what = group.name() + " " + in + " -> " + out;
        assertEquals(dense.dimension(), irrep.dimension(), what + ": dimension vs the dense solver");
        List<double[]> els = irrep.elements();
        double ge = groupError(irrep, els, 3), le = lieError(irrep, els);
        assertTrue(ge < TOL, what + ": group equivariance error " + ge);
        assertTrue(le < TOL, what + ": Lie-algebra equivariance error " + le);
        double o = BasisChecks.orthonormalityError(irrep);
        assertTrue(o < TOL, what + ": orthonormality error " + o);
        double p = BasisChecks.projectorDistance(irrep, dense);
        assertTrue(p < 1e-7, what + ": spans a different space than the dense solver (projector distance " + p + ")");
    }

    @Test
    void agreesWithTheDenseSolver() {
        for (String[] c : new String[][] {
            {"V", "V"}, {"V*V", "V"}, {"V*V", "V*V"}, {"V*V*V", "V*V*V"}, {"V*V+1", "V+D2"}, {"D2*D2", "D2"}
        }) {
            agrees(O3.SO3, c[0], c[1]);
            agrees(O3.O3, c[0], c[1]);
        }
        for (String[] c :
                new String[][] {{"V", "V"}, {"V*V", "V"}, {"V*V", "V*V"}, {"V*V*V", "V*V*V"}, {"V*V*V", "V+F3"}}) {
            agrees(O2.SO2, c[0], c[1]);
            agrees(O2.O2, c[0], c[1]);
        }
        agrees(O2.O2, "sign*V+sign", "V*V+1");
    }

    @Test
    void weightsPredictTheDimensionBeforeDecomposing() {
        String[][] so3 = {{"V*V*V", "V*V*V"}, {"V*V", "V"}, {"V^4", "V^4"}, {"D2*V", "V+D2"}, {"V*V+1", "V'*V"}};
        for (String[] c : so3) {
            predicted(O3.SO3, c[0], c[1]);
            predicted(O3.O3, c[0], c[1]);
        }
        for (String[] c : new String[][] {{"V^4", "V^4"}, {"V*V*V", "V+F3"}, {"V*F2", "F3+V+1"}})
            predicted(O2.SO2, c[0], c[1]);
        assertTrue(
                IrrepSolver.estimateDimension(
                                RepresentationSpec.parse(O2.O2, "V"), RepresentationSpec.parse(O2.O2, "V"))
                        .isEmpty(),
                "O(2) is not estimated");
    }

    private static <G> void predicted(Group<G> g, String in, String out) {
        Representation<G> ri = RepresentationSpec.parse(g, in), ro = RepresentationSpec.parse(g, out);
        long actual = BasisSolver.using(Strategy.IRREP).solve(ri, ro).dimension();
        var estimate = IrrepSolver.estimateDimension(ri, ro);
        assertTrue(estimate.isPresent(), g.name() + " " + in + " -> " + out);
        assertEquals(actual, estimate.getAsLong(), g.name() + " " + in + " -> " + out);
    }

    @Test
    void autoUsesItForV4AndGetsTheKnownDimension() {
        var v = Representations.defining(O3.SO3);
        EquivariantBasis<?> b = BasisSolver.using(Strategy.AUTO).solve(v.power(4), v.power(4));
        assertEquals(91, b.dimension()); // End_SO(3)(V^4): 3^2 + 6^2 + 6^2 + 3^2 + 1^2
        assertEquals(List.of(Strategy.IRREP), List.copyOf(b.stats().strategies().keySet()));
        double e = BasisChecks.equivarianceError(b, 4, 9);
        assertTrue(e < TOL, "V^4 equivariance error " + e);
    }

    @Test
    void theCheckCatchesABrokenElement() {
        var v = Representations.defining(O3.SO3);
        EquivariantBasis<?> b = BasisSolver.using(Strategy.IRREP).solve(v.times(v), v.times(v));
        List<double[]> els = new java.util.ArrayList<>(b.elements());
        double[] broken = els.get(1).clone();
        broken[1] += 0.1; // one entry off
        els.set(1, broken);
        assertFalse(groupError(b, els, 3) < TOL, "a broken element must fail the group check");
        assertFalse(lieError(b, els) < TOL, "a broken element must fail the Lie-algebra check");
    }

    @Test
    void hugeCasesAreRefusedInOneLine() {
        var v = Representations.defining(O3.SO3);
        // V^6 -> V^6: 4213 elements of 729 x 729, about 27 GB
        var e = assertThrows(
                NoetherUserException.class, () -> BasisSolver.standard().solve(v.power(6), v.power(6)));
        assertTrue(e.getMessage().contains("GB") && !e.getMessage().contains("\n"), e.getMessage());
        // V^10 -> V: a 59049-dimensional representation, never materialized
        var big = assertThrows(
                RuntimeException.class, () -> BasisSolver.standard().solve(v.power(10), v));
        assertTrue(big instanceof NoetherUserException || big instanceof IllegalArgumentException, big.toString());
        assertTrue(big.getMessage().contains("59049"), big.getMessage());
        var huge = assertThrows(
                NoetherUserException.class, () -> BasisSolver.standard().solve(v.power(10), v.power(10)));
        assertTrue(huge.getMessage().contains("GB"), huge.getMessage());
    }

    @Test
    void theIterativeSolverRefusesWhatWouldRunForHours() {
        var s7 = new SymmetricGroup(7);
        Representation<?> std4 = Representations.standard(s7).power(4);
        var e = assertThrows(NoetherUserException.class, () -> solveRaw(std4));
        assertTrue(e.getMessage().contains("at least") && e.getMessage().contains(" h"), e.getMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void solveRaw(Representation r) {
        BasisSolver.standard().solve(r, r);
    }

    @Test
    void irrepRefusesWhatItCannotDo() {
        var s3 = GroupSpec.parse("S3");
        var e = assertThrows(IllegalArgumentException.class, () -> solveIrrep(s3, "std"));
        assertTrue(e.getMessage().contains("irrep"), e.getMessage());
    }

    private static <G> void solveIrrep(Group<G> g, String spec) {
        Representation<G> r = RepresentationSpec.parse(g, spec);
        BasisSolver.using(Strategy.IRREP).solve(r, r);
    }
}
