package org.noether.diffusion;

import java.util.SplittableRandom;

/**
 * Samplers from noise (t = 0) to data (t = 1) driven by a {@link Denoiser}: the probability-flow ODE or an SDE,
 * in the centred space (conventional) or lifted from the quotient by rigid motions.
 *
 * <p>With {@code D = D(x, t)}, {@code alpha, sigma} from the {@link Schedule} and dots for time derivatives:
 * <pre>
 *   velocity  b = alpha' D + sigma' (x - alpha D) / sigma        score  s = -(x - alpha D) / sigma^2
 *   ODE            dx = b dt
 *   SDE            dx = (b + e s) dt + sqrt(2 e) dW,            e(t) = noise * sigma(t)
 *   quotient ODE   dx = P_x b dt
 *   quotient SDE   dx = (P_x (b + e s) + sign e h(x)) dt + sqrt(2 e) P_x dW
 *   superposed     x' = A_x(x + P_x (b + e s) dt + sqrt(2 e) dW)     (A_x: superposition on x, Kabsch)
 * </pre>
 * The SDE has the marginals of the ODE for any {@code e(t) >= 0}. In the quotient SDE the diffusion coefficient is
 * {@code sqrt(2 e)}, so the mean-curvature drift {@code sign (coefficient^2 / 2) h} is {@code sign e h}, with the sign
 * chosen by {@link Correction} ({@code -1} is the right one). The vertical part of the drift only moves a cloud along
 * its orbit, so projecting it leaves the law on the quotient unchanged; the noise must be projected, and then the
 * correction restores the mean curvature of the orbits.
 *
 * <p>The superposed variant is a second discretization of the same quotient dynamics: it adds unprojected noise and
 * then rotates the result back onto the current cloud. Superposition does not change the orbit, and the orbit of
 * {@code x + sqrt(2 e dt) xi} has exactly the law of a Brownian increment on the quotient, so no correction term is
 * needed. The projection-plus-correction scheme instead integrates the singular field h (it grows like the inverse
 * distance to collinear clouds) with Euler-Maruyama, whose weak error then decays slowly for three-point clouds.
 *
 * <p>Steps are Euler (Euler-Maruyama for the SDE, Ito), or Heun's for the ODE, on the grid
 * {@code t_k = 1 - (1 - k/K)^p}, which is denser near the data for {@code p > 1}. The last step, from
 * {@code t_{K-1}} to 1, is always a deterministic Euler step; with the linear schedule it lands exactly on the
 * denoised cloud (on its horizontal projection for the quotient samplers). All samples of a call advance in
 * lockstep, so a learned denoiser sees one batch per step. Each sample draws from its own stream split from the
 * seed, so results do not depend on threading.
 *
 * <pre>{@code
 * Sampler sampler = Sampler.builder(RigidQuotient.SE3).steps(100).sde(1.0).quotient(Correction.CORRECT).build();
 * double[][] clouds = sampler.sample(target.exactDenoiser(Objective.QUOTIENT, Schedule.LINEAR), 4, 1000, 7L);
 * }</pre>
 */
public final class Sampler {

    /** Deterministic flow or stochastic dynamics. */
    public enum Dynamics {
        /** Probability-flow ODE. */
        ODE,
        /** Stochastic differential equation with the same marginals. */
        SDE
    }

    private final RigidQuotient geometry;
    private final Schedule schedule;
    private final int steps;
    private final double gridPower;
    private final Dynamics dynamics;
    private final double noise;
    private final boolean quotient;
    private final Correction correction;
    private final boolean heun;
    private final boolean superposed;

    private Sampler(Builder b) {
        this.geometry = b.geometry;
        this.schedule = b.schedule;
        this.steps = b.steps;
        this.gridPower = b.gridPower;
        this.dynamics = b.dynamics;
        this.noise = b.noise;
        this.quotient = b.quotient;
        this.correction = b.correction;
        this.heun = b.heun;
        this.superposed = b.superposed;
    }

    /** Starts a sampler for clouds in the space of {@code geometry}: by default a conventional ODE, 100 steps. */
    public static Builder builder(RigidQuotient geometry) {
        return new Builder(geometry);
    }

