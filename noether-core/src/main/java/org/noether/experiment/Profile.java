package org.noether.experiment;

/**
 * How much work an experiment should do.
 *
 * <p>{@code QUICK} is meant to finish in seconds to a few minutes on a laptop and to exercise every code
 * path; {@code FULL} produces the numbers that are reported. Experiments usually pick sizes with
 * {@link ExperimentContext#byProfile(Object, Object)}, e.g. {@code int epochs = ctx.byProfile(2, 50);}.
 */
public enum Profile {
    /** Small sizes: a smoke run that checks everything works. */
    QUICK,
    /** The sizes used for reported results. */
    FULL
}
