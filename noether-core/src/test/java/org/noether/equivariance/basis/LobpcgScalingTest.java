package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOBPCG's tolerances are relative to the bound on |M|, and its stall rule accepts a round whose residual stops
 * falling below 1e-9 (relative) but refuses one that stops above it. Operators are diagonal with a known nullspace
 * (coordinates 0..nulls-1), the rest of the spectrum from 1e-2 to 1 (geometric), all times a scale c with the bound
 * c; some get a small non-symmetric perturbation, which puts a floor under the attainable residual.
 */
class LobpcgScalingTest {
    static final int SIZE = 60;

    static double[] spectrum(int nulls) {
        double[] diag = new double[SIZE];
        for (int i = nulls; i < SIZE; i++) diag[i] = 1e-2 * Math.pow(1e2, (i - nulls) / (double) (SIZE - nulls - 1));
        return diag;
    }

    /** M = c (D + eps E), E the cyclic shift x_i -> x_{i+1} (norm 1, not symmetric). */
    static Lobpcg.Operator operator(double[] diag, double c, double eps) {
        return (x, y) -> {
            for (int i = 0; i < SIZE; i++) y[i] = c * (diag[i] * x[i] + eps * x[(i + 1) % SIZE]);
        };
    }

    /** Largest weight of a found vector outside the true nullspace. */
    static double outside(List<double[]> found, int nulls) {
        double worst = 0;
        for (double[] v : found) for (int i = nulls; i < SIZE; i++) worst = Math.max(worst, Math.abs(v[i]));
        return worst;
    }

    /**
     * Scaling M and its bound together by c = 1e-4, 1 or 1e4 changes nothing: 3 null vectors, each with weight
     * below 1e-10 outside the nullspace (the residual tolerance is 1e-13 relative and the gap 1e-2, so about 1e-11
     * is attained), orthonormal to 1e-12. Were the thresholds absolute, at c = 1e-4 all of the spectrum (at most
     * 1e-4) would pass as null, and the residual tolerance would allow errors of 1e-9 / 1e-6.
     */
    @Test
    void tolerancesAreRelativeToTheBound() {
        int nulls = 3;
        for (double c : new double[] {1e-4, 1, 1e4}) {
            List<double[]> found = Lobpcg.nullspace(operator(spectrum(nulls), c, 0), SIZE, c, 3, 2);
            assertEquals(nulls, found.size(), "scale " + c);
            assertTrue(outside(found, nulls) < 1e-10, "scale " + c + ": weight " + outside(found, nulls));
            for (int i = 0; i < found.size(); i++)
                for (int j = 0; j < found.size(); j++)
                    assertEquals(i == j ? 1 : 0, Orthonormal.dot(found.get(i), found.get(j)), 1e-12);
        }
    }

    /**
     * An eigenvalue 1e-10 of the bound is null (the null threshold is 1e-8 relative), 1e-7 is not: with the bound at
     * 1e4 those are 1e-6 and 1e-3 in absolute terms.
     */
    @Test
    void theNullThresholdIsRelative() {
        double[] diag = spectrum(2);
        diag[1] = 1e-10;
        List<double[]> found = Lobpcg.nullspace(operator(diag, 1e4, 0), SIZE, 1e4, 5, 1);
        assertEquals(2, found.size());
        diag[1] = 1e-7;
        assertEquals(
                1, Lobpcg.nullspace(operator(diag, 1e4, 0), SIZE, 1e4, 5, 1).size());
    }

    /**
     * A perturbation of 1e-11 (relative) keeps the residual of the null vectors near 1e-11, above the 1e-13 that
     * counts as converged but below the stall tolerance 1e-9: the round stalls and is accepted, with the null
     * vectors right to about 1e-11 / 1e-2 (checked at 1e-7). Scaled by 1e4, same result.
     */
    @Test
    void aRoundThatStallsBelowTheStallToleranceIsAccepted() {
        int nulls = 2;
        for (double c : new double[] {1, 1e4}) {
            List<double[]> found = Lobpcg.nullspace(operator(spectrum(nulls), c, 1e-11), SIZE, c, 13, 2);
            assertEquals(nulls, found.size(), "scale " + c);
            assertTrue(outside(found, nulls) < 1e-7, "scale " + c + ": weight " + outside(found, nulls));
        }
    }

    /** A perturbation of 1e-6 (operator and bound scaled by 1e4) stalls above 1e-9: refused after the iteration limit,
     * naming the size and the residual relative to the bound. */
    @Test
    void aRoundThatStallsAboveTheStallToleranceIsRefused() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Lobpcg.nullspace(operator(spectrum(2), 1e4, 1e-6), SIZE, 1e4, 17, 2));
        String m = e.getMessage();
        assertTrue(m.contains("did not converge in 4000 iterations on 60 unknowns"), m);
        // the residual is stated relative to the bound: about the perturbation, 1e-6
        double relative = Double.parseDouble(m.substring(m.indexOf("(residual ") + 10, m.indexOf(" relative")));
        assertTrue(relative > 1e-9 && relative < 1e-3, m);
    }

    /**
     * A 7-dimensional nullspace found from a block of 1 (rounds of 1, 2 and 4 vectors, the last one partly null),
     * with the nonzero spectrum starting in a 10-fold cluster at 1e-2 (degenerate eigenvalues just above the gap):
     * all 7 null vectors, weight outside the nullspace below 1e-10, orthonormal to 1e-12.
     */
    @Test
    void aDegenerateNullspaceBehindAClusteredSpectrumIsFoundByDoublingTheBlock() {
        int nulls = 7;
        double[] diag = spectrum(nulls);
        for (int i = nulls; i < nulls + 10; i++) diag[i] = 1e-2;
        List<double[]> found = Lobpcg.nullspace(operator(diag, 1, 0), SIZE, 1, 19, 1);
        assertEquals(nulls, found.size());
        assertTrue(outside(found, nulls) < 1e-10, "weight " + outside(found, nulls));
        for (int i = 0; i < nulls; i++)
            for (int j = 0; j < nulls; j++)
                assertEquals(i == j ? 1 : 0, Orthonormal.dot(found.get(i), found.get(j)), 1e-12);
    }

    /** The zero operator: everything is null (an orthonormal basis of all 60 dimensions); a definite one: nothing. */
    @Test
    void theZeroOperatorHasEverythingNullAndADefiniteOneNothing() {
        List<double[]> all = Lobpcg.nullspace((x, y) -> java.util.Arrays.fill(y, 0), SIZE, 0, 23, 8);
        assertEquals(SIZE, all.size());
        for (int i = 0; i < SIZE; i++) assertEquals(1, Orthonormal.dot(all.get(i), all.get(i)), 1e-12);
        assertEquals(List.of(), Lobpcg.nullspace(operator(spectrum(0), 1, 0), SIZE, 1, 29, 4));
    }
}
