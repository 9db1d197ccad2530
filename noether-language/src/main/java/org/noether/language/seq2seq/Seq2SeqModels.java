package org.noether.language.seq2seq;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.noether.nn.Engines;

/**
 * Creating, training and checkpointing the blocks of this package on the PyTorch engine (CPU).
 *
 * <pre>{@code
 * try (Model model = Seq2SeqModels.create("gru", new Seq2Seq(config), Seq2Seq.inputShapes(2, 4, 5), 7);
 *      Trainer trainer = Seq2SeqModels.trainer(model, 1e-3f, 5f)) {
 *     new TrainingLoop(trainer).run(source, 1000);
 *     byte[] saved = Seq2SeqModels.parameters(model.getBlock());  // e.g. into a ResultCache entry
 * }
 * }</pre>
 */
public final class Seq2SeqModels {
    private Seq2SeqModels() {}

    /**
     * A model holding {@code block}, its parameters initialized on the model's manager from {@code seed}: Xavier
     * for weights, zeros for biases.
     */
    public static Model create(String name, AbstractBlock block, Shape[] inputShapes, int seed) {
        try {
            return create(name, block, inputShapes, seed, null, (byte[]) null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As {@link #create(String, AbstractBlock, Shape[], int)}, but {@code part} (the block itself or one of its
     * children) first takes its parameters from {@code saved}, written by {@link #parameters}; the rest is initialized
     * from {@code seed}.
     *
     * @throws IOException if the saved parameters do not fit {@code part}
     */
    public static Model create(
            String name, AbstractBlock block, Shape[] inputShapes, int seed, AbstractBlock part, byte[] saved)
            throws IOException {
        Engines.pytorch();
        Engines.seed(seed);
        Model model = Model.newInstance(name, Device.cpu(), Engines.PYTORCH);
        try {
            if (part != null) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
                    part.loadParameters(model.getNDManager(), in);
                } catch (MalformedModelException | RuntimeException e) {
                    throw new IOException(
                            "saved parameters (" + saved.length + " bytes) do not fit the model '" + name + "': "
                                    + e.getMessage(),
                            e);
                }
            }
            block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes);
            model.setBlock(block);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A trainer over {@code model}'s block with {@link Seq2SeqLoss} and Adam at a fixed learning rate; each gradient
     * entry is clipped to [-clip, clip] (DJL's optimizers clip elementwise, not by norm). Frozen parameters are left
     * alone; create the trainer after freezing or unfreezing.
     */
    public static Trainer trainer(Model model, float learningRate, float clip) {
        return trainer(model, Tracker.fixed(learningRate), clip);
    }

    /** As {@link #trainer(Model, float, float)} with a learning-rate schedule, e.g. {@link #cosine}. */
    public static Trainer trainer(Model model, Tracker learningRate, float clip) {
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(learningRate)
                .optClipGrad(clip)
                .build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(new Seq2SeqLoss())
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(adam);
        return model.newTrainer(config);
    }

    /** Cosine decay from {@code start} to {@code start / 10} over {@code steps} updates. */
    public static Tracker cosine(float start, int steps) {
        return Tracker.cosine()
                .setBaseValue(start)
                .optFinalValue(start / 10)
                .setMaxUpdates(Math.max(1, steps))
                .build();
    }

    /** The block's parameters as bytes, for {@link #create(String, AbstractBlock, Shape[], int, AbstractBlock, byte[])}. */
    public static byte[] parameters(AbstractBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
