package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.noether.representation.Representation;

/**
 * Gated nonlinearity: the input is {@code [g_1..g_F, x_1..x_F]}, F invariant scalars (gates) followed by F fields,
 * and the output is {@code [sigmoid(g_1) x_1, ..., sigmoid(g_F) x_F]}. Each field is scaled by an invariant, so the
 * map is equivariant whenever the gates transform trivially, for any representation on the fields (no
 * orthogonality needed). Input (batch, F + D), output (batch, D).
 */
public final class GatedNonlinearity extends AbstractBlock {

    private final int[] sizes;
    private final float[] membershipT; // F x D
    private final int d;

    public GatedNonlinearity(int[] fieldSizes) {
        this.sizes = fieldSizes.clone();
        this.d = Fields.total(sizes);
        float[] m = Fields.membership(sizes);
        int f = sizes.length;
        membershipT = new float[f * d];
        for (int i = 0; i < d; i++) for (int j = 0; j < f; j++) membershipT[j * d + i] = m[i * f + j];
    }

    /** Gates the direct summands of {@code fields}. */
    public static GatedNonlinearity of(Representation<?> fields) {
        return new GatedNonlinearity(Fields.sizes(fields));
    }

    /** Number of gates (= fields). */
    public int gates() {
        return sizes.length;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        int f = sizes.length;
        NDArray gates = x.get(":, :" + f);
        NDArray fields = x.get(":, " + f + ":");
        NDArray expand = x.getManager().create(membershipT, new Shape(f, d));
        return new NDList(fields.mul(Activation.sigmoid(gates).matMul(expand)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), d)};
    }
}
