package org.noether.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything an experiment gets from the runner.
 *
 * <pre>{@code
 * ExperimentContext ctx = new ExperimentContext(Profile.QUICK, 42, Files.createTempDirectory("exp"), Progress.NONE);
 * SplittableRandom rng = ctx.random("data");
 * int samples = ctx.byProfile(100, 100_000);
 * }</pre>
 *
 * @param profile         how much work to do
 * @param seed            the root of all randomness in the run; the same seed must give the same result
 * @param outputDirectory an existing folder owned by this experiment alone, for checkpoints and extra files
 * @param progress        where to report progress; never {@code null}
 */
public record ExperimentContext(Profile profile, long seed, Path outputDirectory, Progress progress) {

    /** Checks that no component is {@code null}. */
    public ExperimentContext {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(progress, "progress");
    }

    /** A new generator seeded with {@link #seed()}; each call starts the same sequence again, so keep the instance. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    /**
     * A generator for one purpose, e.g. {@code ctx.random("init")} and {@code ctx.random("data")}: streams for
     * different purposes are unrelated, and each depends only on the seed and the purpose, not on what else ran first.
     */
    public SplittableRandom random(String purpose) {
        return new SplittableRandom(Seeds.derive(seed, purpose));
    }

    /** A seed for {@code purpose}, for APIs that take a {@code long}; the first value of {@link #random(String)}. */
    public long seed(String purpose) {
        return random(purpose).nextLong();
    }

    /** {@code quick} under {@link Profile#QUICK}, {@code full} under {@link Profile#FULL}. */
    public <T> T byProfile(T quick, T full) {
        return profile == Profile.QUICK ? quick : full;
    }

    /** The primitive form of {@link #byProfile(Object, Object)}, for sizes and counts. */
    public int byProfile(int quick, int full) {
        return profile == Profile.QUICK ? quick : full;
    }

    /** {@code true} under {@link Profile#QUICK}. */
    public boolean quick() {
        return profile == Profile.QUICK;
    }
}
