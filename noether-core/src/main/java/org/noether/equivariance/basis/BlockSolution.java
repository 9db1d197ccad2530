package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;

/**
 * The solved space of one (input summand, output summand) pair, in local m x n coordinates: an orthonormal basis
 * and, computed on first use, its readable form. Immutable once built; shared through the solver's cache.
 */
final class BlockSolution {
    final int m;
    final int n;
    final Strategy strategy;
    final List<SparseVector> orthonormal;
    /** Why AUTO did not use the path it chose first (its IRREP decomposition failed), or null. */
    final String fallback;

    private List<SparseVector> readable;

    private BlockSolution(
            int m,
            int n,
            Strategy strategy,
            List<SparseVector> orthonormal,
            List<SparseVector> readable,
            String fallback) {
        this.m = m;
        this.n = n;
        this.strategy = strategy;
        this.orthonormal = List.copyOf(orthonormal);
        this.readable = readable == null ? null : List.copyOf(readable);
        this.fallback = fallback;
    }

    /** The same solution, marked as AUTO's fallback with the reason. */
    BlockSolution asFallback(String reason) {
        return new BlockSolution(m, n, strategy, orthonormal, readable, reason);
    }

    static BlockSolution ofDense(int m, int n, Strategy strategy, List<double[]> basis) {
        List<SparseVector> s = new ArrayList<>(basis.size());
        for (double[] v : basis) s.add(SparseVector.fromDense(v));
        return new BlockSolution(m, n, strategy, s, null, null);
    }

    /** Orbit indicators with entries +-1 are already readable; the orthonormal basis is them over sqrt(size). */
    static BlockSolution ofOrbits(int m, int n, List<SparseVector> indicators) {
        List<SparseVector> s = new ArrayList<>(indicators.size());
        for (SparseVector v : indicators) {
            double f = 1 / Math.sqrt(v.nonzeros());
            double[] val = new double[v.nonzeros()];
            for (int p = 0; p < val.length; p++) val[p] = v.value[p] * f;
            s.add(new SparseVector(v.index, val));
        }
        return new BlockSolution(m, n, Strategy.ORBIT, s, indicators, null);
    }

    int dimension() {
        return orthonormal.size();
    }

    /**
     * Largest dimension^2 * m * n (the flops of the reduction) for which the readable form is computed; beyond it
     * (SO(3) V^5 -> V^5: 603 elements of 59049 entries, 2e10) the orthonormal basis stands in for it.
     */
    static final double READABLE_LIMIT = 2e9;

    synchronized List<SparseVector> readable() {
        if (readable == null && (double) dimension() * dimension() * m * (double) n > READABLE_LIMIT)
            readable = orthonormal;
        if (readable == null) {
            List<double[]> rows = new ArrayList<>(orthonormal.size());
            for (SparseVector v : orthonormal) {
                double[] d = new double[m * n];
                for (int p = 0; p < v.nonzeros(); p++) d[v.index[p]] = v.value[p];
                rows.add(d);
            }
            readable = List.copyOf(Rref.of(rows));
        }
        return readable;
    }

    long storedEntries() {
        long e = 0;
        for (SparseVector v : orthonormal) e += v.nonzeros();
        return e;
    }
}
