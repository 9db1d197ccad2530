package org.noether.nn.imported;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.symmetrize.NDAction;

/**
 * Compares a classifier with its symmetrized version on labelled images: accuracy on the images as given and on
 * the same images each transformed by a group element drawn uniformly (from a seed), and the measured invariance
 * error {@code mean_x ||f(g x) - f(x)|| / ||f(x)||} of each model's outputs. Every batch runs in its own NDManager
 * sub-manager.
 *
 * <pre>{@code
 * SymmetrizationCheck.Result r = SymmetrizationCheck.run(plain, sym, images, new Shape(1, 28, 28), labels, d4, 7L, 64);
 * }</pre>
 */
public final class SymmetrizationCheck {

    /** What was measured; accuracies are fractions in [0, 1]. */
    public record Result(
            int samples,
            double plainAccuracy,
            double plainAccuracyTransformed,
            double symmetrizedAccuracy,
            double symmetrizedAccuracyTransformed,
            double plainInvarianceError,
            double symmetrizedInvarianceError) {}

    private SymmetrizationCheck() {}

    /**
     * @param images  normalized inputs, sample-major, {@code labels.length * perSample.size()} values
     * @param perSample the shape of one input, e.g. {@code [1, 28, 28]}
     */
    public static Result run(
            Block plain,
            Block symmetrized,
            float[] images,
            Shape perSample,
            int[] labels,
            DihedralGroup group,
            long seed,
            int batchSize) {
        int n = labels.length;
        int size = Math.toIntExact(perSample.size());
        if (images.length != (long) n * size) {
            throw new IllegalArgumentException(
                    n + " labels but " + images.length / Math.max(1, size) + " inputs of shape " + perSample);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        NDAction<DihedralElement> act = org.noether.nn.symmetrize.NDActions.image(group);
        List<DihedralElement> elements = group.elements();
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = random.nextInt(elements.size());
        }
        long[] correct = new long[4];
        double[] error = new double[2];
        Block[] models = {plain, symmetrized};
        try (NDManager root = NDManager.newBaseManager()) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                try (NDManager batch = root.newSubManager()) {
                    float[] chunk = new float[(to - from) * size];
                    System.arraycopy(images, from * size, chunk, 0, chunk.length);
                    NDArray x = batch.create(chunk, new Shape(to - from).addAll(perSample));
                    NDList parts = new NDList(to - from);
                    for (int i = from; i < to; i++) {
                        try (NDArray one = x.get(i - from).expandDims(0)) {
                            NDArray t = act.act(elements.get(chosen[i]), one);
                            parts.add(t == one ? one.duplicate() : t);
                        }
                    }
                    NDArray gx = NDArrays.concat(parts, 0);
                    for (int m = 0; m < 2; m++) {
                        float[] y = out(models[m], batch, x);
                        float[] gy = out(models[m], batch, gx);
                        int classes = y.length / (to - from);
                        for (int i = 0; i < to - from; i++) {
                            int label = labels[from + i];
                            correct[2 * m] += argmax(y, i * classes, classes) == label ? 1 : 0;
                            correct[2 * m + 1] += argmax(gy, i * classes, classes) == label ? 1 : 0;
                            double diff = 0;
                            double norm = 0;
                            for (int c = 0; c < classes; c++) {
                                double a = y[i * classes + c];
                                diff += (gy[i * classes + c] - a) * (gy[i * classes + c] - a);
                                norm += a * a;
                            }
                            error[m] += Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
                        }
                    }
                }
            }
        }
        return new Result(
                n,
                correct[0] / (double) n,
                correct[1] / (double) n,
                correct[2] / (double) n,
                correct[3] / (double) n,
                error[0] / n,
                error[1] / n);
    }

    private static float[] out(Block model, NDManager manager, NDArray x) {
        NDArray y = model.forward(new ParameterStore(manager, false), new NDList(x), false)
                .singletonOrThrow();
        if (y.getShape().dimension() != 2 || y.getShape().get(0) != x.getShape().get(0)) {
            throw new IllegalArgumentException("a classifier must give logits [batch, classes]; the model gave "
                    + y.getShape() + " for a batch of " + x.getShape().get(0));
        }
        return y.toFloatArray();
    }

    static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int c = 1; c < len; c++) {
            if (v[off + c] > v[off + best]) {
                best = c;
            }
        }
        return best;
    }
}
