package org.noether.latent;

/**
 * One training or test example: a source picture, the target picture showing the source's hidden factor
 * transformed by {@code element}, and what was drawn to make them.
 *
 * @param source  x1, {@code size x size} values in [0, 1], row-major
 * @param target  x2
 * @param element g, with x2 showing g acting on the hidden factor of x1
 * @param item    index of the underlying picture in its split
 * @param factors the hidden factors of the source as the task defines them (see each {@link PairTask})
 */
public record Pair<G>(float[] source, float[] target, G element, int item, double[] factors) {}
