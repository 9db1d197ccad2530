package org.noether.diffusion.egnn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.diffusion.Denoiser;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.Objective;
import org.noether.diffusion.RigidQuotient;
import org.noether.diffusion.conformers.Molecule;
import org.noether.nn.Engines;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A graph-conditioned {@link EgnnBlock} denoiser for the linear schedule {@code x_t = t x_1 + (1 - t) eps}: training
 * with any {@link Objective}, checkpoints (DJL parameter files) and a {@link Denoiser} view per molecule for the
 * {@link org.noether.diffusion.Sampler}.
 *
 * <pre>{@code
 * try (EgnnDenoiser net = EgnnDenoiser.create(32, 3, 7)) {
 *     net.train(molecules, conformers, Objective.QUOTIENT, 500, 16, 1e-3f, 11L, null);
 *     net.save(dir, "quotient");
 *     double[][] xs = sampler.sample(net.denoiser(molecules.get(0)), molecules.get(0).size(), 10, 5L);
 * }
 * }</pre>
 * Single-threaded: one forward or training step at a time.
 */
public final class EgnnDenoiser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EgnnDenoiser.class);

    private final Model model;
    private final EgnnBlock block;

    private EgnnDenoiser(int hidden, int layers) {
        singleThreaded();
        Engines.pytorch();
        block = new EgnnBlock(hidden, layers);
        model = Model.newInstance("egnn", Device.cpu(), Engines.PYTORCH);
        model.setBlock(block);
    }

    /**
     * Asks for one intra-op and one inter-op PyTorch thread unless the user chose otherwise (-D wins). The tensors
     * here are small; with one thread per core libtorch's workers spin-wait for each other whenever the machine is
     * shared, which made a training step several times slower. Only effective if the engine is not loaded yet.
     */
    private static void singleThreaded() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null)
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * A freshly initialized (untrained) network; {@code seed} seeds the engine before initialization. The engine's
     * random generator is global, so seeding and initializing hold one lock: networks created on several threads at
     * once get the same parameters as created one after another.
     */
    public static EgnnDenoiser create(int hidden, int layers, int seed) {
        EgnnDenoiser d = new EgnnDenoiser(hidden, layers);
        synchronized (EgnnDenoiser.class) {
            Engines.seed(seed);
            d.block.initialize(d.model.getNDManager(), DataType.FLOAT32, initShapes());
        }
        return d;
    }

    /** Loads a network saved by {@link #save} with the same sizes. */
    public static EgnnDenoiser load(Path dir, String name, int hidden, int layers) throws IOException {
        EgnnDenoiser d = create(hidden, layers, 0);
        try {
            d.model.load(dir, name);
        } catch (MalformedModelException e) {
            d.close();
            throw new IOException("cannot read checkpoint " + name + " in " + dir + ": " + e.getMessage(), e);
        }
        return d;
    }

    /** Whether {@link #save}{@code (dir, name)} has written a checkpoint there. */
    public static boolean exists(Path dir, String name) {
        return Files.exists(dir.resolve(name + "-0000.params"));
    }

    /** Writes the parameters to {@code dir/name-0000.params}. */
    public void save(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        model.save(dir, name);
    }

    /** The parameters as bytes (DJL's block format), for a fingerprinted checkpoint store. */
    public byte[] parameters() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A network with the given sizes and the parameters written by {@link #parameters()}.
     *
     * @throws IOException when the bytes are not the parameters of a network of these sizes
     */
    public static EgnnDenoiser fromParameters(byte[] parameters, int hidden, int layers) throws IOException {
        EgnnDenoiser d = create(hidden, layers, 0);
        List<Shape> shapes = new ArrayList<>();
        for (var p : d.block.getParameters().values()) shapes.add(p.getArray().getShape());
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(parameters))) {
            d.block.loadParameters(d.model.getNDManager(), in);
            if (in.read() != -1) throw new IOException("trailing bytes after the parameters");
            // DJL replaces each array by what it reads, whatever its shape: a checkpoint of another width loads
            // silently
            int i = 0;
            for (var p : d.block.getParameters().values()) {
                if (!p.getArray().getShape().equals(shapes.get(i))) {
                    throw new IOException("parameter " + p.getName() + " has shape "
                            + p.getArray().getShape() + ", expected " + shapes.get(i));
                }
                i++;
            }
        } catch (MalformedModelException | IOException | RuntimeException e) {
            d.close();
            throw new IOException(
                    "cannot read EGNN parameters (" + hidden + " x " + layers + "): " + e.getMessage(), e);
        }
        return d;
    }

    private static Shape[] initShapes() {
        return new Shape[] {
            new Shape(1, 2, 3),
            new Shape(1, 2, MoleculeGraph.ATOM_FEATURES),
            new Shape(1, 2, 2, MoleculeGraph.EDGE_FEATURES),
            new Shape(1, 2),
            new Shape(1, 1)
        };
    }

    /** The model's manager (parameters live here), for leak checks. */
    NDManager manager() {
        return model.getNDManager();
    }

    public EgnnBlock block() {
        return block;
    }

    /** The number of trainable scalars. */
    public long parameterCount() {
        long s = 0;
        for (var p : block.getParameters().values()) s += p.getArray().size();
        return s;
    }

    /**
     * Runs the network on conformers of one molecule (no gradients).
     *
     * @param x flat clouds of 3 n coordinates (n = atoms of m)
     * @param t the time of every cloud
     * @return the predicted clean clouds, centred
     */
    public double[][] predict(Molecule m, double[][] x, double t) {
        int b = x.length, n = m.size();
        List<Molecule> ms = new ArrayList<>(b);
        for (int i = 0; i < b; i++) ms.add(m);
        double[][] out = new double[b][3 * n];
        if (b == 0) return out;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList in = inputs(scope, ms, List.of(x), n, filled(b, (float) t));
            float[] y = block.forward(new ParameterStore(scope, false), in, false)
                    .singletonOrThrow()
                    .toFloatArray();
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < 3 * n; k++) out[i][k] = y[i * 3 * n + k];
            }
        }
        return out;
    }

    /** Runs the network on a padded batch of different molecules, one cloud and time each (no gradients). */
    public double[][] predict(List<Molecule> ms, List<double[]> x, float[] t) {
        int n = MoleculeGraph.maxAtoms(ms);
        double[][] out = new double[ms.size()][];
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList in = inputs(scope, ms, x, n, t);
            float[] y = block.forward(new ParameterStore(scope, false), in, false)
                    .singletonOrThrow()
                    .toFloatArray();
            for (int i = 0; i < ms.size(); i++) {
                out[i] = new double[3 * ms.get(i).size()];
                for (int k = 0; k < out[i].length; k++) out[i][k] = y[i * 3 * n + k];
            }
        }
        return out;
    }

    private static float[] filled(int b, float t) {
        float[] ts = new float[b];
        java.util.Arrays.fill(ts, t);
        return ts;
    }

    private static NDList inputs(NDManager mgr, List<Molecule> ms, List<double[]> x, int n, float[] t) {
        int b = ms.size();
        return new NDList(
                mgr.create(MoleculeGraph.coordinates(x, n), new Shape(b, n, 3)),
                mgr.create(MoleculeGraph.atoms(ms, n), new Shape(b, n, MoleculeGraph.ATOM_FEATURES)),
                mgr.create(MoleculeGraph.bonds(ms, n), new Shape(b, n, n, MoleculeGraph.EDGE_FEATURES)),
                mgr.create(MoleculeGraph.mask(ms, n), new Shape(b, n)),
                mgr.create(t, new Shape(b, 1)));
    }

    /** A {@link Denoiser} for conformers of {@code m}: every batch is one forward pass. */
    public Denoiser denoiser(Molecule m) {
        return new Denoiser() {
            @Override
            public double[] denoise(double[] x, double t) {
                return predict(m, new double[][] {x}, t)[0];
            }

            @Override
            public double[][] denoiseBatch(double[][] x, double t) {
                return predict(m, x, t);
            }
        };
    }

    /**
     * Trains with Adam ({@link #warmupCosine} learning rate peaking at {@code learningRate}, gradients clipped to
     * [-1, 1] elementwise). Each step draws {@code batch} (molecule, conformer) pairs uniformly, a time t ~ U(0, 1) and
     * centred noise per pair, and regresses the prediction at x_t on the objective's target with the weight
     * {@link EgnnBlock#lossWeight}{@code (t)}: unweighted, the loss of an x_1 prediction is dominated by small t, where
     * x_1 is unpredictable, and the network learned little where the sampler needs it. After a step whose loss is
     * not finite, training goes back to the parameters of the last multiple of {@value #SNAPSHOT_EVERY} steps with a
     * fresh optimizer (same learning-rate schedule) and draws different batches from there; after
     * {@value #MAX_RESTARTS} such restarts the {@link IllegalStateException} of the training loop propagates. (At the
     * quick profile's peak rate 5e-3, two unguarded runs each lost one of four trainings to a NaN, at steps 1264 and
     * 1487; its source was not found and it did not recur from run to run.) A finite loss that leaves its floor and
     * stays up ({@link DivergenceWatch}) is a restart too, from the last snapshot taken while the loss was near its
     * floor, at half the peak learning rate from then on: at the full protein profile's rate 3e-3, 3 of 12 trainings
     * went from a loss of about 2.5 to over 100 within 200 steps and never came back.
     *
     * <p>One training runs at a time in a JVM (DJL allows one gradient collector): a call waits for another
     * network's training to end. Sampling and prediction on other threads run alongside.
     *
     * @param molecules  the training molecules
     * @param conformers for each molecule, its reference conformers (flat, centred)
     * @param listener   called after each step, may be null
     * @return the loss of every step
     */
    public float[] train(
            List<Molecule> molecules,
            List<List<double[]>> conformers,
            Objective objective,
            int steps,
            int batch,
            float learningRate,
            long seed,
            TrainingLoop.StepListener listener) {
        synchronized (TRAINING) {
            if (molecules.size() != conformers.size() || molecules.isEmpty()) {
                throw new IllegalArgumentException("need one non-empty conformer list per molecule");
            }
            ObjectiveLoss loss = new ObjectiveLoss(objective);
            BatchSource draws = source(molecules, conformers, objective, batch, seed);
            long[] skipped = {0};
            BatchSource shifted = (mgr, step) -> draws.next(mgr, step + skipped[0]);
            float[] losses = new float[steps];
            List<float[]> snapshot = parameterValues();
            int snapshotStep = 0;
            float rate = learningRate;
            DivergenceWatch watch = new DivergenceWatch();
            Trainer trainer = model.newTrainer(config(loss, rate, steps, 0));
            try {
                TrainingLoop loop = new TrainingLoop(trainer);
                for (int i = 0; i < steps; i++) {
                    if (i % SNAPSHOT_EVERY == 0 && i != snapshotStep) {
                        List<float[]> now = parameterValues();
                        // a non-finite gradient shows up one step later, as a loss; a diverging run, as rising losses
                        if (watch.healthy(losses, i) && allFinite(now)) {
                            snapshot = now;
                            snapshotStep = i;
                        }
                    }
                    String restart = null;
                    try {
                        losses[i] = loop.step(shifted);
                    } catch (IllegalStateException e) {
                        // A non-finite loss (caught before the backward pass). Go back to the last snapshot with a
                        // fresh
                        // optimizer (its moments may hold the non-finite gradient that caused it), continuing the
                        // learning-rate schedule, and draw other batches from there on. Rare; bounded.
                        if (skipped[0] >= MAX_RESTARTS) throw e;
                        restart = "non-finite loss";
                    }
                    if (restart == null && watch.diverged(losses, i)) {
                        // Diverged: the loss left its floor and stays up (seen at the full protein profile's peak rate:
                        // from 2.5 to over 100 within 200 steps, never recovering). Go back to the last healthy
                        // snapshot
                        // with a fresh optimizer at half the learning rate.
                        if (skipped[0] >= MAX_RESTARTS) {
                            throw new IllegalStateException(String.format(
                                    Locale.ROOT,
                                    "%s training diverged after %d restarts (%s); lower the learning rate",
                                    objective,
                                    skipped[0],
                                    watch.describe(losses, i)));
                        }
                        rate /= 2;
                        restart = String.format(
                                Locale.ROOT,
                                "diverged (%s; peak learning rate halved to %.3g)",
                                watch.describe(losses, i),
                                rate);
                    }
                    if (restart != null) {
                        skipped[0]++;
                        LOG.warn(
                                "{} training: {} at step {}; restart {} of at most {} from step {}",
                                objective,
                                restart,
                                i,
                                skipped[0],
                                MAX_RESTARTS,
                                snapshotStep);
                        restore(snapshot);
                        trainer.close();
                        trainer = model.newTrainer(config(loss, rate, steps, snapshotStep));
                        loop = new TrainingLoop(trainer);
                        i = snapshotStep - 1;
                        continue;
                    }
                    if (listener != null) listener.afterStep(i, losses[i]);
                }
            } finally {
                trainer.close();
            }
            return losses;
        }
    }

    /** Held by the one training running in this JVM (DJL allows one gradient collector at a time). */
    private static final Object TRAINING = new Object();

    /** How often {@link #train} restarts from a snapshot after a non-finite loss before giving up. */
    static final int MAX_RESTARTS = 5;

    /** Steps between parameter snapshots in {@link #train}. */
    static final int SNAPSHOT_EVERY = 100;

    /**
     * Tells a diverging training from a noisy one by the mean loss over the last {@link #WINDOW} steps: diverged when it
     * exceeds {@link #DIVERGED} times the lowest such mean seen so far, healthy (fit for a snapshot) while it stays within
     * {@link #HEALTHY} times. Feed it every step in order; after a restart it keeps its lowest mean.
     */
    static final class DivergenceWatch {
        /** Steps over which the loss is averaged to tell divergence from noise. */
        static final int WINDOW = 50;
        /** Diverged when the window mean exceeds this many times its lowest. */
        static final double DIVERGED = 10;
        /** A snapshot is taken only while the window mean is within this many times its lowest. */
        static final double HEALTHY = 3;

        private double lowest = Double.POSITIVE_INFINITY;

        /** Whether the parameters before step {@code i} (losses up to {@code i - 1}) are fit for a snapshot. */
        boolean healthy(float[] losses, int i) {
            return i < WINDOW || mean(losses, i - 1) <= HEALTHY * lowest;
        }

        /** After step {@code i}'s loss is in {@code losses}: whether training has diverged (else the lowest updates). */
        boolean diverged(float[] losses, int i) {
            if (i + 1 < WINDOW) return false;
            double m = mean(losses, i);
            if (m > DIVERGED * lowest) return true;
            lowest = Math.min(lowest, m);
            return false;
        }

        String describe(float[] losses, int i) {
            return String.format(
                    Locale.ROOT, "mean loss %.3g over the last %d steps, lowest %.3g", mean(losses, i), WINDOW, lowest);
        }

        private static double mean(float[] losses, int last) {
            double sum = 0;
            for (int k = last - WINDOW + 1; k <= last; k++) sum += losses[k];
            return sum / WINDOW;
        }
    }

    private static DefaultTrainingConfig config(ObjectiveLoss loss, float learningRate, int steps, int begin) {
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(warmupCosine(learningRate, steps))
                .optBeginNumUpdate(begin)
                .optClipGrad(1f)
                .build();
        return new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(adam);
    }

    private List<float[]> parameterValues() {
        List<float[]> out = new ArrayList<>();
        for (var p : block.getParameters().values()) out.add(p.getArray().toFloatArray());
        return out;
    }

    private static boolean allFinite(List<float[]> values) {
        for (float[] v : values) {
            for (float x : v) {
                if (!Float.isFinite(x)) return false;
            }
        }
        return true;
    }

    private void restore(List<float[]> values) {
        int k = 0;
        for (var p : block.getParameters().values()) p.getArray().set(values.get(k++));
    }

    /**
     * A linear warm-up over the first 5% of the steps (at most 100), then a cosine decay to 5% of the peak rate at
     * the last step: the warm-up lets Adam's moment estimates settle before full-size steps, the decay lets the last
     * steps refine instead of jittering at the noise floor of the loss.
     */
    static Tracker warmupCosine(float peak, int steps) {
        int warm = Math.max(1, Math.min(100, steps / 20));
        return update -> {
            if (update < warm) return peak * (update + 1) / warm;
            double progress = Math.min(1.0, (update - warm) / (double) Math.max(1, steps - warm));
            return (float) (peak * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress))));
        };
    }

    private static BatchSource source(
            List<Molecule> molecules, List<List<double[]>> conformers, Objective objective, int batch, long seed) {
        RigidQuotient geometry = RigidQuotient.SE3;
        return (mgr, step) -> {
            SplittableRandom r = new SplittableRandom(org.noether.experiment.Seeds.derive(seed, "batch " + step));
            List<Molecule> ms = new ArrayList<>(batch);
            List<double[]> xt = new ArrayList<>(batch), target = new ArrayList<>(batch);
            float[] ts = new float[batch];
            for (int i = 0; i < batch; i++) {
                int k = r.nextInt(molecules.size());
                List<double[]> cs = conformers.get(k);
                double[] x1 = cs.get(r.nextInt(cs.size()));
                double t = r.nextDouble();
                double[] eps = new double[x1.length];
                for (int j = 0; j < eps.length; j++) eps[j] = r.nextGaussian();
                geometry.centre(eps);
                double[] x = new double[x1.length];
                for (int j = 0; j < x.length; j++) x[j] = t * x1[j] + (1 - t) * eps[j];
                ms.add(molecules.get(k));
                xt.add(x);
                ts[i] = (float) t;
                target.add(objective == Objective.GEODIFF ? Kabsch.align(x1, x, 3) : x1);
            }
            int n = MoleculeGraph.maxAtoms(ms);
            NDList data = inputs(mgr, ms, xt, n, ts);
            NDList labels = new NDList(
                    mgr.create(MoleculeGraph.coordinates(target, n), new Shape(batch, n, 3)),
                    mgr.create(MoleculeGraph.mask(ms, n), new Shape(batch, n)),
                    mgr.create(weights(ts), new Shape(batch)));
            if (objective == Objective.QUOTIENT)
                labels.add(mgr.create(projections(geometry, xt, n), new Shape(batch, 3L * n, 3L * n)));
            return new LabeledBatch(data, labels);
        };
    }

    /**
     * The objective's loss on one fixed batch (drawn as training step {@code step} of {@link #train} with this seed
     * would draw it), without gradients.
     */
    public double loss(
            List<Molecule> molecules,
            List<List<double[]>> conformers,
            Objective objective,
            int batch,
            long seed,
            long step) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            LabeledBatch b =
                    source(molecules, conformers, objective, batch, seed).next(scope, step);
            NDList y = block.forward(new ParameterStore(scope, false), b.data(), false);
            return new ObjectiveLoss(objective).evaluate(b.labels(), y).getFloat();
        }
    }

    private static float[] weights(float[] ts) {
        float[] w = new float[ts.length];
        for (int i = 0; i < ts.length; i++) w[i] = EgnnBlock.lossWeight(ts[i]);
        return w;
    }

    /** The horizontal projections at each x_t as dense padded (3N x 3N) matrices, zero outside the molecule. */
    private static float[] projections(RigidQuotient geometry, List<double[]> xt, int n) {
        int w = 3 * n;
        float[] out = new float[xt.size() * w * w];
        for (int i = 0; i < xt.size(); i++) {
            double[] x = xt.get(i);
            RigidQuotient.Local at = geometry.at(x);
            double[] e = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                e[c] = 1;
                double[] col = at.project(e);
                e[c] = 0;
                for (int rw = 0; rw < x.length; rw++) out[i * w * w + rw * w + c] = (float) col[rw];
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
