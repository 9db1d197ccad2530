package org.noether.equivariance.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noether.group.Group;
import org.noether.group.TestGroups;
import org.noether.linalg.Dense;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;

/**
 * Every small pair of catalog representations of every test group: the solver's dimension equals the nullity of
 * the full constraint matrix from an independent SVD, and the basis passes the random-element check.
 */
class CatalogAgreementTest {

    /**
     * The shared solver caches solved blocks across tests: start from an empty cache, so that results do not depend
     * on test order and a mutation-testing run exercises the solver rather than a cached block.
     */
    @BeforeEach
    void emptySolverCache() {
        BasisSolver.standard().clearCache();
    }

    @Test
    void solverMatchesSvdOfTheFullConstraintMatrix() {
        int pairs = 0;
        for (Group<?> g : TestGroups.all()) pairs += checkGroup(g);
        assertTrue(pairs > 300, "too few pairs checked: " + pairs);
    }

    private static <G> int checkGroup(Group<G> g) {
        List<Representation<G>> reps = new ArrayList<>(Catalog.of(g));
        if (reps.size() > 1) reps.add(reps.get(1).plus(reps.get(0)));
        int count = 0;
        for (Representation<G> in : reps)
            for (Representation<G> out : reps) {
                if ((long) in.dimension() * out.dimension() > 144) continue;
                EquivariantBasis<G> b = BasisSolver.standard().solve(in, out);
                String what = in.name() + " -> " + out.name() + " of " + g.name() + " via "
                        + b.stats().methodSummary();
                assertEquals(svdNullity(in, out), b.dimension(), what);
                assertTrue(BasisChecks.equivarianceError(b, 3, 11) < 1e-9, what);
                assertTrue(BasisChecks.orthonormalityError(b) < 1e-9, what);
                count++;
            }
        return count;
    }

    /** Nullity of [rho_out(h) (x) I - I (x) rho_in(h)^T; d rho_out(X) (x) I - I (x) d rho_in(X)^T]. */
    static <G> int svdNullity(Representation<G> in, Representation<G> out) {
        Group<G> g = in.group();
        int m = out.dimension(), n = in.dimension(), size = m * n;
        List<double[]> blocks = new ArrayList<>();
        for (G h : g.discreteGenerators())
            blocks.add(Dense.subtract(
                    Dense.kron(out.matrix(h), m, Dense.identity(n), n),
                    Dense.kron(Dense.identity(m), m, Dense.transpose(in.matrix(h), n), n)));
        for (int k = 0; k < g.lieAlgebraDimension(); k++)
            blocks.add(Dense.subtract(
                    Dense.kron(out.lieAlgebra(k), m, Dense.identity(n), n),
                    Dense.kron(Dense.identity(m), m, Dense.transpose(in.lieAlgebra(k), n), n)));
        if (blocks.isEmpty()) return size;
        DMatrixRMaj c = new DMatrixRMaj(blocks.size() * size, size);
        for (int i = 0; i < blocks.size(); i++)
            System.arraycopy(blocks.get(i), 0, c.data, i * size * size, size * size);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(c.numRows, size, false, true, false);
        if (!svd.decompose(c)) throw new ArithmeticException("SVD failed");
        // absolute threshold: generator matrices are O(1), and for C2 on the plane C is O(1e-16) everywhere
        double max = 1;
        for (double s : svd.getSingularValues()) max = Math.max(max, s);
        return SingularOps_DDRM.nullSpace(svd, null, 1e-7 * max).numCols;
    }
}
