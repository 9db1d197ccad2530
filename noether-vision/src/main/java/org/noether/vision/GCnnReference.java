package org.noether.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.noether.group.DihedralGroup;
import org.noether.nn.equivariant.GroupConv2d;
import org.noether.nn.equivariant.GroupPool;
import org.noether.nn.equivariant.LiftingConv2d;

/**
 * The equivariant-architecture reference row of {@link SymmetrizeExperiment}: a group-convolutional network for the
 * test group (C4 or D4), trained from scratch on upright images (no augmentation: it is invariant by construction).
 * lift 3x3 (8 fields) - relu - 2x2 max pool - group conv 3x3 (16 fields) - relu - 2x2 max pool - max over the group -
 * global average - dense {@code classes}. The 2x2 pools keep exact invariance because 28 and 14 are even, so the
 * pooling windows map onto each other under quarter turns and flips.
 */
public final class GCnnReference implements ReferenceModel {

    @Override
    public String name() {
        return "G-CNN, equivariant architecture (reference)";
    }

    @Override
    public Block newBlock(DihedralGroup group, int classes) {
        LiftingConv2d lift = new LiftingConv2d(group, 1, 8, 3);
        return new SequentialBlock()
                .add(lift)
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(new GroupConv2d(group, 8, 16, 3))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(new GroupPool(lift.groupOrder(), GroupPool.Mode.MAX))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    @Override
    public boolean augmentTraining() {
        return false;
    }
}
