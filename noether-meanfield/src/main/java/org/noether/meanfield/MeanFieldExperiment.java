package org.noether.meanfield;

import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Profile;

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

    /** Quick: measured on an idle 2-core machine; full: a rough estimate. */
    @Override
    public double expectedSeconds(Profile profile) {

        return profile == Profile.QUICK ? 7 : 5760;
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
        return MeanFieldStudy.run(this, ctx, MeanFieldStudy.Plan.of(ctx.profile()));
    }
}
