package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Matrix-free nullspace of a symmetric positive semidefinite operator M (here sum_c C_c^T C_c applied to W as a few
 * sparse matrix products) by LOBPCG: the locally optimal block preconditioned conjugate gradient method of
 * Knyazev (2001), without preconditioner, with soft locking and an explicitly orthonormal search basis.
 *
 * <p>The dimension of the nullspace is not known in advance. Each round asks for the b smallest eigenpairs; the
 * round ends when every Ritz value below the null threshold has converged together with the first one above it,
 * which then witnesses that the nullspace (orthogonal to what earlier rounds found) is exhausted. If all b came out
 * null the nullspace may be larger: they are deflated and the next round doubles b. Memory is O(mn * b).
 */
final class Lobpcg {
    private Lobpcg() {}

    /** y = M x (y is overwritten). */
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /**
     * Residual |M x - theta x| counted as converged, relative to the bound on |M|. The null vectors' error is about
     * this over the relative spectral gap, so it is set near what double precision attains; a round that stalls
     * above it but below {@link #STALL_TOLERANCE} for {@link #STALL_ITERATIONS} iterations is accepted.
     */
    static final double RESIDUAL_TOLERANCE = 1e-13;

    static final double STALL_TOLERANCE = 1e-9;
    static final int STALL_ITERATIONS = 25;

    /** Ritz values below this (relative to the bound on |M|) are null; 0 is separated from the rest by far more. */
    static final double NULL_TOLERANCE = 1e-8;

    static final int MAX_ITERATIONS = 4000;

