package org.noether.latent;

import java.nio.file.Path;
import org.noether.data.ImageDataset;

/** A cyclic group of contrast levels acting on the right half of MNIST digits only ({@link ContrastPairs}, C4). */
public final class ContrastMnistExperiment extends LatentActionExperiment {

    public ContrastMnistExperiment() {}

    ContrastMnistExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.contrast-mnist";
    }

    @Override
    public String title() {
        return "Latent group action: a cyclic contrast group on half of each digit";
    }

    @Override
    public String description() {
        return "C4 cycles the contrast level of the right half of MNIST digits; its regular representation acts on "
                + "the latent channels. Compared with a conditional autoencoder (PSNR, SSIM).";
    }

    @Override
    String dataset() {
        return "mnist";
    }

    @Override
    PairTask<?> task(ImageDataset data, int size) {
        return new ContrastPairs("contrast-mnist", data, size, 4);
    }
}
