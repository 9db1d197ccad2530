package org.noether.meanfield;

import java.util.List;

/**
 * What {@link MeanFieldStudy} returns: plain records that an experiment framework can render as tables and figures.
 *
 * @param title one line
 * @param description what was run, with the constants
 * @param tables the sweep, the between-scheme distances and the subspace discovery
 * @param figures RMD against N, one panel per teacher and measure (the paper's Figure 2 and its appendix companion)
 * @param claims the paper's claims, each checked against the measured numbers
 * @param runsComputed training runs done in this call
 * @param runsReused training runs read back from the output directory
 * @param wallSeconds wall time of the call
 */
public record StudyResult(String title, String description, List<Table> tables, List<Figure> figures,
                          List<Claim> claims, int runsComputed, int runsReused, double wallSeconds) {

    /** A table: named columns, rows of cells (numbers or strings). */
    public record Table(String name, String caption, List<String> columns, List<List<Object>> rows) {}

    /** A figure panel: several series over shared axes. */
    public record Figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                         List<Series> series) {}

    /** One curve; {@code yError} is the standard deviation over seeds (zeros with one seed). */
    public record Series(String label, double[] x, double[] y, double[] yError) {}

    /**
     * A claim of the paper, whether our numbers support it, and the numbers.
     *
     * @param id a short identifier
     * @param statement the claim
     * @param holds whether the check passed
     * @param evidence the measured numbers it was decided on
     */
    public record Claim(String id, String statement, boolean holds, String evidence) {}
}
