package org.noether.nn.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.noether.nn.Engines;

/** Test fixture: a 4-16-1 MLP on a smooth synthetic regression problem. */
final class TinyMlp implements AutoCloseable {

    static final int IN = 4;
    static final int HIDDEN = 16;
    static final int BATCH = 32;
    static final int DATASET = 512;

    final Model model;
    final Trainer trainer;
    final float[] xs = new float[DATASET * IN];
    final float[] ys = new float[DATASET];

    /** Adam with a fixed learning rate. */
    static Optimizer adam(float learningRate) {
        return Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(learningRate))
                .build();
    }

    /** Plain SGD with a fixed learning rate. */
    static Optimizer sgd(float learningRate) {
        return Optimizer.sgd()
                .setLearningRateTracker(Tracker.fixed(learningRate))
                .build();
    }

    /** Builds model and trainer; seeds the engine with {@code seed} first. */
    TinyMlp(int seed, Optimizer optimizer) {
        this(seed, optimizer, Losses.l2());
    }

    /** Builds model and trainer with the given loss; seeds the engine with {@code seed} first. */
    TinyMlp(int seed, Optimizer optimizer, Loss loss) {
        this(optimizer, loss, () -> Engines.seed(seed));
    }

    /**
     * Builds model and trainer without seeding: the weights come from whatever state torch's global
     * generator is in. Only for tests that show why {@link Engines#seed} must come right before
     * {@code trainer.initialize}.
     */
    static TinyMlp unseeded(Optimizer optimizer) {
        return new TinyMlp(optimizer, Losses.l2(), () -> {});
    }

    private TinyMlp(Optimizer optimizer, Loss loss, Runnable seeding) {
        // Seed immediately before building and initialising: the initialisers draw from torch's
        // global generator inside trainer.initialize below, so any random op in between would
        // shift the weights (see Engines#seed).
        seeding.run();
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
        model = Model.newInstance("tiny-mlp", Device.cpu(), Engines.PYTORCH);
        model.setBlock(net);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(optimizer);
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(BATCH, IN));

        Random rnd = new Random(12345);
        for (int i = 0; i < DATASET; i++) {
            double s = 0;
            for (int j = 0; j < IN; j++) {
                float v = (float) (rnd.nextDouble() * 2 - 1);
                xs[i * IN + j] = v;
                s += (j + 1) * v;
            }
            ys[i] = (float) Math.sin(s / 2);
        }
    }

    /** Cycles deterministically through the dataset, BATCH rows per step. */
    BatchSource source() {
        return (manager, step) -> {
            float[] bx = new float[BATCH * IN];
            float[] by = new float[BATCH];
            for (int r = 0; r < BATCH; r++) {
                int row = (int) ((step * BATCH + r) % DATASET);
                System.arraycopy(xs, row * IN, bx, r * IN, IN);
                by[r] = ys[row];
            }
            return new LabeledBatch(
                    new NDList(manager.create(bx, new Shape(BATCH, IN))),
                    new NDList(manager.create(by, new Shape(BATCH, 1))));
        };
    }

    /** All parameter values, flattened in block order. */
    float[] parameters() {
        return model.getBlock().getParameters().values().stream()
                .map(p -> p.getArray().toFloatArray())
                .reduce(new float[0], (a, b) -> {
                    float[] c = new float[a.length + b.length];
                    System.arraycopy(a, 0, c, 0, a.length);
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
