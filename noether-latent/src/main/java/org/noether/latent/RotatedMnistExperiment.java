package org.noether.latent;

import java.nio.file.Path;
import org.noether.data.ImageDataset;

/** Rotated MNIST: the digit itself rotates, so the data-space rotation is (up to resampling) exact. */
public final class RotatedMnistExperiment extends LatentActionExperiment {

    public RotatedMnistExperiment() {}

    RotatedMnistExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.rotated-mnist";
    }

    @Override
    public String title() {
        return "Latent group action: rotated MNIST";
    }

    @Override
    public String description() {
        return "Autoencoders in which SO(2) rotates a spatial latent, against a conditional autoencoder and the "
                + "rotation of the pixels, on pairs of MNIST digits rotated by a known angle (PSNR, SSIM).";
    }

    @Override
    String dataset() {
        return "mnist";
    }

    @Override
    PairTask<?> task(ImageDataset data, int size) {
        return new RotationPairs("rotated-mnist", data, size, 0);
    }
}
