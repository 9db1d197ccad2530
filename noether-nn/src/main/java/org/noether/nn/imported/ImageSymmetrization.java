package org.noether.nn.imported;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.nn.symmetrize.Canonicalized;
import org.noether.nn.symmetrize.Equitune;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.LambdaEquitune;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.symmetrize.Proxy;
import org.noether.nn.symmetrize.Symmetry;
import org.noether.nn.util.Constants;

/**
 * Wraps an image model (NCHW in; class logits out for an invariant model, NCHW out for an equivariant one) with
 * one of the symmetrization wrappers, for a named subgroup of D4 acting exactly on the pixel grid. Nothing is
 * trained: equitune and equizero need nothing; lambda-equitune gets the <em>fixed</em> weights {@code lambda(x) =
 * exp(-entropy of the model's softmax at x)} (a soft equizero; train your own lambda network through {@link
 * LambdaEquitune} for more); canonicalization gets a <em>fixed</em> scorer, a seeded random linear functional of
 * the image (an exact canonicalizer, but not a learned one: train one through {@link Canonicalized#priorBlock()}).
 *
 * <pre>{@code
 * DihedralGroup d4 = ImageSymmetrization.group("D4");
 * Block sym = ImageSymmetrization.wrap(imported.block(), ImageSymmetrization.Method.EQUITUNE, d4, true, 7L);
 * }</pre>
 */
public final class ImageSymmetrization {

    /** The wrappers by their command-line names. */
    public enum Method {
        EQUITUNE("equitune"),
        EQUIZERO("equizero"),
        LAMBDA_EQUITUNE("lambda-equitune"),
        CANONICALIZE("canonicalize");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The method named {@code name}, or a one-line error listing the accepted names. */
        public static Method parse(String name) {
            for (Method m : values()) {
                if (m.label.equalsIgnoreCase(name.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown method '" + name + "'; accepted: "
                    + Arrays.stream(values()).map(Method::label).collect(Collectors.joining(", ")));
        }
    }

    /** Groups that act exactly on the pixel grid. */
    public static final List<String> GROUPS = List.of("C1", "C2", "C4", "D1", "D2", "D4");

    private ImageSymmetrization() {}

    /** A subgroup of D4 by name (C1, C2, C4, D1, D2, D4), or a one-line error. */
    public static DihedralGroup group(String spec) {
        Group<?> g = GroupSpec.parse(spec);
        if (g instanceof DihedralGroup d && (d.rotations() == 1 || d.rotations() == 2 || d.rotations() == 4)) {
            return d;
        }
        throw new IllegalArgumentException(
                "group " + spec + " does not act exactly on images; accepted: " + String.join(", ", GROUPS));
    }

    /**
     * {@code model} wrapped by {@code method} for {@code group} acting on NCHW inputs; outputs left alone when
     * {@code invariant}, else acted on as NCHW images too. {@code seed} fixes the canonicalizer's functional.
     */
    public static Block wrap(Block model, Method method, DihedralGroup group, boolean invariant, long seed) {
        Symmetry<DihedralElement> s = invariant
                ? Symmetry.invariant(group, NDActions.image(group))
                : Symmetry.equivariant(group, NDActions.image(group), NDActions.image(group));
        return switch (method) {
            case EQUITUNE -> new Equitune<>(model, s);
            case EQUIZERO -> new Equizero<>(model, s, invariant ? Proxy.entropy() : meanEntropy());
            case LAMBDA_EQUITUNE ->
                new LambdaEquitune<>(model, negativeEntropy(model, invariant), s, LambdaEquitune.Positivity.EXP);
            case CANONICALIZE -> new Canonicalized<>(model, new RandomFunctional(seed), s);
        };
    }

    /** For image-to-image models: entropy of the softmax over channels, averaged over pixels. */
    private static Proxy meanEntropy() {
        return outputs -> {
            try (NDArray moved = outputs.transpose(0, 2, 3, 1)) {
                return Proxy.entropy().loss(moved);
            }
        };
    }

    /** {@code x -> -entropy(softmax(model(x)))}, one value per sample. */
    static Block negativeEntropy(Block model, boolean invariant) {
        Proxy proxy = invariant ? Proxy.entropy() : meanEntropy();
        return new AbstractBlock((byte) 1) {
            @Override
            protected NDList forwardInternal(
                    ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
                try (NDArray y = model.forward(ps, inputs, training, params).singletonOrThrow();
                        NDArray detached = y.stopGradient();
                        NDArray h = proxy.loss(detached)) {
                    return new NDList(h.neg());
                }
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return new Shape[] {new Shape(inputShapes[0].get(0))};
            }
        };
    }

    /** A parameter-free scorer: {@code <w, x>} for a fixed unit-variance Gaussian {@code w} drawn from a seed. */
    static final class RandomFunctional extends AbstractBlock {
        private final long seed;
        private float[] weights;

        RandomFunctional(long seed) {
            super((byte) 1);
            this.seed = seed;
        }

        private synchronized float[] weights(int size) {
            if (weights == null || weights.length != size) {
                SplittableRandom r = new SplittableRandom(seed);
                float[] w = new float[size];
                for (int i = 0; i < size; i++) {
                    // Box-Muller would do too; the sum of 12 uniforms is plenty for a scorer
                    double s = 0;
                    for (int k = 0; k < 12; k++) {
                        s += r.nextDouble();
                    }
                    w[i] = (float) (s - 6);
                }
                weights = w;
            }
            return weights;
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            long n = x.getShape().get(0);
            int size = Math.toIntExact(x.getShape().size() / Math.max(1, n));
            try (NDArray flat = x.reshape(n, size);
                    NDArray w = Constants.of(x.getManager(), weights(size), new Shape(size, 1));
                    NDArray s = flat.matMul(w)) {
                return new NDList(s.reshape(n));
            }
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0))};
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RandomFunctional(seed %d)", seed);
        }
    }
}
