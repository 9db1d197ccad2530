package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.noether.group.DihedralGroup;

/**
 * Lifting convolution Z^2 -> G for G = C_n or D_n, n dividing 4: one learned (out, in, k, k) filter bank is
 * correlated with the input once per group element g, transformed by g. Input NCHW; output (N, out * |G|, H, W)
 * with channel {@code c * |G| + g} holding the response of filter c transformed by the g-th element of {@code
 * group.elements()}. Odd kernel, stride 1, zero padding (k-1)/2, so H and W are kept.
 *
 * <p>Equivariance: rotating/flipping the input by h transforms every feature map spatially by h and moves group
 * channel g to h g (out'[c, hg] = h out[c, g]); for C4 and h = r that is a cyclic shift by one.
 */
public final class LiftingConv2d extends GridConv2d {

    public LiftingConv2d(DihedralGroup group, int inChannels, int outChannels, int kernel) {
        super(group, inChannels, outChannels, kernel, false);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        NDArray w = GroupConv2d.local(m, store.getValue(weight, x.getDevice(), training));
        NDArray b = GroupConv2d.local(m, store.getValue(bias, x.getDevice(), training));
        List<NDArray> parts = new ArrayList<>();
        for (int g = 0; g < grid.order; g++) parts.add(grid.transform(w, g));
        NDArray filters = GridGroup.stackAxis1(parts).reshape(outChannels * grid.order, inChannels, kernel, kernel);
        NDArray fullBias = b.repeat(0, grid.order);
        int p = (kernel - 1) / 2;
        return Conv2d.conv2d(x, filters, fullBias, new Shape(1, 1), new Shape(p, p), new Shape(1, 1), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), (long) outChannels * grid.order, s.get(2), s.get(3))};
    }
}
