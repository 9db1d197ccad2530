package org.noether.nn.equivariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.group.DihedralGroup;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.nn.Engines;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.Losses;
import org.noether.nn.train.TrainingLoop;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

class EquivariantLinearTest {

    @BeforeAll
    static void engine() {
        Engines.pytorch();
    }

    /** Returns whether the layer assembled its weight by a gather. */
    private static <G> boolean assertEquivariant(Representation<G> in, Representation<G> out, int seed) {
        Engines.seed(seed);
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            EquivariantLinear layer = new EquivariantLinear(in, out);
            EqTesting.initRandom(layer, manager, 1f, new Shape(4, in.dimension()));
            double err = EqTesting.equivarianceError(layer, manager, in, out, new Random(seed), 4, 3);
            assertTrue(err < EqTesting.REL_TOL, layer + ": relative error " + err);
            // training path (assembles every pass) agrees with the cached inference path
            float[] x = EqTesting.gaussian(new Random(seed + 1), 4 * in.dimension());
            Shape s = new Shape(4, in.dimension());
            float[] a = EqTesting.run(layer, manager, x, s, true);
            float[] b = EqTesting.run(layer, manager, x, s, false);
            assertTrue(EqTesting.relError(a, b) < 1e-6, "training vs inference path");
            return layer.assemblesByGather();
        }
    }

    @Test
    void so3TensorSquareToVector() {
        O3 g = O3.SO3;
        assertEquivariant(RepresentationSpec.parse(g, "V*V"), RepresentationSpec.parse(g, "V"), 1);
    }

    @Test
    void so3TensorSquareToItselfUsesTheDenseProduct() {
        O3 g = O3.SO3;
        // identity, transpose and trace elements overlap on the diagonal entries
        assertFalse(
                assertEquivariant(RepresentationSpec.parse(g, "V*V"), RepresentationSpec.parse(g, "V*V"), 7),
                "overlapping basis elements: assembled by the dense product");
    }

    @Test
    void so3MixedWithInvariantBias() {
        O3 g = O3.SO3;
        assertEquivariant(RepresentationSpec.parse(g, "V+1"), RepresentationSpec.parse(g, "V*V+1"), 2);
    }

    @Test
    void s4PermutationToPermutation() {
        SymmetricGroup s4 = new SymmetricGroup(4);
        EquivariantLinear layer =
                new EquivariantLinear(Representations.permutation(s4), Representations.permutation(s4));
        assertEquals(2, layer.weightDimension()); // identity and all-ones
        assertEquals(1, layer.biasDimension());
        assertEquivariant(Representations.permutation(s4), Representations.permutation(s4), 3);
    }

    @Test
    void d4RegularToRegular() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        assertTrue(
                assertEquivariant(Representations.regular(d4), Representations.regular(d4), 4),
                "disjoint orbit basis: assembled by a gather");
    }

    @Test
    void c4RegularToPlanar() {
        DihedralGroup c4 = DihedralGroup.cyclic(4);
        assertEquivariant(Representations.regular(c4), Representations.regular(c4), 5);
        assertEquivariant(Representations.regular(c4), Representations.planar(c4, 1), 6);
    }

    /** Trains with DJL's Trainer, then saves and reloads into a fresh model: identical outputs. */
    @Test
    void trainsSavesAndReloads(@TempDir Path dir) throws Exception {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Representation<?> reg = Representations.regular(d4);
        int d = reg.dimension();
        Engines.seed(11);
        float[] probe = EqTesting.gaussian(new Random(5), 3 * d);
        float[] before;
        try (Model model = Model.newInstance("eqlin", Device.cpu(), Engines.PYTORCH)) {
            EquivariantLinear layer = new EquivariantLinear(Representations.regular(d4), Representations.regular(d4));
            model.setBlock(layer);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Losses.l2())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(0.05f))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(16, d));
                Random rnd = new Random(9);
                // target: an equivariant map (2 * identity + 1) applied to the inputs
                float[] losses = new TrainingLoop(trainer)
                        .run(
                                (m, step) -> {
                                    float[] x = EqTesting.gaussian(rnd, 16 * d);
                                    float[] y = new float[x.length];
                                    for (int i = 0; i < x.length; i++) y[i] = 2 * x[i] + 1;
                                    return new LabeledBatch(
                                            new NDList(m.create(x, new Shape(16, d))),
                                            new NDList(m.create(y, new Shape(16, d))));
                                },
                                150);
                assertTrue(losses[149] < 0.05f * losses[0], "loss " + losses[0] + " -> " + losses[149]);
            }
            before = EqTesting.run(layer, model.getNDManager(), probe, new Shape(3, d), false);
            model.save(dir, "eqlin");
        }
        assertTrue(Files.list(dir).findAny().isPresent());
        try (Model fresh = Model.newInstance("eqlin", Device.cpu(), Engines.PYTORCH)) {
            EquivariantLinear layer = new EquivariantLinear(Representations.regular(d4), Representations.regular(d4));
            fresh.setBlock(layer);
            fresh.load(dir, "eqlin");
            float[] after = EqTesting.run(layer, fresh.getNDManager(), probe, new Shape(3, d), false);
            assertArrayEquals(before, after, "outputs after reload");
        }
    }
}
