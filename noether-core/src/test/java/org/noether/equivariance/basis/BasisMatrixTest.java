package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;

/**
 * {@link EquivariantBasis#matrix()} holds vec(B_k) in column k: checked against the elements one by one, against
 * Q^T Q = I, and against the projector Q Q^T that {@link EquivariantBasis#project} applies.
 */
class BasisMatrixTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void columnsAreTheVectorisedElements() {
        check(GroupSpec.parse("S3"), "P+1", "P");
        check(GroupSpec.parse("D4"), "V*V", "V+sign");
        check(GroupSpec.parse("SO3"), "V*V", "V+1");
    }

    private static <G> void check(Group<G> g, String in, String out) {
        String group = g.name();
        Representation<G> ri = RepresentationSpec.parse(g, in), ro = RepresentationSpec.parse(g, out);
        EquivariantBasis<G> b = EquivariantBasis.solve(ri, ro);
        int k = b.dimension(), n = b.rows() * b.columns();
        assertTrue(k > 0, group + ": empty basis");
        double[] q = b.matrix();
        assertEquals(n * k, q.length);
        for (int e = 0; e < k; e++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = q[i * k + e];
            assertArrayEquals(b.element(e), col, 0, group + " column " + e);
        }
        assertArrayEquals(Dense.identity(k), Dense.multiply(Dense.transpose(q, n, k), q, k, n, k), 1e-12);
        double[] w = new double[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) w[i] = r.nextGaussian();
        double[] viaQ = Dense.apply(Dense.multiply(q, Dense.transpose(q, n, k), n, k, n), w, n, n);
        assertArrayEquals(b.project(w), viaQ, 1e-12);
    }
}
