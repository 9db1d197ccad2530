package org.noether.equivariance.basis;

import java.util.List;
import java.util.Map;

/**
 * How a basis was obtained: wall time, number of (output summand, input summand) blocks, how many were solved and
 * how many reused from an identical block (in this solve or the solver's cache), and which strategy solved them.
 *
 * <pre>{@code
 * SolveStats s = EquivariantBasis.solve(v.plus(v), v).stats();
 * s.blocks();           // 2
 * s.methodSummary();    // e.g. "DENSE x1"
 * }</pre>
 *
 * @param nanos      wall time of {@link BasisSolver#solve}, excluding the readable form (computed on demand)
 * @param blocks     blocks in the decomposition
 * @param solved     blocks actually solved
 * @param reused     blocks taken from an identical block already solved
 * @param strategies solved blocks per strategy
 * @param fallbacks  one line per block where AUTO's IRREP decomposition failed and another strategy solved it (the
 *                   same lines go to the solver's log); empty when none
 */
public record SolveStats(
        long nanos, int blocks, int solved, int reused, Map<Strategy, Integer> strategies, List<String> fallbacks) {
    public SolveStats {
        strategies = Map.copyOf(strategies);
        fallbacks = List.copyOf(fallbacks);
    }

    /** Statistics without fallbacks. */
    public SolveStats(long nanos, int blocks, int solved, int reused, Map<Strategy, Integer> strategies) {
        this(nanos, blocks, solved, reused, strategies, List.of());
    }

    public double millis() {
        return nanos / 1e6;
    }

    /**
     * E.g. {@code "ORBIT x3, DENSE x1"}, in the enum's order; {@code " (1 IRREP fallback)"} is appended when AUTO's
     * decomposition failed on a block.
     */
    public String methodSummary() {
        StringBuilder sb = new StringBuilder();
        for (Strategy s : Strategy.values()) {
            Integer c = strategies.get(s);
            if (c == null || c == 0) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(s).append(" x").append(c);
        }
        String s = sb.length() == 0 ? "none (all reused)" : sb.toString();
        return fallbacks.isEmpty()
                ? s
                : s + " (" + fallbacks.size() + " IRREP fallback" + (fallbacks.size() == 1 ? ")" : "s)");
    }
}
