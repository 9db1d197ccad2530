package org.noether.nn.equivariant;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.noether.group.DihedralGroup;

/** Small group-equivariant CNNs (G-CNNs) built from {@link LiftingConv2d}, {@link GroupConv2d} and {@link GroupPool}. */
public final class GCnn {

    private GCnn() {}

    /**
     * A C4-invariant classifier for NCHW images: lift (C4, 3x3) -> relu -> group conv (3x3) -> relu -> max over the
     * group -> global average over space -> linear to {@code classes} logits. Rotating the input by any multiple
     * of 90 degrees leaves the logits unchanged (up to float rounding).
     */
    public static Block c4Classifier(int inChannels, int channels, int classes) {
        return classifier(DihedralGroup.cyclic(4), inChannels, channels, classes);
    }

    /** As {@link #c4Classifier} for any C_n or D_n with n dividing 4. */
    public static Block classifier(DihedralGroup group, int inChannels, int channels, int classes) {
        LiftingConv2d lift = new LiftingConv2d(group, inChannels, channels, 3);
        return new SequentialBlock()
                .add(lift)
                .add(Activation::relu)
                .add(new GroupConv2d(group, channels, channels, 3))
                .add(Activation::relu)
                .add(new GroupPool(lift.groupOrder(), GroupPool.Mode.MAX))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
