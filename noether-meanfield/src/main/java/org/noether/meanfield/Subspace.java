package org.noether.meanfield;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear subspace of R^d given by an orthonormal basis: the fixed-point space E^G of a group action, the subspace
 * Langevin noise is projected onto, or a candidate space of the subspace-discovery heuristic. Immutable.
 *
 * <pre>{@code
 * Subspace e = Subspace.span(4, new double[] {1, 0, 0, 1}, new double[] {0, 1, 1, 0});   // {a I + b P}
 * double[] p = e.project(new double[] {1, 2, 3, 4});                                       // [2.5, 2.5, 2.5, 2.5]
 * }</pre>
 */
public final class Subspace {
    /** Vectors whose norm falls below this, relative to their norm before orthogonalization, are dependent. */
    public static final double DEPENDENCE_TOLERANCE = 1e-9;

    private final int ambient;
    private final double[][] basis;

    private Subspace(int ambient, double[][] basis) {
        this.ambient = ambient;
        this.basis = basis;
    }

    /** All of R^d. */
    public static Subspace full(int d) {
        double[][] b = new double[d][d];
        for (int i = 0; i < d; i++) b[i][i] = 1;
        return new Subspace(d, b);
    }

    /** The zero subspace of R^d. */
    public static Subspace zero(int d) {
        return new Subspace(d, new double[0][]);
    }

    /**
     * The span of the given vectors (Gram-Schmidt, twice for stability; dependent vectors are dropped).
     *
     * @throws IllegalArgumentException if a vector does not have length d
     */
    public static Subspace span(int d, double[]... vectors) {
        return zero(d).extend(List.of(vectors));
    }

