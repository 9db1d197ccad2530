package org.noether.meanfield;

/**
 * One unit sigma_*(x; theta) of a shallow generalized network Phi(x) = (1/N) sum_i sigma_*(x; theta_i): a map from
 * inputs x in X = R^dx and parameters theta in Z = R^dz to outputs in Y = R^dy, with the gradient in theta that
 * training needs, as a vector-Jacobian product.
 *
 * <p>The two methods work on a batch of inputs for one particle, on flat arrays, so that the trainer's loop over
 * particles makes one call per particle and step and nothing is allocated: {@code forward} adds the unit's outputs to
 * a running sum and leaves in a cache whatever {@code backward} will need (for a sigmoid, its values), and
 * {@code backward} turns upstream gradients into the parameter gradient. Implementations must be stateless so that
 * threads can share them.
 *
 * <pre>{@code
 * Unit u = new SigmoidMatrixUnit(2);                  // sigma_*(x, z) = sigmoid(z x), z a 2 x 2 matrix
 * double[] y = u.apply(new double[] {1, -2}, new double[] {0.5, 0, 0, 0.5});
 * }</pre>
 *
 * Users can plug their own sigma_* with {@link #of}; {@link Symmetry#equivarianceError} checks it against a group
 * action.
 */
public interface Unit {

    /** A short name, for tables. */
    String name();

    int inputDimension();

    int outputDimension();

    int parameterDimension();

    /** Doubles per (particle, input) that {@link #forward} stores for {@link #backward}. */
    default int cacheWidth() {
        return 0;
    }

    /**
     * For each of the {@code count} inputs {@code x_k = inputs[k*dx ..]}: adds sigma_*(x_k; theta) to {@code sum[k*dy
     * ..]} and writes what {@link #backward} needs to {@code cache[cacheOffset + k*cacheWidth() ..]}.
     */
    void forward(
            double[] theta, int thetaOffset, double[] inputs, int count, double[] sum, double[] cache, int cacheOffset);

    /**
     * Writes sum_k D_theta sigma_*(x_k; theta)^T upstream_k into {@code gradient[gradientOffset ..
     * gradientOffset+dz)}, overwriting it; {@code upstream[k*dy ..]} is the gradient of the loss with respect to the
     * unit's k-th output, and the cache is the one {@link #forward} filled for the same particle and inputs.
     */
    void backward(
            double[] theta,
            int thetaOffset,
            double[] inputs,
            int count,
            double[] upstream,
            double[] cache,
            int cacheOffset,
            double[] gradient,
            int gradientOffset);

    /**
     * A kernel over blocks of particles stored coordinate by coordinate, for the trainer's hot loop; the default
     * adapts {@link #forward} and {@link #backward}. Built-in units override it with vectorized code. Cache layout
     * per block: {@code particles * count * cacheWidth()} doubles.
     */
    default BlockKernel blockKernel() {
        return BlockKernel.perParticle(this);
    }

    /** sigma_*(x; theta) for one input, as a fresh array (for tests and inspection, not for hot loops). */
    default double[] apply(double[] x, double[] theta) {
        double[] out = new double[outputDimension()];
        forward(theta, 0, x, 1, out, new double[cacheWidth()], 0);
        return out;
    }

    /** D_theta sigma_*(x; theta)^T upstream for one input, as a fresh array. */
    default double[] pullback(double[] x, double[] theta, double[] upstream) {
        double[] cache = new double[cacheWidth()];
        forward(theta, 0, x, 1, new double[outputDimension()], cache, 0);
        double[] g = new double[parameterDimension()];
        backward(theta, 0, x, 1, upstream, cache, 0, g, 0);
        return g;
    }

    /** sigma_*(x; theta) written into {@code out} (length dy). */
    @FunctionalInterface
    interface Evaluation {
        void evaluate(double[] x, double[] theta, double[] out);
    }

    /** D_theta sigma_*(x; theta)^T upstream written into {@code gradient} (length dz). */
    @FunctionalInterface
    interface Pullback {
        void pullback(double[] x, double[] theta, double[] upstream, double[] gradient);
    }

    /**
     * A unit from two plain functions, for user-supplied sigma_*. Slower than the built-in units (it copies each
     * input and parameter vector into scratch arrays) but allocation-free per step.
     *
     * @throws IllegalArgumentException if a dimension is not positive
     */
    static Unit of(
            String name,
            int inputDimension,
            int outputDimension,
            int parameterDimension,
            Evaluation value,
            Pullback gradient) {
        return new FunctionalUnit(name, inputDimension, outputDimension, parameterDimension, value, gradient);
    }
}
