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
     * Choose per block: ORBIT when it applies, DENSE up to {@link BasisSolver#DENSE_LIMIT} unknowns, then REYNOLDS
     * for small finite groups and ITERATIVE otherwise.
     */
    AUTO,
    /** Exact orbit enumeration; only for signed-permutation representations with no Lie-algebra action. */
    ORBIT,
    /** Symmetric eigendecomposition of the accumulated Gram matrix C^T C. */
    DENSE,
    /** Matrix-free LOBPCG on W -> sum_c C_c^T C_c W; never forms C or C^T C. */
    ITERATIVE,
    /** Group averaging (Reynolds operator) over all elements; finite groups only. */
    REYNOLDS
}
