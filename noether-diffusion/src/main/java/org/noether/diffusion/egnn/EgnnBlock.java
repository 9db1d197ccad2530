package org.noether.diffusion.egnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.noether.nn.util.Scalars;

/**
 * An E(3)-equivariant graph network in the style of EGNN (Satorras, Hoogeboom and Welling, 2021) over padded batches
 * of molecules, predicting clean coordinates from noisy ones.
 *
 * <p>Inputs, in this order ({@code B} molecules padded to {@code N} atoms):
 * <ol>
 * <li>{@code x}: coordinates, (B, N, 3);
 * <li>{@code h}: atom features (one-hot element), (B, N, F);
 * <li>{@code e}: pair features (one-hot bond type, type 0 meaning "no bond", then flags for pairs two and three bonds
 *     apart), (B, N, N, E);
 * <li>{@code mask}: 1 for real atoms, 0 for padding, (B, N);
 * <li>{@code t}: the diffusion time, (B, 1).
 * </ol>
 * Each of the {@code layers} layers computes, over all pairs of distinct real atoms, the message
 * {@code m_ij = swish(phi_e(h_i, h_j, d_ij^2, rbf(d_ij), e_ij))} ({@link #RBF} Gaussian radial features of the
 * distance), updates {@code x_i += (1/(n-1)) sum_j (x_i - x_j) / (d_ij + 1) phi_x(m_ij)} and
 * {@code h_i += phi_h(h_i, (1/(n-1)) sum_j m_ij)}. phi_x is bounded by {@link #COORD_RANGE} through a tanh, so that a
 * poorly trained network cannot drive the sampler to infinity, and its last layer starts near zero, so the untrained
 * network starts from the skip connection below. Both aggregations are means: with sums the features grew by about
 * the number of atoms per layer, and the tanh saturated (zero gradient) on almost every pair. Only invariants enter
 * the MLPs, so the coordinate output is equivariant under rotations, reflections, translations and permutations of
 * the atoms. The network runs on the rescaled input {@code c_in x} and its output is preconditioned as in EDM (Karras
 * et al. 2022), for the interpolant {@code x_t = t x_1 + (1 - t) eps} and a data scale {@link #SIGMA_DATA}:
 * {@code D = c_skip x + c_out F}, with {@code F} the sum of the coordinate updates, {@code c_in = 1/sqrt(t^2 s^2 +
 * (1-t)^2)}, {@code c_skip = t s^2 c_in^2}, {@code c_out = (1-t) s c_in}; these depend on t only, so equivariance is
 * kept and the prediction stays bounded where the sampler divides by 1 - t. Training weights the squared error of D by
 * {@link #lossWeight} so that F regresses on a target of unit scale at every t. The
 * output (B, N, 3) has its centre of mass (mean over real atoms) removed and zeros at padded atoms, so it is
 * invariant under translations of the input and equivariant under rotations, reflections and permutations.
 */
public final class EgnnBlock extends AbstractBlock {

    /** The assumed per-coordinate scale of clean conformers, in angstrom, used by the preconditioning. */
    public static final float SIGMA_DATA = 1.5f;

    /**
     * Bound on each coordinate-update weight: {@code phi_x = COORD_RANGE tanh(...)} keeps every update bounded. With
     * the mean over n - 1 partners one bonded partner moves an atom by at most about COORD_RANGE / (n - 1) times
     * {@code d / (d + 1)} per layer; 3 was too tight for 10 to 20 atoms (the tanh saturated during training).
     */
    public static final float COORD_RANGE = 10f;

    /** Gaussian radial features of the (rescaled) distance: RBF centres at 0, RBF_STEP, ... */
    static final int RBF = 12;

    static final float RBF_STEP = 0.3f;
    static final float RBF_GAMMA = 1f / (2 * RBF_STEP * RBF_STEP);

    private final int hidden;
    private final int layers;
    private final SequentialBlock embed;
    private final SequentialBlock[] phiE;
    private final SequentialBlock[] phiX;
    private final SequentialBlock[] phiH;

    /**
     * @param hidden the width of the atom and message features
     * @param layers the number of message-passing layers
     */
    public EgnnBlock(int hidden, int layers) {
        if (hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("hidden and layers must be positive; got " + hidden + ", " + layers);
        }
        this.hidden = hidden;
        this.layers = layers;
        embed = addChildBlock(
                "embed",
                new SequentialBlock().add(Linear.builder().setUnits(hidden).build()));
        phiE = new SequentialBlock[layers];
        phiX = new SequentialBlock[layers];
        phiH = new SequentialBlock[layers];
        for (int l = 0; l < layers; l++) {
            phiE[l] = addChildBlock("edge" + l, mlp(hidden, hidden));
            phiX[l] = addChildBlock("coord" + l, coordMlp(hidden));
            phiH[l] = addChildBlock("node" + l, mlp(hidden, hidden));
        }
    }

