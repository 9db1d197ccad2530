package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * Group convolution G -> G for G = C_n or D_n, n dividing 4, on feature maps laid out as by {@link LiftingConv2d}
 * (channel {@code c * |G| + h}). The learned filter psi has shape (out, in, |G|, k, k); the filter for output group
 * element g is {@code psi_g[o, i, h] = g psi[o, i, g^-1 h]}, spatially transformed by g with its group axis
 * permuted. Input (N, in * |G|, H, W), output (N, out * |G|, H, W); odd kernel, stride 1, same padding. Equivariant
 * in the same sense as the lifting convolution.
 */
public final class GroupConv2d extends GridConv2d {

    // The stored weight is (out, in * |G|, k, k), so that the default Xavier initialiser sees the true fan-in.
    public GroupConv2d(DihedralGroup group, int inChannels, int outChannels, int kernel) {
        super(group, inChannels, outChannels, kernel, true);
    }

    /** A view of a parameter that belongs to {@code m}, so that everything computed from it is freed with m. */
    static NDArray local(NDManager m, NDArray parameter) {
        NDArray v = parameter.reshape(parameter.getShape());
        v.attach(m);
        return v;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        int n = grid.order;
        NDArray psi = local(m, store.getValue(weight, x.getDevice(), training))
                .reshape(outChannels, inChannels, n, kernel, kernel);
        NDArray b = local(m, store.getValue(bias, x.getDevice(), training));
        NDList slices = psi.split(n, 2);
        List<NDArray> perOutput = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            NDList permuted = new NDList();
            for (int h = 0; h < n; h++) permuted.add(slices.get(grid.inverseTimes[g][h]));
            NDArray stacked = NDArrays.concat(permuted, 2); // (out, in, |G|, k, k)
            perOutput.add(grid.transform(stacked, g));
        }
        NDArray filters =
                GridGroup.stackAxis1(perOutput).reshape((long) outChannels * n, (long) inChannels * n, kernel, kernel);
        NDArray fullBias = b.repeat(0, n);
        int p = (kernel - 1) / 2;
        return Conv2d.conv2d(x, filters, fullBias, new Shape(1, 1), new Shape(p, p), new Shape(1, 1), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), (long) outChannels * grid.order, s.get(2), s.get(3))};
    }
}
