package org.noether.meanfield;

/**
 * The outcome of one training run.
 *
 * @param particles the final cloud, n x dimension, row-major
 * @param n number of particles
 * @param dimension parameter dimension dz
 * @param steps SGD steps taken
 * @param seconds wall time
 */
public record TrainingResult(double[] particles, int n, int dimension, long steps, double seconds) {

    /** Steps per second of this run. */
    public double stepsPerSecond() {
        return steps / seconds;
    }
}
