package org.noether.nn.equivariant;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.noether.equivariance.basis.BasisSolver;
import org.noether.equivariance.basis.EquivariantBasis;
import org.noether.equivariance.basis.FixedPoints;
import org.noether.representation.Representation;

/**
 * A linear layer {@code y = x W^T + b} whose weight is constrained to commute with the group: {@code W rho_in(g) =
 * rho_out(g) W} for every g, and whose bias is a fixed point of {@code rho_out}.
 *
 * <p>The trainable parameters are the coefficients {@code c} of {@code W = sum_k c_k B_k} on the orthonormal basis
 * {@code B_1..B_K} solved by {@link BasisSolver#standard()} (parameter {@code coefficients}, shape (K)) and the
 * coefficients of the bias on the orthonormal fixed-point basis of {@code rho_out} (parameter {@code bias}, shape
 * (F)). The bases themselves are constants: they are computed from the representations when the block is
 * constructed, are not saved with the model, and live as one (K, dOut*dIn) and one (F, dOut) tensor on the manager
 * of the parameters. When no two basis elements share a nonzero entry (for example maps between permutation
 * representations, whose orbit basis elements are disjoint 0/1 patterns) the weight constant is instead an index and
 * a value per entry of W, and W is assembled by a gather.
 *
 * <p>Input (batch, dIn), output (batch, dOut). In a training forward pass the weight is assembled from the current
 * coefficients inside the autograd graph (one (1,K) x (K, dOut*dIn) product, or one gather, per pass). In an inference pass the
 * assembled weight and bias are cached and reused, so inference costs the same fused {@code linear} call as DJL's
 * {@code Linear}. The cache is dropped by every training forward pass, by {@link #loadParameters} and by {@link
 * #invalidate()}; call {@code invalidate()} after changing the parameters in any other way (for example by {@code
 * Parameter.setArray}, or an optimizer step that follows an inference pass made after the training forward).
 */
