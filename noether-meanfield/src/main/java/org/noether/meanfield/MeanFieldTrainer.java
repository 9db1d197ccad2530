package org.noether.meanfield;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;

/**
 * Mean-field SGD for the shallow network Phi(x) = (1/N) sum_i sigma_*(x; theta_i) learning a {@link Teacher} from
 * fresh Gaussian (or other) inputs, under one of the four {@link Scheme}s; the update is the one documented on
 * {@link TrainingConfig} (the paper's Eq. for SGD with mean-field step scaling, L2 penalty and Langevin noise).
 *
 * <p>Particles come in and go out as a flat {@code double[N * dz]}; during the run they live in blocks of
 * {@link #BLOCK} stored coordinate by coordinate, the layout of the unit's {@link BlockKernel} (vectorized for the
 * built-in sigmoid unit). A step draws the batch, evaluates the teacher, runs every block forward on the (augmented
 * or orbit-expanded) batch, forms the residuals, and runs every block backward and updates it; all buffers are
 * allocated once per run. Block partial sums are added in a fixed order, so {@link TrainingConfig#threads} changes the speed, never the numbers. Randomness comes
 * from streams split from the seed (batch inputs, augmentation elements, and Langevin noise with one stream per
 * block of particles), so runs of different schemes with the same seed see the same inputs and the same noise, and
 * the thread count does not change the numbers.
 *
 * <pre>{@code
 * MeanFieldSetting s = MeanFieldSetting.paper();
 * var trainer = new MeanFieldTrainer(s, Scheme.DA, s.teacher(Invariance.ARBITRARY),
 *         TrainingConfig.paper().withNoiseSubspace(s.symmetry().fixedSubspace()));
 * double[] init = Particles.initial(Invariance.STRONGLY_INVARIANT, s.symmetry(), 100, s.initStd(), new SplittableRandom(1));
 * TrainingResult r = trainer.train(init, 100, 7);
 * }</pre>
 */
public final class MeanFieldTrainer {
    /** Particles per block: the unit of work of a thread and of the fixed-order summation. */
    static final int BLOCK = 256;

    private final MeanFieldSetting setting;
    private final Unit unit;
    private final Symmetry symmetry;
    private final Scheme scheme;
    private final Teacher teacher;
    private final TrainingConfig config;

    public MeanFieldTrainer(MeanFieldSetting setting, Scheme scheme, Teacher teacher, TrainingConfig config) {
        this.setting = setting;
        this.unit = setting.unit();
        this.symmetry = setting.symmetry();
        this.scheme = scheme;
        this.teacher = teacher;
        this.config = config;
        if (teacher.particles().length != teacher.count() * unit.parameterDimension())
            throw new IllegalArgumentException("teacher particles do not have dimension " + unit.parameterDimension());
        if (config.noiseSubspace() != null && config.noiseSubspace().ambientDimension() != unit.parameterDimension())
            throw new IllegalArgumentException("noise subspace lives in R^"
                    + config.noiseSubspace().ambientDimension() + ", parameters in R^" + unit.parameterDimension());
    }

    public Scheme scheme() {
        return scheme;
    }

    /**
     * Trains a copy of {@code initial} (n particles) for {@link TrainingConfig#steps} steps.
     *
     * @throws IllegalArgumentException if the array does not hold n particles
     */
    public TrainingResult train(double[] initial, int n, long seed) {
        if (n < 1 || initial.length != n * unit.parameterDimension())
            throw new IllegalArgumentException(
                    "expected " + n + " x " + unit.parameterDimension() + " initial values, got " + initial.length);
        long t0 = System.nanoTime();
        Run run = new Run(initial, n, seed);
        long steps = config.steps(n);
        run.execute(steps);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new TrainingResult(run.particles(), n, unit.parameterDimension(), steps, seconds);
    }

