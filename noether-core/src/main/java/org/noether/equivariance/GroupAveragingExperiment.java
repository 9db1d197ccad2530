package org.noether.equivariance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.experiment.Claim;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Stats;
import org.noether.experiment.Table;
import org.noether.group.AlternatingGroup;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.GeneratedGroup;
import org.noether.group.GroupSpec;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.SymmetricGroup;
import org.noether.group.TrivialGroup;
import org.noether.linalg.Dense;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;

/**
 * The core's own experiment: for every finite group of the catalog up to order 120 and each of its catalog
 * representations rho, draw a random linear map W: rho -> rho, group-average it, and measure the relative equivariance
 * error max_g |rho(g) W - W rho(g)|_F / |W|_F before and after. Averaging must bring every error down to round-off
 * (about 1e-15), whatever the group.
 */
public final class GroupAveragingExperiment implements Experiment {

    @Override
    public String name() {
        return "core.group-averaging";
    }

    /** Quick: measured on an idle 2-core machine; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 2 : 30;
    }

    @Override
    public String title() {
        return "Group averaging makes any linear map equivariant";
    }

    @Override
    public String description() {
        return "Averages random linear maps over every finite catalog group up to order 120, for each catalog "
                + "representation, and compares the equivariance error before and after.";
    }

    /** The finite groups of the run: every family member up to order 120 (the quick profile takes fewer cyclic and dihedral ones). */
    static List<FiniteGroup<?>> groups(boolean quick) {
        List<FiniteGroup<?>> gs = new ArrayList<>();
        gs.add(TrivialGroup.INSTANCE);
        int maxC = quick ? 12 : 120, maxD = quick ? 12 : 60;
        for (int n = 1; n <= maxC; n++) gs.add(DihedralGroup.cyclic(n));
        for (int n = 1; n <= maxD; n++) gs.add(DihedralGroup.dihedral(n));
        for (int n = 2; n <= 5; n++) gs.add(new SymmetricGroup(n));
        for (int n = 3; n <= 5; n++) gs.add(new AlternatingGroup(n));
        for (String p : List.of("C2xC2", "C2xC2xC2", "D4xC2", "S3xC3", "S4xC2", "A4xC3", "D6xS3"))
            gs.add((FiniteGroup<?>) GroupSpec.parse(p));
        gs.add(GeneratedGroup.of(
                "O (cube rotations in SO3)",
                O3.SO3,
                List.of(
                        Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2),
                        Orthogonal3.rotation(new double[] {1, 0, 0}, Math.PI / 2)),
                120));
        gs.removeIf(g -> g.order() > 120);
        return gs;
    }

    /** The largest relative error that counts as round-off for the catalogue's sizes (order <= 120, dim <= 120). */
    static final double ROUND_OFF = 1e-12;

    /** One measured case. */
    record Case(String group, int order, String representation, int dimension, double before, double after) {}

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        List<FiniteGroup<?>> gs = groups(ctx.quick());
        SplittableRandom random = ctx.random();
        List<Case> cases = new ArrayList<>();
        try (Progress.Task task = ctx.progress().task("groups", gs.size())) {
            for (FiniteGroup<?> g : gs) {
                task.message(g.name());
                measure(g, random, cases);
                task.step();
            }
        }
        return report(ctx, gs.size(), cases);
    }

    /**
     * The table, figure, claims and summary of the measured cases (over {@code groupCount} groups); separate from
     * the measurement so that a failing case can be fed to it.
     */
    ExperimentResult report(ExperimentContext ctx, int groupCount, List<Case> cases) {
        Table.Builder table = Table.builder(
                        "errors",
                        "Relative equivariance error of a random map rho -> rho, "
                                + "before and after averaging over the group")
                .columns("group", "order", "representation", "dim", "error before", "error after");
        double worstAfter = 0;
        List<Double> nontrivialBefore = new ArrayList<>();
        for (Case c : cases) {
            table.row(c.group(), c.order(), c.representation(), c.dimension(), c.before(), c.after());
            worstAfter = Math.max(worstAfter, c.after());
            // 1-dimensional representations (and scalar ones such as rho(r) = -I of C2) commute with every map
            if (c.order() > 1 && c.dimension() > 1) nontrivialBefore.add(c.before());
        }
        java.util.Collections.sort(nontrivialBefore);
        double medianBefore = nontrivialBefore.isEmpty() ? 0 : nontrivialBefore.get(nontrivialBefore.size() / 2);
        double[] x = new double[cases.size()], before = new double[cases.size()], after = new double[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            x[i] = cases.get(i).order();
            // a trivial group or a trivial representation has error exactly 0: drawn at the floor of the log axis
            before[i] = Math.max(cases.get(i).before(), 1e-17);
            after[i] = Math.max(cases.get(i).after(), 1e-17);
        }
        Figure figure = Figure.builder("error-vs-order", Figure.Kind.SCATTER)
                .caption("Equivariance error of random maps before and after group averaging")
                .xLabel("group order |G|")
                .yLabel("relative error max_g |rho(g)W - W rho(g)| / |W|")
                .logX()
                .logY()
                .series(Series.of("random W", x, before))
                .series(Series.of("averaged W", x, after))
                .build();
        // Claims: averaging is exact up to round-off, and the maps it starts from were far from equivariant (so the
        // first claim is not met by maps that were equivariant anyway).
        double[] afterErrors = cases.stream().mapToDouble(Case::after).toArray();
        Claim exact = Claim.about(
                        Paper.NOETHER,
                        "group averaging makes every random map equivariant, for every finite "
                                + "catalogue group and representation")
                .measured(
                        new Interval(
                                Stats.mean(afterErrors), Stats.min(afterErrors), worstAfter, 0.95, afterErrors.length),
                        "relative error (mean [min, max])")
                .atMost(ROUND_OFF);
        double[] beforeErrors =
                nontrivialBefore.stream().mapToDouble(Double::doubleValue).toArray();
        Claim.Builder neededClaim = Claim.about(
                Paper.NOETHER,
                "random maps between representations of dimension > 1 " + "are not equivariant before averaging");
        Claim needed = beforeErrors.length == 0
                ? neededClaim.notComparable("no representation of dimension > 1 in this run")
                : neededClaim
                        .measured(Stats.meanInterval(beforeErrors, ctx.seed("bootstrap")), "relative error")
                        .above(0.1);
        String verdict = exact.held()
                ? String.format(
                        java.util.Locale.ROOT,
                        "the worst error after averaging is %.2e, within round-off " + "(at most %.0e)",
                        worstAfter,
                        ROUND_OFF)
                : String.format(
                        java.util.Locale.ROOT,
                        "the worst error after averaging is %.2e, ABOVE the round-off " + "bound %.0e",
                        worstAfter,
                        ROUND_OFF);
        return ExperimentResult.builder(this)
                .summary(String.format(
                        java.util.Locale.ROOT,
                        "%d cases over %d groups: %s; before averaging, the "
                                + "median error over representations of dimension > 1 was %.2f.",
                        cases.size(),
                        groupCount,
                        verdict,
                        medianBefore))
                .claim(exact)
                .claim(needed)
                .table(table.build())
                .figure(figure)
                .metric("cases", cases.size())
                .metric("groups", groupCount)
                .metric("max_error_after", worstAfter)
                .metric("median_error_before", medianBefore)
                .build();
    }

    private static <G> void measure(FiniteGroup<G> g, SplittableRandom random, List<Case> out) {
        for (Representation<G> rep : Catalog.of(g)) {
            int d = rep.dimension();
            double[] w = new double[d * d];
            for (int i = 0; i < w.length; i++) w[i] = random.nextGaussian();
            double norm = Dense.norm(w);
            double before = GroupAveraging.equivarianceError(g, rep, rep, w, norm);
            double[] avg = GroupAveraging.average(g, rep, rep, w);
            double after = GroupAveraging.equivarianceError(g, rep, rep, avg, norm);
            out.add(new Case(g.name(), g.order(), rep.name(), d, before, after));
        }
    }
}
