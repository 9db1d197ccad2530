package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubspaceDiscoveryTest {

    @Test
    void recoversTheTwoDimensionalFixedSubspaceFromTheIdentityLine() {
        MeanFieldSetting s = Settings.PAPER;
        SubspaceDiscovery.Options o = SubspaceDiscovery.Options.defaults()
                .withParticles(200)
                .withConfig(TrainingConfig.paper().withHorizon(10));
        SubspaceDiscovery.Result r = SubspaceDiscovery.run(s, s.start(), o);
        assertEquals(1, s.start().dimension());
        assertTrue(r.converged());
        assertEquals(2, r.found().dimension());
        assertTrue(r.distanceToFixed() < 0.05, "distance to E^G " + r.distanceToFixed());
        assertTrue(r.iterations().get(0).escape() > 0.3, "the particles leave the line");
        assertTrue(r.iterations().get(r.iterations().size() - 1).escape() < o.stayThreshold());
    }

    @Test
    void arbitraryTeachersAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SubspaceDiscovery.Options(10, TrainingConfig.paper(), Invariance.ARBITRARY, 0.03, 0.1, 3, 1));
    }
}
