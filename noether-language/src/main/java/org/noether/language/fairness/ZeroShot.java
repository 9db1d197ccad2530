package org.noether.language.fairness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.noether.nn.symmetrize.Proxy;

/**
 * Zero-shot classification of sentence embeddings: the scores of a sentence are the cosine similarities of its
 * embedding to the embeddings of one prompt per label, times a fixed scale (1 / temperature); probabilities are
 * their softmax and the prediction their argmax. Computed row by row in Java in float64 (one fixed order of
 * operations), so a row's result never depends on the other rows of its batch: the symmetrized models built on it
 * are then exactly, not just nearly, invariant.
 *
 * <pre>{@code
 * ZeroShot head = ZeroShot.of(lm, OccupationTemplates.prompts(), 20);
 * int label = head.predict(embedding);
 * }</pre>
 */
public final class ZeroShot {

    private final float[][] prompts;
    private final double scale;

    private ZeroShot(float[][] prompts, double scale) {
        this.prompts = prompts;
        this.scale = scale;
    }

    /** The head for {@code prompts}, embedded by {@code lm}, with softmax scale {@code scale} (> 0). */
    public static ZeroShot of(MiniLm lm, java.util.List<String> prompts, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the scale must be > 0, got " + scale);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float[] flat = lm.embed(m, prompts.toArray(new String[0])).toFloatArray();
            float[][] p = new float[prompts.size()][MiniLm.DIMENSION];
            for (int c = 0; c < p.length; c++) {
                System.arraycopy(flat, c * MiniLm.DIMENSION, p[c], 0, MiniLm.DIMENSION);
            }
            return new ZeroShot(p, scale);
        }
    }

    public int labels() {
        return prompts.length;
    }

    /** Scaled cosine similarities of one unit-length embedding (from {@code offset} of {@code e}) to each prompt. */
    public double[] scores(float[] e, int offset) {
        double[] s = new double[prompts.length];
        for (int c = 0; c < prompts.length; c++) {
            double dot = 0;
            for (int d = 0; d < MiniLm.DIMENSION; d++) {
                dot += (double) e[offset + d] * prompts[c][d];
            }
            s[c] = scale * dot;
        }
        return s;
    }

    /** Softmax of the scores. */
    public double[] probabilities(float[] e, int offset) {
        double[] s = scores(e, offset);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double total = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            total += s[c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= total;
        }
        return s;
    }

    /** The label with the highest score (the first on exact ties). */
    public int predict(float[] e, int offset) {
        double[] s = scores(e, offset);
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Shannon entropy (nats) of the probabilities. */
    public double entropy(float[] e, int offset) {
        double h = 0;
        for (double p : probabilities(e, offset)) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Equizero's proxy on embeddings {@code [N, 384]}: the entropy of the zero-shot prediction, per row. */
    public Proxy entropyProxy() {
        return embeddings -> {
            float[] e = embeddings.toFloatArray();
            int n = (int) embeddings.getShape().get(0);
            float[] h = new float[n];
            for (int i = 0; i < n; i++) {
                h[i] = (float) entropy(e, i * MiniLm.DIMENSION);
            }
            return embeddings.getManager().create(h);
        };
    }

    /**
     * A fixed (not trained) lambda network for lambda-equitune: token ids to {@code -entropy} of the zero-shot
     * prediction of their embedding, so that with exponential positivity the weights are {@code exp(-H)},
     * normalized over the orbit (a soft equizero).
     */
    public Block negativeEntropy(Block encoder) {
        return new AbstractBlock((byte) 1) {
            @Override
            protected NDList forwardInternal(
                    ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
                try (NDArray emb = encoder.forward(ps, inputs, training, params).head()) {
                    float[] e = emb.toFloatArray();
                    int n = (int) emb.getShape().get(0);
                    float[] z = new float[n];
                    for (int i = 0; i < n; i++) {
                        z[i] = (float) -entropy(e, i * MiniLm.DIMENSION);
                    }
                    return new NDList(inputs.head().getManager().create(z, new Shape(n, 1)));
                }
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
            }
        };
    }
}
