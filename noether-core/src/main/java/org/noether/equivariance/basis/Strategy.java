package org.noether.equivariance.basis;

/**
 * How a block of the equivariance constraint is solved. {@link #AUTO} picks per block (see {@link BasisSolver}).
 *
 * <pre>{@code
 * var dense = BasisSolver.using(Strategy.DENSE).solve(v, v.times(v));
 * }</pre>
 */
public enum Strategy {
    /**
     * Choose per block: ORBIT when it applies, IRREP for orthogonal representations of SO(3), O(3), SO(2), O(2),
     * DENSE up to {@link BasisSolver#DENSE_LIMIT} unknowns, then REYNOLDS for small finite groups and ITERATIVE
     * otherwise.
     */
    AUTO,
    /** Exact orbit enumeration; only for signed-permutation representations with no Lie-algebra action. */
    ORBIT,
    /** Symmetric eigendecomposition of the accumulated Gram matrix C^T C. */
    DENSE,
    /** Matrix-free LOBPCG on W -> sum_c C_c^T C_c W; never forms C or C^T C. */
    ITERATIVE,
    /** Group averaging (Reynolds operator) over all elements; finite groups only. */
    REYNOLDS,
    /**
     * Schur's lemma on the decomposition into irreducibles ({@link org.noether.representation.IrrepDecomposition});
     * SO(3), O(3), SO(2) and O(2) with orthogonal representations only. No constraint system is solved.
     */
    IRREP
}
