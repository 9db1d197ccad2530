package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.symmetrize.LambdaEquitune.Positivity;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.Inference;
import org.noether.nn.train.TrainingLoop;
import org.noether.nn.util.LiveArrays;

/** Native memory stays flat: the live-array count does not grow over many wrapped inference and training steps. */
class MemoryTest {

    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);
    private static final Shape IMAGES = new Shape(4, 1, 6, 6);

    private static List<Block> wrappers() {
        Symmetry<DihedralElement> inv = Symmetry.invariant(D4, NDActions.image(D4));
        Symmetry<DihedralElement> eq = Symmetry.equivariant(D4, NDActions.image(D4), NDActions.regular(D4));
        List<Block> list = new ArrayList<>();
        list.add(new Equitune<>(Nets.cnnClassifier(8), eq));
        list.add(new Equizero<>(Nets.cnnClassifier(8), eq, Proxy.entropy()));
        list.add(new Equizero<>(Nets.cnnClassifier(3), inv, Proxy.negativeMaxProbability()));
        list.add(new LambdaEquitune<>(Nets.cnnClassifier(8), Nets.scorer(), eq, Positivity.SOFTPLUS));
        list.add(new Canonicalized<>(Nets.cnnClassifier(8), Nets.scorer(), eq));
        return list;
    }

    @Test
    void liveArraysStayFlatOverWrappedTrainingSteps() {
        for (Block w : wrappers()) {
            try (Training t = new Training(w, Loss.softmaxCrossEntropyLoss(), IMAGES, 1, 0.01f)) {
                // labels are class indices: augment the inputs only
                Augmentation<DihedralElement> aug = new Augmentation<>(Symmetry.invariant(D4, NDActions.image(D4)));
                BatchSource data = aug.augment(Training.randomClassification(IMAGES, 3, 2), new SplittableRandom(3));
                TrainingLoop loop = new TrainingLoop(t.trainer);
                loop.run(data, 5);
                int after5 = LiveArrays.countAll();
                loop.run(data, 40);
                int after45 = LiveArrays.countAll();
                assertTrue(
                        Math.abs(after45 - after5) <= 2,
                        w + ": live arrays after 5 steps " + after5 + ", after 45: " + after45);
            }
        }
    }

    @Test
    void liveArraysStayFlatOverWrappedInference() {
        for (Block w : wrappers()) {
            try (Training t = new Training(w, Loss.softmaxCrossEntropyLoss(), IMAGES, 1, 0.01f)) {
                List<Integer> batches = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batches.add(i);
                }
                int before = LiveArrays.countAll();
                List<Float> sums = Inference.map(t.model.getNDManager(), batches, (scope, i) -> {
                    NDArray x = Nets.gaussian(scope, new SplittableRandom(i), 4, 1, 6, 6);
                    return w.forward(new ParameterStore(scope, false), new NDList(x), false)
                            .singletonOrThrow()
                            .sum()
                            .getFloat();
                });
                assertEquals(50, sums.size());
                assertEquals(before, LiveArrays.countAll(), w + " left arrays behind");
            }
        }
    }
}
