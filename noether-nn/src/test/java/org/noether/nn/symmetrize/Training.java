package org.noether.nn.symmetrize;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import org.noether.nn.Engines;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;

/** Test fixture: a model and an Adam trainer around a block. */
final class Training implements AutoCloseable {

    final Model model;
    final Trainer trainer;

    Training(Block block, Loss loss, Shape inputShape, int seed, float learningRate) {
        Engines.seed(seed);
        model = Model.newInstance("symmetrize-test", Device.cpu(), Engines.PYTORCH);
        model.setBlock(block);
        trainer = model.newTrainer(new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(learningRate))
                        .build()));
        trainer.initialize(inputShape);
    }

    /** Random Gaussian inputs of {@code shape} with labels in [0, classes), drawn from a seeded generator. */
    static BatchSource randomClassification(Shape shape, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (manager, step) -> {
            NDArray x = Nets.gaussian(manager, random, shape.getShape());
            float[] y = new float[Math.toIntExact(shape.get(0))];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(classes);
            }
            return new LabeledBatch(new NDList(x), new NDList(manager.create(y)));
        };
    }

    /** All parameter values of {@code block}, flattened. */
    static float[] parameters(Block block) {
        return block.getParameters().values().stream()
                .map(p -> p.getArray().toFloatArray())
                .reduce(new float[0], (a, b) -> {
                    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, c, a.length, b.length);
                    return c;
                });
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