    /** The range of a d x d matrix (row-major), e.g. of a projector: the span of its columns. */
    public static Subspace rangeOf(double[] matrix, int d) {
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            double[] col = new double[d];
            for (int r = 0; r < d; r++) col[r] = matrix[r * d + c];
            cols.add(col);
        }
        return zero(d).extend(cols);
    }

    /** This subspace plus the span of more vectors. */
    public Subspace extend(List<double[]> vectors) {
        List<double[]> out = new ArrayList<>(List.of(basis));
        for (double[] v : vectors) {
            if (v.length != ambient)
                throw new IllegalArgumentException("vector of length " + v.length + " in R^" + ambient);
            double before = norm(v);
            if (before == 0) continue;
            double[] w = v.clone();
            for (int pass = 0; pass < 2; pass++)
                for (double[] q : out) {
                    double dot = dot(q, w);
                    for (int i = 0; i < ambient; i++) w[i] -= dot * q[i];
                }
            double after = norm(w);
            if (after <= DEPENDENCE_TOLERANCE * before) continue;
            for (int i = 0; i < ambient; i++) w[i] /= after;
            out.add(w);
        }
        return new Subspace(ambient, out.toArray(new double[0][]));
    }

    public int ambientDimension() {
        return ambient;
    }

    public int dimension() {
        return basis.length;
    }

    /** The k-th orthonormal basis vector (a copy). */
    public double[] basisVector(int k) {
        return basis[k].clone();
    }

    /** The orthogonal projector Q Q^T as a row-major d x d matrix. */
    public double[] projector() {
        double[] p = new double[ambient * ambient];
        for (double[] q : basis)
            for (int i = 0; i < ambient; i++) for (int j = 0; j < ambient; j++) p[i * ambient + j] += q[i] * q[j];
        return p;
    }

    /** The orthogonal projection of v (a fresh array). */
    public double[] project(double[] v) {
        double[] out = new double[ambient];
        project(v, 0, out, 0);
        return out;
    }

    /** Writes the projection of {@code v[off .. off+d)} to {@code out[outOff ..]} ({@code out} may be {@code v}). */
    public void project(double[] v, int off, double[] out, int outOff) {
        project(v, off, out, outOff, new double[basis.length]);
    }

    /**
     * As {@link #project(double[], int, double[], int)} without allocating: {@code coordinates} (length at least
     * {@link #dimension()}) receives the coordinates Q^T v. In-place use ({@code out == v}) is safe.
     */
    public void project(double[] v, int off, double[] out, int outOff, double[] coordinates) {
        int k = basis.length;
        if (k == ambient) {
            if (v != out || off != outOff) System.arraycopy(v, off, out, outOff, ambient);
            return;
        }
        for (int b = 0; b < k; b++) coordinates[b] = dotAt(basis[b], v, off);
        for (int i = 0; i < ambient; i++) {
            double s = 0;
            for (int b = 0; b < k; b++) s += coordinates[b] * basis[b][i];
            out[outOff + i] = s;
        }
    }

    /** Adds {@code scale * sum_b coefficients[b] q_b} to {@code target[off ..]}: a vector of the subspace given by coordinates. */
    public void addCombination(double[] coefficients, double scale, double[] target, int off) {
        for (int b = 0; b < basis.length; b++) {
            double c = scale * coefficients[b];
            double[] q = basis[b];
            for (int i = 0; i < ambient; i++) target[off + i] += c * q[i];
        }
    }

    /**
     * The projection of L vectors stored coordinate by coordinate ({@code v[p * L + i]} is coordinate p of vector
     * i) into {@code out} (same layout; may be {@code v}); {@code coordinates} needs {@code dimension() * L}
     * doubles. Loops run over the vectors, so they vectorize; the result equals {@link #project} vector by vector.
     */
    void projectColumns(double[] v, int columns, double[] out, double[] coordinates) {
        int k = basis.length, n = columns;
        if (k == ambient) {
            if (v != out) System.arraycopy(v, 0, out, 0, ambient * n);
            return;
        }
        java.util.Arrays.fill(coordinates, 0, k * n, 0);
        for (int b = 0; b < k; b++) {
            double[] q = basis[b];
            int cb = b * n;
            for (int p = 0; p < ambient; p++) {
                double qp = q[p];
                int vp = p * n;
                for (int i = 0; i < n; i++) coordinates[cb + i] += qp * v[vp + i];
            }
        }
        for (int p = 0; p < ambient; p++) {
            int op = p * n;
            java.util.Arrays.fill(out, op, op + n, 0);
            for (int b = 0; b < k; b++) {
                double qp = basis[b][p];
                int cb = b * n;
                for (int i = 0; i < n; i++) out[op + i] += coordinates[cb + i] * qp;
            }
        }
    }

    /**
     * Adds {@code scale * sum_b coefficients[b * L + i] q_b} to column i of {@code target} (coordinate-major, L
     * columns), for every i.
     */
    void addCombinationColumns(
            double[] coefficients, int coefficientOffset, double scale, double[] target, int columns) {
        int n = columns;
        for (int b = 0; b < basis.length; b++) {
            double[] q = basis[b];
            int cb = coefficientOffset + b * n;
            for (int p = 0; p < ambient; p++) {
                double c = scale * q[p];
                if (c == 0) continue;
                int tp = p * n;
                for (int i = 0; i < n; i++) target[tp + i] += c * coefficients[cb + i];
            }
        }
    }

    /** |v - P v| for {@code v = points[off .. off+d)}, from the residual itself (accurate for tiny distances). */
    public double distanceTo(double[] points, int off) {
        int k = basis.length;
        double[] c = new double[k];
        for (int b = 0; b < k; b++) c[b] = dotAt(basis[b], points, off);
        double sq = 0;
        for (int i = 0; i < ambient; i++) {
            double r = points[off + i];
            for (int b = 0; b < k; b++) r -= c[b] * basis[b][i];
            sq += r * r;
        }
        return Math.sqrt(sq);
    }

    /**
     * The distance between subspaces as the spectral norm of the difference of their projectors: the sine of the
     * largest principal angle when dimensions agree, and 1 when they differ.
     */
    public double distance(Subspace other) {
        if (other.ambient != ambient)
            throw new IllegalArgumentException("subspaces of R^" + ambient + " and R^" + other.ambient);
        double[] a = projector(), b = other.projector();
        for (int i = 0; i < a.length; i++) a[i] -= b[i];
        double max = 0;
        for (double v : SymmetricEigen.of(a, ambient).values) max = Math.max(max, Math.abs(v));
        return Math.min(1, max);
    }

    /** True when every vector of this subspace lies in {@code other}, up to the tolerance on |q - P_other q|. */
    public boolean isContainedIn(Subspace other, double tolerance) {
        for (double[] q : basis) if (other.distanceTo(q, 0) > tolerance) return false;
        return true;
    }

    @Override
    public String toString() {
        return "Subspace(dim " + dimension() + " of R^" + ambient + ")";
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double dotAt(double[] q, double[] v, int off) {
        double s = 0;
        for (int i = 0; i < q.length; i++) s += q[i] * v[off + i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
