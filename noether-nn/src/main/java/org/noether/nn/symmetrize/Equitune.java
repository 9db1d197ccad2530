package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group averaging ("equitune", Basu et al. 2023; feature averaging): {@code M_G(x) = (1/K) sum_k g_k^-1 . M(g_k .
 * x)} over the K elements of the symmetry. Exactly invariant or equivariant for any model {@code M} when the
 * symmetry is exact; the orbit is one batch of K x B inputs.
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * Equitune<DihedralElement> inv = new Equitune<>(cnn, Symmetry.invariant(c4, NDActions.image(c4)));
 * NDArray logits = inv.forward(new ParameterStore(scope, false), new NDList(images), false).singletonOrThrow();
 * }</pre>
 *
 * @param <G> the group element type
 */
public final class Equitune<G> extends Symmetrized<G> {

    public Equitune(Block model, Symmetry<G> symmetry) {
        super(model, symmetry);
    }

    @Override
    NDArray symmetrize(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray orbit = symmetry.orbit(x);
        NDArray y = runModel(ps, orbit, training, params);
        closeUnless(orbit, x, y);
        NDArray pulled = symmetry.pullBack(y);
        closeUnless(y, x, pulled);
        try (pulled) {
            return pulled.mean(new int[] {0});
        }
    }
}
