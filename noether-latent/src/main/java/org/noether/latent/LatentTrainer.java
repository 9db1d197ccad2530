package org.noether.latent;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.noether.nn.Engines;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.Inference;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;

/**
 * Trains a {@link LatentAutoencoder} on pairs of a {@link PairTask}, predicts, and saves or loads its parameters.
 *
 * <p>Each step draws {@code batch} pairs (x1, x2, g) from the training split and trains on 2 x batch examples: x1
 * with g against x2, and x1 with the identity against x1, so the objective is the paper's sum of the transformed
 * and the plain reconstruction losses ({@link ReconstructionLoss}). Parameter initialisation is seeded with
 * {@link Engines#seed}, pair draws with a {@link SplittableRandom} of the same seed, so a run is reproducible with a
 * fixed number of PyTorch threads.
 *
 * <pre>{@code
 * try (var run = LatentTrainer.create(task, LatentAutoencoder.Config.defaults(), Settings.quick(), 7)) {
 *     float[] losses = run.train(null);
 *     float[][] predictions = run.predict(testPairs);
 *     run.save(dir.resolve("model.params"));
 * }
 * }</pre>
 */
public final class LatentTrainer<G> implements AutoCloseable {

    /**
     * @param steps        optimiser steps
     * @param batch        pairs per step
     * @param learningRate Adam's fixed learning rate
     * @param ssimWeight   weight of the (1 - SSIM) term, 0 for plain MSE
     */
    public record Settings(int steps, int batch, float learningRate, float ssimWeight) {
        public Settings {
            if (steps < 0 || batch < 1 || !(learningRate > 0) || !(ssimWeight >= 0))
                throw new IllegalArgumentException("bad settings: steps " + steps + ", batch " + batch + ", lr "
                        + learningRate + ", ssim weight " + ssimWeight);
        }
    }

    private final PairTask<G> task;
    private final LatentAutoencoder net;
    private final Model model;
    private final Settings settings;
    private final SplittableRandom random;
    private Trainer trainer;
    private TrainingLoop loop;

    /** @param seed seeds parameter initialisation and pair draws; {@code null} for a model about to be loaded */
    private LatentTrainer(PairTask<G> task, LatentAutoencoder.Config config, Settings settings, Long seed) {
        this.task = Objects.requireNonNull(task, "task");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = seed == null ? null : new SplittableRandom(seed);
        Engines.pytorch();
        if (seed != null) Engines.seed((int) (seed ^ (seed >>> 32)));
        this.net = config.vector()
                ? new LatentAutoencoder(
                        task.latentAction(),
                        config,
                        1,
                        new VectorEncoder(config.width(), config.latentChannels()),
                        new VectorDecoder(config.width(), 1, task.size(), config.skip()))
                : new LatentAutoencoder(task.latentAction(), config, 1);
        this.model = Model.newInstance("latent-" + task.name(), Device.cpu(), Engines.PYTORCH);
        model.setBlock(net);
    }

