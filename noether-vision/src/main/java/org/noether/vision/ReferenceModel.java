package org.noether.vision;

import ai.djl.nn.Block;
import org.noether.group.DihedralGroup;

/**
 * An extra reference row of {@link SymmetrizeExperiment}: a model trained from scratch on the same training images
 * and step budget as the pretrained CNN, then evaluated and fine-tuned exactly like the symmetrized rows. The
 * experiment always includes the CNN trained with augmentation ({@link #augmented()}); other modules add rows (for
 * instance a C4 group-convolutional network) by implementing this interface and listing the class in {@code
 * META-INF/services/org.noether.vision.ReferenceModel}.
 *
 * <pre>{@code
 * public final class C4CnnReference implements ReferenceModel {
 *     public String name() { return "C4 G-CNN (reference)"; }
 *     public boolean supports(DihedralGroup g) { return g.equals(DihedralGroup.cyclic(4)); }
 *     public Block newBlock(DihedralGroup g, int classes) { return C4Cnn.classifier(classes); }
 *     public boolean augmentTraining() { return false; }    // invariant by construction
 * }
 * }</pre>
 */
public interface ReferenceModel {

    /** Row label in the tables, e.g. {@code "CNN + augmentation (reference)"}. */
    String name();

    /** Whether the row applies to the test transformations of {@code group} (C4 or D4). */
    default boolean supports(DihedralGroup group) {
        return true;
    }

    /** A fresh, uninitialized classifier for NCHW images of side {@link SmallCnn#SIDE} with {@code classes} logits. */
    Block newBlock(DihedralGroup group, int classes);

    /** Whether training images are transformed by random elements of the group (else they stay upright). */
    default boolean augmentTraining() {
        return true;
    }

    /** The built-in reference: the same small CNN, trained with augmentation by the group. */
    static ReferenceModel augmented() {
        return new ReferenceModel() {
            @Override
            public String name() {
                return "CNN + augmentation (reference)";
            }

            @Override
            public Block newBlock(DihedralGroup group, int classes) {
                return SmallCnn.classifier(classes);
            }
        };
    }
}
