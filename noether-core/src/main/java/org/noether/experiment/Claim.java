package org.noether.experiment;

import java.util.Objects;

/**
 * One claim of a paper (or of the library), checked by a run: what is claimed, the paper's figure where there is one,
 * our figure with its interval, and the verdict computed from the run.
 *
 * <pre>{@code
 * Interval diff = Stats.pairedDifference(quotientCovR, conventionalCovR, ctx.random("claims").nextLong());
 * Claim c = Claim.about(Paper.QUOTIENT_DIFFUSION, "quotient objective beats conventional (Cov-R)")
 *         .paperFigure("96.40 vs 95.98 %")
 *         .measured(diff, "Cov-R difference, points")
 *         .positive();                       // held iff the whole interval lies above 0
 * }</pre>
 *
 * @param paper       whose claim it is
 * @param statement   the claim, as one sentence
 * @param paperFigure the paper's figure, or "" where it gives none
 * @param ours        our figure in words (e.g. {@code "+1.2 [0.4, 2.0] points"}); never {@code null}
 * @param interval    our figure with its interval, or {@code null} when the claim is not numeric
 * @param verdict     what the run says
 * @param detail      how the verdict was reached (the rule and the numbers it used), one sentence
 * @param rule        the rule that decided the verdict, in a form a later step can apply again (e.g. to an aggregate
 *                    over seeds)
 */
public record Claim(
        Paper paper,
        String statement,
        String paperFigure,
        String ours,
        Interval interval,
        Verdict verdict,
        String detail,
        Rule rule) {

    /**
     * How a verdict was decided.
     *
     * @param kind      the kind of rule
     * @param threshold the threshold of {@link Kind#ABOVE}, {@link Kind#BELOW} and {@link Kind#AT_MOST}; NaN otherwise
     */
    public record Rule(Kind kind, double threshold) {

        /** The kinds of rule. */
        public enum Kind {
            /** Held iff the interval lies entirely above the threshold. */
            ABOVE,
            /** Held iff the interval lies entirely below the threshold. */
            BELOW,
            /** Held iff the interval's upper end (the largest value) is at most the threshold. */
            AT_MOST,
            /** Decided by the caller; only the verdict is known. */
            JUDGED,
            /** Nothing comparable was measured. */
            NOT_COMPARABLE
        }

        /** A rule decided by the caller. */
        public static final Rule JUDGED = new Rule(Kind.JUDGED, Double.NaN);

        /** Checks the kind is present. */
        public Rule {
            Objects.requireNonNull(kind, "kind");
        }

        /** Whether {@code i} satisfies this rule; only for the threshold kinds. */
        public boolean holds(Interval i) {
            return switch (kind) {
                case ABOVE -> i.above(threshold);
                case BELOW -> i.below(threshold);
                case AT_MOST -> i.upper() <= threshold;
                default -> throw new IllegalStateException(kind + " cannot be applied to an interval");
            };
        }
    }

    /** A claim whose verdict the caller decided ({@link Rule#JUDGED}, or not comparable). */
    public Claim(
            Paper paper,
            String statement,
            String paperFigure,
            String ours,
            Interval interval,
            Verdict verdict,
            String detail) {
        this(
                paper,
                statement,
                paperFigure,
                ours,
                interval,
                verdict,
                detail,
                verdict == Verdict.NOT_COMPARABLE ? new Rule(Rule.Kind.NOT_COMPARABLE, Double.NaN) : Rule.JUDGED);
    }

    /** Checks required parts and turns missing text into "". */
    public Claim {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(verdict, "verdict");
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("a claim needs a statement");
        }
        paperFigure = Names.nullToEmpty(paperFigure);
        ours = Names.nullToEmpty(ours);
        detail = Names.nullToEmpty(detail);
        rule = rule == null ? Rule.JUDGED : rule;
    }

    /** Starts a claim of {@code paper}. */
    public static Builder about(Paper paper, String statement) {
        return new Builder(paper, statement);
    }

    /** Whether the run supported the claim. */
    public boolean held() {
        return verdict == Verdict.HELD;
    }

    /** Collects a claim's parts; the terminal methods compute the verdict. */
    public static final class Builder {
        private final Paper paper;
        private final String statement;
        private String paperFigure = "";
        private Interval interval;
        private String unit = "";
        private int digits = 3;
        private String ours;

        private Builder(Paper paper, String statement) {
            this.paper = paper;
            this.statement = statement;
        }

        /** The paper's figure for this claim, as text (e.g. {@code "96.40 %"}). */
        public Builder paperFigure(String figure) {
            this.paperFigure = figure;
            return this;
        }

        /** Our measurement with its interval, and its unit for display. */
        public Builder measured(Interval interval, String unit) {
            this.interval = Objects.requireNonNull(interval, "interval");
            this.unit = Names.nullToEmpty(unit);
            return this;
        }

        /** Decimals shown for our figure (default 3). */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /** Our figure in words, replacing the formatted interval. */
        public Builder ours(String text) {
            this.ours = text;
            return this;
        }

        /** Held iff the measured interval lies entirely above 0 (e.g. a paired difference "a beats b"). */
        public Claim positive() {
            return above(0);
        }

        /** Held iff the measured interval lies entirely above {@code threshold}. */
        public Claim above(double threshold) {
            Interval i = requireInterval();
            String rule =
                    "held iff the " + pct(i) + " interval lies above " + num(threshold) + "; it is " + i.format(digits);
            return build(Verdict.of(i.above(threshold)), rule, new Rule(Rule.Kind.ABOVE, threshold));
        }

        /** Held iff the measured interval lies entirely below {@code threshold}. */
        public Claim below(double threshold) {
            Interval i = requireInterval();
            String rule =
                    "held iff the " + pct(i) + " interval lies below " + num(threshold) + "; it is " + i.format(digits);
            return build(Verdict.of(i.below(threshold)), rule, new Rule(Rule.Kind.BELOW, threshold));
        }

        /** Held iff every measured value is at most {@code tolerance} (use with the interval of a worst case). */
        public Claim atMost(double tolerance) {
            Interval i = requireInterval();
            String rule = "held iff the largest value, " + num(i.upper()) + ", is at most " + num(tolerance);
            return build(Verdict.of(i.upper() <= tolerance), rule, new Rule(Rule.Kind.AT_MOST, tolerance));
        }

        /** The verdict decided by the caller, with the rule that decided it in words. */
        public Claim judged(boolean held, String rule) {
            return build(Verdict.of(held), rule, Rule.JUDGED);
        }

        /** Nothing measured here is comparable with the paper's claim; {@code why} says so. */
        public Claim notComparable(String why) {
            return build(Verdict.NOT_COMPARABLE, why, new Rule(Rule.Kind.NOT_COMPARABLE, Double.NaN));
        }

        private Claim build(Verdict v, String detail, Rule rule) {
            String text = ours != null
                    ? ours
                    : interval == null ? "" : interval.format(digits) + (unit.isEmpty() ? "" : " " + unit);
            return new Claim(paper, statement, paperFigure, text, interval, v, detail, rule);
        }

        private Interval requireInterval() {
            if (interval == null) {
                throw new IllegalStateException("claim '" + statement + "': call measured(...) before judging it");
            }
            return interval;
        }

        private static String pct(Interval i) {
            return Math.round(i.level() * 100) + " %";
        }

        private static String num(double v) {
            return (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4) || v == 0
                    ? String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "")
                    : String.format(java.util.Locale.ROOT, "%.2e", v);
        }
    }
}
