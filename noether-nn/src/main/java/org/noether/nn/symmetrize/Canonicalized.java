package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.noether.nn.util.Constants;

/**
 * Canonicalization (Kaba et al. 2023; Mondal et al. 2023): {@code M(x) = h(x) . M(h(x)^-1 . x)} where the canonical
 * element {@code h(x)} comes from a scoring network {@code s}: {@code h(x)^-1 = argmax_g s(g . x)}, "the copy of x
 * that looks most canonical". Built this way, {@code h(k x) = k h(x)} for <em>any</em> scoring network, so the
 * wrapper is exactly invariant/equivariant whatever {@code s} and {@code M} are. Ties (within {@code tolerance * (1
 * + |max|)}) are averaged over, as in {@link Equizero}, so inputs with a nontrivial stabilizer stay equivariant.
 *
 * <p>The scoring network sees the whole orbit (one batch of K x B inputs); the model sees only the selected copies
 * (B of them, more only where scores tie), so canonicalization costs one model evaluation instead of K. A given
 * canonicalizer is a parameter-free scoring block (e.g. a {@code LambdaBlock}); a learned one is trained with the
 * canonicalization prior through {@link #priorBlock()}: a cross-entropy that asks for the identity to be canonical
 * on upright training data. The selection carries no gradient: training the wrapper trains the model only.
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * var canon = new Canonicalized<>(cnn, scorer, Symmetry.invariant(c4, NDActions.image(c4)));
 * Block prior = canon.priorBlock();   // x -> [B, K] logits; train with SoftmaxCrossEntropyLoss, label 0
 * }</pre>
 *
 * @param <G> the group element type
 */
public final class Canonicalized<G> extends Symmetrized<G> {

    /** Default relative tolerance under which scores count as tied. */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    private final Block scorer;
    private double tolerance = DEFAULT_TOLERANCE;

    public Canonicalized(Block model, Block scorer, Symmetry<G> symmetry) {
        super(model, symmetry);
        this.scorer = addChildBlock("scorer", Objects.requireNonNull(scorer, "scorer"));
    }

    /** The scoring network: one score per input, higher meaning more canonical. */
    public Block scorer() {
        return scorer;
    }

