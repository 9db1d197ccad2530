package org.noether.nn.equivariant;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import org.noether.group.DihedralGroup;

/**
 * What the lifting and group convolutions share: the grid group, channel counts, an odd kernel, and a weight of
 * shape (out, fanInChannels, k, k) with a bias per output field.
 */
public abstract class GridConv2d extends AbstractBlock {

    final GridGroup grid;
    final int inChannels;
    final int outChannels;
    final int kernel;
    final Parameter weight;
    final Parameter bias;

    /** {@code fanInChannels}: the second axis of the stored weight (in, or in * |G| for group convolutions). */
    GridConv2d(DihedralGroup group, int inChannels, int outChannels, int kernel, boolean groupInput) {
        if (kernel < 1 || kernel % 2 == 0) throw new IllegalArgumentException("kernel must be odd, got " + kernel);
        this.grid = new GridGroup(group);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        long fanIn = groupInput ? (long) inChannels * grid.order : inChannels;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outChannels, fanIn, kernel, kernel))
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(outChannels))
                .build());
    }

    /** |G|, the length of the group axis of the output. */
    public int groupOrder() {
        return grid.order;
    }
}