public final class EquivariantLinear extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Representation<?> input;
    private final Representation<?> output;
    private final int dIn;
    private final int dOut;
    private final int k;
    private final int f;
    private final float[] weightBasis; // k x (dOut * dIn), null when gathering
    private final long[] gatherIndex; // dOut * dIn, or null
    private final float[] gatherValues; // dOut * dIn, or null
    private final float[] biasBasis; // f x dOut

    private final Parameter coefficients;
    private final Parameter bias;

    private NDArray weightBasisArray;
    private NDArray gatherIndexArray;
    private NDArray gatherValuesArray;
    private NDArray biasBasisArray;
    private NDArray cachedWeight;
    private NDArray cachedBias;

    /**
     * @param rhoIn representation on the input features
     * @param rhoOut representation on the output features (same group)
     * @throws IllegalArgumentException if the groups differ (compared by name)
     */
    public <G> EquivariantLinear(Representation<G> rhoIn, Representation<G> rhoOut) {
        this(BasisSolver.standard().solve(rhoIn, rhoOut), FixedPoints.of(rhoOut));
    }

    /** Builds the layer from an already solved basis and the fixed points of its output representation. */
    public <G> EquivariantLinear(EquivariantBasis<G> basis, FixedPoints<G> biasSpace) {
        super(VERSION);
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(biasSpace, "biasSpace");
        if (biasSpace.representation().dimension() != basis.rows())
            throw new IllegalArgumentException("bias space of dimension "
                    + biasSpace.representation().dimension() + " does not match the output dimension " + basis.rows());
        this.input = basis.input();
        this.output = basis.output();
        if (!input.group().name().equals(output.group().name()))
            throw new IllegalArgumentException("representations of different groups: "
                    + input.group().name() + " and " + output.group().name());
        this.dIn = basis.columns();
        this.dOut = basis.rows();
        this.k = basis.dimension();
        this.f = biasSpace.dimension();
        int size = dOut * dIn;
        // When no two basis elements share a nonzero entry (orbit bases of permutation representations, such as
        // regular -> regular), W is a gather of the coefficients times fixed values: O(dOut * dIn) to assemble
        // instead of O(K * dOut * dIn), and no dense K x (dOut * dIn) constant.
        long[] index = new long[size];
        float[] values = new float[size];
        boolean[] used = new boolean[size];
        boolean disjoint = k > 0;
        for (int e = 0; e < k && disjoint; e++) {
            double[] b = basis.element(e);
            for (int i = 0; i < size; i++) {
                if (b[i] == 0) continue;
                if (used[i]) {
                    disjoint = false;
                    break;
                }
                used[i] = true;
                index[i] = e;
                values[i] = (float) b[i];
            }
        }
        if (disjoint) {
            gatherIndex = index;
            gatherValues = values;
            weightBasis = null;
        } else {
            gatherIndex = null;
            gatherValues = null;
            weightBasis = new float[k * size];
            for (int e = 0; e < k; e++) {
                double[] b = basis.element(e);
                for (int i = 0; i < size; i++) weightBasis[e * size + i] = (float) b[i];
            }
        }
        biasBasis = new float[f * dOut];
        List<double[]> vs = biasSpace.vectors();
        for (int e = 0; e < f; e++) for (int i = 0; i < dOut; i++) biasBasis[e * dOut + i] = (float) vs.get(e)[i];
        // Orthonormal basis: ||W||_F^2 = ||c||^2. Aim for E ||W||_F^2 = dOut (entries of variance ~ 1/dIn).
        float sigma = k == 0 ? 0f : (float) Math.sqrt((double) dOut / k);
        coefficients = addParameter(Parameter.builder()
                .setName("coefficients")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(Math.max(k, 0)))
                .optInitializer(new NormalInitializer(sigma))
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(f))
                .build());
    }

    /** Representation on the inputs. */
    public Representation<?> input() {
        return input;
    }

    /** Representation on the outputs. */
    public Representation<?> output() {
        return output;
    }

    /** Number of weight coefficients (the dimension of the space of equivariant maps). */
    public int weightDimension() {
        return k;
    }

    /** Number of bias coefficients (dimension of the fixed points of the output representation). */
    public int biasDimension() {
        return f;
    }

    /** Drops the cached inference weight; the next inference pass assembles it again. */
    public synchronized void invalidate() {
        if (cachedWeight != null && !cachedWeight.isReleased()) cachedWeight.close();
        if (cachedBias != null && !cachedBias.isReleased()) cachedBias.close();
        cachedWeight = null;
        cachedBias = null;
    }

    /**
     * Assembles the weight (dOut, dIn) and bias (dOut) from the current parameters now and caches them for inference.
     * Returns copies as Java arrays: {@code [weight row-major, bias]}.
     */
    public synchronized float[][] assemble() {
        invalidate();
        ensureCache();
        return new float[][] {cachedWeight.toFloatArray(), cachedBias.toFloatArray()};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (training) {
            invalidate();
            NDManager scope = x.getManager();
            NDArray c = store.getValue(coefficients, x.getDevice(), true);
            NDArray cb = store.getValue(bias, x.getDevice(), true);
            ensureConstants(c.getManager());
            // Views of the parameters are moved onto the step's manager so that every result of the chain
            // (which belongs to the manager of its receiver) is freed with the step.
            NDArray w = weight(on(scope, c.reshape(k)));
            NDArray b = on(scope, cb.reshape(1, f)).matMul(biasBasisArray).reshape(dOut);
            return x.getNDArrayInternal().linear(x, w, b);
        }
        NDArray w;
        NDArray b;
        synchronized (this) {
            ensureCache();
            w = cachedWeight;
            b = cachedBias;
        }
        return x.getNDArrayInternal().linear(x, w, b);
    }

    private void ensureCache() {
        if (cachedWeight != null && !cachedWeight.isReleased() && !cachedBias.isReleased()) return;
        NDArray c = coefficients.getArray();
        NDArray cb = bias.getArray();
        NDManager owner = c.getManager();
        ensureConstants(owner);
        try (NDManager tmp = owner.newSubManager()) {
            NDArray w = weight(on(tmp, c.stopGradient()));
            NDArray b = on(tmp, cb.stopGradient())
                    .reshape(1, f)
                    .matMul(biasBasisArray)
                    .reshape(dOut);
            w.attach(owner);
            b.attach(owner);
            cachedWeight = w;
            cachedBias = b;
        }
    }

    /** W (dOut, dIn) from the coefficient vector c (k); results belong to c's manager. */
    private NDArray weight(NDArray c) {
        if (gatherIndex != null)
            return c.gather(gatherIndexArray, 0).mul(gatherValuesArray).reshape(dOut, dIn);
        return c.reshape(1, k).matMul(weightBasisArray).reshape(dOut, dIn);
    }

    /** True when the weight is assembled by a gather (basis elements with disjoint supports). */
    public boolean assemblesByGather() {
        return gatherIndex != null;
    }

    private static NDArray on(NDManager manager, NDArray a) {
        a.attach(manager);
        return a;
    }

    private synchronized void ensureConstants(NDManager manager) {
        if (biasBasisArray != null && !biasBasisArray.isReleased()) return;
        if (gatherIndex != null) {
            gatherIndexArray = manager.create(gatherIndex, new Shape(gatherIndex.length));
            gatherValuesArray = manager.create(gatherValues, new Shape(gatherValues.length));
        } else {
            weightBasisArray = manager.create(weightBasis, new Shape(k, (long) dOut * dIn));
        }
        biasBasisArray = manager.create(biasBasis, new Shape(f, dOut));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {
            inputShapes[0].slice(0, inputShapes[0].dimension() - 1).add(dOut)
        };
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        long last = inputShapes[0].get(inputShapes[0].dimension() - 1);
        if (last != dIn)
            throw new IllegalArgumentException("EquivariantLinear expects " + dIn + " input features (" + input.name()
                    + "), got shape " + inputShapes[0]);
        invalidate();
    }

    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        invalidate();
        super.loadParameters(manager, is);
    }

    @Override
    public String toString() {
        return "EquivariantLinear(" + input.name() + " -> " + output.name() + ", " + k + " weight and " + f
                + " bias coefficients)";
    }
}
