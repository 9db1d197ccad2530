package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.util.Constants;

/**
 * Data augmentation: every sample (x, y) of a batch becomes (g . x, g . y) for its own uniformly random element g of
 * the symmetry (for an invariant symmetry the labels are left alone). The baseline the wrappers are compared with:
 * it makes a model approximately invariant by training, not by construction.
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * Augmentation<DihedralElement> aug = new Augmentation<>(Symmetry.invariant(c4, NDActions.image(c4)));
 * BatchSource rotated = aug.augment(uprightBatches, new SplittableRandom(7));
 * new TrainingLoop(trainer).run(rotated, 1000);
 * }</pre>
 *
 * @param <G> the group element type
 */
public final class Augmentation<G> {

    private final Symmetry<G> symmetry;

    public Augmentation(Symmetry<G> symmetry) {
        this.symmetry = Objects.requireNonNull(symmetry, "symmetry");
    }

    public Symmetry<G> symmetry() {
        return symmetry;
    }

    /** Draws one element index per sample, uniformly among the symmetry's elements. */
    public int[] draw(int batchSize, RandomGenerator random) {
        int[] k = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            k[i] = random.nextInt(symmetry.size());
        }
        return k;
    }

    /** Sample i of {@code x} transformed by element {@code elementIndex[i]}; other samples' order is kept. */
    public NDArray transformInputs(NDArray x, int[] elementIndex) {
        return transform(symmetry.input(), x, elementIndex);
    }

    /** Sample i of {@code y} transformed by element {@code elementIndex[i]} under the output action. */
    public NDArray transformOutputs(NDArray y, int[] elementIndex) {
        return transform(symmetry.output(), y, elementIndex);
    }

    /** A batch source whose batches are those of {@code source} with a fresh random element per sample. */
    public BatchSource augment(BatchSource source, RandomGenerator random) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(random, "random");
        return (manager, step) -> {
            LabeledBatch batch = source.next(manager, step);
            NDArray x = batch.data().singletonOrThrow();
            int[] k = draw(Math.toIntExact(x.getShape().get(0)), random);
            NDList data = new NDList(transformInputs(x, k));
            NDList labels = new NDList(batch.labels().size());
            for (NDArray y : batch.labels()) {
                labels.add(transformOutputs(y, k));
            }
            return new LabeledBatch(data, labels);
        };
    }

    private NDArray transform(NDAction<G> action, NDArray batch, int[] elementIndex) {
        int b = Math.toIntExact(batch.getShape().get(0));
        if (elementIndex.length != b) {
            throw new IllegalArgumentException(elementIndex.length + " element indices for a batch of " + b);
        }
        if (action.isTrivial()) {
            return batch;
        }
        int k = symmetry.size();
        // group the samples by element, transform each group once, then restore the original order
        long[] order = new long[b];
        long[] restore = new long[b];
        int[] count = new int[k];
        for (int e : elementIndex) {
            if (e < 0 || e >= k) {
                throw new IllegalArgumentException("element index " + e + " outside 0.." + (k - 1));
            }
            count[e]++;
        }
        int[] start = new int[k];
        for (int e = 1; e < k; e++) {
            start[e] = start[e - 1] + count[e - 1];
        }
        int[] fill = start.clone();
        for (int i = 0; i < b; i++) {
            int pos = fill[elementIndex[i]]++;
            order[pos] = i;
            restore[i] = pos;
        }
        NDList parts = new NDList();
        try (NDArray orderIdx = Constants.of(batch.getManager(), order);
                NDArray sorted = batch.get(orderIdx)) {
            for (int e = 0; e < k; e++) {
                if (count[e] == 0) {
                    continue;
                }
                try (NDArray group = sorted.get(start[e] + ":" + (start[e] + count[e]))) {
                    NDArray moved = action.act(symmetry.elements().get(e), group);
                    parts.add(moved == group ? group.duplicate() : moved);
                }
            }
        }
        try (NDArray restoreIdx = Constants.of(batch.getManager(), restore);
                NDArray joined = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0)) {
            NDArray out = joined.get(restoreIdx);
            parts.close();
            return out;
        }
    }
}
