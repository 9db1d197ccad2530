package org.noether.vision;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.noether.group.DihedralGroup;

/** Test fixture registered as a {@link ReferenceModel}: a linear classifier, for C4 only, trained upright. */
public final class TinyReference implements ReferenceModel {

    @Override
    public String name() {
        return "linear (test reference)";
    }

    @Override
    public boolean supports(DihedralGroup group) {
        return group.name().equals("C4");
    }

    @Override
    public Block newBlock(DihedralGroup group, int classes) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    @Override
    public boolean augmentTraining() {
        return false;
    }
}
