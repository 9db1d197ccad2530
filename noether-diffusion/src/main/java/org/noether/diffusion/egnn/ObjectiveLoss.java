package org.noether.diffusion.egnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.Objective;

/**
 * The {@link Objective}s as a DJL loss over padded batches: the squared error summed over coordinates, weighted per
 * example ({@link EgnnBlock#lossWeight} of its time), summed and divided by the number of real atoms in the batch.
 *
 * <p>Labels, in this order: the regression target (B, N, 3) (x_1, or for {@link Objective#GEODIFF} x_1 already
 * superposed on x_t by the batch source), the atom mask (B, N), the per-example weight (B) and, for
 * {@link Objective#QUOTIENT} only, the horizontal projection at x_t as a matrix (B, 3N, 3N). For {@link Objective#AF3} the target is superposed on the prediction here,
 * with the rotation computed in Java from the detached prediction; holding it fixed gives the exact gradient (the
 * loss is a minimum over rotations).
 */
final class ObjectiveLoss extends Loss {

    private final Objective objective;

    ObjectiveLoss(Objective objective) {
        super("objective-" + objective.name().toLowerCase(java.util.Locale.ROOT));
        this.objective = objective;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray pred = predictions.singletonOrThrow();
        NDArray target = labels.get(0), mask = labels.get(1);
        Shape shape = pred.getShape();
        int b = (int) shape.get(0), n = (int) shape.get(1);
        if (objective == Objective.AF3) {
            float[] p = pred.toFloatArray(), q = target.toFloatArray(), w = mask.toFloatArray();
            float[] aligned = new float[q.length];
            for (int i = 0; i < b; i++) {
                int atoms = 0;
                while (atoms < n && w[i * n + atoms] > 0.5f) atoms++;
                double[] pi = new double[3 * atoms], qi = new double[3 * atoms];
                for (int k = 0; k < 3 * atoms; k++) {
                    pi[k] = p[3 * n * i + k];
                    qi[k] = q[3 * n * i + k];
                }
                double[] a = Kabsch.align(qi, pi, 3);
                for (int k = 0; k < 3 * atoms; k++) aligned[3 * n * i + k] = (float) a[k];
            }
            target = pred.getManager().create(aligned, shape);
        }
        NDArray r = pred.sub(target).mul(mask.expandDims(2));
        NDArray sq;
        if (objective == Objective.QUOTIENT) {
            NDArray flat = r.reshape(b, 1, 3L * n);
            NDArray projected = flat.matMul(labels.get(3)); // (P r)^T, P symmetric
            sq = projected.square().sum(new int[] {1, 2});
        } else {
            sq = r.square().sum(new int[] {1, 2});
        }
        return sq.mul(labels.get(2)).sum().div(mask.sum().maximum(1));
    }
}
