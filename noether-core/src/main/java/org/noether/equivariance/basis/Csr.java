package org.noether.equivariance.basis;

/**
 * A square matrix in compressed-sparse-row form. Generator matrices of permutation-like and tensor-product
 * representations are mostly zero; products with W then cost O(nonzeros * n) instead of O(d^2 n).
 */
final class Csr {
    final int size;
    final int[] rowStart;
    final int[] column;
    final double[] value;

    Csr(double[] dense, int d) {
        this.size = d;
        int nnz = 0;
        for (double v : dense) if (v != 0) nnz++;
        rowStart = new int[d + 1];
        column = new int[nnz];
        value = new double[nnz];
        int p = 0;
        for (int i = 0; i < d; i++) {
            rowStart[i] = p;
            for (int j = 0; j < d; j++) {
                double v = dense[i * d + j];
                if (v != 0) {
                    column[p] = j;
                    value[p++] = v;
                }
            }
        }
        rowStart[d] = p;
    }

    int nonzeros() {
        return value.length;
    }

    double spectralBound() {
        double[] colSum = new double[size];
        double maxRow = 0;
        for (int i = 0; i < size; i++) {
            double r = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                r += Math.abs(value[p]);
                colSum[column[p]] += Math.abs(value[p]);
            }
            maxRow = Math.max(maxRow, r);
        }
        double maxCol = 0;
        for (double c : colSum) maxCol = Math.max(maxCol, c);
        return Math.sqrt(maxRow * maxCol);
    }

    /** out += s * (this * w) for w of shape size x n. */
    void leftMultiplyAdd(double[] w, int n, double[] out, double s) {
        for (int i = 0; i < size; i++) {
            int oi = i * n;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                double v = s * value[p];
                int wk = column[p] * n;
                for (int j = 0; j < n; j++) out[oi + j] += v * w[wk + j];
            }
        }
    }

    /** out += s * (this^T * w) for w of shape size x n. */
    void leftTransposeMultiplyAdd(double[] w, int n, double[] out, double s) {
        for (int i = 0; i < size; i++) {
            int wi = i * n;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                double v = s * value[p];
                int ok = column[p] * n;
                for (int j = 0; j < n; j++) out[ok + j] += v * w[wi + j];
            }
        }
    }

    /** out += s * (w * this) for w of shape m x size. */
    void rightMultiplyAdd(double[] w, int m, double[] out, double s) {
        for (int r = 0; r < m; r++) {
            int base = r * size;
            for (int j = 0; j < size; j++) {
                double wj = w[base + j];
                if (wj == 0) continue;
                wj *= s;
                for (int p = rowStart[j]; p < rowStart[j + 1]; p++) out[base + column[p]] += wj * value[p];
            }
        }
    }

    /** out += s * (w * this^T) for w of shape m x size. */
    void rightTransposeMultiplyAdd(double[] w, int m, double[] out, double s) {
        for (int r = 0; r < m; r++) {
            int base = r * size;
            for (int j = 0; j < size; j++) {
                double acc = 0;
                for (int p = rowStart[j]; p < rowStart[j + 1]; p++) acc += w[base + column[p]] * value[p];
                out[base + j] += s * acc;
            }
        }
    }

    /** this^T this, dense. */
    double[] transposeTimesSelf() {
        double[] r = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
                for (int q = rowStart[i]; q < rowStart[i + 1]; q++)
                    r[column[p] * size + column[q]] += value[p] * value[q];
        return r;
    }

    /** this this^T, dense. */
    double[] selfTimesTranspose() {
        double[] dense = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) dense[i * size + column[p]] = value[p];
        double[] r = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int j = i; j < size; j++) {
                double s = 0;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) s += value[p] * dense[j * size + column[p]];
                r[i * size + j] = s;
                r[j * size + i] = s;
            }
        return r;
    }
}
