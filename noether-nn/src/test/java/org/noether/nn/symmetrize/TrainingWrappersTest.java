package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.LambdaEquitune.Positivity;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;
import org.noether.nn.train.TrainingLoop;

class TrainingWrappersTest {

    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);
    private static final Shape IMAGES = new Shape(4, 1, 6, 6);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Symmetry<DihedralElement> invariant() {
        return Symmetry.invariant(C4, NDActions.image(C4));
    }

    @Test
    void straightThroughForwardIsEquizeroAndBackwardIsEquitune() {
        Equizero<DihedralElement> ste =
                Nets.init(new Equizero<>(Nets.cnnClassifier(3), invariant(), Proxy.entropy()), manager, 17, IMAGES);
        Equizero<DihedralElement> hard = Nets.init(
                new Equizero<>(Nets.cnnClassifier(3), invariant(), Proxy.entropy()).straightThrough(false),
                manager,
                17,
                IMAGES);
        Equitune<DihedralElement> avg =
                Nets.init(new Equitune<>(Nets.cnnClassifier(3), invariant()), manager, 17, IMAGES);
        assertArrayEquals(Training.parameters(ste), Training.parameters(avg), "same seed, same weights");
        NDArray x = Nets.gaussian(manager, new SplittableRandom(1), 4, 1, 6, 6);
        float[] inference = Nets.eval(ste, manager, x);
        float[][] steRun = trainingForwardAndGradient(ste, x);
        float[][] avgRun = trainingForwardAndGradient(avg, x);
        float[][] hardRun = trainingForwardAndGradient(hard, x);
        assertTrue(Nets.relativeError(inference, steRun[0]) <= Nets.REL, "forward value is equizero's");
        assertTrue(Nets.relativeError(avgRun[1], steRun[1]) <= Nets.REL, "gradient is equitune's");
        assertTrue(Nets.relativeError(avgRun[1], hardRun[1]) > 1e-3, "without STE the gradient differs");
        x.close();
    }

    /** Training-mode output and the gradient of sum(output * w) for fixed weights w, w.r.t. all parameters. */
    private static float[][] trainingForwardAndGradient(Block block, NDArray x) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray local = Nets.local(x, scope);
            NDArray out;
            try (GradientCollector gc = Engine.getEngine(Engines.PYTORCH).newGradientCollector()) {
                out = block.forward(new ParameterStore(scope, false), new NDList(local), true)
                        .singletonOrThrow();
                NDArray w = scope.arange(0f, (float) out.size())
                        .reshape(out.getShape())
                        .sin();
                gc.backward(out.mul(w).sum());
            }
            float[] grads = block.getParameters().values().stream()
                    .map(Parameter::getArray)
                    .map(a -> a.getGradient().toFloatArray())
                    .reduce(new float[0], (a, b) -> {
                        float[] c = Arrays.copyOf(a, a.length + b.length);
                        System.arraycopy(b, 0, c, a.length, b.length);
                        return c;
                    });
            return new float[][] {out.toFloatArray(), grads};
        }
    }

    @Test
    void lambdaEquituneWithConstantLambdaIsEquitune() {
        Block constant = LambdaBlock.singleton(
                a -> a.getManager().zeros(new Shape(a.getShape().get(0), 1)));
        LambdaEquitune<DihedralElement> le = Nets.init(
                new LambdaEquitune<>(Nets.cnnClassifier(3), constant, invariant(), Positivity.EXP), manager, 4, IMAGES);
        Equitune<DihedralElement> eq =
                Nets.init(new Equitune<>(Nets.cnnClassifier(3), invariant()), manager, 4, IMAGES);
        NDArray x = Nets.gaussian(manager, new SplittableRandom(2), 4, 1, 6, 6);
        assertTrue(Nets.relativeError(Nets.eval(eq, manager, x), Nets.eval(le, manager, x)) <= 1e-6);
        x.close();
    }

    @Test
    void lambdaCanBeTrainedFirstWithTheModelFrozenThenJointly() {
        LambdaEquitune<DihedralElement> le =
                new LambdaEquitune<>(Nets.cnnClassifier(3), Nets.scorer(), invariant(), Positivity.SOFTPLUS);
        try (Training t = new Training(le, Loss.softmaxCrossEntropyLoss(), IMAGES, 3, 0.01f)) {
            BatchSource data = Training.randomClassification(IMAGES, 3, 5);
            float[] model0 = Training.parameters(le.model());
            float[] lambda0 = Training.parameters(le.lambda());
            le.freezeModel(true);
            new TrainingLoop(t.trainer).run(data, 5);
            assertArrayEquals(model0, Training.parameters(le.model()), "frozen model does not move");
            assertFalse(Arrays.equals(lambda0, Training.parameters(le.lambda())), "lambda is trained");
            le.freezeModel(false);
            new TrainingLoop(t.trainer).run(data, 5);
            assertFalse(Arrays.equals(model0, Training.parameters(le.model())), "then both are trained");
        }
    }

    @Test
    void canonicalizationEvaluatesOnlyTheCanonicalCopyAndMatchesTheFullOrbitFormula() {
        Symmetry<DihedralElement> s = Symmetry.equivariant(C4, NDActions.image(C4), NDActions.regular(C4));
        Canonicalized<DihedralElement> cz =
                Nets.init(new Canonicalized<>(Nets.cnnClassifier(4), Nets.scorer(), s), manager, 8, IMAGES);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Nets.gaussian(scope, new SplittableRandom(3), 4, 1, 6, 6);
            ParameterStore ps = new ParameterStore(scope, false);
            int[][] chosen = cz.canonicalIndices(ps, x);
            float[] got =
                    cz.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            NDArray ys = cz.model().forward(ps, new NDList(s.orbit(x)), false).singletonOrThrow();
            NDArray pulled = s.pullBack(ys); // [K, B, 4]
            for (int b = 0; b < 4; b++) {
                assertTrue(chosen[b].length == 1, "random scores do not tie");
                float[] expected = pulled.get(chosen[b][0] + "," + b).toFloatArray();
                float[] row = Arrays.copyOfRange(got, 4 * b, 4 * b + 4);
                assertTrue(Nets.relativeError(expected, row) <= 1e-6, "sample " + b);
            }
        }
    }

    @Test
    void canonicalizationPriorTeachesTheScorerWhichWayIsUp() {
        Canonicalized<DihedralElement> cz = new Canonicalized<>(Nets.cnnClassifier(3), Nets.scorer(), invariant());
        Shape shape = new Shape(16, 1, 6, 6);
        SplittableRandom random = new SplittableRandom(9);
        BatchSource upright = (m, step) ->
                new LabeledBatch(new NDList(uprightImages(m, random, 16)), new NDList(m.zeros(new Shape(16))));
        try (Training t = new Training(cz.priorBlock(), Loss.softmaxCrossEntropyLoss(), shape, 2, 0.02f)) {
            new TrainingLoop(t.trainer).run(upright, 60);
            Nets.init(cz, manager, 2, shape); // the model; the scorer is already trained
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = uprightImages(scope, random, 32);
                int correct = 0;
                int[] turns = new int[32];
                Augmentation<DihedralElement> aug = new Augmentation<>(invariant());
                for (int i = 0; i < 32; i++) {
                    turns[i] = i % 4;
                }
                NDArray rotated = aug.transformInputs(x, turns);
                int[][] chosen = cz.canonicalIndices(new ParameterStore(scope, false), rotated);
                for (int i = 0; i < 32; i++) {
                    // g_k . (r^t x) is upright when g_k = r^-t
                    if (chosen[i].length == 1 && chosen[i][0] == (4 - turns[i]) % 4) {
                        correct++;
                    }
                }
                assertTrue(correct >= 28, "canonical element recovered for " + correct + " of 32");
            }
        }
    }

    /** Noise with a bright band along the top two rows: "upright" has a meaning. */
    private static NDArray uprightImages(NDManager m, SplittableRandom random, int n) {
        float[] v = new float[n * 36];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.5 * random.nextGaussian()) + ((i % 36) < 12 ? 2f : 0f);
        }
        return m.create(v, new Shape(n, 1, 6, 6));
    }
}
