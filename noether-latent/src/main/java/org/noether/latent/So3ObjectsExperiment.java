package org.noether.latent;

import java.io.IOException;
import java.nio.file.Path;
import org.noether.experiment.ExperimentContext;

/** SO(3) on rendered objects, split by mesh so that test objects are never seen in training (the paper's NMR set). */
public final class So3ObjectsExperiment extends So3Experiment {

    public So3ObjectsExperiment() {}

    So3ObjectsExperiment(Path dataRoot, Plan plan) {
        super(dataRoot, plan);
    }

    @Override
    public String name() {
        return "latent.so3-objects";
    }

    @Override
    public String title() {
        return "Latent group action: SO(3) on rendered meshes, unseen objects at test time";
    }

    @Override
    public String description() {
        return "89 meshes of the Debian CGAL demo data rendered in Haar-random poses, split by mesh; a latent vector "
                + "carries Wigner-D blocks of degree 1 and 2. Against a conditional autoencoder and the ablations (PSNR, SSIM; "
                + "no LPIPS, whose pretrained weights we cannot fetch).";
    }

    @Override
    RenderedPairs task(ExperimentContext ctx, Path root, int size) throws IOException {
        RenderedPairs pairs = RenderedPairs.objects(root, size, ACTION, ctx.progress()::log);
        ctx.progress().log(name() + ": " + pairs);
        return pairs;
    }
}
