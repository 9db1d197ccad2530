package org.noether.meanfield;

/**
 * Exact optimal transport between uniform empirical measures (particle clouds), for the quadratic cost: the squared
 * 2-Wasserstein distance W2^2(mu, nu) = min over couplings of E|X - Y|^2, with mu = (1/n) sum delta_{a_i} and nu =
 * (1/m) sum delta_{b_j}.
 *
 * <p>With L = lcm(n, m), splitting each atom of mu into L / n copies of mass 1 / L and each atom of nu into L / m
 * copies makes every coupling between the two a doubly stochastic matrix, whose extreme points are permutations
 * (Birkhoff); so the transport problem is an L x L assignment problem, solved exactly by the Jonker-Volgenant
 * shortest augmenting path method with costs computed on the fly (no L x L matrix is stored). For the cases that
 * matter here, n vs n and n vs n|G| (a cloud against its symmetrization), L is just the larger size.
 *
 * <pre>{@code
 * double[] a = {0, 0, 1, 1};            // two points in R^2, row-major
 * double[] b = {0, 1, 1, 0, 2, 2, 3, 3}; // four points
 * double w2sq = Transport.w2Squared(a, 2, b, 4, 2);
 * }</pre>
 */
public final class Transport {
    private Transport() {}

    /** Largest assignment size L = lcm(n, m) accepted: the solver needs O(L) memory but O(L^2) to O(L^3) time. */
    public static final int MAX_ASSIGNMENT_SIZE = 200_000;

    /**
     * An optimal coupling found by the solver: {@code target[k]} is the atom of nu that receives the k-th copy (mass 1
     * / L) of atom {@code k / copiesPerSource} of mu.
     *
     * @param w2Squared the squared 2-Wasserstein distance
     * @param copiesPerSource L / n
     * @param target for each of the L copies of mu's atoms, the index of nu's atom it is sent to
     * @param maxDualViolation the optimality certificate (relative; about 1e-15 when exact), or NaN if not computed
     */
    public record Plan(double w2Squared, int copiesPerSource, int[] target, double maxDualViolation) {}

    /** W2^2 between n points {@code a} and m points {@code b} of dimension {@code dim}, both row-major. */
    public static double w2Squared(double[] a, int n, double[] b, int m, int dim) {
        return plan(a, n, b, m, dim, false).w2Squared();
    }

    /** W2 (not squared). */
    public static double w2(double[] a, int n, double[] b, int m, int dim) {
        return Math.sqrt(w2Squared(a, n, b, m, dim));
    }

    /**
     * The optimal plan; with {@code certify} it also computes the O(L^2) dual-feasibility certificate.
     *
     * @throws IllegalArgumentException if sizes or array lengths do not match, or lcm(n, m) exceeds
     *     {@link #MAX_ASSIGNMENT_SIZE}
     */
    public static Plan plan(double[] a, int n, double[] b, int m, int dim, boolean certify) {
        if (n <= 0 || m <= 0 || dim <= 0)
            throw new IllegalArgumentException("need n, m, dim >= 1; got n=" + n + ", m=" + m + ", dim=" + dim);
        if (a.length < (long) n * dim || b.length < (long) m * dim)
            throw new IllegalArgumentException("arrays too short: a has " + a.length + " values for " + n + " x " + dim
                    + ", b has " + b.length + " for " + m + " x " + dim);
        long lcm = (long) n / gcd(n, m) * m;
        if (lcm > MAX_ASSIGNMENT_SIZE)
            throw new IllegalArgumentException("lcm(" + n + ", " + m + ") = " + lcm + " copies exceeds the limit of "
                    + MAX_ASSIGNMENT_SIZE + "; choose sizes where one divides the other (e.g. n vs n|G|)");
        int size = (int) lcm;
        CloudCosts costs = new CloudCosts(a, n, b, m, dim, size);
        Lapjv solution = Lapjv.solve(costs);
        double total = solution.cost();
        int[] target = new int[size];
        for (int k = 0; k < size; k++) target[k] = solution.rowToColumn[k] / (size / m);
        double violation = certify ? solution.maxDualViolation() : Double.NaN;
        return new Plan(Math.max(0, total / size), size / n, target, violation);
    }

    /** Squared distances from copies of a's atoms (rows) to copies of b's atoms (columns), computed per row. */
    static final class CloudCosts implements Lapjv.RowCosts {
        private final double[] a;
        private final int dim;
        private final int size;
        private final int rowCopies;
        private final int colCopies;
        private final int m;
        private final double[][] bByCoordinate; // structure of arrays: the inner loop vectorizes
        private final double[] distinct; // costs to the m distinct atoms of b
        private int cachedSource = -1;

        CloudCosts(double[] a, int n, double[] b, int m, int dim, int size) {
            this.a = a;
            this.dim = dim;
            this.size = size;
            this.m = m;
            this.rowCopies = size / n;
            this.colCopies = size / m;
            this.bByCoordinate = new double[dim][m];
            for (int j = 0; j < m; j++) for (int c = 0; c < dim; c++) bByCoordinate[c][j] = b[j * dim + c];
            this.distinct = new double[m];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int rowKey(int i) {
            return i / rowCopies;
        }

        @Override
        public double cost(int i, int j) {
            int s = i / rowCopies, t = j / colCopies;
            double sum = 0;
            for (int c = 0; c < dim; c++) {
                double d = bByCoordinate[c][t] - a[s * dim + c];
                sum += d * d;
            }
            return sum;
        }

        @Override
        public void row(int i, double[] out) {
            int source = i / rowCopies;
            if (source != cachedSource) {
                java.util.Arrays.fill(distinct, 0);
                for (int c = 0; c < dim; c++) {
                    double ac = a[source * dim + c];
                    double[] bc = bByCoordinate[c];
                    for (int j = 0; j < m; j++) {
                        double t = bc[j] - ac;
                        distinct[j] += t * t;
                    }
                }
                cachedSource = source;
            }
            if (colCopies == 1) {
                System.arraycopy(distinct, 0, out, 0, size);
            } else {
                for (int j = 0; j < size; j++) out[j] = distinct[j / colCopies];
            }
        }
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
