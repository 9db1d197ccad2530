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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.noether.nn.Engines;

/**
 * Creating, training and checkpointing the blocks of this package on the PyTorch engine (CPU).
 *
 * <pre>{@code
 * try (Model model = Seq2SeqModels.create("gru", new Seq2Seq(config), Seq2Seq.inputShapes(2, 4, 5), 7);
 *      Trainer trainer = Seq2SeqModels.trainer(model, 1e-3f, 5f)) {
 *     new TrainingLoop(trainer).run(source, 1000);
 *     Seq2SeqModels.save(model.getBlock(), file);
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
            return create(name, block, inputShapes, seed, null, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As {@link #create(String, AbstractBlock, Shape[], int)}, but {@code part} (the block itself or one of its
     * children) first takes its parameters from {@code checkpoint}, written by {@link #save}; the rest is initialized
     * from {@code seed}.
     *
     * @throws IOException naming the file if it cannot be read or does not fit {@code part}
     */
    public static Model create(String name, AbstractBlock block, Shape[] inputShapes, int seed, AbstractBlock part,
                               Path checkpoint) throws IOException {
        Engines.pytorch();
        Engines.seed(seed);
        Model model = Model.newInstance(name, Device.cpu(), Engines.PYTORCH);
        try {
            if (part != null) {
                try (InputStream is = Files.newInputStream(checkpoint);
                     DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
                    part.loadParameters(model.getNDManager(), in);
                } catch (MalformedModelException | RuntimeException e) {
                    throw new IOException("checkpoint " + checkpoint + " does not fit the model: " + e.getMessage(), e);
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
        Optimizer adam = Optimizer.adam().optLearningRateTracker(learningRate).optClipGrad(clip).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(new Seq2SeqLoss())
                .optDevices(new Device[] {Device.cpu()}).optOptimizer(adam);
        return model.newTrainer(config);
    }

    /** Cosine decay from {@code start} to {@code start / 10} over {@code steps} updates. */
    public static Tracker cosine(float start, int steps) {
        return Tracker.cosine().setBaseValue(start).optFinalValue(start / 10).setMaxUpdates(Math.max(1, steps)).build();
    }

    /** Writes the block's parameters to {@code file} (atomically: a temporary file is moved into place). */
    public static void save(AbstractBlock block, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            block.saveParameters(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
