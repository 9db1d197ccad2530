package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Claim;
import org.noether.experiment.Verdict;

/**
 * Each claim checker fed a made-up sweep on which every claim holds, and then the same sweep with one measurement
 * broken: exactly the claim that rests on it must fail. This is what shows that a claim can come out either way.
 */
class MeanFieldClaimsTest {
    static final int[] SIZES = {5, 50, 500};
    static final int SEEDS = 3;
    static final List<String> PAIRS = List.of("vanilla-DA", "vanilla-FA", "vanilla-EA", "DA-FA", "DA-EA", "FA-EA");

    /** Mutable per-seed measurements; {@link #set} overwrites a cell with one value for every seed. */
    static final class Sweep {
        final Map<String, double[]> projection = new HashMap<>();
        final Map<String, double[]> pairs = new HashMap<>();
        final List<MeanFieldSetting> settings = List.of(Settings.PAPER);
        final List<SubspaceDiscovery.Result> discoveries = new ArrayList<>();

        Sweep() {
            for (Invariance t : Invariance.values())
                for (int n : SIZES) {
                    double shrink = 5.0 / n;
                    fill(projection, t + "|VANILLA|" + n, t == Invariance.ARBITRARY ? 0.3 : 0.2 * shrink);
                    fill(projection, t + "|DA|" + n, 0.2 * Math.sqrt(shrink));
                    fill(projection, t + "|FA|" + n, 1e-15);
                    fill(projection, t + "|EA|" + n, 0);
                    for (String p : PAIRS) {
                        boolean apart = t == Invariance.ARBITRARY && p.startsWith("vanilla");
                        fill(pairs, t + "|" + p + "|" + n, apart ? 0.35 : 0.3 * Math.sqrt(shrink));
                    }
                }
            Subspace fixed = Settings.PAPER.symmetry().fixedSubspace();
            discoveries.add(new SubspaceDiscovery.Result(
                    fixed,
                    List.of(new SubspaceDiscovery.Iteration(2, 0.01, new double[] {1e-4, 0, 0, 0}, 0, 0, 0)),
                    true,
                    0));
        }

        /** Values differing slightly by seed, so that intervals have width. */
        static void fill(Map<String, double[]> m, String key, double v) {
            double[] x = new double[SEEDS];
            for (int s = 0; s < SEEDS; s++) x[s] = v * (1 + 0.01 * s);
            m.put(key, x);
        }

        void set(Map<String, double[]> m, String key, double v) {
            if (!m.containsKey(key)) throw new IllegalArgumentException("no cell " + key);
            java.util.Arrays.fill(m.get(key), v);
        }

        Map<String, Claim> check() {
            return MeanFieldClaims.check(
                    new MeanFieldClaims.Measurements(
                            SIZES,
                            List.of(Invariance.values()),
                            List.of(Scheme.values()),
                            projection,
                            PAIRS,
                            pairs,
                            settings,
                            discoveries),
                    11);
        }
    }

    /** The claims of a sweep broken by {@code breaker}: {@code failing} fails, every other claim holds. */
    static void onlyThisFails(String failing, Consumer<Sweep> breaker) {
        Sweep s = new Sweep();
        breaker.accept(s);
        Map<String, Claim> claims = s.check();
        assertEquals(7, claims.size(), claims.keySet().toString());
        for (Map.Entry<String, Claim> e : claims.entrySet())
            assertEquals(
                    e.getKey().equals(failing) ? Verdict.FAILED : Verdict.HELD,
                    e.getValue().verdict(),
                    e.getKey() + ": " + e.getValue().detail());
    }

    @Test
    void everyClaimHoldsOnAGoodSweep() {
        onlyThisFails("none", s -> {});
    }

    @Test
    void faFarFromTheFixedSpaceAtTheLargestNFailsNearness() {
        onlyThisFails("DA-FA-near-EG", s -> s.set(s.projection, "STRONGLY_INVARIANT|DA|500", 0.2));
    }

    @Test
    void vanillaStayingCloseUnderTheArbitraryTeacherFails() {
        onlyThisFails("vanilla-leaves-arbitrary", s -> s.set(s.projection, "ARBITRARY|VANILLA|50", 0.05));
    }

    @Test
    void vanillaDriftGrowingWithNFails() {
        onlyThisFails("vanilla-drift-shrinks", s -> s.set(s.projection, "WEAKLY_INVARIANT|VANILLA|500", 0.9));
    }

    @Test
    void schemesMovingApartFails() {
        onlyThisFails("schemes-converge", s -> s.set(s.pairs, "STRONGLY_INVARIANT|vanilla-FA|500", 0.5));
    }

    @Test
    void daAndFaApartUnderTheArbitraryTeacherFails() {
        onlyThisFails("DA-FA-arbitrary", s -> {
            for (int n : SIZES) s.set(s.pairs, "ARBITRARY|DA-FA|" + n, 0.5);
        });
    }

    @Test
    void faDriftAboveTheRoundingBoundFails() {
        // 3.7e-9: what FA at N = 5 under the arbitrary teacher measured on the quick profile with seed 0
        onlyThisFails("EA-FA-exact", s -> s.set(s.projection, "ARBITRARY|FA|5", 3.7e-9));
        onlyThisFails("none", s -> s.set(s.projection, "ARBITRARY|FA|5", 0.5 * MeanFieldClaims.FA_TOLERANCE));
    }

    @Test
    void eaLeavingTheFixedSpaceFails() {
        onlyThisFails("EA-FA-exact", s -> s.projection.get("WEAKLY_INVARIANT|EA|50")[1] = 1e-9);
    }

    @Test
    void discoveryOfTheWrongDimensionFails() {
        onlyThisFails(
                "discovery-C2",
                s -> s.discoveries.set(
                        0,
                        new SubspaceDiscovery.Result(
                                Subspace.span(4, new double[] {1, 0, 0, 1}),
                                s.discoveries.get(0).iterations(),
                                true,
                                1)));
    }

    @Test
    void slopeIsTheLogLogSlope() {
        assertEquals(-1, MeanFieldClaims.slope(SIZES, new double[] {1, 0.1, 0.01}), 1e-12);
    }
}
