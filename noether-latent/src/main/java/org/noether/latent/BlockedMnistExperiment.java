package org.noether.latent;

import java.nio.file.Path;
import org.noether.data.ImageDataset;

/**
 * Rotated and blocked MNIST: the digit rotates behind a fixed grey block (a third of the side), which a rotation of
 * the pixels would move; the ablations (no attention, no skip connections) run here in the quick profile too.
 */
public final class BlockedMnistExperiment extends LatentActionExperiment {

    public BlockedMnistExperiment() {}

    BlockedMnistExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.blocked-mnist";
    }

    @Override
    public String title() {
        return "Latent group action: rotated MNIST behind a fixed block";
    }

    @Override
    public String description() {
        return "The digit rotates, an occluding block stays: the latent action against the data-space rotation, a "
                + "conditional autoencoder, and the ablations without attention and without skip connections.";
    }

    @Override
    String dataset() {
        return "mnist";
    }

    @Override
    boolean occluded() {
        return true;
    }

    @Override
    boolean ablationsWhenQuick() {
        return true;
    }

    @Override
    PairTask<?> task(ImageDataset data, int size) {
        return new RotationPairs("blocked-mnist", data, size, Math.round(size / 3f));
    }
}