    /** A fresh model with seeded initial parameters, ready to train. */
    public static <G> LatentTrainer<G> create(
            PairTask<G> task, LatentAutoencoder.Config config, Settings settings, long seed) {
        LatentTrainer<G> t = new LatentTrainer<>(task, config, settings, seed);
        DefaultTrainingConfig tc = new DefaultTrainingConfig(new ReconstructionLoss(settings.ssimWeight()))
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                        .build());
        t.trainer = t.model.newTrainer(tc);
        t.trainer.initialize(t.inputShapes(2 * settings.batch()));
        t.loop = new TrainingLoop(t.trainer);
        return t;
    }

    /** A model with the parameters saved by {@link #save}; it can predict but not train. */
    public static <G> LatentTrainer<G> load(
            PairTask<G> task, LatentAutoencoder.Config config, Settings settings, Path file) throws IOException {
        try {
            return load(task, config, settings, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** A model with the parameters of {@link #parameterBytes()}; it can predict but not train. */
    public static <G> LatentTrainer<G> load(
            PairTask<G> task, LatentAutoencoder.Config config, Settings settings, byte[] parameters)
            throws IOException {
        LatentTrainer<G> t = new LatentTrainer<>(task, config, settings, null);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            t.net.initialize(t.model.getNDManager(), DataType.FLOAT32, t.inputShapes(1));
            t.net.loadParameters(t.model.getNDManager(), in);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            t.close();
            throw new IOException("malformed parameters (" + e.getMessage() + ")", e);
        }
        return t;
    }

    private Shape[] inputShapes(int n) {
        int s = task.size();
        return new Shape[] {
            new Shape(n, 1, s, s),
            new Shape(n, 1, 1),
            new Shape(n, 1, 1),
            new Shape(n, task.latentAction().codeSize())
        };
    }

    public LatentAutoencoder network() {
        return net;
    }

    /** The training loop (for its step count and last loss); {@code null} for a loaded model. */
    public TrainingLoop loop() {
        return loop;
    }

    /** Runs {@link Settings#steps()} steps and returns their losses. */
    public float[] train(TrainingLoop.StepListener listener) {
        return train(settings.steps(), listener);
    }

    /** Runs {@code steps} steps and returns their losses. */
    public float[] train(int steps, TrainingLoop.StepListener listener) {
        if (loop == null) throw new IllegalStateException("a loaded model cannot be trained");
        return loop.run(batches(), steps, listener);
    }

    /** The batch source of training: fresh pairs from the training split each step. */
    BatchSource batches() {
        int n = settings.batch(), s = task.size(), px = s * s;
        return (manager, step) -> {
            float[] x = new float[2 * n * px], y = new float[2 * n * px];
            List<G> gs = new ArrayList<>(2 * n);
            G e = task.identity();
            for (int i = 0; i < n; i++) {
                Pair<G> p = task.sample(false, random);
                System.arraycopy(p.source(), 0, x, i * px, px);
                System.arraycopy(p.source(), 0, x, (n + i) * px, px);
                System.arraycopy(p.target(), 0, y, i * px, px);
                System.arraycopy(p.source(), 0, y, (n + i) * px, px);
                gs.add(p.element());
            }
            for (int i = 0; i < n; i++) gs.add(e);
            NDList in = net.inputs(manager, task.latentAction(), x, 2 * n, s, gs);
            return new LabeledBatch(in, new NDList(manager.create(y, new Shape(2 * n, 1, s, s))));
        };
    }

    /** Predictions of x2 for each pair: dec(g . enc(x1)) clipped to [0, 1], each a flat {@code size x size} array. */
    public float[][] predict(List<Pair<G>> pairs) {
        int s = task.size(), px = s * s, chunk = 64;
        List<List<Pair<G>>> chunks = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += chunk) chunks.add(pairs.subList(i, Math.min(pairs.size(), i + chunk)));
        List<float[][]> parts = Inference.map(model.getNDManager(), chunks, (scope, c) -> {
            float[] x = new float[c.size() * px];
            List<G> gs = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                System.arraycopy(c.get(i).source(), 0, x, i * px, px);
                gs.add(c.get(i).element());
            }
            NDList in = net.inputs(scope, task.latentAction(), x, c.size(), s, gs);
            return split(
                    net.forward(new ParameterStore(scope, false), in, false).singletonOrThrow(), c.size());
        });
        float[][] out = new float[pairs.size()][];
        int k = 0;
        for (float[][] part : parts) for (float[] row : part) out[k++] = row;
        return out;
    }

    /** Decodes (and clips to [0, 1]) the invariant latent part of each {@code invariantSources[i]} with the varying part of {@code varyingSources[i]}. */
    public float[][] swap(List<float[]> invariantSources, List<float[]> varyingSources) {
        int n = invariantSources.size(), s = task.size(), px = s * s;
        if (varyingSources.size() != n) throw new IllegalArgumentException("need as many varying as invariant sources");
        return Inference.map(model.getNDManager(), List.of(0), (scope, ignored) -> {
                    float[] a = new float[n * px], b = new float[n * px];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(invariantSources.get(i), 0, a, i * px, px);
                        System.arraycopy(varyingSources.get(i), 0, b, i * px, px);
                    }
                    Shape shape = new Shape(n, 1, s, s);
                    NDArray out =
                            net.swap(new ParameterStore(scope, false), scope.create(a, shape), scope.create(b, shape));
                    return split(out, n);
                })
                .get(0);
    }

    private static float[][] split(NDArray batch, int n) {
        float[] all = batch.clip(0, 1).toFloatArray();
        int per = all.length / n;
        float[][] rows = new float[n][per];
        for (int i = 0; i < n; i++) System.arraycopy(all, i * per, rows[i], 0, per);
        return rows;
    }

    /** The parameters as bytes ({@code Block.saveParameters}), for {@link #load(PairTask, LatentAutoencoder.Config, Settings, byte[])}. */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the parameters to {@code file} (atomically: a temporary file is renamed). */
    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            net.saveParameters(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** All parameter values, flattened in block order (for tests). */
    float[] parameters() {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (var p : net.getParameters().values()) {
            float[] v = p.getArray().toFloatArray();
            parts.add(v);
            total += v.length;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    Model model() {
        return model;
    }

    @Override
    public void close() {
        if (trainer != null) trainer.close();
        model.close();
    }
}
