package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * Equizero (Basu et al. 2023): {@code M(x) = g*^-1 . M(g* . x)} with {@code g* = argmin_g l(M(g . x))} for a proxy
 * loss {@code l} of the model's raw output ({@link Proxy#entropy()}, {@link Proxy#negativeMaxProbability()} or your
 * own). It is canonicalization whose energy is the pretrained model's own confidence.
 *
 * <p><b>Ties.</b> The reference implementation takes the first index of argmin, which is not equivariant on inputs
 * with a nontrivial stabilizer (a rotation-symmetric image: its transformed copies tie exactly, and the first one
 * depends on how the input was presented). Here the output is the average of {@code g^-1 . M(g . x)} over
 * <em>every</em> minimizer, where values within {@code tolerance * (1 + |min|)} of the minimum count as tied
 * (default {@value #DEFAULT_TOLERANCE}); that average is equivariant. Outputs are pulled back with {@code g^-1}
 * (the reference code omits it for its classifiers, where it is harmless, and applies {@code g} instead in SCAN).
 *
 * <p><b>Training.</b> The selection has no gradient. With the straight-through estimator (on by default) the
 * training-mode output is {@code avg + stopGradient(equizero - avg)}, {@code avg} the group average: the forward
 * value is the equizero output (to float32 rounding) and the backward pass is that of {@link Equitune}, as in the
 * paper's fine-tuning. In inference mode the output is the equizero output itself.
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * Equizero<DihedralElement> ez = new Equizero<>(cnn, Symmetry.invariant(c4, NDActions.image(c4)), Proxy.entropy());
 * }</pre>
 *
 * @param <G> the group element type
 */
public final class Equizero<G> extends Symmetrized<G> {

    /** Default relative tolerance under which proxy values count as tied. */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    private final Proxy proxy;
    private double tolerance = DEFAULT_TOLERANCE;
    private boolean straightThrough = true;

    public Equizero(Block model, Symmetry<G> symmetry, Proxy proxy) {
        super(model, symmetry);
        this.proxy = Objects.requireNonNull(proxy, "proxy");
    }

    public Proxy proxy() {
        return proxy;
    }

    /** Sets the tie tolerance (>= 0); returns this. */
    public Equizero<G> tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
        return this;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Turns the straight-through estimator of training mode on (default) or off; returns this. */
    public Equizero<G> straightThrough(boolean on) {
        this.straightThrough = on;
        return this;
    }

    public boolean straightThrough() {
        return straightThrough;
    }

    @Override
    NDArray symmetrize(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        int k = symmetry.size();
        long b = x.getShape().get(0);
        NDArray orbit = symmetry.orbit(x);
        NDArray y = runModel(ps, orbit, training, params);
        closeUnless(orbit, x, y);
        NDArray weights;
        try (NDArray detached = y.stopGradient();
                NDArray losses = proxy.loss(detached)) {
            if (losses.size() != k * b) {
                throw new IllegalStateException("proxy gave " + losses.getShape() + " for " + k * b
                        + " outputs; it must give one loss per sample");
            }
            try (NDArray grid = losses.reshape(k, b)) {
                weights = Ties.minimizerWeights(grid, tolerance);
            }
        }
        NDArray pulled = symmetry.pullBack(y);
        closeUnless(y, x, pulled);
        try (pulled;
                weights) {
            NDArray selected = weightedSum(weights, pulled);
            if (!(training && straightThrough)) {
                return selected;
            }
            try (selected;
                    NDArray average = pulled.mean(new int[] {0})) {
                return StraightThrough.of(selected, average);
            }
        }
    }
}
