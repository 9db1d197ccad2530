package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.noether.representation.Representation;

/**
 * An orthonormal basis (in the Frobenius inner product) of the equivariant linear maps
 * {@code {W : rho_out(g) W = W rho_in(g) for all g}}, each element a {@link #rows()} x {@link #columns()} matrix,
 * {@code rows = dim(rho_out)}, {@code columns = dim(rho_in)}, flat row-major. Immutable. Stored block-sparse: only
 * the entries inside each (output summand, input summand) block, and only the nonzero ones there.
 *
 * <pre>{@code
 * var s5 = new SymmetricGroup(5);
 * var p = Representations.permutation(s5);
 * EquivariantBasis<Permutation> b = EquivariantBasis.solve(p, p);
 * b.dimension();            // 2: the identity and the all-ones matrix
 * double[] w = b.combine(new double[] {0.5, -1.0});
 * System.out.println(b.format(10));
 * }</pre>
 *
 * @param <G> element type of the group
 */
public final class EquivariantBasis<G> {
    /** Where a solved block sits in the full matrix. */
    record Placement(int rowOffset, int columnOffset, BlockSolution block) {}

    private final Representation<G> input;
    private final Representation<G> output;
    private final List<Placement> placements;
    private final int[] start;
    private final SolveStats stats;

    EquivariantBasis(Representation<G> input, Representation<G> output, List<Placement> placements, SolveStats stats) {
        this.input = input;
        this.output = output;
        this.placements = List.copyOf(placements);
        this.start = new int[placements.size() + 1];
        for (int p = 0; p < placements.size(); p++)
            start[p + 1] = start[p] + placements.get(p).block().dimension();
        this.stats = stats;
    }

    /** The basis of the equivariant maps from {@code in} to {@code out}, by the shared {@link BasisSolver}. */
    public static <G> EquivariantBasis<G> solve(Representation<G> in, Representation<G> out) {
        return BasisSolver.standard().solve(in, out);
    }

    public Representation<G> input() {
        return input;
    }

    public Representation<G> output() {
        return output;
    }

    /** Dimension of the space of equivariant maps: the number of basis elements. */
    public int dimension() {
        return start[start.length - 1];
    }

    /** dim(rho_out). */
    public int rows() {
        return output.dimension();
    }

    /** dim(rho_in). */
    public int columns() {
        return input.dimension();
    }

    public SolveStats stats() {
        return stats;
    }

    /** The k-th orthonormal basis element as a fresh rows x columns row-major matrix. */
    public double[] element(int k) {
        return dense(locate(k), false);
    }

    /** All basis elements; each is rows x columns. Memory: dimension * rows * columns doubles. */
    public List<double[]> elements() {
        List<double[]> out = new ArrayList<>(dimension());
        for (int k = 0; k < dimension(); k++) out.add(element(k));
        return out;
    }