    /** The time grid t_0 = 0 &lt; ... &lt; t_K = 1. */
    public double[] times() {
        double[] t = new double[steps + 1];
        for (int k = 0; k <= steps; k++) t[k] = 1 - Math.pow(1 - (double) k / steps, gridPower);
        t[0] = 0;
        t[steps] = 1;
        return t;
    }

    /** A short description such as {@code "quotient SDE (correction CORRECT)"}. */
    public String label() {
        String base = (quotient ? "quotient " : "") + dynamics + (heun ? " (Heun)" : "");
        if (!quotient || dynamics != Dynamics.SDE) return base;
        return superposed ? base + " (superposed noise)" : base + " (correction " + correction + ")";
    }

    public RigidQuotient geometry() {
        return geometry;
    }

    public Dynamics dynamics() {
        return dynamics;
    }

    public boolean quotient() {
        return quotient;
    }

    public Correction correction() {
        return correction;
    }

    /** Whether the quotient SDE lifts by superposition rather than by projection and correction. */
    public boolean superposed() {
        return superposed;
    }

    public int steps() {
        return steps;
    }

    /**
     * Draws {@code count} clouds of {@code points} points.
     *
     * @param denoiser the estimate of E[x_1 | x_t]
     * @param points   the number of points of each cloud
     * @param count    the number of clouds
     * @param seed     the seed; the same seed gives the same clouds
     * @return the clouds, flat and centred
     */
    public double[][] sample(Denoiser denoiser, int points, int count, long seed) {
        if (points < 2 || count < 0) {
            throw new IllegalArgumentException(
                    "need at least 2 points and a non-negative count; got points=" + points + ", count=" + count);
        }
        int d = geometry.dimension(), len = d * points;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[count];
        double[][] x = new double[count][];
        for (int i = 0; i < count; i++) {
            streams[i] = root.split();
            x[i] = new double[len];
            for (int j = 0; j < len; j++) x[i][j] = streams[i].nextGaussian();
            geometry.centre(x[i]);
        }
        double[] t = times();
        RigidQuotient.Local local = count == 0 ? null : geometry.at(x[0]);
        double[] xi = new double[len], h = new double[len], previous = new double[len];
        double[][] drift = new double[count][len], predicted = heun ? new double[count][len] : null;
        double[][] drift2 = heun ? new double[count][len] : null;
        for (int k = 0; k < steps; k++) {
            double tk = t[k], dt = t[k + 1] - tk;
            boolean last = k == steps - 1;
            boolean stochastic = dynamics == Dynamics.SDE && !last;
            double e = noise * schedule.sigma(tk);
            driftBatch(denoiser, x, tk, stochastic, e, local, drift);
            if (heun && !last) {
                // Heun's predictor-corrector: average the drift at both ends of the step (second order for the ODE)
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < len; j++) predicted[i][j] = x[i][j] + dt * drift[i][j];
                }
                driftBatch(denoiser, predicted, t[k + 1], false, 0, local, drift2);
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < len; j++) x[i][j] += 0.5 * dt * (drift[i][j] + drift2[i][j]);
                }
                continue;
            }
            for (int i = 0; i < count; i++) {
                double[] xi0 = x[i], dr = drift[i];
                if (stochastic && superposed) {
                    for (int j = 0; j < len; j++) xi[j] = streams[i].nextGaussian();
                    geometry.centre(xi);
                    System.arraycopy(xi0, 0, previous, 0, len);
                    double amp = Math.sqrt(2 * e * dt);
                    for (int j = 0; j < len; j++) xi0[j] += dt * dr[j] + amp * xi[j];
                    Kabsch.superposeInPlace(xi0, previous, geometry.dimension());
                } else if (stochastic) {
                    for (int j = 0; j < len; j++) xi[j] = streams[i].nextGaussian();
                    if (quotient) {
                        local.moveTo(xi0);
                        local.project(xi, xi);
                        if (correction != Correction.NONE) {
                            local.correction(h);
                            double c = correction.sign() * e;
                            for (int j = 0; j < len; j++) dr[j] += c * h[j];
                        }
                    } else {
                        geometry.centre(xi);
                    }
                    double amp = Math.sqrt(2 * e * dt);
                    for (int j = 0; j < len; j++) xi0[j] += dt * dr[j] + amp * xi[j];
                } else {
                    for (int j = 0; j < len; j++) xi0[j] += dt * dr[j];
                }
            }
        }
        return x;
    }

    /**
     * The drift at every cloud of a batch, without the noise and without the correction: {@code b} (ODE) or
     * {@code b + e s} (SDE), projected horizontally for the quotient samplers.
     */
    private void driftBatch(
            Denoiser denoiser,
            double[][] x,
            double t,
            boolean stochastic,
            double e,
            RigidQuotient.Local local,
            double[][] out) {
        double[][] denoised = denoiser.denoiseBatch(x, t);
        double a = schedule.alpha(t), s = schedule.sigma(t);
        double ad = schedule.alphaDot(t), sd = schedule.sigmaDot(t);
        for (int i = 0; i < x.length; i++) {
            double[] xi0 = x[i], dn = denoised[i], dr = out[i];
            if (dn.length != xi0.length) {
                throw new IllegalStateException(
                        "the denoiser returned " + dn.length + " coordinates for a cloud of " + xi0.length);
            }
            for (int j = 0; j < xi0.length; j++) {
                double eps = (xi0[j] - a * dn[j]) / s;
                dr[j] = ad * dn[j] + sd * eps;
                if (stochastic) dr[j] -= e * eps / s;
            }
            if (quotient) {
                local.moveTo(xi0);
                local.project(dr, dr);
            }
        }
    }

    /** Collects the settings of a {@link Sampler}. */
    public static final class Builder {
        private final RigidQuotient geometry;
        private Schedule schedule = Schedule.LINEAR;
        private int steps = 100;
        private double gridPower = 1;
        private Dynamics dynamics = Dynamics.ODE;
        private double noise = 1;
        private boolean quotient;
        private Correction correction = Correction.CORRECT;
        private boolean heun;
        private boolean superposed;

        private Builder(RigidQuotient geometry) {
            this.geometry = java.util.Objects.requireNonNull(geometry, "geometry");
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** The number of steps K, at least 1. */
        public Builder steps(int steps) {
            if (steps < 1) throw new IllegalArgumentException("a sampler needs at least one step, got " + steps);
            this.steps = steps;
            return this;
        }

        /** The exponent p of the grid {@code t_k = 1 - (1 - k/K)^p}; 1 is uniform. */
        public Builder gridPower(double p) {
            if (!(p >= 1)) throw new IllegalArgumentException("the grid exponent must be >= 1, got " + p);
            this.gridPower = p;
            return this;
        }

        /** Deterministic probability-flow sampling with Euler steps (the default). */
        public Builder ode() {
            this.dynamics = Dynamics.ODE;
            this.heun = false;
            return this;
        }

        /**
         * Deterministic probability-flow sampling with Heun's second-order steps (two denoiser calls per step, one on
         * the last step, which is Euler onto the denoised cloud).
         */
        public Builder heun() {
            this.dynamics = Dynamics.ODE;
            this.heun = true;
            return this;
        }

        /** Stochastic sampling with {@code e(t) = noise * sigma(t)}, noise > 0. */
        public Builder sde(double noise) {
            if (!(noise > 0)) throw new IllegalArgumentException("the SDE noise scale must be positive, got " + noise);
            this.dynamics = Dynamics.SDE;
            this.heun = false;
            this.noise = noise;
            return this;
        }

        /** Lift the dynamics from the quotient: project drift and noise horizontally, with this correction. */
        public Builder quotient(Correction correction) {
            this.quotient = true;
            this.superposed = false;
            this.correction = java.util.Objects.requireNonNull(correction, "correction");
            return this;
        }

        /**
         * Lift the dynamics from the quotient by superposition: project the drift, add unprojected noise, then
         * superpose the new cloud on the previous one (see the class description). Same as {@link #quotient} for the
         * ODE.
         */
        public Builder quotientBySuperposition() {
            this.quotient = true;
            this.superposed = true;
            this.correction = Correction.NONE;
            return this;
        }

        /** Conventional dynamics in the centred space (the default). */
        public Builder conventional() {
            this.quotient = false;
            this.superposed = false;
            return this;
        }

        public Sampler build() {
            return new Sampler(this);
        }
    }
}