    /**
     * The population risk (1/2) E|Phi(x) - f_*(x)|^2 of a cloud, estimated on {@code samples} inputs drawn from
     * {@code seed}; under {@link Scheme#FA} the model is the averaged one.
     */
    public double risk(double[] particles, int n, int samples, long seed) {
        int dx = unit.inputDimension(), dy = unit.outputDimension(), dz = unit.parameterDimension();
        SplittableRandom random = new SplittableRandom(seed);
        int g = symmetry.order();
        double[] x = new double[dx], gx = new double[g * dx], out = new double[g * dy], y = new double[dy];
        double[] cache = new double[Math.max(1, g * unit.cacheWidth())];
        double[] avg = new double[dy], tmp = new double[dy];
        double total = 0;
        for (int s = 0; s < samples; s++) {
            setting.inputs().sample(random, x, 0);
            Arrays.fill(y, 0);
            for (int j = 0; j < teacher.count(); j++) unit.forward(teacher.particles(), j * dz, x, 1, y, cache, 0);
            for (int o = 0; o < dy; o++) y[o] /= teacher.count();
            int copies = scheme == Scheme.FA ? g : 1;
            for (int e = 0; e < copies; e++) {
                if (copies == 1) System.arraycopy(x, 0, gx, 0, dx);
                else symmetry.actOnInput(e, x, 0, gx, e * dx);
            }
            Arrays.fill(out, 0);
            for (int i = 0; i < n; i++) unit.forward(particles, i * dz, gx, copies, out, cache, 0);
            Arrays.fill(avg, 0);
            for (int e = 0; e < copies; e++) {
                if (copies == 1) System.arraycopy(out, 0, tmp, 0, dy);
                else symmetry.actOnOutputInverse(e, out, e * dy, tmp, 0);
                for (int o = 0; o < dy; o++) avg[o] += tmp[o] / ((double) n * copies);
            }
            for (int o = 0; o < dy; o++) total += 0.5 * (avg[o] - y[o]) * (avg[o] - y[o]);
        }
        return total / samples;
    }

    /**
     * The per-particle drift of one step on a given batch, before the penalty and the step size: row i is
     * (1/B) sum_b D_theta sigma_*^T (upstream of sample b) for the scheme (DA with the given elements, one per
     * sample), projected onto E^G under EA. For tests of the schemes' gradients.
     */
    double[] batchGradient(double[] particles, int n, double[] x, double[] y, int[] elements) {
        Run run = new Run(particles, n, 0);
        run.prepareWith(x, y, elements);
        run.forwardBlocks(0, run.blocks, 1, 0);
        run.reduceAndResiduals();
        int dz = unit.parameterDimension();
        double[] out = new double[n * dz];
        for (int blk = 0; blk < run.blocks; blk++) {
            int from = blk * BLOCK, len = run.length(blk);
            double[] g = run.gradient[0];
            run.kernels[0].backward(run.theta[blk], len, run.xs, run.m, run.upstream, run.cache[blk], 0, g);
            if (run.constraint != null) run.constraint.projectColumns(g, len, g, run.coordinates[0]);
            Particles.toRowMajor(g, len, dz, out, from);
        }
        return out;
    }

    /**
     * The state of one training run: buffers sized once, then reused every step. Particles live in blocks of
     * {@link #BLOCK}, each stored coordinate by coordinate ({@code theta[blk][p * L + i]}), the layout of
     * {@link BlockKernel}.
     */
    private final class Run {
        final double[][] theta; // per block: dz x L
        final int n;
        final int dx = unit.inputDimension();
        final int dy = unit.outputDimension();
        final int dz = unit.parameterDimension();
        final int cw = unit.cacheWidth();
        final int b = config.batch();
        final int order = symmetry.order();
        final int m; // effective inputs per step
        final int blocks;
        final double[] x; // B x dx raw inputs
        final double[] y; // B x dy labels
        final double[] xs; // m x dx inputs fed to the particles
        final double[] ys; // B x dy targets (transformed under DA)
        final double[] phi; // m x dy network outputs
        final double[][] blockSums; // per block: m x dy partial sums of the outputs
        final double[] upstream; // m x dy
        final double[][] cache; // per block: L x m x cw
        final double[] teacherCache;
        final double[] teacherByCoordinate; // the teacher's particles, dz x count
        final BlockKernel teacherKernel;
        final BlockKernel[] kernels; // per thread
        final double[][] gradient; // per thread: dz x BLOCK
        final double[][] coordinates; // per thread: projection scratch
        final double[][] noise; // per block: k x L
        final Subspace noiseSpace;
        final Subspace constraint;
        final int k;
        final double step;
        final double noiseScale;
        final double[] yTmp;
        final int[] elementOf;
        final SplittableRandom data;
        final SplittableRandom[] noiseRandom; // per block, so that any thread can draw a block's noise
        final SplittableRandom augmentation;

