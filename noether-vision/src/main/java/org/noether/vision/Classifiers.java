package org.noether.vision;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.noether.experiment.Progress;
import org.noether.nn.Engines;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.Inference;
import org.noether.nn.train.TrainingLoop;

/** Training, evaluation and (de)serialization of classifiers, shared by the experiment's rows. */
final class Classifiers {

    private Classifiers() {}

    /** A fresh model on the CPU holding {@code block}. */
    static Model model(String name, Block block) {
        Model model = Model.newInstance(name, Device.cpu(), Engines.PYTORCH);
        model.setBlock(block);
        return model;
    }

    /** An Adam trainer (fixed learning rate, softmax cross-entropy) for {@code model}, initialized for {@code batch}. */
    static Trainer trainer(Model model, float learningRate, int batch) {
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(learningRate))
                        .build()));
        trainer.initialize(SmallCnn.input(batch));
        return trainer;
    }

    /** Runs {@code steps} steps of {@code source} on a new trainer of {@code model}; returns the last loss. */
    static float train(Model model, BatchSource source, int steps, int batch, float learningRate, Progress.Task task) {
        if (steps == 0) {
            return Float.NaN;
        }
        try (Trainer trainer = trainer(model, learningRate, batch)) {
            TrainingLoop loop = new TrainingLoop(trainer);
            int report = Math.max(1, steps / 20);
            loop.run(source, steps, (step, loss) -> {
                if ((step + 1) % report == 0) {
                    task.message(String.format(java.util.Locale.ROOT, "step %d/%d loss %.3f", step + 1, steps, loss));
                }
            });
            return loop.lastLoss();
        }
    }

    /** Top-1 accuracy of {@code block} (inference mode) on {@code data}, in batches of {@code batch}. */
    static double accuracy(Block block, NDManager parent, LabeledImages data, int batch) {
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < data.count(); from += batch) {
            ranges.add(new int[] {from, Math.min(data.count(), from + batch)});
        }
        List<Integer> correct = Inference.map(parent, ranges, (scope, r) -> {
            NDArray x = data.images(scope, r[0], r[1]);
            NDArray logits = block.forward(new ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow();
            long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
            int hits = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == data.labels()[r[0] + i]) {
                    hits++;
                }
            }
            return hits;
        });
        return correct.stream().mapToInt(Integer::intValue).sum() / (double) data.count();
    }

    /** The parameters of an initialized block as bytes. */
    static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Loads parameters saved by {@link #save} into a block of the same architecture, owned by {@code manager}. */
    static void load(Block block, byte[] parameters, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot read saved parameters: " + e.getMessage(), e);
        }
    }
}
