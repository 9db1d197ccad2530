package org.noether.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.noether.data.Idx;
import org.noether.data.ImageDataset;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;

/** Square grey images as floats in [0, 1] (image after image, row-major) with integer labels. */
record LabeledImages(float[] pixels, int[] labels, int side) {

    LabeledImages {
        if (pixels.length != labels.length * side * side) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + pixels.length + " pixels of side " + side);
        }
    }

    int count() {
        return labels.length;
    }

    int area() {
        return side * side;
    }

    /** {@code n} images of a split, chosen by a seeded shuffle (all of them, in order, when n >= size). */
    static LabeledImages of(ImageDataset.Split split, int n, long seed) {
        Idx.Images images = split.images();
        if (images.rows() != images.columns()) {
            throw new IllegalArgumentException("images must be square, got " + images.rows() + "x" + images.columns());
        }
        int total = split.size();
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        if (n < total) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int count = Math.min(n, total);
        int side = images.rows();
        float[] pixels = new float[count * side * side];
        int[] labels = new int[count];
        byte[] raw = images.pixels();
        for (int i = 0; i < count; i++) {
            int src = order[i] * side * side;
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = (raw[src + p] & 0xff) / 255f;
            }
            labels[i] = split.label(order[i]);
        }
        return new LabeledImages(pixels, labels, side);
    }

    /** Images {@code from .. to-1} as an NCHW array on {@code manager}. */
    NDArray images(NDManager manager, int from, int to) {
        float[] chunk = new float[(to - from) * area()];
        System.arraycopy(pixels, from * area(), chunk, 0, chunk.length);
        return manager.create(chunk, new Shape(to - from, 1, side, side));
    }

    /** Labels {@code from .. to-1} as a float array (what DJL's softmax cross-entropy expects). */
    NDArray labels(NDManager manager, int from, int to) {
        float[] chunk = new float[to - from];
        for (int i = from; i < to; i++) {
            chunk[i - from] = labels[i];
        }
        return manager.create(chunk);
    }

    /** Batches of {@code batch} images drawn uniformly at random (with replacement across batches) from a seed. */
    BatchSource batches(int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (manager, step) -> {
            float[] x = new float[batch * area()];
            float[] y = new float[batch];
            for (int i = 0; i < batch; i++) {
                int n = random.nextInt(count());
                System.arraycopy(pixels, n * area(), x, i * area(), area());
                y[i] = labels[n];
            }
            return new LabeledBatch(
                    new NDList(manager.create(x, new Shape(batch, 1, side, side))), new NDList(manager.create(y)));
        };
    }

    /** The same images with pixels replaced (labels shared). */
    LabeledImages withPixels(float[] newPixels) {
        return new LabeledImages(newPixels, labels, side);
    }
}