    /** Sets the tie tolerance (>= 0); returns this. */
    public Canonicalized<G> tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
        return this;
    }

    /** Scores of the orbit as {@code [K, B]} (row k: copy {@code g_k . x}), without gradient. */
    NDArray orbitScores(
            ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params, NDArray orbit) {
        int k = symmetry.size();
        long b = x.getShape().get(0);
        NDArray s = scorer.forward(ps, new NDList(orbit), training, params).singletonOrThrow();
        if (s.size() != k * b) {
            throw new IllegalStateException("the scorer must give one score per sample, got shape " + s.getShape()
                    + " for " + k * b + " inputs");
        }
        NDArray grid = s.reshape(k, b);
        closeUnless(s, orbit, x);
        return grid;
    }

    /**
     * For each sample, the indices k of the selected copies {@code g_k . x} (the canonical ones, several where
     * scores tie); {@code h(x) = g_k^-1}.
     */
    public int[][] canonicalIndices(ParameterStore ps, NDArray x) {
        float[] w;
        long b = x.getShape().get(0);
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray local = x.duplicate();
            local.attach(scope);
            NDArray orbit = symmetry.orbit(local);
            NDArray scores = orbitScores(ps, local, false, null, orbit);
            w = weights(scores).toFloatArray();
        }
        int k = symmetry.size();
        int[][] out = new int[(int) b][];
        for (int j = 0; j < b; j++) {
            List<Integer> sel = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (w[i * (int) b + j] > 0) {
                    sel.add(i);
                }
            }
            out[j] = sel.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private NDArray weights(NDArray scores) {
        try (NDArray detached = scores.stopGradient();
                NDArray negated = detached.neg()) {
            return Ties.minimizerWeights(negated, tolerance);
        }
    }

    @Override
    NDArray symmetrize(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        int k = symmetry.size();
        int b = Math.toIntExact(x.getShape().get(0));
        NDArray orbit = symmetry.orbit(x);
        float[] w;
        try (NDArray scores = orbitScores(ps, x, false, params, orbit);
                NDArray weights = weights(scores)) {
            w = weights.toFloatArray();
        }
        // selected rows of the orbit, element-major, and the matrix that averages them back into B outputs
        List<Long> rows = new ArrayList<>();
        int[] perElement = new int[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < b; j++) {
                if (w[i * b + j] > 0) {
                    rows.add((long) i * b + j);
                    perElement[i]++;
                }
            }
        }
        int selected = rows.size();
        long[] index = new long[selected];
        float[] mix = new float[b * selected];
        for (int s = 0; s < selected; s++) {
            long r = rows.get(s);
            index[s] = r;
            mix[(int) (r % b) * selected + s] = w[(int) r];
        }
        NDArray canonical;
        try (NDArray idx = Constants.of(x.getManager(), index)) {
            canonical = orbit.get(idx);
        }
        closeUnless(orbit, x, canonical);
        NDArray y = runModel(ps, canonical, training, params);
        closeUnless(canonical, x, y);
        NDArray pulled = pullBackSelected(y, perElement);
        closeUnless(y, x, pulled);
        Shape outShape = pulled.getShape();
        try (pulled;
                NDArray flat = pulled.reshape(selected, -1);
                NDArray a = Constants.of(x.getManager(), mix, new Shape(b, selected));
                NDArray combined = a.matMul(flat)) {
            return combined.reshape(new Shape(b).addAll(outShape.slice(1)));
        }
    }

    /** Applies g_k^-1 to the consecutive block of outputs that came from element k. */
    private NDArray pullBackSelected(NDArray y, int[] perElement) {
        if (symmetry.output().isTrivial()) {
            return y;
        }
        List<Long> cuts = new ArrayList<>();
        List<Integer> elementOfBlock = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < perElement.length; i++) {
            if (perElement[i] == 0) {
                continue;
            }
            if (at > 0) {
                cuts.add(at);
            }
            elementOfBlock.add(i);
            at += perElement[i];
        }
        long[] split = cuts.stream().mapToLong(Long::longValue).toArray();
        NDList blocks = split.length == 0 ? new NDList(y) : y.split(split, 0);
        NDList back = new NDList(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            back.add(symmetry.output().act(symmetry.inverse(elementOfBlock.get(i)), blocks.get(i)));
        }
        if (back.size() == 1) {
            return back.get(0);
        }
        NDArray out = NDArrays.concat(back, 0);
        for (NDArray a : back) {
            closeUnless(a, y);
        }
        for (NDArray a : blocks) {
            closeUnless(a, y);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {model.getOutputShapes(inputShapes)[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        model.initialize(manager, dataType, inputShapes[0]);
        scorer.initialize(manager, dataType, orbitShape(inputShapes[0]));
    }

    /**
     * A block sharing this wrapper's scorer that maps a batch {@code [B, ...]} to the logits {@code [B, K]} of "copy
     * k is canonical". Training it with softmax cross-entropy against label 0 (the identity) on upright data is the
     * canonicalization prior: the scorer learns to call upright inputs canonical, and by construction then calls
     * {@code g . x} canonical after undoing g.
     */
    public Block priorBlock() {
        return new Prior();
    }

    private final class Prior extends AbstractBlock {
        Prior() {
            super((byte) 1);
            addChildBlock("scorer", scorer);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray orbit = symmetry.orbit(x);
            try (NDArray scores = orbitScores(ps, x, training, params, orbit)) {
                closeUnless(orbit, x);
                return new NDList(scores.transpose());
            }
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), symmetry.size())};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            scorer.initialize(manager, dataType, orbitShape(inputShapes[0]));
        }
    }
}
