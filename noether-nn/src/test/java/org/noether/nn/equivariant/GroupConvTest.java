package org.noether.nn.equivariant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.action.Action;
import org.noether.action.Image;
import org.noether.action.ImageActions;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;
import org.noether.nn.util.LiveArrays;

/**
 * Rotating/flipping the input by h must transform every feature map spatially by h and move group channel g to
 * h g. Images are transformed with the core's exact grid action, independently of the layers' filter transforms.
 */
class GroupConvTest {

    @BeforeAll
    static void engine() {
        Engines.pytorch();
    }

    /** Applies h to every (H, W) map of an (N, C, H, W) array. */
    static float[] actOnMaps(Action<DihedralElement, Image> action, DihedralElement h, float[] x, int maps, int size) {
        float[] out = new float[x.length];
        int area = size * size;
        for (int k = 0; k < maps; k++) {
            float[] map = new float[area];
            System.arraycopy(x, k * area, map, 0, area);
            float[] moved = action.act(h, new Image(size, size, 1, map)).data();
            System.arraycopy(moved, 0, out, k * area, area);
        }
        return out;
    }

    /** out'[n, c, index(h g)] = h out[n, c, g]: transforms maps spatially and permutes the group axis. */
    static float[] actOnGroupMaps(DihedralGroup group, DihedralElement h, float[] x, int batchTimesChannels, int size) {
        List<DihedralElement> els = group.elements();
        int n = els.size();
        int area = size * size;
        float[] spatial = actOnMaps(ImageActions.exact(group), h, x, batchTimesChannels * n, size);
        float[] out = new float[x.length];
        for (int bc = 0; bc < batchTimesChannels; bc++)
            for (int g = 0; g < n; g++) {
                int target = group.indexOf(group.compose(h, els.get(g)));
                System.arraycopy(spatial, (bc * n + g) * area, out, (bc * n + target) * area, area);
            }
        return out;
    }

