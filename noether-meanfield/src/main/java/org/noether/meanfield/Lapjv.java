package org.noether.meanfield;

import java.util.Arrays;

/**
 * Exact solver of the dense linear assignment problem min sum_i c(i, x(i)) over permutations x, by the shortest
 * augmenting path method of Jonker and Volgenant (1987): column reduction and reduction transfer, then one Dijkstra
 * search per free row, stopped as soon as it reaches a free column. Small problems (up to {@link #denseLimit}) add two
 * rounds of augmenting row reduction (an auction without epsilon) and search on all n^2 arcs. Large ones search on a
 * sparse candidate graph (the columns of smallest reduced cost of each row) and then price all n^2 arcs, repairing
 * the rows where a violated arc shows up, until none does; the result is the same exact optimum, but each search step
 * costs a heap operation per candidate arc instead of a pass over all n columns.
 *
 * <p>Costs are read a whole row at a time through {@link RowCosts}, so they can be computed on the fly (squared
 * distances between point clouds) instead of being stored as an n x n matrix. Throughout, the column prices v keep
 * c(i, j) - v(j) >= u(i) := min_k c(i, k) - v(k) for every row, with equality on assigned pairs; when every row is
 * assigned, (u, v) is a feasible dual of equal value, which certifies optimality (see {@link #maxDualViolation}).
 */
final class Lapjv {

    /** Costs of an n x n assignment problem, one row at a time. */
    interface RowCosts {
        int size();

        /** Writes c(i, j) for every column j into {@code out[0..size)}. */
        void row(int i, double[] out);

        /** One cost; implementations that can compute it directly should override this. */
        default double cost(int i, int j) {
            double[] r = new double[size()];
            row(i, r);
            return r[j];
        }

        /** Rows with equal keys have identical cost rows (copies of one atom); they share candidate lists. */
        default int rowKey(int i) {
            return i;
        }
    }

    /** Problems up to this size use the dense augmentation; larger ones the sparse one with pricing rounds. */
    static int denseLimit = 600;

    private final RowCosts costs;
    private final int n;
    final int[] rowToColumn;
    final int[] columnToRow;
    final double[] price;
    private final double[] rowBuffer;

    private Lapjv(RowCosts costs) {
        this.costs = costs;
        this.n = costs.size();
        this.rowToColumn = new int[n];
        this.columnToRow = new int[n];
        this.price = new double[n];
        this.rowBuffer = new double[n];
    }

    /** Solves the problem; the result maps each row to its column. */
    static Lapjv solve(RowCosts costs) {
        Lapjv s = new Lapjv(costs);
        s.run();
        return s;
    }

    private void run() {
        Arrays.fill(rowToColumn, -1);
        Arrays.fill(columnToRow, -1);
        if (n == 0) return;
        if (n == 1) {
            rowToColumn[0] = 0;
            columnToRow[0] = 0;
            costs.row(0, rowBuffer);
            price[0] = rowBuffer[0];
            return;
        }
        int[] free = columnReduction();
        int numFree = free.length;
        if (n <= denseLimit) {
            for (int round = 0; round < 2 && numFree > 0; round++) numFree = augmentingRowReduction(free, numFree);
            augment(free, numFree);
        } else {
            new SparsePhase().run(free, numFree);
        }
    }

