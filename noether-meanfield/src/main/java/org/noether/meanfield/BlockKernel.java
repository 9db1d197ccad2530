package org.noether.meanfield;

/**
 * A {@link Unit} evaluated on a block of L particles at once, with the particles stored coordinate by coordinate
 * ({@code theta[p * L + i]} is coordinate p of particle i): the layout in which the loop over particles is a plain
 * loop over contiguous arrays that HotSpot vectorizes. The trainer keeps its particles in this layout for the whole
 * run. Every unit has one ({@link Unit#blockKernel}); the default adapts the per-particle methods, and
 * {@link SigmoidMatrixUnit} has a vectorized one.
 *
 * <p>A kernel may own scratch arrays: use one kernel per thread.
 *
 * <pre>{@code
 * BlockKernel k = new SigmoidMatrixUnit(2).blockKernel();
 * k.forward(thetaByCoordinate, 64, inputs, 20, sums, cache, 0);
 * k.backward(thetaByCoordinate, 64, inputs, 20, upstream, cache, 0, gradientByCoordinate);
 * }</pre>
 */
public interface BlockKernel {

    /**
     * Adds sum_i sigma_*(x_k; theta_i) over the L particles to {@code sum[k*dy ..]} for each of the {@code count}
     * inputs, and fills {@code cache[cacheOffset .. cacheOffset + L * count * cacheWidth)} with what
     * {@link #backward} needs. The sum over particles is taken in a fixed order that depends only on L.
     */
    void forward(
            double[] theta, int particles, double[] inputs, int count, double[] sum, double[] cache, int cacheOffset);

    /**
     * Writes, for each particle i, sum_k D_theta sigma_*(x_k; theta_i)^T upstream_k into
     * {@code gradient[p * L + i]} (overwriting it), from the cache {@link #forward} filled for the same block and
     * inputs. It may overwrite that cache: call it once per {@link #forward}.
     */
    void backward(
            double[] theta,
            int particles,
            double[] inputs,
            int count,
            double[] upstream,
            double[] cache,
            int cacheOffset,
            double[] gradient);

    /** The block kernel of any unit: per-particle calls on a copy of each particle's coordinates. */
    static BlockKernel perParticle(Unit unit) {
        return new BlockKernel() {
            final int dz = unit.parameterDimension();
            final int cw = unit.cacheWidth();
            final double[] one = new double[dz];
            final double[] grad = new double[dz];

            @Override
            public void forward(
                    double[] theta,
                    int particles,
                    double[] inputs,
                    int count,
                    double[] sum,
                    double[] cache,
                    int cacheOffset) {
                for (int i = 0; i < particles; i++) {
                    for (int p = 0; p < dz; p++) one[p] = theta[p * particles + i];
                    unit.forward(one, 0, inputs, count, sum, cache, cacheOffset + i * count * cw);
                }
            }

            @Override
            public void backward(
                    double[] theta,
                    int particles,
                    double[] inputs,
                    int count,
                    double[] upstream,
                    double[] cache,
                    int cacheOffset,
                    double[] gradient) {
                for (int i = 0; i < particles; i++) {
                    for (int p = 0; p < dz; p++) one[p] = theta[p * particles + i];
                    unit.backward(one, 0, inputs, count, upstream, cache, cacheOffset + i * count * cw, grad, 0);
                    for (int p = 0; p < dz; p++) gradient[p * particles + i] = grad[p];
                }
            }
        };
    }
}
