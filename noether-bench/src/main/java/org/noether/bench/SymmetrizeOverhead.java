package org.noether.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.Equitune;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.symmetrize.Proxy;
import org.noether.nn.symmetrize.Symmetry;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;
import org.noether.vision.SmallCnn;

/**
 * The same comparison as {@link SymmetrizeBenchmark}, measured in CPU time of the calling thread instead of wall
 * time, with the variants interleaved round by round and the median reported: on a shared machine, wall time
 * mostly measures the neighbours. Needs one PyTorch thread, so that the work runs on the calling thread.
 *
 * <p>Run: {@code noether bench symmetrize-cpu [rounds]} (the launcher runs PyTorch on one thread).
 */
public final class SymmetrizeOverhead {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SymmetrizeOverhead() {}

    public static void run(String[] args, PrintStream report) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty(
                "ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        Engines.pytorch();
        int batch = 32;
        for (DihedralGroup g : new DihedralGroup[] {DihedralGroup.cyclic(4), DihedralGroup.dihedral(4)}) {
            inference(g, batch, rounds, report);
        }
        training(64, rounds, report);
    }

    private static void inference(DihedralGroup g, int batch, int rounds, PrintStream report) {
        Engines.seed(1);
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            Block cnn = SmallCnn.classifier(10);
            cnn.initialize(manager, DataType.FLOAT32, SmallCnn.input(batch));
            Symmetry<DihedralElement> s = Symmetry.invariant(g, NDActions.image(g));
            Block equitune = new Equitune<>(cnn, s);
            Block equizero = new Equizero<>(cnn, s, Proxy.entropy());
            NDArray images = random(manager, batch);
            NDArray orbit = random(manager, batch * g.order());
            LongSupplier[] variants = {
                () -> cpu(manager, cnn, images), () -> cpu(manager, cnn, orbit),
                () -> cpu(manager, equitune, images), () -> cpu(manager, equizero, images)
            };
            long[][] t = measure(variants, rounds);
            double plainB = median(t[0]);
            double plainOrbit = median(t[1]);
            double eqt = median(t[2]);
            double eqz = median(t[3]);
            int k = g.order();
            report.printf(
                    Locale.ROOT,
                    "%s B=%d K=%d | plain(B) %.2f ms | plain(K*B) %.2f ms | equitune(B) %.2f ms"
                            + " | equizero(B) %.2f ms | equitune / plain(K*B) %.3f | equizero / plain(K*B) %.3f"
                            + " | equitune / (K * plain(B)) %.3f%n",
                    g.name(),
                    batch,
                    k,
                    plainB / 1e6,
                    plainOrbit / 1e6,
                    eqt / 1e6,
                    eqz / 1e6,
                    eqt / plainOrbit,
                    eqz / plainOrbit,
                    eqt / (k * plainB));
        }
    }

    private static void training(int batch, int rounds, PrintStream report) {
        Engines.seed(2);
        try (Model model = Model.newInstance("bench", Device.cpu(), Engines.PYTORCH)) {
            model.setBlock(SmallCnn.classifier(10));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                            .build()))) {
                trainer.initialize(SmallCnn.input(batch));
                TrainingLoop loop = new TrainingLoop(trainer);
                SplittableRandom r = new SplittableRandom(3);
                float[] pixels = new float[batch * 784];
                float[] labels = new float[batch];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (float) r.nextDouble();
                }
                for (int i = 0; i < batch; i++) {
                    labels[i] = r.nextInt(10);
                }
                LongSupplier step = () -> {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    loop.step((m, k) -> new LabeledBatch(
                            new NDList(m.create(pixels, new Shape(batch, 1, 28, 28))), new NDList(m.create(labels))));
                    return THREADS.getCurrentThreadCpuTime() - c0;
                };
                long[][] t = measure(new LongSupplier[] {step}, rounds);
                double ms = median(t[0]) / 1e6;
                report.printf(
                        Locale.ROOT,
                        "CNN training step, batch %d: %.2f ms CPU, %.0f images/s per core%n",
                        batch,
                        ms,
                        batch / (ms / 1e3));
            }
        }
    }

    private static long[][] measure(LongSupplier[] variants, int rounds) {
        for (int w = 0; w < Math.max(10, rounds / 10); w++) {
            for (LongSupplier v : variants) {
                v.getAsLong();
            }
        }
        long[][] t = new long[variants.length][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int v = 0; v < variants.length; v++) {
                t[v][i] = variants[v].getAsLong();
            }
        }
        return t;
    }

    private static long cpu(NDManager manager, Block block, NDArray x) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        try (NDManager scope = manager.newSubManager()) {
            x.tempAttach(scope);
            block.forward(new ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow()
                    .getFloat(0, 0);
        }
        return THREADS.getCurrentThreadCpuTime() - c0;
    }

    private static NDArray random(NDManager m, int n) {
        SplittableRandom r = new SplittableRandom(n);
        float[] v = new float[n * SmallCnn.SIDE * SmallCnn.SIDE];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return m.create(v, SmallCnn.input(n));
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
