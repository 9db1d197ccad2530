package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.action.Action;
import org.noether.action.VectorAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.representation.Altered;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * The law checkers look at exactly what they are asked to: the identity always (homomorphism and action axioms), then
 * the given number of sampled pairs or elements, and nothing more. A representation of C4 that is right at the
 * identity and doubled everywhere else breaks every law away from the identity.
 */
class LawCheckSamplesTest {

    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);

    /** rho(e) = I, rho(g) = 2 R(g) otherwise: neither a homomorphism nor orthogonal. */
    private static final Representation<DihedralElement> BROKEN =
            Altered.matrices(Representations.defining(C4), "2R", (g, m) -> {
                if (!g.equals(C4.identity())) for (int i = 0; i < m.length; i++) m[i] *= 2;
                return m;
            });

    @Test
    void homomorphismErrorChecksTheIdentityAndExactlyTheGivenPairs() {
        assertEquals(0.0, Equivariance.homomorphismError(BROKEN, 0, seedWithNonIdentityPair()), 0.0);
        double e = Equivariance.homomorphismError(BROKEN, 1, seedWithNonIdentityPair());
        assertTrue(e > 0.5, "one sampled pair away from the identity: " + e);
        assertTrue(Equivariance.homomorphismError(BROKEN, 20, new SplittableRandom(1)) > 0.5);
        assertTrue(Equivariance.homomorphismError(Representations.defining(C4), 20, new SplittableRandom(1)) < 1e-12);
    }

    @Test
    void orthogonalityErrorChecksExactlyTheGivenSamples() {
        assertEquals(0.0, Equivariance.orthogonalityError(BROKEN, 0, seedWithNonIdentityElement()), 0.0);
        // 2R: (2R)^T (2R) - I = 3 I
        assertEquals(3.0, Equivariance.orthogonalityError(BROKEN, 1, seedWithNonIdentityElement()), 1e-12);
        assertTrue(Equivariance.orthogonalityError(Representations.defining(C4), 20, new SplittableRandom(1)) < 1e-12);
    }

    @Test
    void actionAxiomErrorChecksTheIdentityAndExactlyTheGivenPairs() {
        Action<DihedralElement, double[]> action = new VectorAction<>(BROKEN);
        List<double[]> xs = List.of(new double[] {1, 2});
        assertEquals(0.0, Equivariance.actionAxiomError(action, xs, 0, seedWithNonIdentityPair()), 0.0);
        double e = Equivariance.actionAxiomError(action, xs, 1, seedWithNonIdentityPair());
        assertTrue(e > 0.5, "one sampled pair away from the identity: " + e);
        // relative to |x|: the same for x scaled by 1000
        double scaled =
                Equivariance.actionAxiomError(action, List.of(new double[] {1000, 2000}), 1, seedWithNonIdentityPair());
        assertEquals(e, scaled, 1e-12);
        var exact = new VectorAction<>(Representations.defining(C4));
        assertTrue(Equivariance.actionAxiomError(exact, xs, 20, new SplittableRandom(1)) < 1e-12);
    }

    /** A generator whose first two samples of C4 are both away from the identity. */
    private static SplittableRandom seedWithNonIdentityPair() {
        for (long seed = 0; ; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            if (!C4.sample(r).equals(C4.identity()) && !C4.sample(r).equals(C4.identity()))
                return new SplittableRandom(seed);
        }
    }

    private static SplittableRandom seedWithNonIdentityElement() {
        for (long seed = 0; ; seed++) {
            if (!C4.sample(new SplittableRandom(seed)).equals(C4.identity())) return new SplittableRandom(seed);
        }
    }
}