        Run(double[] initial, int n, long seed) {
            this.n = n;
            this.m = scheme == Scheme.FA ? b * order : b;
            this.blocks = (n + BLOCK - 1) / BLOCK;
            theta = new double[blocks][];
            cache = new double[blocks][];
            blockSums = new double[blocks][m * dy];
            for (int blk = 0; blk < blocks; blk++) {
                int len = length(blk), from = blk * BLOCK;
                theta[blk] = new double[dz * len];
                Particles.toCoordinateMajor(initial, from, len, dz, theta[blk]);
                cache[blk] = new double[Math.max(1, len * m * cw)];
            }
            x = new double[b * dx];
            y = new double[b * dy];
            xs = new double[m * dx];
            ys = new double[b * dy];
            phi = new double[m * dy];
            upstream = new double[m * dy];
            int tc = teacher.count();
            teacherCache = new double[Math.max(1, tc * b * cw)];
            teacherByCoordinate = new double[tc * dz];
            Particles.toCoordinateMajor(teacher.particles(), 0, tc, dz, teacherByCoordinate);
            teacherKernel = unit.blockKernel();
            int threads = Math.min(config.threads(), blocks);
            kernels = new BlockKernel[threads];
            gradient = new double[threads][dz * BLOCK];
            noiseSpace = config.noiseSubspace() == null ? Subspace.full(dz) : config.noiseSubspace();
            constraint = scheme == Scheme.EA ? symmetry.fixedSubspace() : null;
            k = noiseSpace.dimension();
            coordinates = new double[threads][Math.max(dz, k) * BLOCK];
            for (int t = 0; t < threads; t++) kernels[t] = unit.blockKernel();
            noise = new double[blocks][];
            for (int blk = 0; blk < blocks; blk++) noise[blk] = new double[Math.max(1, k * length(blk))];
            step = config.alpha() / n;
            noiseScale = Math.sqrt(2 * config.alpha() * config.beta() / n);
            yTmp = new double[dy];
            elementOf = new int[b];
            SplittableRandom master = new SplittableRandom(seed);
            data = master.split();
            SplittableRandom noiseMaster = master.split();
            augmentation = master.split();
            noiseRandom = new SplittableRandom[blocks];
            for (int blk = 0; blk < blocks; blk++) noiseRandom[blk] = noiseMaster.split();
        }

        /** Particles in block {@code blk}. */
        int length(int blk) {
            return Math.min(BLOCK, n - blk * BLOCK);
        }

        /** The particles, one after another (row-major n x dz). */
        double[] particles() {
            double[] out = new double[n * dz];
            for (int blk = 0; blk < blocks; blk++) {
                int len = length(blk), from = blk * BLOCK;
                Particles.toRowMajor(theta[blk], len, dz, out, from);
            }
            return out;
        }

        void execute(long steps) {
            int threads = kernels.length;
            if (threads <= 1) {
                for (long s = 0; s < steps; s++) {
                    prepare();
                    forwardBlocks(0, blocks, 1, 0);
                    reduceAndResiduals();
                    backwardBlocks(0, blocks, 1, 0);
                }
                return;
            }
            runParallel(steps, threads);
        }

