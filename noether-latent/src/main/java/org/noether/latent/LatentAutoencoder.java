package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Objects;

/**
 * An autoencoder in which a group acts on the latent space ("Learning Group Actions on Latent Representations",
 * NeurIPS 2024): x2 is predicted as dec(g . enc(x1)). The latent has a varying part (the first
 * {@code varyingChannels} channels), on which a {@link LatentAction} acts, and an invariant part that the action
 * leaves alone.
 *
 * <p>Two switches give the paper's ablations. With {@code attention}, a gate computed by a 1 x 1 convolution from
 * the transformed and the untransformed latent picks, per channel and position, a convex combination
 * a (g . z) + (1 - a) z, which is a two-way attention between the two: parts of the picture that do not move (an
 * occluding block) can be read from the untransformed latent. With {@code skip}, the encoder's full-resolution
 * features reach the decoder too, transformed by the same action (and gated the same way when attention is on).
 * {@link Kind#CONDITIONAL} is the unstructured baseline: the decoder gets the untransformed latent with a plain code
 * of g ({@link LatentAction#code}) as extra channels.
 *
 * <p>Inputs, built by {@link #inputs}: {@code [x (N, c, S, S), latent operator, skip operator, code (N, k)]}; output
 * {@code [x-hat (N, c, S, S)]}. Encoder and decoder may be any blocks with the contracts of {@link ConvEncoder}
 * ({@code x -> [z, skip]}) and {@link ConvDecoder} ({@code [z] or [z, skip] -> x-hat}).
 *
 * <pre>{@code
 * var action = new SpatialRotation();
 * var net = new LatentAutoencoder(action, LatentAutoencoder.Config.defaults(), 1);
 * model.setBlock(net);
 * NDList in = net.inputs(manager, action, images, n, size, elements);
 * NDArray x2hat = net.forward(new ParameterStore(manager, false), in, false).singletonOrThrow();
 * }</pre>
 */
public final class LatentAutoencoder extends AbstractBlock {

    /** Whether g acts on the latent or is only given to the decoder as a code. */
    public enum Kind {
        LATENT_ACTION,
        CONDITIONAL
    }

    /**
     * Sizes and switches of the default convolutional model.
     *
     * @param width             channels of the hidden convolutions (and of the skip features)
     * @param varyingChannels   latent channels acted on by the group
     * @param invariantChannels latent channels left alone
     * @param downsample        whether the latent grid has half the image's side
     * @param attention         gate between transformed and untransformed features
     * @param skip              skip connection at full resolution
     * @param kind              latent action or conditional baseline
     */
    public record Config(
            int width,
            int varyingChannels,
            int invariantChannels,
            boolean downsample,
            boolean attention,
            boolean skip,
            Kind kind,
            boolean vector) {
        public Config {
            if (width < 1 || varyingChannels < 1 || invariantChannels < 0)
                throw new IllegalArgumentException("need width >= 1, varyingChannels >= 1, invariantChannels >= 0; "
                        + "got " + width + ", " + varyingChannels + ", " + invariantChannels);
            Objects.requireNonNull(kind, "kind");
        }

        /** A latent grid (not a vector). */
        public Config(
                int width,
                int varyingChannels,
                int invariantChannels,
                boolean downsample,
                boolean attention,
                boolean skip,
                Kind kind) {
            this(width, varyingChannels, invariantChannels, downsample, attention, skip, kind, false);
        }

        /** 16 hidden channels, 8 varying and 4 invariant latent channels at full resolution, attention and skip. */
        public static Config defaults() {
            return new Config(16, 8, 4, false, true, true, Kind.LATENT_ACTION);
        }

        public Config withAttention(boolean on) {
            return new Config(width, varyingChannels, invariantChannels, downsample, on, skip, kind, vector);
        }

        public Config withSkip(boolean on) {
            return new Config(width, varyingChannels, invariantChannels, downsample, attention, on, kind, vector);
        }

        public Config withKind(Kind k) {
            return new Config(width, varyingChannels, invariantChannels, downsample, attention, skip, k, vector);
        }

        public Config withDownsample(boolean on) {
            return new Config(width, varyingChannels, invariantChannels, on, attention, skip, kind, vector);
        }

        /**
         * A latent that is one vector per picture ({@link VectorEncoder}, {@link VectorDecoder}) with the given
         * numbers of varying and invariant channels, instead of a grid.
         */
        public Config withVectorLatent(int varying, int invariant) {
            return new Config(width, varying, invariant, downsample, attention, skip, kind, true);
        }

        public int latentChannels() {
            return varyingChannels + invariantChannels;
        }
    }

