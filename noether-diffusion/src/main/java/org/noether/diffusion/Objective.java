package org.noether.diffusion;

/**
 * The per-example denoising losses compared by the quotient-diffusion paper, as functions of a prediction
 * {@code D = D_theta(x_t, t)}, the clean cloud {@code x_1} and the noisy cloud {@code x_t} (all flat and centred).
 * Time weighting is left to the training loop.
 *
 * <ul>
 * <li>{@link #CONVENTIONAL}: {@code |D - x_1|^2}. With an equivariant network or rotation augmentation its optimum is
 *     the posterior mean {@code E[x_1 | x_t]}.
 * <li>{@link #QUOTIENT}: {@code |P_{x_t}(D - x_1)|^2}, the error measured after the horizontal projection at x_t: only
 *     the part of the prediction that the quotient sampler uses is trained.
 * <li>{@link #GEODIFF}: {@code |D - A_{x_t}(x_1)|^2}, the target first superposed on x_t (Kabsch).
 * <li>{@link #AF3}: {@code |D - A_D(x_1)|^2}, the target superposed on the prediction.
 * </ul>
 * The alignment objectives change the regression target, so their optimal denoisers differ from the posterior mean
 * that the samplers assume (see {@link RigidShapeMixture} for all four optima); the quotient objective does not.
 *
 * <pre>{@code
 * double loss = Objective.QUOTIENT.loss(RigidQuotient.SE3, prediction, x1, xt);
 * double[] grad = Objective.QUOTIENT.gradient(RigidQuotient.SE3, prediction, x1, xt);   // d loss / d prediction
 * }</pre>
 */
public enum Objective {
    /** Plain regression on the clean cloud. */
    CONVENTIONAL,
    /** Regression measured after the horizontal projection at x_t. */
    QUOTIENT,
    /** Regression on the clean cloud superposed on x_t (GeoDiff style). */
    GEODIFF,
    /** Regression on the clean cloud superposed on the prediction (AlphaFold 3 style). */
    AF3;

    /**
     * The vector the prediction is compared with: x_1, its superposition on x_t or on the prediction. For
     * {@link #QUOTIENT} it is x_1, but only the horizontal part of the difference counts.
     */
    public double[] target(RigidQuotient geometry, double[] prediction, double[] x1, double[] xt) {
        int d = geometry.dimension();
        return switch (this) {
            case CONVENTIONAL, QUOTIENT -> x1.clone();
            case GEODIFF -> Kabsch.align(x1, xt, d);
            case AF3 -> Kabsch.align(x1, prediction, d);
        };
    }

    /** The loss of one example. */
    public double loss(RigidQuotient geometry, double[] prediction, double[] x1, double[] xt) {
        double[] r = residual(geometry, prediction, x1, xt);
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }

    /**
     * The gradient of {@link #loss} with respect to the prediction. For {@link #AF3} the superposing rotation is held
     * fixed, which is exact: the loss is a minimum over rotations, so by the envelope theorem its derivative does not
     * see the rotation move.
     */
    public double[] gradient(RigidQuotient geometry, double[] prediction, double[] x1, double[] xt) {
        double[] r = residual(geometry, prediction, x1, xt);
        for (int i = 0; i < r.length; i++) r[i] *= 2;
        return r;
    }

    /** D - target, projected horizontally at x_t for the quotient objective (P is an orthogonal projection). */
    private double[] residual(RigidQuotient geometry, double[] prediction, double[] x1, double[] xt) {
        if (prediction.length != x1.length || xt.length != x1.length) {
            throw new IllegalArgumentException("prediction, x1 and xt must have the same length; got "
                    + prediction.length + ", " + x1.length + ", " + xt.length);
        }
        double[] target = target(geometry, prediction, x1, xt);
        double[] r = new double[x1.length];
        for (int i = 0; i < r.length; i++) r[i] = prediction[i] - target[i];
        return this == QUOTIENT ? geometry.project(xt, r) : r;
    }
}