    private static double liftingError(DihedralGroup group, int size, int seed) {
        Engines.seed(seed);
        Random rnd = new Random(seed);
        int batch = 2, in = 2, out = 3;
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            LiftingConv2d lift = new LiftingConv2d(group, in, out, 3);
            Shape shape = new Shape(batch, in, size, size);
            EqTesting.initRandom(lift, m, 0.5f, shape);
            double worst = 0;
            for (DihedralElement h : group.elements()) {
                float[] x = EqTesting.gaussian(rnd, batch * in * size * size);
                float[] hx = actOnMaps(ImageActions.exact(group), h, x, batch * in, size);
                float[] fx = EqTesting.run(lift, m, x, shape, false);
                float[] fhx = EqTesting.run(lift, m, hx, shape, false);
                worst = Math.max(worst, EqTesting.relError(fhx, actOnGroupMaps(group, h, fx, batch * out, size)));
            }
            return worst;
        }
    }

    private static double groupConvError(DihedralGroup group, int size, int seed) {
        Engines.seed(seed);
        Random rnd = new Random(seed);
        int batch = 2, in = 2, out = 2;
        int n = group.order();
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            GroupConv2d conv = new GroupConv2d(group, in, out, 3);
            Shape shape = new Shape(batch, in * n, size, size);
            EqTesting.initRandom(conv, m, 0.5f, shape);
            double worst = 0;
            for (DihedralElement h : group.elements()) {
                float[] x = EqTesting.gaussian(rnd, batch * in * n * size * size);
                float[] hx = actOnGroupMaps(group, h, x, batch * in, size);
                float[] fx = EqTesting.run(conv, m, x, shape, false);
                float[] fhx = EqTesting.run(conv, m, hx, shape, false);
                worst = Math.max(worst, EqTesting.relError(fhx, actOnGroupMaps(group, h, fx, batch * out, size)));
            }
            return worst;
        }
    }

    @Test
    void liftingConvolutionIsEquivariant() {
        for (DihedralGroup g : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(4), DihedralGroup.dihedral(2))) {
            double err = liftingError(g, 7, 1);
            assertTrue(err < EqTesting.REL_TOL, g.name() + " lifting, relative error " + err);
        }
        double even = liftingError(DihedralGroup.cyclic(4), 8, 2);
        assertTrue(even < EqTesting.REL_TOL, "C4 lifting on an even-sized image, relative error " + even);
    }

    @Test
    void groupConvolutionIsEquivariant() {
        for (DihedralGroup g : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(4))) {
            double err = groupConvError(g, 6, 3);
            assertTrue(err < EqTesting.REL_TOL, g.name() + " group conv, relative error " + err);
        }
    }

    /** The same check with an ordinary convolution (trivial group axis) fails: the test can tell. */
    @Test
    void plainConvolutionFailsTheCheck() {
        DihedralGroup c4 = DihedralGroup.cyclic(4);
        Engines.seed(4);
        Random rnd = new Random(4);
        int size = 7;
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Block conv = Conv2d.builder()
                    .setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1))
                    .setFilters(3)
                    .build();
            Shape shape = new Shape(1, 2, size, size);
            EqTesting.initRandom(conv, m, 0.5f, shape);
            DihedralElement r = c4.rotation(1);
            float[] x = EqTesting.gaussian(rnd, 2 * size * size);
            float[] fx = EqTesting.run(conv, m, x, shape, false);
            float[] frx = EqTesting.run(conv, m, actOnMaps(ImageActions.exact(c4), r, x, 2, size), shape, false);
            double err = EqTesting.relError(frx, actOnMaps(ImageActions.exact(c4), r, fx, 3, size));
            assertTrue(err > 0.05, "an unconstrained conv should not be rotation-equivariant, error " + err);
        }
    }

    @Test
    void c4ClassifierIsRotationInvariant() {
        for (DihedralGroup group : List.of(DihedralGroup.cyclic(4), DihedralGroup.dihedral(4))) {
            Engines.seed(5);
            Random rnd = new Random(5);
            int size = 12;
            try (NDManager m = Engines.pytorch().newBaseManager()) {
                Block net = GCnn.classifier(group, 1, 4, 10);
                Shape shape = new Shape(2, 1, size, size);
                EqTesting.initRandom(net, m, 0.5f, shape);
                float[] x = EqTesting.gaussian(rnd, 2 * size * size);
                float[] logits = EqTesting.run(net, m, x, shape, false);
                for (DihedralElement h : group.elements()) {
                    float[] hx = actOnMaps(ImageActions.exact(group), h, x, 2, size);
                    double err = EqTesting.relError(EqTesting.run(net, m, hx, shape, false), logits);
                    assertTrue(err < EqTesting.REL_TOL, group.name() + " " + h + ": relative error " + err);
                }
            }
        }
    }

    /** Trains the C4 classifier with the lean loop: arrays stay flat and the loss goes down. */
    @Test
    void gcnnTrainingKeepsLiveArraysFlat() {
        Engines.seed(6);
        int size = 10, batch = 8, steps = 40;
        try (Model model = Model.newInstance("gcnn", Device.cpu(), Engines.PYTORCH)) {
            model.setBlock(GCnn.c4Classifier(1, 4, 2));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(0.02f))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 1, size, size));
                Random rnd = new Random(6);
                int[] live = new int[steps + 1];
                int[] liveAll = new int[steps + 1];
                // class 1: a bright centred square, class 0: noise only
                float[] losses = new TrainingLoop(trainer)
                        .run(
                                (mgr, step) -> {
                                    float[] x = new float[batch * size * size];
                                    float[] y = new float[batch];
                                    for (int b = 0; b < batch; b++) {
                                        y[b] = b % 2;
                                        for (int i = 0; i < size * size; i++) {
                                            int r = i / size, c = i % size;
                                            boolean inside = r >= 3 && r < 7 && c >= 3 && c < 7;
                                            x[b * size * size + i] =
                                                    (float) (0.3 * rnd.nextGaussian()) + (y[b] == 1 && inside ? 1 : 0);
                                        }
                                    }
                                    return new LabeledBatch(
                                            new NDList(mgr.create(x, new Shape(batch, 1, size, size))),
                                            new NDList(mgr.create(y, new Shape(batch))));
                                },
                                steps,
                                (step, loss) -> {
                                    live[(int) step + 1] = LiveArrays.count(model.getNDManager());
                                    liveAll[(int) step + 1] = LiveArrays.countAll();
                                });
                assertTrue(
                        Math.abs(live[steps] - live[10]) <= 2,
                        "model arrays " + live[10] + " -> " + live[steps] + " "
                                + LiveArrays.byOwner(model.getNDManager()));
                assertTrue(
                        Math.abs(liveAll[steps] - liveAll[10]) <= 2,
                        "engine arrays " + liveAll[10] + " -> " + liveAll[steps]);
                assertTrue(losses[steps - 1] < losses[0], "loss " + losses[0] + " -> " + losses[steps - 1]);
            }
        }
    }
}
