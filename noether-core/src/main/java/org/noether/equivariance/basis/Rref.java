package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;

/**
 * Readable form of a basis: the reduced row echelon form of the k x N matrix whose rows are the basis vectors. It
 * spans the same space, is unique (so it does not depend on which solver produced the basis), puts a 1 at each
 * pivot with zeros above and below it, and is typically much sparser: for the cross product it is the Levi-Civita
 * pattern, for S_n on R^n -> R^n it is I and the all-ones matrix minus the pivots.
 */
final class Rref {
    private Rref() {}

    /** Entries below this, relative to the largest entry, are rounding noise. */
    static final double ZERO = 1e-9;

    static List<SparseVector> of(List<double[]> rows) {
        int k = rows.size();
        if (k == 0) return List.of();
        int size = rows.get(0).length;
        double[][] a = new double[k][];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            a[i] = rows.get(i).clone();
            for (double v : a[i]) scale = Math.max(scale, Math.abs(v));
        }
        double tol = ZERO * Math.max(scale, Double.MIN_NORMAL);
        int pivotRow = 0;
        for (int col = 0; col < size && pivotRow < k; col++) {
            int best = -1;
            double bestAbs = tol;
            for (int r = pivotRow; r < k; r++) {
                double v = Math.abs(a[r][col]);
                if (v > bestAbs) {
                    bestAbs = v;
                    best = r;
                }
            }
            if (best < 0) continue;
            double[] swap = a[best];
            a[best] = a[pivotRow];
            a[pivotRow] = swap;
            double[] pr = a[pivotRow];
            double inv = 1 / pr[col];
            for (int j = col; j < size; j++) pr[j] *= inv;
            pr[col] = 1;
            for (int r = 0; r < k; r++) {
                if (r == pivotRow) continue;
                double f = a[r][col];
                if (f == 0) continue;
                double[] row = a[r];
                for (int j = col; j < size; j++) row[j] -= f * pr[j];
                row[col] = 0;
            }
            pivotRow++;
        }
        List<SparseVector> out = new ArrayList<>(pivotRow);
        for (int r = 0; r < pivotRow; r++) {
            double[] row = a[r];
            for (int j = 0; j < size; j++) {
                if (Math.abs(row[j]) < ZERO) row[j] = 0;
                else row[j] = snap(row[j]);
            }
            out.add(SparseVector.fromDense(row));
        }
        return out;
    }

    /** Values within 1e-9 of a fraction with denominator up to 12 become that fraction exactly, for printing. */
    static double snap(double v) {
        for (int d = 1; d <= 12; d++) {
            double num = Math.rint(v * d);
            if (Math.abs(v * d - num) < 1e-9 * d) return num / d;
        }
        return v;
    }
}
