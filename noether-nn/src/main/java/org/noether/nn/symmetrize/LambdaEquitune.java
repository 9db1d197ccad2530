package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;
import org.noether.nn.util.Scalars;

/**
 * Lambda-equitune (Basu et al. 2023): {@code M(x) = sum_g lambda(g . x) g^-1 . M(g . x) / sum_g lambda(g . x)}
 * with a small network {@code lambda} made positive by {@link Positivity}. Equitune is the case of a constant
 * lambda, equizero the limit of an indicator. Exactly invariant/equivariant for any model and any lambda network
 * (the weights of a transformed input are a permutation of the original ones); gradients reach both networks.
 *
 * <p>Lambda and the model are trained jointly by default; to train lambda first (the model frozen), call {@link
 * #freezeModel(boolean) freezeModel(true)}, train, then {@code freezeModel(false)}. The reference code's CLIP
 * experiments use unnormalized, unconstrained lambda and no {@code g^-1}; here lambda is positive, the weights are
 * normalized, and outputs are pulled back.
 *
 * <pre>{@code
 * Block lambda = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(1).build());
 * var le = new LambdaEquitune<>(cnn, lambda, Symmetry.invariant(c4, NDActions.image(c4)), Positivity.SOFTPLUS);
 * }</pre>
 *
 * @param <G> the group element type
 */
public final class LambdaEquitune<G> extends Symmetrized<G> {

    /** How the raw output z of the lambda network becomes a positive weight. */
    public enum Positivity {
        /** lambda = max(softplus(z), 1e-12); the floor keeps the normalization finite. */
        SOFTPLUS,
        /** lambda = exp(z), normalized stably as a softmax over the group. */
        EXP
    }

    private static final float FLOOR = 1e-12f;

    private final Block lambda;
    private final Positivity positivity;

    public LambdaEquitune(Block model, Block lambda, Symmetry<G> symmetry, Positivity positivity) {
        super(model, symmetry);
        this.lambda = addChildBlock("lambda", Objects.requireNonNull(lambda, "lambda"));
        this.positivity = Objects.requireNonNull(positivity, "positivity");
    }

    /** The lambda network (raw output; the wrapper applies the positivity). */
    public Block lambda() {
        return lambda;
    }

    public Positivity positivity() {
        return positivity;
    }

    @Override
    NDArray symmetrize(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        int k = symmetry.size();
        long b = x.getShape().get(0);
        NDArray orbit = symmetry.orbit(x);
        NDArray y = runModel(ps, orbit, training, params);
        NDArray z = lambda.forward(ps, new NDList(orbit), training, params).singletonOrThrow();
        closeUnless(orbit, x, y, z);
        if (z.size() != k * b) {
            throw new IllegalStateException("the lambda network must give one value per sample, got shape "
                    + z.getShape() + " for " + k * b + " inputs");
        }
        NDArray weights;
        try (NDArray grid = z.reshape(k, b)) {
            weights = normalize(grid, positivity);
        }
        closeUnless(z, x, y);
        NDArray pulled = symmetry.pullBack(y);
        closeUnless(y, x, pulled);
        try (pulled;
                weights) {
            return weightedSum(weights, pulled);
        }
    }

    /** Column-normalized positive weights {@code [K, B]} from raw lambda outputs {@code [K, B]}. */
    static NDArray normalize(NDArray raw, Positivity positivity) {
        if (positivity == Positivity.EXP) {
            return raw.softmax(0);
        }
        try (NDArray soft = Activation.softPlus(raw);
                NDArray floor = Scalars.like(soft, FLOOR);
                NDArray positive = soft.maximum(floor);
                NDArray total = positive.sum(new int[] {0}, true)) {
            return positive.div(total);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        lambda.initialize(manager, dataType, orbitShape(inputShapes[0]));
    }
}
