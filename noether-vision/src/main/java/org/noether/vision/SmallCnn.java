package org.noether.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The small convolutional networks of the vision experiments, for 28 x 28 grey images in NCHW layout: an ordinary
 * (not equivariant) classifier to pretrain on upright images, and a smaller scoring network with one output, used
 * as the lambda of lambda-equitune and as the canonicalizer.
 *
 * <pre>{@code
 * Block cnn = SmallCnn.classifier(10);      // [B, 1, 28, 28] -> [B, 10] logits
 * Block lambda = SmallCnn.scorer();         // [B, 1, 28, 28] -> [B, 1]
 * }</pre>
 */
public final class SmallCnn {

    /** Image side length. */
    public static final int SIDE = 28;

    private SmallCnn() {}

    /** Shape of a batch of {@code batch} images. */
    public static Shape input(long batch) {
        return new Shape(batch, 1, SIDE, SIDE);
    }

    /**
     * conv 3x3 (16) - relu - maxpool 2 - conv 3x3 (32) - relu - maxpool 2 - dense 64 - relu - dense {@code classes}:
     * about 110k parameters.
     */
    public static Block classifier(int classes) {
        return new SequentialBlock()
                .add(conv(16))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(32))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    /** conv 5x5 stride 2 (8) - relu - maxpool 2 - dense 16 - relu - dense 1: a cheap score per image. */
    public static Block scorer() {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(5, 5))
                        .setFilters(8)
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(2, 2))
                        .build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(filters)
                .optPadding(new Shape(1, 1))
                .build();
    }
}
