package org.noether.meanfield;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.experiment.Seeds;

/**
 * The paper's data-driven heuristic for finding the largest subspace of parameters that supports strongly invariant
 * laws (Section 5 there): since the mean-field dynamics of free training on symmetric data keep SI laws SI, a cloud
 * started inside a subspace E_j of E^G, trained freely with noise projected onto E_j, drifts only within E^G. So:
 * start from a small subspace E_0, train, measure how far the particles escape from E_j, enlarge E_j by the principal
 * directions of the escape, and stop when the particles stay put. The result is compared with E^G, which the
 * heuristic never looks at.
 *
 * <p>A direction counts as an escape when the particles' root-mean-square displacement along it, relative to their
 * root second moment, reaches {@link Options#stayThreshold} and its variance is at least {@link Options#directionRatio}
 * times the largest one. Finite-N SGD fluctuations also push particles off E^G, by an amount shrinking like
 * N^-1/2; N must be large enough for them to stay below the threshold (N = 200 suffices for the built-in settings).
 *
 * <pre>{@code
 * MeanFieldSetting s = MeanFieldSetting.paper();
 * SubspaceDiscovery.Result r = SubspaceDiscovery.run(s, s.start(), SubspaceDiscovery.Options.defaults());
 * r.found().dimension();   // 2
 * }</pre>
 */
public final class SubspaceDiscovery {
    private SubspaceDiscovery() {}

    /**
     * @param particles N
     * @param config training hyper-parameters (the noise subspace is replaced by E_j at each iteration)
     * @param teacher the teacher's symmetry; WI or SI, so that the data are symmetric
     * @param stayThreshold a direction is an escape when the relative RMS displacement along it reaches this; the cloud
     *     stays in E_j when no direction does
     * @param directionRatio and when its variance is at least this fraction of the largest
     * @param maxIterations a bound on the number of enlargements
     * @param seed seeds initialization and training
     */
    public record Options(
            int particles,
            TrainingConfig config,
            Invariance teacher,
            double stayThreshold,
            double directionRatio,
            int maxIterations,
            long seed) {

        public Options {
            if (particles < 1
                    || !(stayThreshold > 0)
                    || !(directionRatio > 0 && directionRatio <= 1)
                    || maxIterations < 1)
                throw new IllegalArgumentException(
                        "need particles >= 1, stayThreshold > 0, 0 < directionRatio <= 1," + " maxIterations >= 1");
            if (teacher == Invariance.ARBITRARY)
                throw new IllegalArgumentException("the heuristic needs symmetric data: use a WI or SI teacher");
        }

        /** N = 200, the paper's training constants with T = 20, a WI teacher, thresholds 0.03 and 0.1. */
        public static Options defaults() {
            return new Options(200, TrainingConfig.paper(), Invariance.WEAKLY_INVARIANT, 0.03, 0.1, 8, 1);
        }

        public Options withParticles(int n) {
            return new Options(n, config, teacher, stayThreshold, directionRatio, maxIterations, seed);
        }

        public Options withConfig(TrainingConfig c) {
            return new Options(particles, c, teacher, stayThreshold, directionRatio, maxIterations, seed);
        }

        public Options withSeed(long s) {
            return new Options(particles, config, teacher, stayThreshold, directionRatio, maxIterations, s);
        }
    }

    /**
     * One round of the heuristic.
     *
     * @param dimension dim E_j
     * @param escape relative RMS distance of the trained particles to E_j
     * @param spectrum eigenvalues of the escape's second-moment matrix, relative to M2, decreasing
     * @param added directions added to form E_{j+1} (0 when the particles stayed)
     * @param distanceToFixed distance of E_j to E^G (sine of the largest principal angle, 1 if dimensions differ)
     * @param insideFixed largest |q - P q| over an orthonormal basis q of E_j: how far E_j sticks out of E^G
     */
    public record Iteration(
            int dimension, double escape, double[] spectrum, int added, double distanceToFixed, double insideFixed) {}

    /**
     * @param found the last subspace (the one the particles stayed in, if {@link #converged})
     * @param iterations every round
     * @param converged whether the particles stayed within the iteration budget
     * @param distanceToFixed distance between {@code found} and E^G
     */
    public record Result(Subspace found, List<Iteration> iterations, boolean converged, double distanceToFixed) {}

    public static Result run(MeanFieldSetting setting, Subspace start, Options options) {
        Symmetry sym = setting.symmetry();
        Subspace fixed = sym.fixedSubspace();
        Teacher teacher = setting.teacher(options.teacher());
        int n = options.particles(), dz = sym.parameterDimension();
        Subspace current = start;
        List<Iteration> rounds = new ArrayList<>();
        for (int j = 0; j < options.maxIterations(); j++) {
            double[] init = Particles.inSubspace(
                    current,
                    n,
                    setting.initStd(),
                    new SplittableRandom(Seeds.derive(options.seed(), "round " + j + " initial cloud")));
            TrainingConfig cfg = options.config().withNoiseSubspace(current);
            double[] theta = new MeanFieldTrainer(setting, Scheme.VANILLA, teacher, cfg)
                    .train(init, n, Seeds.derive(options.seed(), "round " + j + " training"))
                    .particles();
            double escape = Distances.relativeEscape(current, theta, n);
            double m2 = Distances.secondMoment(theta, n, dz);
            double[] moment = new double[dz * dz];
            double[] projected = new double[dz];
            double[] e = new double[dz];
            for (int i = 0; i < n; i++) {
                current.project(theta, i * dz, projected, 0);
                for (int p = 0; p < dz; p++) e[p] = theta[i * dz + p] - projected[p];
                for (int p = 0; p < dz; p++) for (int q = 0; q < dz; q++) moment[p * dz + q] += e[p] * e[q] / n;
            }
            SymmetricEigen eig = SymmetricEigen.of(moment, dz);
            double[] spectrum = new double[dz];
            for (int p = 0; p < dz; p++) spectrum[p] = m2 == 0 ? 0 : Math.max(0, eig.values[p]) / m2;
            double insideFixed = 0;
            for (int b = 0; b < current.dimension(); b++)
                insideFixed = Math.max(insideFixed, fixed.distanceTo(current.basisVector(b), 0));
            List<double[]> directions = new ArrayList<>();
            for (int p = 0; p < dz; p++)
                if (Math.sqrt(spectrum[p]) >= options.stayThreshold()
                        && eig.values[p] >= options.directionRatio() * eig.values[0]) directions.add(eig.vectors[p]);
            if (directions.isEmpty()) {
                rounds.add(
                        new Iteration(current.dimension(), escape, spectrum, 0, current.distance(fixed), insideFixed));
                return new Result(current, rounds, true, current.distance(fixed));
            }
            Subspace next = current.extend(directions);
            rounds.add(new Iteration(
                    current.dimension(),
                    escape,
                    spectrum,
                    next.dimension() - current.dimension(),
                    current.distance(fixed),
                    insideFixed));
            if (next.dimension() == current.dimension()) break;
            current = next;
        }
        return new Result(current, rounds, false, current.distance(fixed));
    }
}
