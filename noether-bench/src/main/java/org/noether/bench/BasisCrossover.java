package org.noether.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.noether.equivariance.basis.BasisSolver;
import org.noether.equivariance.basis.EquivariantBasis;
import org.noether.equivariance.basis.Strategy;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;

/**
 * Where the basis solver's IRREP path (Schur's lemma on the irreducibles) starts to beat its DENSE path on Lie
 * groups: both strategies, forced, on SO(3), O(3), SO(2) and O(2) cases from 9 to 729 unknowns, with AUTO beside them.
 * Measured in CPU time of the calling thread (the solver is single-threaded), so that a shared machine's load does not
 * enter; strategies interleaved round by round, median over rounds, each round the mean of a batch of fresh solves
 * (fresh solver, empty cache). The crossover found here is what {@code BasisSolver}'s AUTO rule uses.
 *
 * <pre>{@code
 * noether bench basis-crossover [rounds]
 * }</pre>
 */
public final class BasisCrossover {
    private BasisCrossover() {}

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** group; input; output, ordered by unknowns. */
    static final List<String> CASES = List.of(
            "SO3;V;V",
            "SO2;V*V;V*V",
            "O2;V*V;V*V",
            "SO3;V*V;V",
            "SO2;V*V*V;V*V*V",
            "O2;V*V*V;V*V*V",
            "SO3;T(3);V",
            "SO3;V*V;V*V",
            "O3;V*V;V*V",
            "SO2;V*V*V*V*V;V",
            "SO3;D2*D2;V",
            "SO3;V*V+V;V*V+V",
            "SO3;D2*V;V*V",
            "SO3;V*V*V;D2",
            "O3;V*V*V;V*V",
            "O2;V*V*V*V;V*V*V",
            "SO3;D2*V;D2*V",
            "SO3;V*V*V;V*V",
            "SO3;V*V*V*V;V",
            "O2;V*V*V*V;V*V*V*V",
            "SO3;D3*V;D3*V",
            "SO3;V*V*V;V*V*V",
            "O3;V*V*V;V*V*V");

    static final Strategy[] STRATEGIES = {Strategy.DENSE, Strategy.IRREP, Strategy.AUTO};

    /** Prints the table. Argument: rounds (default 15). */
    public static void run(String[] args, PrintStream out) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (rounds < 1) throw new IllegalArgumentException("basis-crossover needs rounds >= 1, got " + rounds);
        out.printf(
                Locale.ROOT,
                "thread CPU ms per solve, median of %d interleaved rounds; load average at start %.1f%n%n",
                rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println(
                "| group | in -> out | unknowns | dim | DENSE ms | IRREP ms | IRREP / DENSE | AUTO ms | AUTO via |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (String c : CASES) {
            String[] p = c.split(";");
            row(GroupSpec.parse(p[0]), p[1], p[2], rounds, out);
        }
    }

    private static <G> void row(Group<G> g, String inSpec, String outSpec, int rounds, PrintStream out) {
        Representation<G> in = RepresentationSpec.parse(g, inSpec), o = RepresentationSpec.parse(g, outSpec);
        double[][] ms = new double[STRATEGIES.length][rounds];
        String via = "";
        int dim = -1;
        // batch size: about 20 ms of DENSE work per batch, at least 1 solve
        long t0 = cpu();
        BasisSolver.using(Strategy.DENSE).solve(in, o);
        double once = Math.max(1e-3, (cpu() - t0) / 1e6);
        int batch = (int) Math.max(1, Math.min(200, 20 / once));
        for (int r = -2; r < rounds; r++) { // two warm-up rounds
            for (int k = 0; k < STRATEGIES.length; k++) {
                long c0 = cpu();
                EquivariantBasis<G> b = null;
                for (int i = 0; i < batch; i++)
                    b = BasisSolver.using(STRATEGIES[k]).solve(in, o);
                double t = (cpu() - c0) / 1e6 / batch;
                if (r >= 0) ms[k][r] = t;
                if (STRATEGIES[k] == Strategy.AUTO) via = b.stats().methodSummary();
                dim = b.dimension();
            }
        }
        double[] med = new double[STRATEGIES.length];
        for (int k = 0; k < STRATEGIES.length; k++) {
            Arrays.sort(ms[k]);
            med[k] = ms[k][rounds / 2];
        }
        out.printf(
                Locale.ROOT,
                "| %s | %s -> %s | %d | %d | %.3f | %.3f | %.2fx | %.3f | %s |%n",
                g.name(),
                inSpec,
                outSpec,
                in.dimension() * o.dimension(),
                dim,
                med[0],
                med[1],
                med[1] / med[0],
                med[2],
                via);
        out.flush();
    }

    private static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }
}
