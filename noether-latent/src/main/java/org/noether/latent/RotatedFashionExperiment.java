package org.noether.latent;

import java.nio.file.Path;
import org.noether.data.ImageDataset;

/** Rotated Fashion-MNIST: larger objects than digits, whose corners the rotation crops. */
public final class RotatedFashionExperiment extends LatentActionExperiment {

    public RotatedFashionExperiment() {}

    RotatedFashionExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.rotated-fashion-mnist";
    }

    @Override
    public String title() {
        return "Latent group action: rotated Fashion-MNIST";
    }

    @Override
    public String description() {
        return "The latent SO(2) action against a conditional autoencoder and the rotation of the pixels on rotated "
                + "Fashion-MNIST pairs (PSNR, SSIM).";
    }

    @Override
    String dataset() {
        return "fashion-mnist";
    }

    @Override
    PairTask<?> task(ImageDataset data, int size) {
        return new RotationPairs("rotated-fashion-mnist", data, size, 0);
    }
}
