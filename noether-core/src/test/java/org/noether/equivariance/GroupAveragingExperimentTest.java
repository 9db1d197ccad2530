package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Experiments;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.Verdict;
import org.noether.group.FiniteGroup;

class GroupAveragingExperimentTest {

    @Test
    void quickRunAveragesEveryCaseToRoundOffAndIsRegistered(@TempDir Path dir) throws Exception {
        var exp = Experiments.byName("core.group-averaging");
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        long[] steps = {0};
        Progress recording = (label, total) -> new Progress.Task() {
            @Override
            public void advance(long n) {
                steps[0] += n;
            }

            @Override
            public void message(String message) {
                messages.add(message);
            }

            @Override
            public void close() {}
        };
        var r = exp.run(new ExperimentContext(Profile.QUICK, 7, dir, recording));
        assertTrue(((Number) r.metrics().get("max_error_after")).doubleValue() < 1e-12);
        assertTrue(((Number) r.metrics().get("median_error_before")).doubleValue() > 0.1);
        assertTrue(((Number) r.metrics().get("cases")).intValue() > 100);
        assertEquals(2, r.claims().size());
        assertTrue(r.claims().stream().allMatch(c -> c.held()), r.claims().toString());
        assertTrue(r.summary().contains("within round-off"), r.summary());
        // one progress step and one message (the group's name) per group
        List<String> names = GroupAveragingExperiment.groups(true).stream()
                .map(FiniteGroup::name)
                .toList();
        assertEquals(names, messages);
        assertEquals(names.size(), steps[0]);
        assertEquals(names.size(), ((Number) r.metrics().get("groups")).intValue());
        var again = exp.run(new ExperimentContext(Profile.QUICK, 7, dir, Progress.NONE));
        assertEquals(r.metrics(), again.metrics(), "same seed, same numbers");
        assertFalse(exp.title().isBlank());
        assertFalse(exp.description().isBlank());
        assertTrue(exp.expectedSeconds(Profile.QUICK) > 0);
        assertTrue(exp.expectedSeconds(Profile.FULL) > exp.expectedSeconds(Profile.QUICK));
    }

    /**
     * Every family member up to order 120: the trivial group, C1..C120, D1..D60, S2..S5, A3..A5, seven products and
     * the cube rotations; the quick profile stops the cyclic and dihedral families at 12.
     */
    @Test
    void theGroupListsPerProfile() {
        List<String> full = GroupAveragingExperiment.groups(false).stream()
                .map(FiniteGroup::name)
                .toList();
        List<String> quick = GroupAveragingExperiment.groups(true).stream()
                .map(FiniteGroup::name)
                .toList();
        assertEquals(1 + 120 + 60 + 4 + 3 + 7 + 1, full.size(), full::toString);
        assertEquals(1 + 12 + 12 + 4 + 3 + 7 + 1, quick.size(), quick::toString);
        assertTrue(full.containsAll(List.of("C1", "C120", "D1", "D60", "S2", "S5", "A3", "A5")), full::toString);
        assertFalse(full.contains("C121") || full.contains("D61"), full::toString);
        assertTrue(quick.containsAll(List.of("C1", "C12", "D1", "D12", "S5", "A5")), quick::toString);
        assertFalse(quick.contains("C13") || quick.contains("D13"), quick::toString);
        assertTrue(GroupAveragingExperiment.groups(false).stream().allMatch(g -> g.order() <= 120));
        assertEquals(
                3,
                GroupAveragingExperiment.groups(false).stream()
                        .filter(g -> g.order() == 120)
                        .count()); // C120, D60, S5
    }

    private static GroupAveragingExperiment.Case c(int order, int dim, double before, double after) {
        return new GroupAveragingExperiment.Case("G" + order, order, "r" + dim, dim, before, after);
    }

    private static ExperimentResult report(Path dir, List<GroupAveragingExperiment.Case> cases) {
        return new GroupAveragingExperiment()
                .report(new ExperimentContext(Profile.QUICK, 7, dir, Progress.NONE), 4, cases);
    }

    /**
     * The median before averaging is taken over representations of dimension > 1 of groups of order > 1 only (the
     * others commute with every map).
     */
    @Test
    void theMedianBeforeSkipsOneDimensionalAndTrivialCases(@TempDir Path dir) {
        var r = report(
                dir,
                List.of(
                        c(2, 2, 0.9, 1e-16),
                        c(6, 2, 0.5, 2e-16),
                        c(1, 3, 100, 0), // trivial group
                        c(2, 1, 50, 0), // one-dimensional
                        c(3, 2, 0.7, 0)));
        assertEquals(0.7, ((Number) r.metrics().get("median_error_before")).doubleValue(), 0.0);
        assertEquals(2e-16, ((Number) r.metrics().get("max_error_after")).doubleValue(), 0.0);
        assertEquals(5, ((Number) r.metrics().get("cases")).intValue());
        assertEquals(4, ((Number) r.metrics().get("groups")).intValue());
        assertTrue(r.claims().stream().allMatch(x -> x.verdict() == Verdict.HELD), r.claims()::toString);
        assertTrue(r.summary().startsWith("5 cases over 4 groups: "), r.summary());
        assertTrue(r.summary().contains("within round-off"), r.summary());
        assertTrue(r.summary().endsWith("was 0.70."), r.summary());
        // the figure plots every case at its group order, exact zeros at the log axis' floor 1e-17
        var series = r.figures().get(0).series();
        assertEquals(2, series.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new double[] {2, 6, 1, 2, 3}, series.get(0).x(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new double[] {0.9, 0.5, 100, 50, 0.7}, series.get(0).y(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new double[] {1e-16, 2e-16, 1e-17, 1e-17, 1e-17}, series.get(1).y(), 0.0);
    }

    /** A case left 1e-9 from equivariant fails the exactness claim, and the summary says so. */
    @Test
    void anInexactAverageFailsTheClaim(@TempDir Path dir) {
        var r = report(dir, List.of(c(2, 2, 0.9, 1e-16), c(6, 2, 0.5, 1e-9), c(3, 2, 0.7, 0)));
        assertEquals(Verdict.FAILED, r.claims().get(0).verdict());
        assertEquals(Verdict.HELD, r.claims().get(1).verdict());
        assertTrue(r.summary().contains("ABOVE the round-off bound"), r.summary());
        assertEquals(1e-9, ((Number) r.metrics().get("max_error_after")).doubleValue(), 0.0);
    }

    /** Maps that were nearly equivariant before averaging fail the second claim (the first would prove nothing). */
    @Test
    void mapsAlreadyNearlyEquivariantFailTheSecondClaim(@TempDir Path dir) {
        var r = report(dir, List.of(c(2, 2, 0.01, 0), c(6, 2, 0.02, 0), c(3, 3, 0.01, 0)));
        assertEquals(Verdict.HELD, r.claims().get(0).verdict());
        assertEquals(Verdict.FAILED, r.claims().get(1).verdict());
        var none = report(dir, List.of(c(2, 1, 0.5, 0), c(1, 4, 0.5, 0)));
        assertEquals(Verdict.NOT_COMPARABLE, none.claims().get(1).verdict());
        assertEquals(0.0, ((Number) none.metrics().get("median_error_before")).doubleValue(), 0.0);
    }
}