        /** Draws the batch, labels it with the teacher and builds the inputs the particles see. */
        void prepare() {
            for (int s = 0; s < b; s++) setting.inputs().sample(data, x, s * dx);
            Arrays.fill(y, 0);
            teacherKernel.forward(teacherByCoordinate, teacher.count(), x, b, y, teacherCache, 0);
            double inv = 1.0 / teacher.count();
            for (int i = 0; i < y.length; i++) y[i] *= inv;
            if (scheme == Scheme.DA) for (int s = 0; s < b; s++) elementOf[s] = augmentation.nextInt(order);
            transformBatch();
        }

        /** Uses a given batch (and DA elements) instead of drawing one. */
        void prepareWith(double[] bx, double[] by, int[] elements) {
            System.arraycopy(bx, 0, x, 0, x.length);
            System.arraycopy(by, 0, y, 0, y.length);
            if (scheme == Scheme.DA) System.arraycopy(elements, 0, elementOf, 0, b);
            transformBatch();
        }

        private void transformBatch() {
            switch (scheme) {
                case VANILLA, EA -> {
                    System.arraycopy(x, 0, xs, 0, x.length);
                    System.arraycopy(y, 0, ys, 0, y.length);
                }
                case DA -> {
                    for (int s = 0; s < b; s++) {
                        int g = elementOf[s];
                        symmetry.actOnInput(g, x, s * dx, xs, s * dx);
                        symmetry.actOnOutput(g, y, s * dy, ys, s * dy);
                    }
                }
                case FA -> {
                    for (int s = 0; s < b; s++)
                        for (int g = 0; g < order; g++) symmetry.actOnInput(g, x, s * dx, xs, (s * order + g) * dx);
                    System.arraycopy(y, 0, ys, 0, y.length);
                }
            }
        }

        void forwardBlocks(int first, int end, int stride, int thread) {
            BlockKernel kernel = kernels[thread];
            for (int blk = first; blk < end; blk += stride) {
                double[] sum = blockSums[blk];
                Arrays.fill(sum, 0);
                kernel.forward(theta[blk], length(blk), xs, m, sum, cache[blk], 0);
            }
        }

        /** Sums the block partials in order, then forms the upstream gradients of the batch loss. */
        void reduceAndResiduals() {
            int width = m * dy;
            Arrays.fill(phi, 0);
            for (double[] src : blockSums) for (int i = 0; i < width; i++) phi[i] += src[i];
            double inv = 1.0 / n;
            for (int i = 0; i < width; i++) phi[i] *= inv;
            double perSample = 1.0 / b;
            if (scheme != Scheme.FA) {
                for (int i = 0; i < b * dy; i++) upstream[i] = (phi[i] - ys[i]) * perSample;
                return;
            }
            // FA: output of sample s is (1/|G|) sum_g rho_Y(g)^T Phi(rho_X(g) x_s); its loss gradient flows back to
            // the copy (s, g) as (1/|G|) rho_Y(g) r_s
            double perCopy = perSample / order;
            for (int s = 0; s < b; s++) {
                Arrays.fill(yTmp, 0);
                for (int g = 0; g < order; g++) {
                    int off = (s * order + g) * dy;
                    symmetry.actOnOutputInverse(g, phi, off, upstream, off); // upstream used as scratch here
                    for (int o = 0; o < dy; o++) yTmp[o] += upstream[off + o];
                }
                for (int o = 0; o < dy; o++) yTmp[o] = (yTmp[o] / order - ys[s * dy + o]) * perCopy;
                for (int g = 0; g < order; g++) symmetry.actOnOutput(g, yTmp, 0, upstream, (s * order + g) * dy);
            }
        }

        /** Draws the Langevin noise of a block's particles from the block's own stream, coordinate by coordinate. */
        void drawNoise(int blk) {
            double[] xi = noise[blk];
            SplittableRandom random = noiseRandom[blk];
            for (int i = 0; i < xi.length; i++) xi[i] = random.nextGaussian();
        }