    private static SequentialBlock mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(x -> new NDList(swish(x.singletonOrThrow())))
                .add(Linear.builder().setUnits(out).build());
    }

    /**
     * The loss weight {@code 1 / c_out(t)^2} that turns the squared error of the prediction of x_1 into the squared
     * error of the network output F against its own target {@code (x_1 - c_skip x_t) / c_out}, of unit scale at
     * every t.
     */
    public static float lossWeight(float t) {
        double s2 = (double) SIGMA_DATA * SIGMA_DATA, u = Math.max(1 - t, 1e-3);
        return (float) ((t * t * s2 + u * u) / (u * u * s2));
    }

    /** As {@link #mlp} with one output whose weights start near zero, so the untrained network barely moves atoms. */
    private static SequentialBlock coordMlp(int hidden) {
        Linear last = Linear.builder().setUnits(1).build();
        last.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(x -> new NDList(swish(x.singletonOrThrow())))
                .add(last);
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return layers;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0), h0 = inputs.get(1), e = inputs.get(2), mask = inputs.get(3), t = inputs.get(4);
        long b = x.getShape().get(0), n = x.getShape().get(1);
        long f = h0.getShape().get(2), ef = e.getShape().get(3);
        NDArray m3 = mask.expandDims(2); // (B, N, 1)
        NDArray pair = mask.expandDims(2)
                .mul(mask.expandDims(1))
                .mul(x.getManager().eye((int) n).expandDims(0).neg().add(1))
                .expandDims(3); // (B, N, N, 1)
        NDArray count = mask.sum(new int[] {1}, true).expandDims(2); // (B, 1, 1)
        NDArray tb = t.expandDims(1).broadcast(b, n, 1);
        NDArray h = linear(embed, ps, h0.concat(tb, 2).reshape(b * n, f + 1), training)
                .reshape(b, n, hidden)
                .mul(m3);
        // preconditioning for x_t = t x_1 + (1 - t) eps with data scale SIGMA_DATA (per molecule, shape (B, 1, 1))
        NDArray a = t.expandDims(2), s = a.neg().add(1);
        NDArray cin =
                a.square().mul(SIGMA_DATA * SIGMA_DATA).add(s.square()).sqrt().pow(-1);
        NDArray cskip = a.mul(SIGMA_DATA * SIGMA_DATA).mul(cin.square());
        NDArray cout = s.mul(SIGMA_DATA).mul(cin);
        NDArray input = x;
        x = x.mul(cin);
        NDArray start = x;
        NDArray scale = count.sub(1).maximum(1).pow(-1); // 1 / (n - 1)
        NDArray centres = x.getManager().arange(0f, (float) RBF).mul(RBF_STEP).reshape(1, 1, 1, RBF);
        for (int l = 0; l < layers; l++) {
            NDArray diff = x.expandDims(2).sub(x.expandDims(1)); // (B, N, N, 3)
            NDArray d2 = diff.square().sum(new int[] {3}, true); // (B, N, N, 1)
            NDArray hi = h.expandDims(2).broadcast(b, n, n, hidden);
            NDArray hj = h.expandDims(1).broadcast(b, n, n, hidden);
            NDArray rbf = d2.add(1e-8)
                    .sqrt()
                    .sub(centres)
                    .square()
                    .mul(Scalars.like(d2, -RBF_GAMMA))
                    .exp(); // (B, N, N, K)
            NDArray in = concatLast(hi, hj, d2, rbf, e).reshape(b * n * n, 2L * hidden + 1 + RBF + ef);
            NDArray m = swish(linear(phiE[l], ps, in, training))
                    .reshape(b, n, n, hidden)
                    .mul(pair);
            NDArray pre =
                    linear(phiX[l], ps, m.reshape(b * n * n, hidden), training).reshape(b, n, n, 1);
            NDArray w = pre.tanh().mul(Scalars.like(pre, COORD_RANGE)).mul(pair);
            NDArray dir = diff.div(d2.add(1e-8).sqrt().add(1));
            x = x.add(dir.mul(w).sum(new int[] {2}).mul(scale));
            NDArray agg = m.sum(new int[] {2}).mul(scale); // (B, N, H), mean over j
            NDArray upd = linear(phiH[l], ps, h.concat(agg, 2).reshape(b * n, 2L * hidden), training)
                    .reshape(b, n, hidden);
            h = h.add(upd).mul(m3);
        }
        x = input.mul(cskip).add(x.sub(start).mul(cout));
        NDArray com = x.mul(m3).sum(new int[] {1}, true).div(count); // (B, 1, 3)
        return new NDList(x.sub(com).mul(m3));
    }

    private static NDArray concatLast(NDArray... parts) {
        NDList list = new NDList(parts);
        return ai.djl.ndarray.NDArrays.concat(list, 3);
    }

    private static NDArray linear(SequentialBlock block, ParameterStore ps, NDArray in, boolean training) {
        return block.forward(ps, new NDList(in), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long f = inputShapes[1].get(2), ef = inputShapes[2].get(3);
        embed.initialize(manager, dataType, new Shape(1, f + 1));
        for (int l = 0; l < layers; l++) {
            phiE[l].initialize(manager, dataType, new Shape(1, 2L * hidden + 1 + RBF + ef));
            phiX[l].initialize(manager, dataType, new Shape(1, hidden));
            phiH[l].initialize(manager, dataType, new Shape(1, 2L * hidden));
        }
    }

    /**
     * x sigmoid(x), the same values as {@code Activation.swish(x, 1f)}, which multiplies by its beta as a
     * {@code Number}: an operand DJL frees right away although autograd keeps it (see {@link Scalars}).
     */
    static NDArray swish(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
