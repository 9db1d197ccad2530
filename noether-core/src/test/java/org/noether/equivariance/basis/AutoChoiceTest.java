package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Progress;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.representation.Altered;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;

/**
 * AUTO's choice between IRREP and DENSE on Lie groups (the cost model fitted to {@code noether bench basis-crossover}),
 * and its fallback from a failed irreducible decomposition, which must be visible: in the log and in the basis's
 * {@link SolveStats#fallbacks()}.
 */
class AutoChoiceTest {

    /**
     * Every case of the crossover measurement where one path was at least 1.5x faster than the other (thread CPU
     * time, docs/benchmarks/basis.md): the model picks the faster one. Columns: d_in, d_out, in = out, Lie algebra
     * dimension (1: SO(2)/O(2), 3: SO(3)/O(3)), IRREP expected.
     */
    @Test
    void theCostModelPicksTheMeasuredWinner() {
        Object[][] cases = {
            {3, 3, true, 3, false}, // SO3 V -> V: IRREP 4.8x slower
            {4, 4, true, 1, false}, // SO2 V*V -> V*V: 3.1x
            {9, 3, false, 3, false}, // SO3 V*V -> V: 2.4x
            {8, 8, true, 1, true}, // SO2 / O2 V^3 -> V^3: IRREP 0.43x / 0.19x
            {27, 3, false, 3, false}, // SO3 T(3) -> V: 2.8x
            {32, 2, false, 1, false}, // SO2 V^5 -> V: 2.5x
            {25, 3, false, 3, false}, // SO3 D2*D2 -> V: 3.3x
            {15, 9, false, 3, true}, // SO3 D2*V -> V*V: 0.08x
            {16, 8, false, 1, true}, // O2 V^4 -> V^3: 0.43x
            {15, 15, true, 3, true}, // SO3 D2*V -> D2*V: 0.17x
            {27, 9, false, 3, true}, // SO3 / O3 V^3 -> V*V: 0.27x / 0.56x
            {81, 3, false, 3, false}, // SO3 V^4 -> V: 2.2x
            {16, 16, true, 1, true}, // O2 V^4 -> V^4: 0.06x
            {21, 21, true, 3, true}, // SO3 D3*V -> D3*V: 0.06x
            {27, 27, true, 3, true}, // SO3 / O3 V^3 -> V^3: 0.03x
            {81, 81, true, 3, true}, // V^4 -> V^4: 6561 unknowns, past DENSE's limit
        };
        for (Object[] c : cases)
            assertEquals(
                    c[4],
                    BasisSolver.irrepCheaper((int) c[0], (int) c[1], (boolean) c[2], (int) c[3]),
                    () -> "d_in " + c[0] + ", d_out " + c[1] + ", lie " + c[3]);
    }

    /** The three smallest Lie cases of BasisSolverBenchmark: AUTO takes the path the measurement found faster. */
    @Test
    void theBenchmarksSmallLieCasesTakeTheFasterPath() {
        assertEquals("DENSE x1", summary("SO3", "T(3)", "V"));
        assertEquals("DENSE x1", summary("O3", "V*V", "V*V"));
        assertEquals("IRREP x1", summary("O2", "V*V*V", "V*V*V"));
    }

    private static String summary(String group, String in, String out) {
        Group<?> g = GroupSpec.parse(group);
        return solve(g, in, out);
    }

    private static <G> String solve(Group<G> g, String in, String out) {
        Representation<G> i = RepresentationSpec.parse(g, in), o = RepresentationSpec.parse(g, out);
        EquivariantBasis<G> auto = BasisSolver.using(Strategy.AUTO).solve(i, o);
        EquivariantBasis<G> dense = BasisSolver.using(Strategy.DENSE).solve(i, o);
        assertEquals(dense.dimension(), auto.dimension(), in + " -> " + out);
        assertTrue(auto.stats().fallbacks().isEmpty(), auto.stats().fallbacks()::toString);
        return auto.stats().methodSummary();
    }

    /**
     * V^3 of SO(3) with every Lie-algebra generator doubled: not a representation of so(3) (the brackets are off by a
     * factor 2), so the irreducible decomposition finds Casimir eigenvalues that are not l(l+1) and throws. Its
     * commutant is still V^3's, so the constraint solve AUTO falls back to gives the right dimension (15).
     */
    @Test
    void aFailedDecompositionIsLoggedAndRecordedNotSilent() {
        Representation<Orthogonal3> v3 = RepresentationSpec.parse(O3.SO3, "V*V*V");
        Representation<Orthogonal3> broken = Altered.generators(v3, "2V^3", (k, a) -> {
            for (int i = 0; i < a.length; i++) a[i] *= 2;
            return a;
        });
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Progress progress = Progress.logTo(logged::add);
        BasisSolver solver = BasisSolver.using(Strategy.AUTO).loggingTo(progress);
        EquivariantBasis<Orthogonal3> b = solver.solve(broken, broken);
        assertEquals(15, b.dimension());
        assertEquals(1, b.stats().fallbacks().size(), b.stats().fallbacks()::toString);
        String line = b.stats().fallbacks().get(0);
        assertTrue(line.contains("'2V^3' -> '2V^3' of SO3"), line);
        assertTrue(line.contains("irreducible decomposition") && line.contains("failed"), line);
        assertTrue(line.contains("by DENSE instead"), line);
        assertEquals(List.of(line), logged);
        assertEquals("DENSE x1 (1 IRREP fallback)", b.stats().methodSummary());
        // reused from the cache: still recorded, logged only once
        EquivariantBasis<Orthogonal3> again = solver.solve(broken, broken);
        assertEquals(List.of(line), again.stats().fallbacks());
        assertEquals(1, logged.size());
        // the honest V^3 goes through IRREP without a fallback
        EquivariantBasis<Orthogonal3> honest = solver.solve(v3, v3);
        assertEquals("IRREP x1", honest.stats().methodSummary());
        assertTrue(honest.stats().fallbacks().isEmpty());
        assertEquals(1, logged.size());
    }
}
