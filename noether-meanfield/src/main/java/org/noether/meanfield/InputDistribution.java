package org.noether.meanfield;

import java.util.random.RandomGenerator;

/**
 * The law of the inputs x, sampled into flat arrays. For the schemes to be compared on symmetric data it should be
 * invariant under the group's action on X (an isotropic Gaussian is, for any orthogonal action).
 */
@FunctionalInterface
public interface InputDistribution {

    /** Writes one sample x into {@code out[offset .. offset+dx)}. */
    void sample(RandomGenerator random, double[] out, int offset);

    /** N(0, std^2 I) on R^dim. */
    static InputDistribution gaussian(int dim, double std) {
        return (random, out, offset) -> {
            for (int i = 0; i < dim; i++) out[offset + i] = std * random.nextGaussian();
        };
    }
}