    private final LatentAction<?> action;
    private final Config config;
    private final int imageChannels;
    private final Block encoder;
    private final Block decoder;
    private final Conv2d latentGate;
    private final Conv2d skipGate;

    /** The default convolutional encoder and decoder. */
    public LatentAutoencoder(LatentAction<?> action, Config config, int imageChannels) {
        this(
                action,
                config,
                imageChannels,
                new ConvEncoder(config.width(), config.latentChannels(), config.downsample()),
                new ConvDecoder(config.width(), imageChannels, config.downsample(), config.skip()));
    }

    /** Any encoder ({@code x -> [z, skip]}) and decoder ({@code [z(, skip)] -> x-hat}). */
    public LatentAutoencoder(LatentAction<?> action, Config config, int imageChannels, Block encoder, Block decoder) {
        this.action = Objects.requireNonNull(action, "action");
        this.config = Objects.requireNonNull(config, "config");
        this.imageChannels = imageChannels;
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
        boolean gates = config.attention() && config.kind() == Kind.LATENT_ACTION;
        this.latentGate = gates ? addChildBlock("latentGate", gate(config.latentChannels())) : null;
        this.skipGate = gates && config.skip() ? addChildBlock("skipGate", gate(config.width())) : null;
    }

    private static Conv2d gate(int channels) {
        return Conv2d.builder()
                .setKernelShape(new Shape(1, 1))
                .setFilters(channels)
                .build();
    }

    public Config config() {
        return config;
    }

    public LatentAction<?> action() {
        return action;
    }

    /** Shapes {@code (N, C, H, W)} of the varying latent and of the skip features for images of side {@code size}. */
    public Shape[] featureShapes(int batch, int size) {
        Shape[] enc = encoder.getOutputShapes(new Shape[] {new Shape(batch, imageChannels, size, size)});
        Shape z = enc[0];
        return new Shape[] {new Shape(batch, config.varyingChannels(), z.get(2), z.get(3)), enc[1]};
    }

    /**
     * The model's inputs for {@code n} images of side {@code size} ({@code images} holds them one after another,
     * channel-major) and one group element each, on {@code manager}.
     */
    public <G> NDList inputs(
            NDManager manager, LatentAction<G> action, float[] images, int n, int size, List<G> elements) {
        if (action != this.action)
            throw new IllegalArgumentException("inputs must be built with the model's own action " + this.action);
        if (elements.size() != n)
            throw new IllegalArgumentException(n + " images but " + elements.size() + " group elements");
        Shape[] f = featureShapes(n, size);
        NDArray x = manager.create(images, new Shape(n, imageChannels, size, size));
        int k = action.codeSize();
        float[] codes = new float[n * k];
        for (int i = 0; i < n; i++) System.arraycopy(action.code(elements.get(i)), 0, codes, i * k, k);
        NDArray code = manager.create(codes, new Shape(n, k));
        if (config.kind() == Kind.CONDITIONAL) {
            // operators are unused; tiny placeholders keep one input format for every model
            return new NDList(x, manager.zeros(new Shape(n, 1, 1)), manager.zeros(new Shape(n, 1, 1)), code);
        }
        NDArray latentOp = action.operator(manager, elements, f[0]);
        NDArray skipOp = config.skip() ? action.operator(manager, elements, f[1]) : manager.zeros(new Shape(n, 1, 1));
        return new NDList(x, latentOp, skipOp, code);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList enc = encode(ps, inputs.get(0), training);
        return decode(ps, transform(ps, enc, inputs, training), training);
    }

