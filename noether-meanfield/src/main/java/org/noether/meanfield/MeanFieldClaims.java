package org.noether.meanfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.noether.experiment.Claim;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Stats;

/**
 * The claims of "Symmetries in Overparametrized Neural Networks: A Mean Field View" that the study checks, each a
 * toolkit {@link Claim} whose verdict is computed from the measurements. Thresholds on a mean are applied to the
 * end of its 95 % bootstrap interval over seeds (with one seed the interval is the value itself); "smaller at the
 * largest N than at the smallest" is a paired difference over seeds; slopes are fitted to the means.
 */
final class MeanFieldClaims {
    private MeanFieldClaims() {}

    /** EA keeps parameters in E^G by projecting every update: only exact zeros and rounding of a projection. */
    static final double EA_TOLERANCE = 1e-12;

    /**
     * FA started SI stays in E^G in exact arithmetic; in ours, only rounding may move it. 1e-10 is the bound set
     * before any result was seen (it was loosened to 1e-6 after a run, and is restored here): a drift above it is
     * reported as a failure, not absorbed into the tolerance.
     */
    static final double FA_TOLERANCE = 1e-10;
    // The statement and rule below write both bounds out as text; keep them in step with these constants.

    /** DA and FA count as "near E^G" when the RMD to the projection is at most this at the largest N. */
    static final double NEAR = 0.05;

    /**
     * What the claims are decided on.
     *
     * @param sizes the N values, increasing
     * @param teachers teacher kinds
     * @param schemes training schemes
     * @param projection per-seed RMD to the projection onto E^G, keyed "teacher|scheme|n" (enum names)
     * @param pairNames "vanilla-DA", ... in the order of the schemes
     * @param pairs per-seed RMD between two schemes, keyed "teacher|pair|n"
     * @param discoverySettings settings the heuristic ran on
     * @param discoveries its results, one per setting
     */
    record Measurements(
            int[] sizes,
            List<Invariance> teachers,
            List<Scheme> schemes,
            Map<String, double[]> projection,
            List<String> pairNames,
            Map<String, double[]> pairs,
            List<MeanFieldSetting> discoverySettings,
            List<SubspaceDiscovery.Result> discoveries) {}

