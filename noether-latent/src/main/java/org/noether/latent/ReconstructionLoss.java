package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.loss.Loss;
import org.noether.nn.util.Scalars;

/**
 * Mean squared error between predicted and target pictures, plus optionally {@code ssimWeight (1 - SSIM)} with a
 * differentiable SSIM (uniform {@value ImageMetrics#WINDOW} x {@value ImageMetrics#WINDOW} windows, population
 * variances). The training batch of a {@link LatentTrainer} holds both terms of the paper's objective: the
 * prediction of x2 from g acting on the latent of x1, and the reconstruction of x1 (g = identity).
 */
public final class ReconstructionLoss extends Loss {
    private final float ssimWeight;

    public ReconstructionLoss(float ssimWeight) {
        super(ssimWeight == 0 ? "mse" : "mse+ssim");
        if (!(ssimWeight >= 0)) throw new IllegalArgumentException("ssimWeight must be >= 0, got " + ssimWeight);
        this.ssimWeight = ssimWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.singletonOrThrow(), p = predictions.singletonOrThrow();
        NDArray loss = p.sub(y).square().mean();
        if (ssimWeight > 0) loss = loss.add(ssim(p, y).neg().add(1).mul(Scalars.like(p, ssimWeight)));
        return loss;
    }

    /** Mean SSIM of two {@code (N, C, H, W)} batches, differentiable. */
    static NDArray ssim(NDArray a, NDArray b) {
        int win = (int) Math.min(
                ImageMetrics.WINDOW, Math.min(a.getShape().get(2), a.getShape().get(3)));
        Shape k = new Shape(win, win), one = new Shape(1, 1), zero = new Shape(0, 0);
        NDArray ma = Pool.avgPool2d(a, k, one, zero, false, true), mb = Pool.avgPool2d(b, k, one, zero, false, true);
        NDArray va = Pool.avgPool2d(a.mul(a), k, one, zero, false, true).sub(ma.mul(ma));
        NDArray vb = Pool.avgPool2d(b.mul(b), k, one, zero, false, true).sub(mb.mul(mb));
        NDArray cov = Pool.avgPool2d(a.mul(b), k, one, zero, false, true).sub(ma.mul(mb));
        NDArray two = Scalars.like(a, 2);
        NDArray num = ma.mul(mb).mul(two).add(ImageMetrics.C1).mul(cov.mul(two).add(ImageMetrics.C2));
        NDArray den =
                ma.square().add(mb.square()).add(ImageMetrics.C1).mul(va.add(vb).add(ImageMetrics.C2));
        return num.div(den).mean();
    }
}