        /** Gradients, penalty, projection (EA), step and noise for the given blocks, vectorized over particles. */
        void backwardBlocks(int first, int end, int stride, int thread) {
            BlockKernel kernel = kernels[thread];
            double[] grad = gradient[thread];
            double[] coords = coordinates[thread];
            double tau = config.tau();
            boolean fullNoise = config.noiseSubspace() == null;
            for (int blk = first; blk < end; blk += stride) {
                int len = length(blk), size = dz * len;
                double[] t = theta[blk];
                kernel.backward(t, len, xs, m, upstream, cache[blk], 0, grad);
                for (int q = 0; q < size; q++) grad[q] += tau * t[q];
                if (constraint != null) constraint.projectColumns(grad, len, grad, coords);
                for (int q = 0; q < size; q++) t[q] -= step * grad[q];
                if (noiseScale > 0) {
                    drawNoise(blk);
                    double[] xi = noise[blk];
                    if (constraint != null) {
                        // EA: the noise, too, stays in E^G
                        Arrays.fill(grad, 0, size, 0);
                        noiseSpace.addCombinationColumns(xi, 0, noiseScale, grad, len);
                        constraint.projectColumns(grad, len, grad, coords);
                        for (int q = 0; q < size; q++) t[q] += grad[q];
                    } else if (fullNoise) {
                        for (int q = 0; q < size; q++) t[q] += noiseScale * xi[q];
                    } else {
                        noiseSpace.addCombinationColumns(xi, 0, noiseScale, t, len);
                    }
                }
            }
        }

        /**
         * Runs the steps with helper threads where that is faster: every step is either split over the threads
         * (they meet four times per step at a {@link SpinBarrier}) or run by this thread alone while the helpers
         * park, as {@link ThreadChoice} decides from the measured rates. Both give the same numbers.
         */
        private void runParallel(long steps, int threads) {
            SpinBarrier barrier = new SpinBarrier(threads);
            Thread[] helpers = new Thread[threads - 1];
            Throwable[] failure = new Throwable[1];
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            for (int t = 1; t < threads; t++) {
                final int id = t;
                helpers[t - 1] = new Thread(
                        () -> {
                            try {
                                while (true) {
                                    barrier.await(); // batch ready (or the run is over)
                                    if (finished.get()) return;
                                    forwardBlocks(id, blocks, threads, id);
                                    barrier.await(); // forward done
                                    barrier.await(); // residuals ready
                                    backwardBlocks(id, blocks, threads, id);
                                    barrier.await(); // step done
                                }
                            } catch (InterruptedException | BrokenBarrierException e) {
                                Thread.currentThread().interrupt();
                            } catch (Throwable e) {
                                failure[0] = e;
                                barrier.breakBarrier();
                            }
                        },
                        "meanfield-worker-" + t);
                helpers[t - 1].setDaemon(true);
                helpers[t - 1].start();
            }
            ThreadChoice choice = new ThreadChoice(System.nanoTime());
            try {
                for (long s = 0; s < steps; s++) {
                    prepare();
                    if (choice.parallel()) {
                        barrier.await();
                        forwardBlocks(0, blocks, threads, 0);
                        barrier.await();
                        reduceAndResiduals();
                        barrier.await();
                        backwardBlocks(0, blocks, threads, 0);
                        barrier.await();
                    } else {
                        forwardBlocks(0, blocks, 1, 0);
                        reduceAndResiduals();
                        backwardBlocks(0, blocks, 1, 0);
                    }
                    choice.stepDone(System.nanoTime());
                }
                finished.set(true);
                barrier.await(); // lets the helpers see that the run is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (BrokenBarrierException e) {
                throw new IllegalStateException("a training thread failed", failure[0] != null ? failure[0] : e);
            } finally {
                finished.set(true);
                barrier.breakBarrier();
                for (Thread h : helpers) h.interrupt();
            }
        }
    }
}
