package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * A stack of {@link EquivariantLinear} layers with equivariant nonlinearities between them:
 * {@code rhoIn -> hidden_1 -> ... -> hidden_n -> rhoOut}, no nonlinearity after the last layer.
 */
public final class EquivariantMLP extends SequentialBlock {

    /** How the hidden features are made nonlinear. */
    public enum Kind {
        /** Elementwise ReLU; every hidden representation must be a permutation representation. */
        POINTWISE_RELU,
        /** Each hidden layer also outputs one invariant gate per field; fields are scaled by sigmoid(gate). */
        GATED,
        /** Each field is scaled by sigmoid of its norm; hidden representations must be orthogonal. */
        NORM
    }

    private EquivariantMLP() {}

    /**
     * @param rhoIn representation on the inputs
     * @param hidden representations of the hidden layers, in order (fields are their direct summands)
     * @param rhoOut representation on the outputs
     */
    public static <G> EquivariantMLP of(
            Representation<G> rhoIn, List<Representation<G>> hidden, Representation<G> rhoOut, Kind kind) {
        EquivariantMLP mlp = new EquivariantMLP();
        Representation<G> previous = rhoIn;
        for (Representation<G> h : hidden) {
            switch (kind) {
                case POINTWISE_RELU -> {
                    UnaryOperator<NDArray> relu = Activation::relu;
                    mlp.add(new EquivariantLinear(previous, h));
                    mlp.add(new PointwiseNonlinearity(h, relu));
                }
                case NORM -> {
                    mlp.add(new EquivariantLinear(previous, h));
                    mlp.add(NormNonlinearity.sigmoid(h));
                }
                case GATED -> {
                    GatedNonlinearity gate = GatedNonlinearity.of(h);
                    Representation<G> withGates = h;
                    for (int i = 0; i < gate.gates(); i++)
                        withGates = Representations.trivial(h.group()).plus(withGates);
                    mlp.add(new EquivariantLinear(previous, withGates));
                    mlp.add(gate);
                }
            }
            previous = h;
        }
        mlp.add(new EquivariantLinear(previous, rhoOut));
        return mlp;
    }
}
