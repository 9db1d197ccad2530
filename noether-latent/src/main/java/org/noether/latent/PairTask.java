package org.noether.latent;

import java.util.SplittableRandom;

/**
 * A family of pairs (x1, x2, g) generated on the fly from a picture data set: x2 shows the hidden factor of x1
 * transformed by g. Draws take all their randomness from the generator passed in, so a seeded generator gives the
 * same pairs every time.
 *
 * @param <G> the group's element type
 */
public interface PairTask<G> {

    /** Identifier, e.g. {@code "rotated-mnist"}. */
    String name();

    /** Side of the square pictures. */
    int size();

    /** The action of G on the latent that models of this task use. */
    LatentAction<G> latentAction();

    /** Draws a pair from the training split ({@code test = false}) or the test split. */
    Pair<G> sample(boolean test, SplittableRandom random);

    /** The identity element of G. */
    default G identity() {
        return latentAction().group().identity();
    }

    /**
     * The pixels the group changes when it acts on only part of the picture ({@code true} = changed), row-major, or
     * {@code null} when it acts on the whole picture. Experiments score such regions apart, so that an unaltered part
     * cannot hide a difference between models.
     */
    default boolean[] alteredRegion() {
        return null;
    }

    /**
     * The data-space baseline: g applied to the pixels of x1, or {@code null} when G has no action on pictures that
     * could stand in for the hidden one.
     */
    float[] dataSpacePrediction(Pair<G> pair);
}
