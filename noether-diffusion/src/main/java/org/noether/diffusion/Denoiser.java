package org.noether.diffusion;

/**
 * A denoiser {@code D(x, t)}: an estimate of the clean cloud {@code x_1} from the noisy centred cloud
 * {@code x = x_t} of the {@link Schedule}. Samplers derive the velocity and the score from it.
 *
 * <p>The exact denoisers of {@link RigidShapeMixture} implement it without training; a learned network plugs in the
 * same way, preferably overriding {@link #denoiseBatch} to evaluate a whole batch in one forward pass, since the
 * {@link Sampler} advances all its samples in lockstep and calls it once per step.
 *
 * <pre>{@code
 * Denoiser d = (x, t) -> new double[x.length];           // always predicts the origin
 * double[][] clouds = Sampler.builder(RigidQuotient.SE3).steps(50).build().sample(d, 5, 100, 42L);
 * }</pre>
 */
@FunctionalInterface
public interface Denoiser {

    /**
     * @param x a noisy centred cloud, flat, of length d N (not modified)
     * @param t the time in [0, 1), 0 being pure noise
     * @return the estimate of the clean cloud, a new array of the same length
     */
    double[] denoise(double[] x, double t);

    /** Denoises every cloud of a batch at the same time t; the default calls {@link #denoise} in order. */
    default double[][] denoiseBatch(double[][] x, double t) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = denoise(x[i], t);
        return out;
    }
}
