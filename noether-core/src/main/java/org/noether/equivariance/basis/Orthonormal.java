package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;

/** Small vector kernels on double[] columns. */
final class Orthonormal {
    private Orthonormal() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    static double normalize(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) for (int i = 0; i < v.length; i++) v[i] /= n;
        return n;
    }

    /** Removes the components of v along the orthonormal vectors in basis, twice (classical Gram-Schmidt, reorthogonalized). */
    static void projectOut(List<double[]> basis, double[] v) {
        for (int pass = 0; pass < 2; pass++) for (double[] b : basis) axpy(-dot(b, v), b, v);
    }

    /**
     * Orthonormalizes in order, dropping a vector whose norm falls below {@code dropRelative} of its original norm
     * (it was already in the span of the previous ones). Works on copies.
     */
    static List<double[]> gramSchmidt(List<double[]> vectors, double dropRelative) {
        List<double[]> out = new ArrayList<>();
        for (double[] v0 : vectors) {
            double[] v = v0.clone();
            double before = Math.sqrt(dot(v, v));
            if (before == 0) continue;
            projectOut(out, v);
            double after = normalize(v);
            if (after > dropRelative * before) out.add(v);
        }
        return out;
    }

    /**
     * An orthonormal basis of the k dominant directions of span(vectors): eigenvectors of the small Gram matrix
     * V^T V with the k largest eigenvalues, mapped back and normalized.
     */
    static List<double[]> topDirections(List<double[]> vectors, int k) {
        int p = vectors.size();
        double[] g = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++) {
                double d = dot(vectors.get(i), vectors.get(j));
                g[i * p + j] = d;
                g[j * p + i] = d;
            }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(new org.ejml.data.DMatrixRMaj(p, p, true, g)))
            throw new ArithmeticException("eigendecomposition of a " + p + " x " + p + " Gram matrix failed");
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        List<double[]> out = new ArrayList<>();
        int size = vectors.get(0).length;
        for (int c = 0; c < Math.min(k, p); c++) {
            var v = eig.getEigenVector(order[c]);
            double[] u = new double[size];
            for (int i = 0; i < p; i++) axpy(v.get(i, 0), vectors.get(i), u);
            out.add(u);
        }
        return gramSchmidt(out, 1e-8);
    }
}
