package org.noether.diffusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.noether.group.O3;

/**
 * A target distribution whose exact denoisers are computable: a mixture of a few rigid centred shapes
 * {@code S_k} (weights {@code pi_k}) under uniformly random rotations, in the plane (SO(2)) or in space (SO(3)).
 * It is the toy of the quotient-diffusion experiment: every objective's optimal denoiser is known, so samplers
 * can be compared without training.
 *
 * <p>Given {@code x_t = alpha x_1 + sigma eps}, the posterior over (k, R) is
 * {@code pi_k exp(-alpha^2 |S_k|^2 / (2 sigma^2)) exp(tr(F_k^T R))} with {@code F_k = (alpha/sigma^2) sum_n x_t,n S_k,n^T};
 * its rotation part is a von Mises or matrix Fisher distribution ({@link RotationPosterior}), so the shape weights
 * {@code w_k(x_t)} and the rotation means {@code E[R | k, x_t]} are exact up to a one-dimensional integral. The optimal
 * denoisers of the training objectives are then:
 * <ul>
 * <li>{@link Objective#CONVENTIONAL}: the posterior mean {@code sum_k w_k E[R | k] S_k};
 * <li>{@link Objective#QUOTIENT}: its horizontal part {@code P_{x_t}} of that (the loss sees nothing else);
 * <li>{@link Objective#GEODIFF}: {@code E[A_{x_t}(x_1) | x_t] = sum_k w_k R*_k S_k}, where R*_k is the Kabsch rotation
 *     of S_k onto x_t (the mode of the rotation posterior instead of its mean: no shrinkage);
 * <li>{@link Objective#AF3}: the minimizer of {@code E[min_R |D - R x_1|^2 | x_t]}, the weighted Procrustes mean of the
 *     shapes, found by fixed-point iteration; its orientation is left free by the loss, and is fixed here by
 *     superposing it on x_t.
 * </ul>
 *
 * <pre>{@code
 * RigidShapeMixture target = RigidShapeMixture.of(3, List.of(triangle), new double[] {1});
 * Denoiser exact = target.exactDenoiser(Objective.CONVENTIONAL, Schedule.LINEAR);
 * double[] x1 = target.sample(new SplittableRandom(1));
 * }</pre>
 */
public final class RigidShapeMixture {

    private final int dimension;
    private final int points;
    private final List<double[]> shapes;
    private final double[] weights;
    private final double[] logWeights;
    private final double[] squaredNorms;

