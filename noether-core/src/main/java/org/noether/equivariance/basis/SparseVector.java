package org.noether.equivariance.basis;

/** A vector stored by its nonzero entries, indices ascending. Basis elements of large Hom-spaces are mostly zero. */
final class SparseVector {
    final int[] index;
    final double[] value;

    SparseVector(int[] index, double[] value) {
        this.index = index;
        this.value = value;
    }

    /** Keeps every entry that is not exactly zero: tiny values of a dense solve carry orthonormality. */
    static SparseVector fromDense(double[] v) {
        int nnz = 0;
        for (double x : v) if (x != 0) nnz++;
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        int p = 0;
        for (int i = 0; i < v.length; i++)
            if (v[i] != 0) {
                idx[p] = i;
                val[p++] = v[i];
            }
        return new SparseVector(idx, val);
    }

    int nonzeros() {
        return index.length;
    }

    double dot(double[] dense) {
        double s = 0;
        for (int p = 0; p < index.length; p++) s += value[p] * dense[index[p]];
        return s;
    }
}
