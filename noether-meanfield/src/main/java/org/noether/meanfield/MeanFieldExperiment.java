package org.noether.meanfield;

import java.util.List;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Table;

/**
 * {@code noether reproduce --only meanfield.symmetries}: the sweep of "Symmetries in Overparametrized Neural Networks:
 * A Mean Field View" (Figure 2: RMD to E^G against N for vanilla / DA / FA / EA under arbitrary, weakly and strongly
 * invariant teachers), the distances between schemes, and the subspace-discovery heuristic, with each claim of the
 * paper checked against our numbers. Resumable: finished runs are stored in the experiment's folder.
 */
public final class MeanFieldExperiment implements Experiment {

    @Override
    public String name() {
        return "meanfield.symmetries";
    }

    @Override
    public String title() {
        return "Mean-field view of symmetry: DA, FA, EA and free training of shallow networks";
    }

    @Override
    public String description() {
        return "Trains overparametrized shallow networks under vanilla, DA, FA and EA schemes for N from 5 to 500 "
                + "(quick) or 5000 (full), measures relative measure distances to E^G and between schemes, and runs "
                + "the subspace-discovery heuristic.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        MeanFieldStudy.Profile p = ctx.profile() == Profile.QUICK ? MeanFieldStudy.Profile.QUICK : MeanFieldStudy.Profile.FULL;
        return run(ctx, MeanFieldStudy.Plan.of(p));
    }

    /** Runs a given plan (tests use a small one). */
    ExperimentResult run(ExperimentContext ctx, MeanFieldStudy.Plan plan) throws Exception {
        StudyResult r;
        try (Progress.Task task = ctx.progress().task("mean-field sweep", 1000)) {
            long[] done = {0};
            r = MeanFieldStudy.run(plan, ctx.seed(), ctx.outputDirectory(), (fraction, message) -> {
                long now = Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
                synchronized (done) {
                    if (now > done[0]) {
                        task.advance(now - done[0]);
                        done[0] = now;
                    }
                }
                task.message(message);
            });
        }
        ExperimentResult.Builder b = ExperimentResult.builder(this);
        long held = r.claims().stream().filter(StudyResult.Claim::holds).count();
        b.summary(r.description() + " " + held + " of " + r.claims().size() + " claims of the paper held on this run; "
                + r.runsComputed() + " runs computed, " + r.runsReused() + " reused from earlier runs.");
        Table.Builder claims = Table.builder("claims", "The paper's claims checked against our measurements")
                .columns("claim", "statement", "holds", "evidence");
        for (StudyResult.Claim c : r.claims()) claims.row(c.id(), c.statement(), c.holds(), c.evidence());
        b.table(claims.build());
        for (StudyResult.Table t : r.tables()) {
            Table.Builder tb = Table.builder(t.name(), t.caption()).columns(t.columns().toArray(String[]::new));
            for (List<Object> row : t.rows()) tb.row(row.toArray());
            b.table(tb.build());
        }
        for (StudyResult.Figure f : r.figures()) {
            Figure.Builder fb = Figure.builder(f.name(), Figure.Kind.LINE).caption(f.title()).xLabel(f.xLabel())
                    .yLabel(f.yLabel());
            if (f.logX()) fb.logX();
            if (f.logY()) fb.logY();
            for (StudyResult.Series s : f.series())
                fb.series(s.yError() == null ? Series.of(s.label(), s.x(), s.y())
                        : Series.withErrors(s.label(), s.x(), s.y(), s.yError()));
            b.figure(fb.build());
        }
        for (StudyResult.Claim c : r.claims()) b.metric("claim." + c.id(), c.holds());
        b.metric("claims_held", (int) held).metric("claims", r.claims().size())
                .metric("runs_computed", r.runsComputed()).metric("runs_reused", r.runsReused());
        return b.build();
    }
}