    private RigidShapeMixture(int dimension, List<double[]> shapes, double[] weights) {
        this.dimension = dimension;
        this.points = shapes.get(0).length / dimension;
        this.shapes = shapes;
        this.weights = weights;
        this.logWeights = new double[weights.length];
        this.squaredNorms = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            logWeights[k] = Math.log(weights[k]);
            double s = 0;
            for (double c : shapes.get(k)) s += c * c;
            squaredNorms[k] = s;
        }
    }

    /**
     * A mixture of the given shapes (each flat, d N coordinates, centred here) with the given weights (normalized
     * here).
     */
    public static RigidShapeMixture of(int dimension, List<double[]> shapes, double[] weights) {
        RigidQuotient geometry = RigidQuotient.of(dimension);
        if (shapes.isEmpty()) throw new IllegalArgumentException("a shape mixture needs at least one shape");
        if (weights.length != shapes.size()) {
            throw new IllegalArgumentException(shapes.size() + " shapes but " + weights.length + " weights");
        }
        int len = shapes.get(0).length;
        List<double[]> centred = new ArrayList<>();
        double total = 0;
        for (int k = 0; k < shapes.size(); k++) {
            double[] s = shapes.get(k);
            geometry.points(s);
            if (s.length != len) {
                throw new IllegalArgumentException("all shapes need the same number of points; shape 0 has "
                        + len / dimension + ", shape " + k + " has " + s.length / dimension);
            }
            if (!(weights[k] > 0))
                throw new IllegalArgumentException("weight " + k + " must be positive, got " + weights[k]);
            centred.add(geometry.centred(s));
            total += weights[k];
        }
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) w[k] = weights[k] / total;
        return new RigidShapeMixture(dimension, List.copyOf(centred), w);
    }

    /** 2 or 3. */
    public int dimension() {
        return dimension;
    }

    /** The number of points of each cloud. */
    public int points() {
        return points;
    }

    /** The number of shapes. */
    public int size() {
        return shapes.size();
    }

    /** A copy of the centred shape k. */
    public double[] shape(int k) {
        return shapes.get(k).clone();
    }

    /** The normalized weight of shape k. */
    public double weight(int k) {
        return weights[k];
    }

    /** A draw from the target: a shape chosen by weight, rotated uniformly at random (Haar). */
    public double[] sample(RandomGenerator random) {
        double u = random.nextDouble();
        int k = 0;
        while (k < weights.length - 1 && u >= weights[k]) u -= weights[k++];
        double[] r;
        if (dimension == 3) {
            r = O3.SO3.sample(random).matrix();
        } else {
            double a = 2 * Math.PI * random.nextDouble();
            r = new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)};
        }
        return rotate(r, shapes.get(k));
    }

    /** The index of the shape closest to {@code x} after optimal superposition, and that RMSD. */
    public Nearest nearest(double[] x) {
        int best = -1;
        double bestRmsd = Double.POSITIVE_INFINITY;
        for (int k = 0; k < shapes.size(); k++) {
            double r = Kabsch.rmsd(shapes.get(k), x, dimension);
            if (r < bestRmsd) {
                bestRmsd = r;
                best = k;
            }
        }
        return new Nearest(best, bestRmsd);
    }

    /** The closest shape to a cloud and the RMSD to it. */
    public record Nearest(int shape, double rmsd) {}

    /** The exact posterior at one noisy cloud: shape weights and, per shape, the mean and the mode rotation. */
    record Posterior(double[] shapeWeights, double[][] meanRotations, double[][] modeRotations) {}

    Posterior posterior(double[] xt, double alpha, double sigma) {
        int kk = shapes.size(), dd = dimension * dimension;
        double[] logW = new double[kk];
        double[][] means = new double[kk][dd], modes = new double[kk][dd];
        RotationPosterior rp = new RotationPosterior(dimension);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kk; k++) {
            double logC = rp.compute(xt, shapes.get(k), alpha, sigma, means[k], modes[k]);
            logW[k] = logWeights[k] - alpha * alpha * squaredNorms[k] / (2 * sigma * sigma) + logC;
            max = Math.max(max, logW[k]);
        }
        double total = 0;
        for (int k = 0; k < kk; k++) {
            logW[k] = Math.exp(logW[k] - max);
            total += logW[k];
        }
        for (int k = 0; k < kk; k++) logW[k] /= total;
        return new Posterior(logW, means, modes);
    }

    /** The posterior probabilities of the shapes given the noisy cloud {@code xt} at noise level (alpha, sigma). */
    public double[] shapeWeights(double[] xt, double alpha, double sigma) {
        return posterior(RigidQuotient.of(dimension).centred(xt), alpha, sigma).shapeWeights();
    }

    /**
     * The optimal denoiser of {@code objective} for this target under {@code schedule}: the function a perfectly
     * trained network would compute. See the class description for each objective.
     */
    public Denoiser exactDenoiser(Objective objective, Schedule schedule) {
        RigidQuotient geometry = RigidQuotient.of(dimension);
        return new Denoiser() {
            @Override
            public double[] denoise(double[] x, double t) {
                if (!(t >= 0 && t < 1)) {
                    throw new IllegalArgumentException("the exact denoiser is defined for t in [0, 1), got " + t);
                }
                if (x.length != points * dimension) {
                    throw new IllegalArgumentException("the target has " + points + " points in R^" + dimension + " ("
                            + points * dimension + " coordinates); got " + x.length);
                }
                double[] xt = geometry.centred(x);
                Posterior post = posterior(xt, schedule.alpha(t), schedule.sigma(t));
                return switch (objective) {
                    case CONVENTIONAL -> combine(post.shapeWeights(), post.meanRotations());
                    case QUOTIENT -> geometry.project(xt, combine(post.shapeWeights(), post.meanRotations()));
                    case GEODIFF -> combine(post.shapeWeights(), post.modeRotations());
                    case AF3 -> procrustesMean(post.shapeWeights(), xt, post.modeRotations());
                };
            }

            @Override
            public double[][] denoiseBatch(double[][] x, double t) {
                double[][] out = new double[x.length][];
                IntStream.range(0, x.length).parallel().forEach(i -> out[i] = denoise(x[i], t));
                return out;
            }

            @Override
            public String toString() {
                return "exact " + objective + " denoiser";
            }
        };
    }

    /** sum_k w_k R_k S_k. */
    private double[] combine(double[] w, double[][] rotations) {
        double[] out = new double[points * dimension];
        for (int k = 0; k < w.length; k++) {
            if (w[k] == 0) continue;
            double[] r = rotations[k], s = shapes.get(k);
            for (int i = 0; i < points; i++) {
                for (int a = 0; a < dimension; a++) {
                    double v = 0;
                    for (int b = 0; b < dimension; b++) v += r[dimension * a + b] * s[dimension * i + b];
                    out[dimension * i + a] += w[k] * v;
                }
            }
        }
        return out;
    }

    /**
     * The weighted Procrustes mean {@code argmin_D sum_k w_k min_R |D - R S_k|^2}: iterate
     * {@code D <- sum_k w_k A_D(S_k)} from {@code start} until it stops moving, then superpose D on xt.
     */
    /**
     * The weighted Procrustes mean {@code argmin_D sum_k w_k min_R |D - R S_k|^2}, superposed on xt. The optimum is
     * {@code D = sum_k w_k R_k S_k} for the rotations maximizing {@code |sum_k w_k R_k S_k|^2}; they are found by
     * block coordinate ascent, each R_k set to the Kabsch rotation of S_k onto the others' weighted sum (leaving out
     * its own term, which would only damp the step), starting from the rotations {@code start} (superpositions on xt).
     */
    double[] procrustesMean(double[] w, double[] xt, double[][] start) {
        int kk = w.length, len = points * dimension, dd = dimension * dimension;
        double[][] rot = new double[kk][];
        for (int k = 0; k < kk; k++) rot[k] = start[k].clone();
        double[] sum = new double[len], m = new double[dd], u = new double[9], sv = new double[3], v = new double[9];
        double[] next = new double[dd];
        int sweep = 0;
        for (; sweep < 200 && kk > 1; sweep++) {
            double change = 0;
            for (int k = 0; k < kk; k++) {
                if (w[k] < 1e-12) continue;
                java.util.Arrays.fill(sum, 0);
                for (int l = 0; l < kk; l++) if (l != k && w[l] >= 1e-12) addRotated(w[l], rot[l], shapes.get(l), sum);
                // M = sum_n T_n S_k,n^T; the best rotation maximizes tr(R^T M)
                java.util.Arrays.fill(m, 0);
                double[] s = shapes.get(k);
                for (int i = 0; i < points; i++) {
                    for (int a = 0; a < dimension; a++) {
                        for (int b = 0; b < dimension; b++)
                            m[dimension * a + b] += sum[dimension * i + a] * s[dimension * i + b];
                    }
                }
                if (dimension == 3) {
                    Mat3.properSvd(m, u, sv, v);
                    if (sv[0] == 0) continue;
                    Mat3.multiplyTransposed(u, v, next);
                } else {
                    double ca = m[0] + m[3], sa = m[2] - m[1], rho = Math.hypot(ca, sa);
                    if (rho == 0) continue;
                    next[0] = ca / rho;
                    next[1] = -sa / rho;
                    next[2] = sa / rho;
                    next[3] = ca / rho;
                }
                for (int i = 0; i < dd; i++) change = Math.max(change, Math.abs(next[i] - rot[k][i]));
                System.arraycopy(next, 0, rot[k], 0, dd);
            }
            if (change <= 1e-10) break;
        }
        double[] d = new double[len];
        for (int k = 0; k < kk; k++) addRotated(w[k], rot[k], shapes.get(k), d);
        return Kabsch.align(d, xt, dimension);
    }

    private void addRotated(double weight, double[] r, double[] s, double[] out) {
        for (int i = 0; i < points; i++) {
            for (int a = 0; a < dimension; a++) {
                double val = 0;
                for (int b = 0; b < dimension; b++) val += r[dimension * a + b] * s[dimension * i + b];
                out[dimension * i + a] += weight * val;
            }
        }
    }

    private double[] rotate(double[] r, double[] s) {
        double[] out = new double[s.length];
        for (int i = 0; i < points; i++) {
            for (int a = 0; a < dimension; a++) {
                double v = 0;
                for (int b = 0; b < dimension; b++) v += r[dimension * a + b] * s[dimension * i + b];
                out[dimension * i + a] = v;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return size() + " shape(s) of " + points + " points in R^" + dimension + ", weights "
                + Arrays.toString(weights);
    }
}