    static List<double[]> nullspace(Operator op, int size, double normBound, long seed, int initialBlock) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> found = new ArrayList<>();
        int block = Math.max(1, initialBlock);
        double scale = Math.max(normBound, Double.MIN_NORMAL);
        while (found.size() < size) {
            int b = Math.min(block, size - found.size());
            List<double[]> fresh = round(op, size, found, b, random, scale);
            for (double[] v : fresh) {
                Orthonormal.projectOut(found, v);
                if (Orthonormal.normalize(v) > 0.5) found.add(v);
            }
            if (fresh.size() < b) break;
            block *= 2;
        }
        return found;
    }

    private static List<double[]> round(
            Operator op, int size, List<double[]> deflate, int b, SplittableRandom random, double scale) {
        double resTol = RESIDUAL_TOLERANCE * scale, nullTol = NULL_TOLERANCE * scale;
        List<double[]> start = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            double[] v = new double[size];
            for (int k = 0; k < size; k++) v[k] = random.nextGaussian();
            Orthonormal.projectOut(deflate, v);
            start.add(v);
        }
        double[][] x = Orthonormal.gramSchmidt(start, 1e-8).toArray(new double[0][]);
        b = x.length;
        if (b == 0) return List.of();
        double[][] mx = applyAll(op, x);
        double[][] p = new double[0][];
        double[] theta;
        {
            Ritz rz = ritz(x, mx, new double[0][], new double[0][], b);
            x = combine(x, new double[0][], rz.vectors, size);
            mx = combine(mx, new double[0][], rz.vectors, size);
            theta = rz.values;
        }
        double[] res = new double[b];
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            int nulls = 0;
            while (nulls < b && theta[nulls] <= nullTol) nulls++;
            int need = Math.min(nulls + 1, b);
            double worstNeeded = 0;
            double[][] r = new double[b][];
            for (int i = 0; i < b; i++) {
                double[] ri = new double[size];
                for (int k = 0; k < size; k++) ri[k] = mx[i][k] - theta[i] * x[i][k];
                r[i] = ri;
                res[i] = Math.sqrt(Orthonormal.dot(ri, ri));
                if (i < need) worstNeeded = Math.max(worstNeeded, res[i]);
            }
            if (worstNeeded < 0.5 * best) {
                best = worstNeeded;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            boolean stalled = sinceBest >= STALL_ITERATIONS && worstNeeded <= STALL_TOLERANCE * scale;
            if (worstNeeded <= resTol || stalled)
                return new ArrayList<>(Arrays.asList(x).subList(0, nulls));

            // Search directions: residuals and previous steps of the unconverged columns (soft locking), made
            // orthonormal and orthogonal to X and to the deflated vectors. Keeping S = [X | Q] orthonormal by
            // construction, rather than whitening a nearly dependent [X R P], is what keeps LOBPCG stable once
            // residuals get small (Hetmaniuk and Lehoucq 2006).
            List<double[]> against = new ArrayList<>(deflate);
            against.addAll(Arrays.asList(x));
            List<double[]> q = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                if (res[i] <= resTol) continue;
                addDirection(r[i], against, q);
                if (i < p.length) addDirection(p[i], against, q);
            }
            double[][] qa = q.toArray(new double[0][]);
            double[][] mq = applyAll(op, qa);
            Ritz rz = ritz(x, mx, qa, mq, b);
            double[][] nx = combine(x, qa, rz.vectors, size);
            double[][] nmx = combine(mx, mq, rz.vectors, size);
            // P: the part of each new Ritz vector that lies in the new directions Q.
            int cols = rz.values.length;
            double[][] np = new double[cols][size];
            for (int j = 0; j < qa.length; j++)
                for (int c = 0; c < cols; c++) {
                    double f = rz.vectors[(b + j) * cols + c];
                    if (f != 0) Orthonormal.axpy(f, qa[j], np[c]);
                }
            x = nx;
            mx = nmx;
            p = np;
            theta = rz.values;
        }
        double worst = 0;
        for (double v : res) worst = Math.max(worst, v);
        throw new IllegalStateException("iterative basis solver did not converge in " + MAX_ITERATIONS
                + " iterations on " + size + " unknowns (residual " + worst / scale + " relative)");
    }

    /** Appends v, orthogonalized against {@code against} and {@code q} and normalized, unless it is (nearly) in their span. */
    private static void addDirection(double[] v0, List<double[]> against, List<double[]> q) {
        double[] v = v0.clone();
        double before = Math.sqrt(Orthonormal.dot(v, v));
        if (before == 0) return;
        // Classical Gram-Schmidt, repeated only when it cancelled much ("twice is enough", Kahan/Parlett).
        for (int pass = 0; pass < 3; pass++) {
            for (double[] b : against) Orthonormal.axpy(-Orthonormal.dot(b, v), b, v);
            for (double[] b : q) Orthonormal.axpy(-Orthonormal.dot(b, v), b, v);
            double after = Math.sqrt(Orthonormal.dot(v, v));
            if (after <= 1e-8 * before) return;
            if (after > 0.5 * before) break;
            before = after;
        }
        Orthonormal.normalize(v);
        q.add(v);
    }

    private static double[][] applyAll(Operator op, double[][] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new double[v[i].length];
            op.apply(v[i], out[i]);
        }
        return out;
    }

    /** Columns sum_j [a | b]_j * c[j][col], c stored row-major. */
    private static double[][] combine(double[][] a, double[][] b, double[] c, int size) {
        int rows = a.length + b.length;
        int cols = rows == 0 ? 0 : c.length / rows;
        double[][] out = new double[cols][size];
        for (int j = 0; j < rows; j++) {
            double[] v = j < a.length ? a[j] : b[j - a.length];
            for (int col = 0; col < cols; col++) {
                double f = c[j * cols + col];
                if (f != 0) Orthonormal.axpy(f, v, out[col]);
            }
        }
        return out;
    }

    /** Eigenvalues ascending and their eigenvectors as columns of a row-major matrix. */
    private record Ritz(double[] values, double[] vectors) {}

    /** Rayleigh-Ritz in the orthonormal basis [X | Q]: the smallest {@code want} eigenpairs of S^T M S. */
    private static Ritz ritz(double[][] x, double[][] mx, double[][] q, double[][] mq, int want) {
        int k = x.length + q.length;
        double[] t = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = i; j < k; j++) {
                double[] si = i < x.length ? x[i] : q[i - x.length], sj = j < x.length ? x[j] : q[j - x.length];
                double[] msi = i < x.length ? mx[i] : mq[i - x.length], msj = j < x.length ? mx[j] : mq[j - x.length];
                double d = 0.5 * (Orthonormal.dot(si, msj) + Orthonormal.dot(sj, msi));
                t[i * k + j] = d;
                t[j * k + i] = d;
            }
        Ritz all = symmetricEigen(t, k);
        int cols = Math.min(want, k);
        double[] vals = Arrays.copyOf(all.values, cols);
        double[] vecs = new double[k * cols];
        for (int i = 0; i < k; i++) System.arraycopy(all.vectors, i * k, vecs, i * cols, cols);
        return new Ritz(vals, vecs);
    }

    private static Ritz symmetricEigen(double[] a, int k) {
        if (k == 0) return new Ritz(new double[0], new double[0]);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(new DMatrixRMaj(k, k, true, a)))
            throw new ArithmeticException("small symmetric eigendecomposition failed (" + k + " x " + k + ")");
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Double.compare(eig.getEigenvalue(i).real, eig.getEigenvalue(j).real));
        double[] vals = new double[k];
        double[] vecs = new double[k * k];
        for (int c = 0; c < k; c++) {
            vals[c] = eig.getEigenvalue(order[c]).real;
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int i = 0; i < k; i++) vecs[i * k + c] = v.get(i, 0);
        }
        return new Ritz(vals, vecs);
    }
}
