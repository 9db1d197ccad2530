package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.noether.experiment.Progress;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.representation.DirectSum;
import org.noether.representation.IrrepDecomposition;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * Solves for the equivariant linear maps {@code Hom_G(rho_in, rho_out) = {W : rho_out(g) W = W rho_in(g) for all g}}
 * from the group's discrete generators and Lie-algebra generators alone (the approach of Finzi, Welling and Wilson's
 * EMLP): W satisfies {@code rho_out(h) W - W rho_in(h) = 0} for each discrete generator h and
 * {@code d rho_out(X) W - W d rho_in(X) = 0} for each Lie-algebra generator X.
 *
 * <p>Direct sums are split first: Hom(sum_i V_i, sum_j U_j) is the direct sum of the Hom(V_i, U_j), so each pair of
 * summands is solved on its own and the basis is block-sparse. Pairs are keyed by their constraint data (the
 * generator matrices, compared by value), so V+V+V costs one solve of V -> V, and a solver's cache reuses blocks
 * across calls; different groups or same-named but different representations never share a key.
 *
 * <p>Each block is solved by one {@link Strategy}. AUTO takes ORBIT (exact, linear time) when both summands act by
 * signed permutations with no Lie-algebra part; otherwise DENSE up to {@link #DENSE_LIMIT} unknowns, and beyond
 * that REYNOLDS (group averaging) for finite groups up to order {@link #REYNOLDS_ORDER_LIMIT} and ITERATIVE
 * (matrix-free LOBPCG) for the rest. Random starts are seeded, so results are reproducible.
 *
 * <pre>{@code
 * var so3 = O3.SO3;
 * var v = Representations.defining(so3);
 * EquivariantBasis<Orthogonal3> b = BasisSolver.standard().solve(v.times(v), v);
 * b.dimension();   // 1: the cross product
 * }</pre>
 */
public final class BasisSolver {
    /**
     * Largest number of unknowns (dim in * dim out of a block) that AUTO solves densely; beyond it AUTO uses group
     * averaging for finite groups of order up to {@link #REYNOLDS_ORDER_LIMIT} (when evaluating every group element
     * is affordable) and LOBPCG otherwise. Measured with single warm runs of this code on the 2-core development
     * machine while it was shared (load average 11 to 14: absolute times are inflated and noisy, the ratios are what
     * matter), seconds, dense / iterative / averaging:
     * <pre>
     *   SO3  D4*D4 -> D4           729 unknowns, dim 1:   0.45 / 1.24
     *   SO3  V^3 -> V^3            729 unknowns, dim 15:  0.81 / 2.48
     *   S5   std^3 -> std^2       1024 unknowns, dim 11:  4.24 / 6.77 / 0.56
     *   SO3  V^3 -> V^4           2187 unknowns, dim 36:  2.94 / 17.6
     *   SO3  D6*D6 -> D6          2197 unknowns, dim 1:   1.83 / 2.67
     *   S6   std^2 -> std^3       3125 unknowns, dim 11:  11.2 / 12.6 / 6.67
     *   SO3  D7*D7 -> D7          3375 unknowns, dim 1:   4.04 / 3.31
     *   SO3  D8*D8 -> D8          4913 unknowns, dim 1:   6.48 / 4.07
     * </pre>
     * Dense cost grows like N^3 whatever the answer; the iterative cost like N times iterations times the square of
     * the nullspace dimension. They cross near 3000 unknowns for small nullspaces; with large ones (V^3 -> V^4)
     * dense stays ahead longer, so the limit sits at the low end. Averaging often wins for small finite groups
     * even below the limit; AUTO does not use it there yet (left for a cost model that knows the dimension).
     */
    public static final int DENSE_LIMIT = 3000;

    /** Largest finite group that AUTO averages over for blocks above {@link #DENSE_LIMIT}. */
    public static final int REYNOLDS_ORDER_LIMIT = 1000;

    /** Seed for the random starts of the iterative and averaging solvers. */
    static final long SEED = 0x6e6f65746865L;

    private static final int CACHE_ENTRIES = 256;
    /** About 256 MB of doubles across all cached keys and bases. */
    private static final long CACHE_WEIGHT = 32_000_000;

    /** Where lines a user must see go by default: standard error (Progress's default log). */
    private static final Progress STDERR = (label, total) -> Progress.Task.NONE;

    private static final BasisSolver STANDARD = new BasisSolver(Strategy.AUTO, true, STDERR);

    private final Strategy strategy;
    private final boolean decompose;
    private final Progress log;
    private final BlockCache cache = new BlockCache(CACHE_ENTRIES, CACHE_WEIGHT);

    private BasisSolver(Strategy strategy, boolean decompose, Progress log) {
        this.strategy = strategy;
        this.decompose = decompose;
        this.log = log;
    }

    /** The shared AUTO solver with a cache of solved blocks; thread-safe. */
    public static BasisSolver standard() {
        return STANDARD;
    }

    /** A solver that uses the given strategy for every block, with its own cache. */
    public static BasisSolver using(Strategy strategy) {
        return new BasisSolver(strategy, true, STDERR);
    }

    /**
     * A solver with this one's strategy and its own cache that writes the lines a user must see (a block where AUTO's
     * irreducible decomposition failed and another strategy took over) to {@code progress.log} instead of standard
     * error; an experiment passes its context's progress.
     */
    public BasisSolver loggingTo(Progress progress) {
        return new BasisSolver(strategy, decompose, java.util.Objects.requireNonNull(progress, "progress"));
    }

    /** The same solver without splitting direct sums (one block for the whole pair); for tests and comparisons. */
    BasisSolver withoutDecomposition() {
        return new BasisSolver(strategy, false, log);
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Number of blocks in this solver's cache. */
    public int cachedBlocks() {
        return cache.size();
    }

    public void clearCache() {
        cache.clear();
    }

    /** An orthonormal basis of the equivariant maps from {@code in} to {@code out}. */
    public <G> EquivariantBasis<G> solve(Representation<G> in, Representation<G> out) {
        return solve(in, out, in.group().discreteGenerators(), true);
    }

    /** The subspace of vectors fixed by every group element, with its orthogonal projector. */
    public <G> FixedPoints<G> fixedPoints(Representation<G> rep) {
        return new FixedPoints<>(rep, solve(Representations.trivial(rep.group()), rep));
    }

    /**
     * Solve with an explicit list of discrete generators. Package-private: tests use it to show that dropping a
     * generator gives a too-large space that the random-element check then rejects.
     */
    <G> EquivariantBasis<G> solve(Representation<G> in, Representation<G> out, List<G> generators) {
        return solve(in, out, generators, false);
    }

    /**
     * {@code groupGenerators}: the generators are the group's own, so the whole group is known and the IRREP
     * strategy (which works from the group, not from a list of generators) may be used.
     */
    private <G> EquivariantBasis<G> solve(
            Representation<G> in, Representation<G> out, List<G> generators, boolean groupGenerators) {
        RepData.checkSameGroup(in, out);
        long t0 = System.nanoTime();
        List<Representation<G>> ins = summands(in), outs = summands(out);
        Map<Representation<G>, RepData<G>> data = new IdentityHashMap<>();
        for (Representation<G> r : ins) data.computeIfAbsent(r, x -> new RepData<>(x, generators));
        for (Representation<G> r : outs) data.computeIfAbsent(r, x -> new RepData<>(x, generators));
        Map<Object, BlockSolution> local = new HashMap<>();
        Map<Strategy, Integer> used = new EnumMap<>(Strategy.class);
        List<EquivariantBasis.Placement> placements = new ArrayList<>();
        java.util.Set<String> fallbacks = new java.util.LinkedHashSet<>();
        int solved = 0, reused = 0, rowOffset = 0;
        for (Representation<G> o : outs) {
            int colOffset = 0;
            for (Representation<G> i : ins) {
                RepData<G> di = data.get(i), dout = data.get(o);
                Object key = List.of(dout.key(), di.key());
                BlockSolution s = local.get(key);
                if (s == null) s = cache.get(key);
                if (s == null) {
                    s = solveBlock(di, dout, groupGenerators);
                    if (s.fallback != null) log.log(s.fallback);
                    solved++;
                    used.merge(s.strategy, 1, Integer::sum);
                    cache.put(key, s, di.keySize() + dout.keySize());
                } else {
                    reused++;
                }
                local.put(key, s);
                if (s.fallback != null) fallbacks.add(s.fallback);
                placements.add(new EquivariantBasis.Placement(rowOffset, colOffset, s));
                colOffset += i.dimension();
            }
            rowOffset += o.dimension();
        }
        SolveStats stats = new SolveStats(
                System.nanoTime() - t0, ins.size() * outs.size(), solved, reused, used, List.copyOf(fallbacks));
        return new EquivariantBasis<>(in, out, placements, stats);
    }

    private <G> List<Representation<G>> summands(Representation<G> r) {
        if (decompose && r instanceof DirectSum<G> s) return s.summands();
        return List.of(r);
    }

    private <G> BlockSolution solveBlock(RepData<G> in, RepData<G> out, boolean groupGenerators) {
        int m = out.dim, n = in.dim;
        if ((long) m * n > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("Hom-space of '" + in.rep.name() + "' -> '" + out.rep.name() + "' has "
                    + (long) m * n + " unknowns (" + m + " x " + n + "), more than can be indexed");
        if (strategy == Strategy.AUTO && groupGenerators && irrepApplies(in, out) && irrepCheaper(in, out)) {
            try {
                return irrep(in, out);
            } catch (ArithmeticException e) {
                // The decomposition's own checks failed (numerics, or a Lie algebra that is not the group's): solve
                // the constraints instead, and say so, in the log and in the basis's SolveStats. A silent fallback
                // once hid a decomposition bug behind a ten-minute LOBPCG run.
                Strategy s = choose(in, out);
                String line = String.format(
                        java.util.Locale.ROOT,
                        "basis solver: the irreducible decomposition of '%s' -> '%s' of %s failed (%s); solving its "
                                + "%d x %d unknowns by %s instead",
                        in.rep.name(),
                        out.rep.name(),
                        in.rep.group().name(),
                        e.getMessage(),
                        m,
                        n,
                        s);
                return solveWith(s, in, out, groupGenerators).asFallback(line);
            }
        }
        return solveWith(strategy == Strategy.AUTO ? choose(in, out) : strategy, in, out, groupGenerators);
    }

    private <G> BlockSolution solveWith(Strategy s, RepData<G> in, RepData<G> out, boolean groupGenerators) {
        int m = out.dim, n = in.dim;
        if (s == Strategy.IRREP) {
            if (!groupGenerators || !irrepApplies(in, out))
                throw new IllegalArgumentException(
                        "the irrep strategy needs orthogonal representations of SO3, O3, SO2 "
                                + "or O2 with the group's own generators; '" + in.rep.name() + "' -> '" + out.rep.name()
                                + "' of " + in.rep.group().name() + " is not");
            return irrep(in, out);
        }
        switch (s) {
            case ORBIT -> {
                if (!in.monomial() || !out.monomial())
                    throw new IllegalArgumentException("the orbit strategy needs signed-permutation representations "
                            + "without Lie-algebra action; '" + in.rep.name() + "' -> '" + out.rep.name() + "' of "
                            + in.rep.group().name() + " is not");
                return BlockSolution.ofOrbits(m, n, OrbitSolver.solve(out.permutations(), in.permutations(), m, n));
            }
            case DENSE -> {
                return BlockSolution.ofDense(m, n, s, GramSolver.solve(constraints(in, out), m, n));
            }
            case ITERATIVE -> {
                checkIterative(in, out);
                return BlockSolution.ofDense(m, n, s, iterative(constraints(in, out), m, n));
            }
            case REYNOLDS -> {
                if (!(in.rep.group() instanceof FiniteGroup<G> f))
                    throw new IllegalArgumentException("group averaging needs a finite group; "
                            + in.rep.group().name() + " is not");
                checkReynolds(f, in, out);
                return BlockSolution.ofDense(m, n, s, ReynoldsSolver.solve(f, in.rep, out.rep, SEED));
            }
            default -> throw new IllegalStateException("unhandled strategy " + s);
        }
    }

    /** IRREP applies to SO(3), O(3), SO(2), O(2) when both representations are orthogonal (and not monomial). */
    private static <G> boolean irrepApplies(RepData<G> in, RepData<G> out) {
        if (!IrrepDecomposition.supports(in.rep.group())) return false;
        if (!in.rep.isOrthogonal() || !out.rep.isOrthogonal()) return false;
        return true;
    }

    /**
     * AUTO's choice between IRREP and DENSE below {@link #DENSE_LIMIT} unknowns: a cost model fitted to
     * {@code noether bench basis-crossover} (thread CPU time per solve, median of 11 interleaved rounds, 23 SO(3),
     * O(3), SO(2) and O(2) cases from 9 to 729 unknowns; table and command in docs/benchmarks/basis.md). In
     * milliseconds on the measuring machine (only the ratio matters):
     * <ul>
     *   <li>IRREP: {@link #IRREP_FIXED_SPATIAL_MS} (SO(3), O(3)) or {@link #IRREP_FIXED_PLANAR_MS} (SO(2), O(2)) plus
     *       {@link #IRREP_PER_CUBE_MS} (d_in^3 + d_out^3), one decomposition when in and out are the same (End(V));</li>
     *   <li>DENSE: {@link #DENSE_81_MS} (mn / 81)^2.25 ({@link #DENSE_EXPONENT}): the measured growth from 81 to 729
     *       unknowns, slower than the (mn)^3 of a full factorization because the Gram solve stops at the rank.</li>
     * </ul>
     * IRREP is taken when its estimate is lower. Measured crossovers: square cases switch to IRREP at 64 unknowns on
     * SO(2)/O(2) (0.19-0.43x of DENSE there) and above 81 on SO(3)/O(3) (1.04-1.09x at 81, 0.17-0.27x at 225-243);
     * lopsided cases (V^4 -> V, T(3) -> V, D2*D2 -> V) stay DENSE, where one large decomposition costs 2-3x the
     * dense solve.
     */
    static boolean irrepCheaper(int dIn, int dOut, boolean same, int lieDimension) {
        double mn = (double) dIn * dOut;
        if (mn > DENSE_LIMIT) return true;
        return irrepMillis(dIn, dOut, same, lieDimension) < denseMillis(mn);
    }

    /** The model's estimate of an IRREP solve, ms (see {@link #irrepCheaper(int, int, boolean, int)}). */
    static double irrepMillis(int dIn, int dOut, boolean same, int lieDimension) {
        double cubes = Math.pow(dIn, 3) + (same ? 0 : Math.pow(dOut, 3));
        return (lieDimension == 1 ? IRREP_FIXED_PLANAR_MS : IRREP_FIXED_SPATIAL_MS) + IRREP_PER_CUBE_MS * cubes;
    }

    /** The model's estimate of a DENSE solve of {@code unknowns} unknowns, ms. */
    static double denseMillis(double unknowns) {
        return DENSE_81_MS * Math.pow(unknowns / 81, DENSE_EXPONENT);
    }

    /** Fixed cost of an IRREP solve on SO(3) or O(3), ms (the half turn, small eigendecompositions, checks). */
    static final double IRREP_FIXED_SPATIAL_MS = 0.1;
    /** Fixed cost of an IRREP solve on SO(2) or O(2), ms. */
    static final double IRREP_FIXED_PLANAR_MS = 0.02;
    /** IRREP cost per d^3 of a decomposed side (the Casimir eigendecomposition and the copies), ms. */
    static final double IRREP_PER_CUBE_MS = 4e-6;
    /** DENSE cost at 81 unknowns, ms. */
    static final double DENSE_81_MS = 0.07;
    /** Growth exponent of the DENSE cost in the number of unknowns. */
    static final double DENSE_EXPONENT = 2.25;

    private static <G> boolean irrepCheaper(RepData<G> in, RepData<G> out) {
        return irrepCheaper(
                in.dim, out.dim, in.key().equals(out.key()), in.rep.group().lieAlgebraDimension());
    }

    private static <G> BlockSolution irrep(RepData<G> in, RepData<G> out) {
        String what = what(in, out);
        // Refuse before decomposing when the weights already say the basis cannot be stored.
        java.util.OptionalLong estimate = IrrepSolver.estimateDimension(in.rep, out.rep);
        if (estimate.isPresent()) IrrepSolver.checkSize(what, estimate.getAsLong(), out.dim, in.dim);
        IrrepDecomposition<G> di = in.decomposition();
        // End(V): one decomposition serves both sides (the key compares the generator matrices by value)
        IrrepDecomposition<G> dout = out.key().equals(in.key()) ? di : out.decomposition();
        long k = IrrepSolver.dimension(di, dout);
        IrrepSolver.checkSize(what, k, out.dim, in.dim);
        List<double[]> basis = IrrepSolver.solve(di, dout);
        return BlockSolution.ofDense(out.dim, in.dim, Strategy.IRREP, basis);
    }

    /** Floating-point operations per second assumed by the up-front time estimates (one core, conservative). */
    static final double FLOPS = 1e9;

    /** Longest estimated run that ITERATIVE and REYNOLDS start; beyond it they refuse with the estimate. */
    static final double MAX_SECONDS = 600;

    /**
     * LOBPCG applies sum_c C_c^T C_c about (8 + nullity) times per iteration for dozens of iterations. The lower
     * bound used here, 400 applications (8 vectors, 50 iterations), already exceeds the limit for, say, S7's
     * std^4 -> std^4 (1296 x 1296 dense generators), which would otherwise run for hours without a word.
     */
    private static <G> void checkIterative(RepData<G> in, RepData<G> out) {
        double applyCost = 0;
        for (Constraint c : constraints(in, out)) applyCost += c.cost();
        checkIterative(
                what(in, out), out.dim, in.dim, applyCost, Runtime.getRuntime().maxMemory());
    }

    /**
     * Refuses, in one line, an iterative solve of an m x n block whose constraints cost {@code applyCost}
     * multiply-adds per application of C (the sum of {@link Constraint#cost()}) when its lower-bound time exceeds
     * {@link #MAX_SECONDS} or its 48 vectors of mn doubles exceed half of {@code heap} bytes.
     */
    static void checkIterative(String what, int m, int n, double applyCost, long heap) {
        // one application of C^T C is C and C^T: four sparse products per constraint
        double seconds = 4.0 * applyCost * 400 / FLOPS;
        double bytes = 8.0 * 48 * n * (double) m;
        if (seconds > MAX_SECONDS || bytes > heap / 2.0)
            throw new org.noether.experiment.NoetherUserException(String.format(
                    java.util.Locale.ROOT,
                    "the iterative solve of %s (%d x %d unknowns) would need at least %s and %.1f GB "
                            + "(limits: %.0f s, half the heap = %.1f GB)",
                    what,
                    m,
                    n,
                    duration(seconds),
                    bytes / 1e9,
                    MAX_SECONDS,
                    heap / 1e9));
    }

    private static <G> void checkReynolds(FiniteGroup<G> f, RepData<G> in, RepData<G> out) {
        long order = orderWithoutEnumerating(f);
        if (order < 0) return; // unknown without enumerating: small generated groups; the solver enumerates
        checkReynolds(in.rep.name(), out.rep.name(), f.name(), order, out.dim, in.dim);
    }

    /**
     * Refuses, in one line, averaging an m x n block over {@code order} elements when its lower-bound time exceeds
     * {@link #MAX_SECONDS}: every element's two matrices are formed and converted, about 5 (m^2 + n^2) operations.
     */
    static void checkReynolds(String in, String out, String group, long order, int m, int n) {
        double seconds = order * 5.0 * ((double) n * n + (double) m * m) / FLOPS;
        if (seconds > MAX_SECONDS)
            throw new org.noether.experiment.NoetherUserException(String.format(
                    java.util.Locale.ROOT,
                    "group averaging of '%s' -> '%s' over the %d elements of %s would need about %s (limit %.0f s)",
                    in,
                    out,
                    order,
                    group,
                    duration(seconds),
                    MAX_SECONDS));
    }

    private static <G> String what(RepData<G> in, RepData<G> out) {
        return "'" + in.rep.name() + "' -> '" + out.rep.name() + "' of "
                + in.rep.group().name();
    }

    static String duration(double seconds) {
        if (seconds < 120) return String.format(java.util.Locale.ROOT, "%.0f s", Math.max(1, seconds));
        if (seconds < 7200) return String.format(java.util.Locale.ROOT, "%.0f min", seconds / 60);
        if (seconds < 2 * 86400) return String.format(java.util.Locale.ROOT, "%.0f h", seconds / 3600);
        return String.format(java.util.Locale.ROOT, "%.0f days", seconds / 86400);
    }

    private static <G> Strategy choose(RepData<G> in, RepData<G> out) {
        if (in.monomial() && out.monomial()) return Strategy.ORBIT;
        return choose(out.dim, in.dim, orderWithoutEnumerating(in.rep.group()));
    }

    /**
     * AUTO's choice for an m x n block that is not a pair of signed permutations: DENSE up to {@link #DENSE_LIMIT}
     * unknowns; beyond, REYNOLDS when the group's order is known ({@code order > 0}), at most
     * {@link #REYNOLDS_ORDER_LIMIT}, and averaging touches at most {@link #REYNOLDS_WORK} matrix entries; else
     * ITERATIVE.
     */
    static Strategy choose(int m, int n, long order) {
        if ((long) m * n <= DENSE_LIMIT) return Strategy.DENSE;
        // Averaging evaluates rho_in and rho_out at every element, twice: keep that to about 2e8 matrix entries.
        double work = (double) order * ((double) n * n + (double) m * m);
        if (order > 0 && order <= REYNOLDS_ORDER_LIMIT && work <= REYNOLDS_WORK) return Strategy.REYNOLDS;
        return Strategy.ITERATIVE;
    }

    /** Most matrix entries, |G| (m^2 + n^2), that AUTO's averaging may form. */
    static final double REYNOLDS_WORK = 2e8;

    /**
     * |G| when it is known without listing the elements, else -1 (also for infinite groups). FiniteGroup.order()
     * would enumerate S_10's 3.6 million permutations just to learn that averaging over them is out of the question.
     */
    static long orderWithoutEnumerating(Group<?> g) {
        return g.orderWithoutEnumerating().orElse(-1);
    }

    private static <G> List<Constraint> constraints(RepData<G> in, RepData<G> out) {
        int m = out.dim, n = in.dim;
        List<Constraint> cs = new ArrayList<>();
        for (int h = 0; h < in.generatorCount(); h++) cs.add(new Constraint(out.discrete(h), m, in.discrete(h), n));
        for (int k = 0; k < in.lieDimension(); k++) {
            Constraint c = new Constraint(out.lie(k), m, in.lie(k), n);
            if (!c.isZero()) cs.add(c);
        }
        return cs;
    }

    static List<double[]> iterative(List<Constraint> cs, int m, int n) {
        int size = m * n;
        double bound = 0;
        for (Constraint c : cs) bound += c.normBound() * c.normBound();
        if (bound == 0) return GramSolver.unconstrained(size);
        return Lobpcg.nullspace(normalOperator(cs, size), size, bound, SEED, 8);
    }

    /** y = sum_c C_c^T C_c x, overwriting y (the operator whose nullspace LOBPCG finds). */
    static Lobpcg.Operator normalOperator(List<Constraint> cs, int size) {
        double[] tmp = new double[size];
        return (x, y) -> {
            java.util.Arrays.fill(y, 0.0);
            for (Constraint c : cs) {
                c.apply(x, tmp);
                c.applyTransposeAdd(tmp, y);
            }
        };
    }
}