    /**
     * Prices every column at its minimum cost and gives it to its cheapest row when that row has nothing yet; then,
     * for rows that got exactly one column, transfers the slack to that column's price. Returns the free rows.
     */
    private int[] columnReduction() {
        double[] colMin = new double[n];
        int[] argMin = new int[n];
        Arrays.fill(colMin, Double.POSITIVE_INFINITY);
        double[] buf = rowBuffer;
        for (int i = 0; i < n; i++) {
            costs.row(i, buf);
            for (int j = 0; j < n; j++) {
                double c = buf[j];
                if (c < colMin[j]) {
                    colMin[j] = c;
                    argMin[j] = i;
                }
            }
        }
        int[] matches = new int[n];
        for (int j = n - 1; j >= 0; j--) {
            price[j] = colMin[j];
            int i = argMin[j];
            if (matches[i]++ == 0) {
                rowToColumn[i] = j;
                columnToRow[j] = i;
            }
        }
        int numFree = 0;
        int[] free = new int[n];
        for (int i = 0; i < n; i++) {
            if (matches[i] == 0) {
                free[numFree++] = i;
            } else if (matches[i] == 1) {
                int j1 = rowToColumn[i];
                costs.row(i, buf);
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j == j1) continue;
                    double r = buf[j] - price[j];
                    if (r < min) min = r;
                }
                price[j1] -= min;
            }
        }
        return Arrays.copyOf(free, numFree);
    }

    /**
     * One round of augmenting row reduction: every free row takes its cheapest column, lowering that column's price
     * so that the row is just indifferent to its second choice; a row it displaces is served next when the price fell,
     * otherwise kept for the next round. Returns the number of rows left free (written back into {@code free}).
     */
    private int augmentingRowReduction(int[] free, int numFree) {
        double[] buf = rowBuffer;
        int[] next = new int[numFree];
        int numNext = 0;
        long budget = 4L * n + 16; // bounds work on near-degenerate inputs; leftovers go to the exact augmentation
        for (int k = 0; k < numFree; k++) {
            int i = free[k];
            while (i >= 0) {
                costs.row(i, buf);
                double u1 = Double.POSITIVE_INFINITY, u2 = Double.POSITIVE_INFINITY;
                int j1 = -1, j2 = -1;
                for (int j = 0; j < n; j++) {
                    double r = buf[j] - price[j];
                    if (r < u2) {
                        if (r >= u1) {
                            u2 = r;
                            j2 = j;
                        } else {
                            u2 = u1;
                            j2 = j1;
                            u1 = r;
                            j1 = j;
                        }
                    }
                }
                int displaced = columnToRow[j1];
                boolean strict = u1 < u2;
                if (strict) {
                    price[j1] -= u2 - u1;
                } else if (displaced >= 0) {
                    j1 = j2;
                    displaced = columnToRow[j2];
                }
                rowToColumn[i] = j1;
                columnToRow[j1] = i;
                if (displaced >= 0) rowToColumn[displaced] = -1;
                if (displaced >= 0 && strict && --budget > 0) {
                    i = displaced;
                } else {
                    if (displaced >= 0) next[numNext++] = displaced;
                    i = -1;
                }
            }
        }
        System.arraycopy(next, 0, free, 0, numNext);
        return numNext;
    }

    /** Dijkstra-like shortest augmenting path from each free row, with the price update that keeps duals feasible. */
    private void augment(int[] free, int numFree) {
        double[] d = new double[n];
        int[] pred = new int[n];
        int[] cols = new int[n];
        double[] buf = rowBuffer;
        for (int f = 0; f < numFree; f++) {
            int start = free[f];
            costs.row(start, buf);
            for (int j = 0; j < n; j++) {
                cols[j] = j;
                d[j] = buf[j] - price[j];
                pred[j] = start;
            }
            // cols[0, low): scanned; cols[low, up): at the current minimum distance, to scan; cols[up, n): to do
            int low = 0, up = 0, end = -1;
            double min = 0;
            search:
            while (true) {
                if (up == low) {
                    min = d[cols[up++]];
                    for (int k = up; k < n; k++) {
                        int j = cols[k];
                        double h = d[j];
                        if (h <= min) {
                            if (h < min) {
                                up = low;
                                min = h;
                            }
                            cols[k] = cols[up];
                            cols[up++] = j;
                        }
                    }
                    for (int k = low; k < up; k++) {
                        if (columnToRow[cols[k]] < 0) {
                            end = cols[k];
                            break search;
                        }
                    }
                }
                int j1 = cols[low++];
                int i = columnToRow[j1];
                costs.row(i, buf);
                double h = buf[j1] - price[j1] - min;
                for (int k = up; k < n; k++) {
                    int j = cols[k];
                    double r = buf[j] - price[j] - h;
                    if (r < d[j]) {
                        pred[j] = i;
                        // r >= min in exact arithmetic (column j1 is row i's cheapest); clamp rounding below it
                        if (r < min) r = min;
                        d[j] = r;
                        if (r == min) {
                            if (columnToRow[j] < 0) {
                                end = j;
                                break search;
                            }
                            cols[k] = cols[up];
                            cols[up++] = j;
                        }
                    }
                }
            }
            for (int k = 0; k < low; k++) {
                int j = cols[k];
                price[j] += d[j] - min;
            }
            int j = end;
            while (true) {
                int i = pred[j];
                columnToRow[j] = i;
                int previous = rowToColumn[i];
                rowToColumn[i] = j;
                if (i == start) break;
                j = previous;
            }
        }
    }

    /**
     * The augmentation on a sparse candidate graph: each row keeps the columns of smallest reduced cost after the
     * row reductions, Dijkstra runs on those arcs only (a heap instead of dense scans), and a dense pricing pass then
     * looks for arcs with negative reduced cost. Rows with such arcs get them added and are freed again; when a pass
     * finds none, the dual is feasible on all n^2 arcs and the assignment is optimal, exactly as in the dense method.
     */
    private final class SparsePhase {
        private final int[][] rowsOfKey;
        private final int[][] adjacency; // per row key: candidate columns
        private final double[][] adjacencyCost;
        private final double[] dist = new double[n];
        private final int[] pred = new int[n];
        private final int[] heap = new int[n];
        private final int[] heapPos = new int[n];
        private final int[] finished = new int[n];
        private final boolean[] dirty = new boolean[n];
        private final double[] reduced = new double[n];
        private final int[] scratch = new int[n];
        private int heapSize;
        private int numFinished;
        private int baseCount;

        SparsePhase() {
            int keys = 0;
            for (int i = 0; i < n; i++) keys = Math.max(keys, costs.rowKey(i) + 1);
            int[] count = new int[keys];
            for (int i = 0; i < n; i++) count[costs.rowKey(i)]++;
            rowsOfKey = new int[keys][];
            for (int key = 0; key < keys; key++) rowsOfKey[key] = new int[count[key]];
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                int key = costs.rowKey(i);
                rowsOfKey[key][count[key]++] = i;
            }
            adjacency = new int[keys][];
            adjacencyCost = new double[keys][];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(heapPos, -1);
        }

        void run(int[] free, int numFree) {
            int copies = 1;
            for (int[] rows : rowsOfKey) copies = Math.max(copies, rows.length);
            baseCount = Math.min(n, 12 + 6 * copies);
            for (int key = 0; key < rowsOfKey.length; key++) if (rowsOfKey[key].length > 0) candidates(key, baseCount);
            int[] queue = Arrays.copyOf(free, n);
            int size = numFree;
            Arrays.fill(dirty, true);
            for (int round = 0; size > 0 || round == 0; round++) {
                for (int q = 0; q < size; q++) {
                    int f = queue[q];
                    while (!search(f)) {
                        int key = costs.rowKey(f);
                        candidates(key, Math.min(n, 2 * adjacency[key].length + baseCount));
                    }
                }
                size = price(queue);
            }
        }

        /**
         * Sets the candidates of a row key: its {@code count} columns of smallest reduced cost (ties broken by a hash,
         * so that copies of equal atoms spread over equal columns), plus the columns its rows hold now.
         */
        private void candidates(int key, int count) {
            int[] rows = rowsOfKey[key];
            double[] buf = rowBuffer;
            costs.row(rows[0], buf);
            for (int j = 0; j < n; j++) reduced[j] = buf[j] - price[j];
            int[] best = smallest(reduced, count, scratch, key);
            int extra = 0;
            int[] held = new int[rows.length];
            for (int r : rows) {
                int j = rowToColumn[r];
                if (j >= 0 && !contains(best, j)) held[extra++] = j;
            }
            int[] cols = Arrays.copyOf(best, best.length + extra);
            System.arraycopy(held, 0, cols, best.length, extra);
            double[] c = new double[cols.length];
            for (int t = 0; t < cols.length; t++) c[t] = buf[cols[t]];
            adjacency[key] = cols;
            adjacencyCost[key] = c;
        }

        private void addCandidates(int key, int[] cols, int count) {
            int[] old = adjacency[key];
            double[] oldCost = adjacencyCost[key];
            int[] merged = Arrays.copyOf(old, old.length + count);
            double[] mergedCost = Arrays.copyOf(oldCost, old.length + count);
            int anyRow = rowsOfKey[key][0];
            for (int t = 0; t < count; t++) {
                merged[old.length + t] = cols[t];
                mergedCost[old.length + t] = costs.cost(anyRow, cols[t]);
            }
            adjacency[key] = merged;
            adjacencyCost[key] = mergedCost;
        }

        /** Shortest augmenting path from free row f over candidate arcs; false if no free column is reachable. */
        private boolean search(int f) {
            int[] adj = adjacency[costs.rowKey(f)];
            double[] adjCost = adjacencyCost[costs.rowKey(f)];
            double uf = Double.POSITIVE_INFINITY;
            for (int t = 0; t < adj.length; t++) uf = Math.min(uf, adjCost[t] - price[adj[t]]);
            for (int t = 0; t < adj.length; t++) {
                int j = adj[t];
                double r = Math.max(0, adjCost[t] - price[j] - uf);
                if (r < dist[j]) {
                    dist[j] = r;
                    pred[j] = f;
                    push(j);
                }
            }
            int end = -1;
            double top = 0;
            while (heapSize > 0) {
                int j = pop();
                top = dist[j];
                finished[numFinished++] = j;
                int i = columnToRow[j];
                if (i < 0) {
                    end = j;
                    break;
                }
                int key = costs.rowKey(i);
                int[] ai = adjacency[key];
                double[] ci = adjacencyCost[key];
                double ui = Double.NaN;
                for (int t = 0; t < ai.length; t++) {
                    if (ai[t] == j) {
                        ui = ci[t] - price[j];
                        break;
                    }
                }
                assert !Double.isNaN(ui) : "assigned arc missing from the candidates of row " + i;
                for (int t = 0; t < ai.length; t++) {
                    int c = ai[t];
                    if (heapPos[c] == -2) continue; // finished
                    double r = top + Math.max(0, ci[t] - price[c] - ui);
                    if (r < dist[c]) {
                        dist[c] = r;
                        pred[c] = i;
                        push(c);
                    }
                }
            }
            if (end >= 0) {
                for (int t = 0; t < numFinished; t++) {
                    int j = finished[t];
                    double change = dist[j] - top;
                    if (change != 0) {
                        price[j] += change;
                        if (columnToRow[j] >= 0) dirty[columnToRow[j]] = true;
                    }
                }
                int j = end;
                while (true) {
                    int i = pred[j];
                    dirty[i] = true;
                    columnToRow[j] = i;
                    int previous = rowToColumn[i];
                    rowToColumn[i] = j;
                    if (i == f) break;
                    j = previous;
                }
            }
            // reset the touched state
            for (int t = 0; t < numFinished; t++) {
                dist[finished[t]] = Double.POSITIVE_INFINITY;
                heapPos[finished[t]] = -1;
            }
            numFinished = 0;
            while (heapSize > 0) {
                int j = heap[--heapSize];
                dist[j] = Double.POSITIVE_INFINITY;
                heapPos[j] = -1;
            }
            return end >= 0;
        }

        /**
         * Dense pricing: for every row, columns whose reduced cost is below the row's assigned one by more than
         * rounding are added to the row's candidates, and the row is freed. Only rows marked dirty need a look: prices
         * only fall, which cannot create a violation at a row whose assigned column kept its price. Returns the number
         * of freed rows, written to {@code queue}.
         */
        private int price(int[] queue) {
            double[] buf = rowBuffer;
            int freed = 0;
            int[] violating = scratch;
            double scale = 0;
            for (int j = 0; j < n; j++) scale = Math.max(scale, Math.abs(price[j]));
            for (int key = 0; key < rowsOfKey.length; key++) {
                int[] rows = rowsOfKey[key];
                boolean any = false;
                for (int r : rows) any |= dirty[r];
                if (!any) continue;
                costs.row(rows[0], buf);
                for (int i : rows) {
                    if (!dirty[i]) continue;
                    dirty[i] = false;
                    int x = rowToColumn[i];
                    double u = buf[x] - price[x];
                    double bound = u - 1e-12 * (Math.abs(buf[x]) + Math.abs(price[x]) + scale);
                    int count = 0;
                    for (int j = 0; j < n; j++) if (buf[j] - price[j] < bound) violating[count++] = j;
                    if (count == 0) continue;
                    int[] adj = adjacency[key];
                    int fresh = 0;
                    for (int t = 0; t < count; t++) if (!contains(adj, violating[t])) violating[fresh++] = violating[t];
                    if (fresh > 0) addCandidates(key, violating, fresh);
                    columnToRow[x] = -1;
                    rowToColumn[i] = -1;
                    queue[freed++] = i;
                }
            }
            return freed;
        }

        private void push(int j) {
            int pos = heapPos[j];
            if (pos < 0) {
                pos = heapSize++;
                heap[pos] = j;
                heapPos[j] = pos;
            }
            siftUp(pos);
        }

        private int pop() {
            int top = heap[0];
            heapPos[top] = -2;
            int last = heap[--heapSize];
            if (heapSize > 0) {
                heap[0] = last;
                heapPos[last] = 0;
                siftDown(0);
            }
            return top;
        }

        private void siftUp(int pos) {
            int j = heap[pos];
            double d = dist[j];
            while (pos > 0) {
                int parent = (pos - 1) >>> 1;
                int p = heap[parent];
                if (dist[p] <= d) break;
                heap[pos] = p;
                heapPos[p] = pos;
                pos = parent;
            }
            heap[pos] = j;
            heapPos[j] = pos;
        }

        private void siftDown(int pos) {
            int j = heap[pos];
            double d = dist[j];
            while (true) {
                int child = 2 * pos + 1;
                if (child >= heapSize) break;
                if (child + 1 < heapSize && dist[heap[child + 1]] < dist[heap[child]]) child++;
                int c = heap[child];
                if (dist[c] >= d) break;
                heap[pos] = c;
                heapPos[c] = pos;
                pos = child;
            }
            heap[pos] = j;
            heapPos[j] = pos;
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    /**
     * Indices of the k smallest values (unordered), by quickselect; equal values are ordered by a hash of (salt,
     * index), so that different salts pick different members of a tie.
     */
    static int[] smallest(double[] values, int k, int[] scratch, int salt) {
        int n = values.length;
        if (k >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        for (int i = 0; i < n; i++) scratch[i] = i;
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int p = scratch[(lo + hi) >>> 1];
            double pv = values[p];
            long ph = tie(salt, p);
            int a = lo, b = hi;
            while (a <= b) {
                while (before(values, scratch[a], salt, pv, ph, p)) a++;
                while (after(values, scratch[b], salt, pv, ph, p)) b--;
                if (a <= b) {
                    int t = scratch[a];
                    scratch[a] = scratch[b];
                    scratch[b] = t;
                    a++;
                    b--;
                }
            }
            if (k - 1 <= b) hi = b;
            else if (k - 1 >= a) lo = a;
            else break;
        }
        return Arrays.copyOf(scratch, k);
    }

    private static boolean before(double[] v, int x, int salt, double pv, long ph, int p) {
        double xv = v[x];
        if (xv != pv) return xv < pv;
        long xh = tie(salt, x);
        return xh != ph ? xh < ph : x < p;
    }

    private static boolean after(double[] v, int x, int salt, double pv, long ph, int p) {
        double xv = v[x];
        if (xv != pv) return xv > pv;
        long xh = tie(salt, x);
        return xh != ph ? xh > ph : x > p;
    }

    private static long tie(int salt, int index) {
        long z = (((long) salt) << 32 ^ index) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    /** Total cost of the assignment found. */
    double cost() {
        double total = 0;
        for (int i = 0; i < n; i++) {
            costs.row(i, rowBuffer);
            total += rowBuffer[rowToColumn[i]];
        }
        return total;
    }

    /**
     * The optimality certificate: with u(i) = c(i, x(i)) - v(x(i)), the largest violation max(0, u(i) + v(j) - c(i,
     * j)) of dual feasibility over all pairs, relative to the largest cost magnitude. Zero (up to rounding) proves the
     * assignment optimal. O(n^2).
     */
    double maxDualViolation() {
        double worst = 0, scale = 0;
        for (int i = 0; i < n; i++) {
            costs.row(i, rowBuffer);
            double u = rowBuffer[rowToColumn[i]] - price[rowToColumn[i]];
            for (int j = 0; j < n; j++) {
                double c = rowBuffer[j];
                scale = Math.max(scale, Math.abs(c));
                worst = Math.max(worst, u + price[j] - c);
            }
        }
        return scale == 0 ? worst : worst / scale;
    }
}
