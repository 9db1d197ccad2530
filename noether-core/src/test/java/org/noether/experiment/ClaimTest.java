package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClaimTest {

    @Test
    void positiveHoldsOnlyWhenTheWholeIntervalIsAboveZero() {
        Claim held = Claim.about(Paper.QUOTIENT_DIFFUSION, "quotient beats conventional")
                .measured(new Interval(0.02, 0.01, 0.03, 0.95, 3), "points")
                .positive();
        Claim straddles = Claim.about(Paper.QUOTIENT_DIFFUSION, "quotient beats conventional")
                .measured(new Interval(0.02, -0.01, 0.05, 0.95, 3), "points")
                .positive();
        Claim opposite = Claim.about(Paper.QUOTIENT_DIFFUSION, "quotient beats conventional")
                .measured(new Interval(-0.02, -0.03, -0.01, 0.95, 3), "points")
                .positive();
        assertEquals(Verdict.HELD, held.verdict());
        assertEquals(Verdict.FAILED, straddles.verdict());
        assertEquals(Verdict.FAILED, opposite.verdict());
        assertTrue(held.ours().startsWith("0.020 [0.010, 0.030] points"), held.ours());
        assertTrue(straddles.detail().contains("above 0"), straddles.detail());
    }

    @Test
    void belowAndAtMostCanFail() {
        Interval err = new Interval(1e-9, 1e-10, 2e-6, 0.95, 5);
        assertEquals(
                Verdict.FAILED,
                Claim.about(Paper.NOETHER, "exact")
                        .measured(err, "")
                        .atMost(1e-6)
                        .verdict());
        assertEquals(
                Verdict.HELD,
                Claim.about(Paper.NOETHER, "exact")
                        .measured(err, "")
                        .atMost(1e-5)
                        .verdict());
        assertEquals(
                Verdict.FAILED,
                Claim.about(Paper.NOETHER, "small")
                        .measured(err, "")
                        .below(1e-6)
                        .verdict());
    }

    @Test
    void judgingNeedsAMeasurement() {
        assertThrows(IllegalStateException.class, () -> Claim.about(Paper.MEAN_FIELD, "x")
                .positive());
        assertEquals(
                Verdict.NOT_COMPARABLE,
                Claim.about(Paper.LATENT_ACTIONS, "LPIPS")
                        .notComparable("no pretrained weights")
                        .verdict());
    }

    @Test
    void resultsCarryTheirClaims() {
        Claim c = Claim.about(Paper.EQUIZERO, "equizero beats equitune").judged(true, "by 3 points");
        ExperimentResult r = ExperimentResult.builder("x.y", "t").claim(c).build();
        assertEquals(1, r.claims().size());
        assertTrue(r.claims().get(0).held());
    }
}