    /** The checked claims, keyed by a short id (also the metric name {@code claim.<id>}). */
    static Map<String, Claim> check(Measurements m, long seed) {
        Map<String, Claim> out = new LinkedHashMap<>();
        int[] sizes = m.sizes();
        int last = sizes.length - 1, nMin = sizes[0], nMax = sizes[last];
        List<Invariance> teachers = m.teachers();
        List<Scheme> schemes = m.schemes();
        if (schemes.contains(Scheme.DA) && schemes.contains(Scheme.FA)) {
            boolean holds = true;
            double worst = 0;
            Interval worstInterval = null;
            StringBuilder ev = new StringBuilder();
            for (Invariance t : teachers) {
                double[] da = means(m.projection(), t + "|" + Scheme.DA + "|", sizes);
                Interval daEnd = Stats.meanInterval(m.projection().get(t + "|" + Scheme.DA + "|" + nMax), seed);
                Interval faEnd = Stats.meanInterval(m.projection().get(t + "|" + Scheme.FA + "|" + nMax), seed);
                holds &= daEnd.upper() <= NEAR && faEnd.upper() <= NEAR && slope(sizes, da) <= 0;
                for (Interval i : List.of(daEnd, faEnd))
                    if (worstInterval == null || i.upper() > worst) {
                        worst = i.upper();
                        worstInterval = i;
                    }
                ev.append(String.format(
                        Locale.ROOT,
                        "%s: DA %.3g -> %s (slope %.2f), FA %s; ",
                        t.label(),
                        da[0],
                        fmt(daEnd),
                        slope(sizes, da),
                        fmt(faEnd)));
            }
            out.put(
                    "DA-FA-near-EG",
                    Claim.about(
                                    Paper.MEAN_FIELD,
                                    "DA and FA stay near E^G as N grows (RMD to " + "the projection <= " + NEAR
                                            + " at the largest N, not increasing with N)")
                            .paperFigure("Figure 2")
                            .measured(worstInterval, "largest RMD at N=" + nMax)
                            .judged(
                                    holds,
                                    "held iff for every teacher the interval of DA's and of FA's RMD at N=" + nMax
                                            + " lies at or below " + NEAR + " and DA's log-log slope is <= 0; "
                                            + trim(ev)));
        }
        if (teachers.contains(Invariance.ARBITRARY)
                && schemes.contains(Scheme.VANILLA)
                && schemes.contains(Scheme.DA)) {
            String vk = Invariance.ARBITRARY + "|" + Scheme.VANILLA + "|",
                    dk = Invariance.ARBITRARY + "|" + Scheme.DA + "|";
            double lowest = Double.POSITIVE_INFINITY;
            for (int n : sizes)
                lowest = Math.min(
                        lowest,
                        Stats.meanInterval(m.projection().get(vk + n), seed).lower());
            double[] v = m.projection().get(vk + nMax), da = m.projection().get(dk + nMax);
            double[] fiveDa = Arrays.stream(da).map(x -> 5 * x).toArray();
            Interval margin = Stats.pairedDifference(v, fiveDa, seed);
            out.put(
                    "vanilla-leaves-arbitrary",
                    Claim.about(
                                    Paper.MEAN_FIELD,
                                    "Under an arbitrary teacher vanilla "
                                            + "training leaves E^G (RMD >= 0.1 at every N and >= 5x DA's at the largest N)")
                            .paperFigure("Figure 2")
                            .measured(Stats.meanInterval(v, seed), "vanilla RMD at N=" + nMax)
                            .judged(
                                    lowest >= 0.1 && margin.lower() >= 0,
                                    String.format(
                                            Locale.ROOT,
                                            "held iff the lowest "
                                                    + "interval end of vanilla's RMD over N is >= 0.1 (it is %.3g) and vanilla - 5 DA at "
                                                    + "N=%d lies at or above 0 (it is %s); vanilla RMD %s",
                                            lowest,
                                            nMax,
                                            fmt(margin),
                                            fmt(means(m.projection(), vk, sizes)))));
        }
        if (schemes.contains(Scheme.VANILLA)) {
            boolean holds = true;
            StringBuilder ev = new StringBuilder();
            int checked = 0;
            for (Invariance t : teachers) {
                if (t == Invariance.ARBITRARY) continue;
                String k = t + "|" + Scheme.VANILLA + "|";
                double[] v = means(m.projection(), k, sizes);
                Interval drop = Stats.pairedDifference(
                        m.projection().get(k + nMax), m.projection().get(k + nMin), seed);
                holds &= slope(sizes, v) < 0 && drop.below(0);
                checked++;
                ev.append(String.format(
                        Locale.ROOT,
                        "%s: %s (slope %.2f, N=%d minus N=%d %s); ",
                        t.label(),
                        fmt(v),
                        slope(sizes, v),
                        nMax,
                        nMin,
                        fmt(drop)));
            }
            if (checked > 0)
                out.put(
                        "vanilla-drift-shrinks",
                        Claim.about(
                                        Paper.MEAN_FIELD,
                                        "With WI/SI teachers vanilla's "
                                                + "drift away from E^G shrinks with N (negative log-log slope, N="
                                                + nMax + " below N=" + nMin
                                                + ")")
                                .paperFigure("Figure 2")
                                .ours(trim(ev))
                                .judged(
                                        holds,
                                        "held iff for every WI/SI teacher the log-log slope of the mean is < 0 and "
                                                + "the paired difference N=" + nMax + " minus N=" + nMin
                                                + " lies below 0"));
        }
        List<String> wanted = new ArrayList<>();
        for (String p : m.pairNames()) if (!p.contains("EA")) wanted.add(p);
        if (!wanted.isEmpty()) {
            boolean holds = true;
            StringBuilder ev = new StringBuilder();
            for (Invariance t : teachers) {
                if (t == Invariance.ARBITRARY) continue;
                for (String p : wanted) {
                    String k = t + "|" + p + "|";
                    double[] y = means(m.pairs(), k, sizes);
                    Interval drop = Stats.pairedDifference(
                            m.pairs().get(k + nMax), m.pairs().get(k + nMin), seed);
                    holds &= slope(sizes, y) < 0 && drop.below(0);
                    ev.append(String.format(
                            Locale.ROOT,
                            "%s %s: %.3g -> %.3g (slope %.2f); ",
                            t.label(),
                            p,
                            y[0],
                            y[last],
                            slope(sizes, y)));
                }
            }
            out.put(
                    "schemes-converge",
                    Claim.about(
                                    Paper.MEAN_FIELD,
                                    "With WI/SI teachers DA, FA and vanilla "
                                            + "approach one another as N grows (pairwise RMD: negative slope, smaller at N="
                                            + nMax + ")")
                            .paperFigure("Figure 2")
                            .ours(trim(ev))
                            .judged(
                                    holds,
                                    "held iff for every WI/SI teacher and pair the log-log slope of the mean RMD is "
                                            + "< 0 and the paired difference N=" + nMax + " minus N=" + nMin
                                            + " lies below 0"));
            if (teachers.contains(Invariance.ARBITRARY)
                    && m.pairNames().contains("DA-FA")
                    && m.pairNames().contains("vanilla-DA")) {
                String a = Invariance.ARBITRARY + "|";
                double[] y = means(m.pairs(), a + "DA-FA|", sizes), v = means(m.pairs(), a + "vanilla-DA|", sizes);
                Interval gap = Stats.pairedDifference(
                        m.pairs().get(a + "DA-FA|" + nMax), m.pairs().get(a + "vanilla-DA|" + nMax), seed);
                out.put(
                        "DA-FA-arbitrary",
                        Claim.about(
                                        Paper.MEAN_FIELD,
                                        "Under the arbitrary teacher DA and FA "
                                                + "still approach each other while vanilla stays apart (our additional check)")
                                .ours(String.format(
                                        Locale.ROOT,
                                        "DA-FA %s (slope %.2f); vanilla-DA %s",
                                        fmt(y),
                                        slope(sizes, y),
                                        fmt(v)))
                                .judged(
                                        slope(sizes, y) < 0 && gap.below(0),
                                        "held iff DA-FA's log-log slope is < 0 and " + "DA-FA minus vanilla-DA at N="
                                                + nMax + " lies below 0; it is " + fmt(gap)));
            }
        }
        if (schemes.contains(Scheme.EA) && schemes.contains(Scheme.FA)) {
            double worstEa = 0, worstFa = 0;
            String where = "";
            for (Invariance t : teachers)
                for (int n : sizes) {
                    worstEa = Math.max(worstEa, Stats.max(m.projection().get(t + "|" + Scheme.EA + "|" + n)));
                    double fa = Stats.max(m.projection().get(t + "|" + Scheme.FA + "|" + n));
                    if (fa > worstFa) {
                        worstFa = fa;
                        where = " (" + t.label() + " teacher, N=" + n + ")";
                    }
                }
            out.put(
                    "EA-FA-exact",
                    Claim.about(
                                    Paper.MEAN_FIELD,
                                    "EA and FA started SI never leave E^G (largest RMD "
                                            + "to the projection over every run: EA < 1e-12, FA < 1e-10, i.e. "
                                            + "rounding only; FA sums a sample and its mirror in different orders, so rounding is not exactly "
                                            + "symmetric, and at small N the unstable dynamics can amplify it past this bound)")
                            .ours(String.format(
                                    Locale.ROOT, "largest RMD: EA %.2g, FA %.2g%s", worstEa, worstFa, where))
                            .judged(
                                    worstEa < EA_TOLERANCE && worstFa < FA_TOLERANCE,
                                    "held iff the largest RMD of every EA "
                                            + "run is < 1e-12 and of every FA run is < 1e-10"));
        }
        for (int d = 0; d < m.discoveries().size(); d++) {
            SubspaceDiscovery.Result r = m.discoveries().get(d);
            MeanFieldSetting ds = m.discoverySettings().get(d);
            int target = ds.symmetry().fixedSubspace().dimension();
            boolean holds = r.converged() && r.found().dimension() == target && r.distanceToFixed() < 0.1;
            out.put(
                    "discovery-" + ds.symmetry().name(),
                    Claim.about(
                                    Paper.MEAN_FIELD,
                                    "The heuristic recovers E^G "
                                            + "(dimension " + target + ") from a "
                                            + ds.start().dimension() + "-dimensional start on "
                                            + ds.name())
                            .ours(String.format(
                                    Locale.ROOT,
                                    "found dimension %d after %d round(s), distance to " + "E^G %.3g",
                                    r.found().dimension(),
                                    r.iterations().size(),
                                    r.distanceToFixed()))
                            .judged(
                                    holds,
                                    "held iff the heuristic converged to dimension " + target
                                            + " at distance < 0.1 from E^G (one run)"));
        }
        return out;
    }

    private static double[] means(Map<String, double[]> values, String prefix, int[] sizes) {
        double[] y = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) y[i] = Stats.mean(values.get(prefix + sizes[i]));
        return y;
    }

    /** Least-squares slope of log y against log N. */
    static double slope(int[] sizes, double[] y) {
        int k = sizes.length;
        if (k < 2) return 0;
        double mx = 0, my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(sizes[i]) / k;
            my += Math.log(Math.max(y[i], 1e-300)) / k;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(sizes[i]) - mx;
            sxy += dx * (Math.log(Math.max(y[i], 1e-300)) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** An interval in significant digits (its own format uses fixed decimals, which hides values near 1e-15). */
    private static String fmt(Interval i) {
        return String.format(Locale.ROOT, "%.3g [%.3g, %.3g]", i.estimate(), i.lower(), i.upper());
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++)
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3g", v[i]));
        return sb.append(']').toString();
    }

    private static String trim(StringBuilder sb) {
        String s = sb.toString().trim();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