    /**
     * The basis as one (rows * columns) x dimension row-major matrix Q: column k is vec(element k) with row-major
     * vec, so Q^T Q = I and Q Q^T is the orthogonal projector onto the equivariant maps.
     */
    public double[] matrix() {
        long entries = (long) rows() * columns() * dimension();
        if (entries > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("basis matrix would have " + entries + " entries; use element(k)");
        int k = dimension();
        double[] q = new double[(int) entries];
        for (int e = 0; e < k; e++) {
            Entry loc = locate(e);
            SparseVector v = loc.placement.block().orthonormal.get(loc.local);
            int column = e;
            forEach(loc.placement, v, (index, value) -> q[index * k + column] = value);
        }
        return q;
    }

    /** W = sum_k c_k B_k for coefficients c of length {@link #dimension()}. */
    public double[] combine(double[] coefficients) {
        if (coefficients.length != dimension())
            throw new IllegalArgumentException(
                    "expected " + dimension() + " coefficients (the basis dimension), got " + coefficients.length);
        double[] w = new double[rows() * columns()];
        for (int e = 0; e < coefficients.length; e++) {
            double c = coefficients[e];
            if (c == 0) continue;
            Entry loc = locate(e);
            forEach(
                    loc.placement,
                    loc.placement.block().orthonormal.get(loc.local),
                    (index, value) -> w[index] += c * value);
        }
        return w;
    }

    /** Coefficients &lt;B_k, W&gt; of a rows x columns matrix W; combine(coefficients(W)) is its orthogonal projection. */
    public double[] coefficients(double[] w) {
        if (w.length != rows() * columns())
            throw new IllegalArgumentException("expected a " + rows() + " x " + columns() + " matrix ("
                    + rows() * columns() + " entries, row-major), got " + w.length + " entries");
        double[] c = new double[dimension()];
        for (int e = 0; e < c.length; e++) {
            Entry loc = locate(e);
            double[] acc = {0};
            forEach(
                    loc.placement,
                    loc.placement.block().orthonormal.get(loc.local),
                    (index, value) -> acc[0] += value * w[index]);
            c[e] = acc[0];
        }
        return c;
    }

    /** The orthogonal projection of a rows x columns matrix onto the equivariant maps. */
    public double[] project(double[] w) {
        return combine(coefficients(w));
    }

    /**
     * The k-th element of the readable basis: per block, the reduced row echelon form of the basis (pivot entries 1,
     * mostly zeros, small fractions exact). Spans the same space as the orthonormal basis but is not orthonormal.
     */
    public double[] readableElement(int k) {
        return dense(locate(k), true);
    }

    /** Number of nonzero entries of the k-th readable element. */
    public int readableNonzeros(int k) {
        Entry loc = locate(k);
        return readable(loc.placement.block()).get(loc.local).nonzeros();
    }

    /**
     * The readable basis as text: each element as a small matrix, or for large ones as a list of its nonzero
     * entries {@code [row, column] value}; at most {@code maxElements} elements.
     */
    public String format(int maxElements) {
        StringBuilder sb = new StringBuilder();
        int k = dimension();
        for (int e = 0; e < Math.min(k, maxElements); e++) {
            Entry loc = locate(e);
            SparseVector v = readable(loc.placement.block()).get(loc.local);
            sb.append("B").append(e + 1).append(" (").append(v.nonzeros()).append(" nonzero)");
            if (rows() <= 12 && columns() <= 12) {
                sb.append(":\n").append(Format.grid(dense(loc, true), rows(), columns()));
            } else {
                sb.append(':');
                int[] count = {0};
                StringBuilder line = new StringBuilder();
                int limit = 24;
                forEach(loc.placement, v, (index, value) -> {
                    if (count[0]++ < limit)
                        line.append(String.format(
                                Locale.ROOT,
                                " [%d,%d] %s",
                                index / columns(),
                                index % columns(),
                                Format.number(value)));
                });
                sb.append(line);
                if (count[0] > limit)
                    sb.append(" ... (").append(count[0] - limit).append(" more)");
                sb.append('\n');
            }
        }
        if (k > maxElements) sb.append("... ").append(k - maxElements).append(" more elements\n");
        if (k == 0) sb.append("(no nonzero equivariant maps)\n");
        return sb.toString();
    }

    @Override
    public String toString() {
        return "EquivariantBasis[" + input.name() + " -> " + output.name() + " of "
                + input.group().name() + ": dimension " + dimension() + ", " + rows() + " x " + columns() + "]";
    }

    // ---- internals ----

    private record Entry(Placement placement, int local) {}

    private Entry locate(int k) {
        if (k < 0 || k >= dimension()) throw new IndexOutOfBoundsException("basis element " + k + " of " + dimension());
        int lo = 0, hi = placements.size() - 1;
        while (lo < hi) { // last placement whose start is <= k
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= k) lo = mid;
            else hi = mid - 1;
        }
        return new Entry(placements.get(lo), k - start[lo]);
    }

    private static List<SparseVector> readable(BlockSolution b) {
        List<SparseVector> r = b.readable();
        return r.size() == b.dimension() ? r : b.orthonormal;
    }

    private double[] dense(Entry loc, boolean readable) {
        BlockSolution b = loc.placement.block();
        SparseVector v = (readable ? readable(b) : b.orthonormal).get(loc.local);
        double[] w = new double[rows() * columns()];
        forEach(loc.placement, v, (index, value) -> w[index] = value);
        return w;
    }

    private interface IndexValue {
        void accept(int index, double value);
    }

    /** Maps a block-local index a * n + b to the global (rowOffset + a) * columns + columnOffset + b. */
    private void forEach(Placement p, SparseVector v, IndexValue f) {
        int n = p.block().n, cols = columns();
        for (int q = 0; q < v.nonzeros(); q++) {
            int local = v.index[q];
            int a = local / n, b = local % n;
            f.accept((p.rowOffset() + a) * cols + p.columnOffset() + b, v.value[q]);
        }
    }
}
