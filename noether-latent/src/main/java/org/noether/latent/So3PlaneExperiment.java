package org.noether.latent;

import java.io.IOException;
import java.nio.file.Path;
import org.noether.experiment.ExperimentContext;

/** SO(3) on one mesh over a sky gradient (the paper's plane in the sky; the package has no aircraft, so a cow). */
public final class So3PlaneExperiment extends So3Experiment {

    public So3PlaneExperiment() {}

    So3PlaneExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.so3-plane";
    }

    @Override
    public String title() {
        return "Latent group action: SO(3) on a plane in the sky";
    }

    @Override
    public String description() {
        return "One mesh of the Debian CGAL demo data (the cow; the package has no aircraft) rendered in Haar-random "
                + "poses over a sky gradient; a latent vector carries Wigner-D blocks of degree 1 and 2. Against a conditional autoencoder and the "
                + "ablations (PSNR, SSIM; no LPIPS, whose pretrained weights we cannot fetch).";
    }

    @Override
    RenderedPairs task(ExperimentContext ctx, Path root, int size) throws IOException {
        return RenderedPairs.plane(root, size, ACTION);
    }
}