    /** The encoder's {@code [z, skip]}. */
    NDList encode(ParameterStore ps, NDArray x, boolean training) {
        return encoder.forward(ps, new NDList(x), training);
    }

    /** The decoder's inputs from the encoder's outputs: g acting on them (and gated), or the conditional code. */
    NDList transform(ParameterStore ps, NDList enc, NDList inputs, boolean training) {
        NDArray z = enc.get(0), s = enc.get(1);
        NDArray zc, sc = null;
        if (config.kind() == Kind.CONDITIONAL) {
            NDArray code = inputs.get(3);
            Shape zs = z.getShape();
            NDArray planes = code.reshape(zs.get(0), code.getShape().get(1), 1, 1)
                    .broadcast(zs.get(0), code.getShape().get(1), zs.get(2), zs.get(3));
            zc = z.concat(planes, 1);
            if (config.skip()) sc = s;
        } else {
            NDArray gz = actOnVarying(z, inputs.get(1));
            zc = config.attention() ? mix(ps, latentGate, gz, z, training) : gz;
            if (config.skip()) {
                NDArray gs = applyAction(s, inputs.get(2));
                sc = config.attention() ? mix(ps, skipGate, gs, s, training) : gs;
            }
        }
        return sc == null ? new NDList(zc) : new NDList(zc, sc);
    }

    NDList decode(ParameterStore ps, NDList latent, boolean training) {
        return decoder.forward(ps, latent, training);
    }

    private NDArray applyAction(NDArray z, NDArray operator) {
        return action.apply(z, operator);
    }

    private NDArray actOnVarying(NDArray z, NDArray operator) {
        if (config.invariantChannels() == 0) return applyAction(z, operator);
        NDList parts = z.split(new long[] {config.varyingChannels()}, 1);
        return applyAction(parts.get(0), operator).concat(parts.get(1), 1);
    }

    private static NDArray mix(ParameterStore ps, Conv2d gate, NDArray moved, NDArray still, boolean training) {
        NDArray a = Activation.sigmoid(
                gate.forward(ps, new NDList(moved.concat(still, 1)), training).singletonOrThrow());
        return a.mul(moved).add(a.neg().add(1).mul(still));
    }

    /**
     * Decodes the invariant latent part of {@code invariantSource} joined with the varying part (and the skip
     * features) of {@code varyingSource}, with no group action: the latent-swap picture. Only for
     * {@link Kind#LATENT_ACTION} models.
     */
    public NDArray swap(ParameterStore ps, NDArray invariantSource, NDArray varyingSource) {
        if (config.kind() != Kind.LATENT_ACTION)
            throw new IllegalStateException("a latent swap needs a structured latent; this is a conditional model");
        NDList a = encoder.forward(ps, new NDList(invariantSource), false);
        NDList b = encoder.forward(ps, new NDList(varyingSource), false);
        NDList za = a.get(0).split(new long[] {config.varyingChannels()}, 1);
        NDList zb = b.get(0).split(new long[] {config.varyingChannels()}, 1);
        NDArray z = config.invariantChannels() == 0 ? zb.get(0) : zb.get(0).concat(za.get(1), 1);
        NDList in = config.skip() ? new NDList(z, b.get(1)) : new NDList(z);
        return decoder.forward(ps, in, false).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        encoder.initialize(manager, dataType, x);
        Shape[] enc = encoder.getOutputShapes(new Shape[] {x});
        Shape z = enc[0], s = enc[1];
        Shape zIn = z;
        if (config.kind() == Kind.CONDITIONAL) {
            zIn = new Shape(z.get(0), z.get(1) + inputShapes[3].get(1), z.get(2), z.get(3));
        }
        if (latentGate != null) latentGate.initialize(manager, dataType, doubled(z));
        if (skipGate != null) skipGate.initialize(manager, dataType, doubled(s));
        if (config.skip()) decoder.initialize(manager, dataType, zIn, s);
        else decoder.initialize(manager, dataType, zIn);
    }

    private static Shape doubled(Shape s) {
        return new Shape(s.get(0), 2 * s.get(1), s.get(2), s.get(3));
    }
}
