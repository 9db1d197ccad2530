package org.noether.latent;

import java.nio.file.Path;
import org.noether.data.ImageDataset;

/**
 * A cyclic contrast group acting on whole MNIST digits through intensity classes ({@link IntensityClassPairs}), with
 * no unaltered half for a conditional model to read the level from; compare with {@link ContrastMnistExperiment},
 * whose left half stays at full contrast.
 */
public final class ContrastClassesMnistExperiment extends LatentActionExperiment {

    public ContrastClassesMnistExperiment() {}

    ContrastClassesMnistExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.contrast-classes-mnist";
    }

    @Override
    public String title() {
        return "Latent group action: a cyclic contrast group on whole digits through intensity classes";
    }

    @Override
    public String description() {
        return "C4 cycles four contrast protocols that show the background, stroke edge and stroke core of MNIST digits "
                + "at different grey levels (as MRI sequences do with tissues); the whole picture changes, so no "
                + "unaltered half gives the level away. Latent action against a conditional autoencoder (PSNR, SSIM).";
    }

    @Override
    String dataset() {
        return "mnist";
    }

    @Override
    PairTask<?> task(ImageDataset data, int size) {
        return new IntensityClassPairs("contrast-classes-mnist", data, size);
    }
}
