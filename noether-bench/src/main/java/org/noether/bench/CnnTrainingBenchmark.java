package org.noether.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.noether.nn.Engines;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;
import org.noether.vision.SmallCnn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pretraining throughput of the vision experiment's CNN: one {@link TrainingLoop} step (batch from Java floats,
 * forward, softmax cross-entropy, backward, Adam) on 28 x 28 images; images/s = batch / time per step. One PyTorch
 * thread. The PyTorch counterpart is {@code cnn_train_pytorch.py} (noether-bench/src/main/python), run after JMH as the
 * baseline row ({@link #pytorchBaseline}).
 *
 * <p>Run: {@code noether bench cnn}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.offline=true",
            "-DOPT_OUT_TRACKING=true",
            "-Dai.djl.default_engine=PyTorch",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class CnnTrainingBenchmark {

    @Param({"64"})
    public int batch;

    private Model model;
    private Trainer trainer;
    private TrainingLoop loop;
    private float[] pixels;
    private float[] labels;

    @Setup(Level.Trial)
    public void setup() {
        Engines.pytorch();
        Engines.seed(2);
        model = Model.newInstance("bench", Device.cpu(), Engines.PYTORCH);
        model.setBlock(SmallCnn.classifier(10));
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(1e-3f))
                        .build()));
        trainer.initialize(SmallCnn.input(batch));
        loop = new TrainingLoop(trainer);
        SplittableRandom r = new SplittableRandom(3);
        pixels = new float[batch * SmallCnn.SIDE * SmallCnn.SIDE];
        labels = new float[batch];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(10);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
        model.close();
    }

    @Benchmark
    public float trainStep() {
        return loop.step((m, step) -> new LabeledBatch(
                new NDList(m.create(pixels, new Shape(batch, 1, SmallCnn.SIDE, SmallCnn.SIDE))),
                new NDList(m.create(labels))));
    }

    /** Seconds the PyTorch baseline script runs. */
    static final double PYTORCH_SECONDS = 10;

    /**
     * Milliseconds per training step of the same CNN and step in PyTorch (one thread), from
     * {@code cnn_train_pytorch.py}; empty when python3 with torch is missing.
     */
    static java.util.OptionalDouble pytorchBaseline(java.util.Map<String, String> params, java.io.PrintStream progress)
            throws java.io.IOException {
        if (!PythonBaseline.torchAvailable()) return java.util.OptionalDouble.empty();
        String batch = params.getOrDefault("batch", "64");
        progress.println("PyTorch baseline: cnn_train_pytorch.py --batch " + batch);
        for (String line : PythonBaseline.run(
                "cnn_train_pytorch.py",
                "--batch",
                batch,
                "--seconds",
                String.valueOf(PYTORCH_SECONDS),
                "--threads",
                "1")) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("^([0-9.]+) ms/step").matcher(line.trim());
            if (m.find()) return java.util.OptionalDouble.of(Double.parseDouble(m.group(1)));
        }
        throw new java.io.IOException("cnn_train_pytorch.py printed no 'ms/step' line");
    }
}
