package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Permutation;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * The actions close the index and matrix arrays they build from Java data as soon as the op returns, but autograd keeps
 * them for the backward pass. Were they views of Java memory (as {@code manager.create} makes them), a garbage
 * collection between forward and backward would free that memory and the gradient would read whatever came next: this
 * was CI's "index 34103641755 is out of bounds for dimension 0 with size 8" in {@code MemoryTest}. Here the forward
 * runs, the collector is forced and the freed memory is overwritten with 0x7f bytes before {@code backward}; the
 * gradients must still be the exact ones. Exact to float32 rounding: the regular action only moves entries (tolerance
 * 0), the representation's gradient is one float32 product per entry (tolerance 1e-5).
 */
class BackwardOperandsTest {

    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);

    @RepeatedTest(3)
    void regularActionGradientSurvivesACollection() {
        SplittableRandom rnd = new SplittableRandom(11);
        DihedralElement g = D4.elements().get(1 + rnd.nextInt(D4.order() - 1));
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            float[] w = gaussian(rnd, 3 * 8);
            NDArray x = m.create(gaussian(rnd, 3 * 8), new Shape(3, 8));
            x.setRequiresGradient(true);
            NDArray weights = m.create(w, new Shape(3, 8));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = NDActions.regular(D4).act(g, x);
                NDArray loss = y.mul(weights).sum();
                List<ByteBuffer> churn = churn();
                gc.backward(loss);
                churn.clear();
            }
            // y_j = x_{src(j)} with src = p^-1, so d loss / d x_{src(j)} = w_j
            int[] src = permutationOf(g).inverse().images();
            float[] expected = new float[3 * 8];
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < 8; j++) {
                    expected[r * 8 + src[j]] = w[r * 8 + j];
                }
            }
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 0f);
        }
    }

    @RepeatedTest(3)
    void representationGradientSurvivesACollection() {
        SplittableRandom rnd = new SplittableRandom(12);
        Representation<DihedralElement> rho = Representations.regular(D4);
        DihedralElement g = D4.elements().get(1 + rnd.nextInt(D4.order() - 1));
        int d = rho.dimension();
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            float[] w = gaussian(rnd, 2 * d);
            NDArray x = m.create(gaussian(rnd, 2 * d), new Shape(2, d));
            x.setRequiresGradient(true);
            NDArray weights = m.create(w, new Shape(2, d));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = NDActions.representation(rho).act(g, x);
                NDArray loss = y.mul(weights).sum();
                List<ByteBuffer> churn = churn();
                gc.backward(loss);
                churn.clear();
            }
            // y = x rho^T, so d loss / d x = w rho
            double[] mat = rho.matrix(g);
            float[] expected = new float[2 * d];
            for (int r = 0; r < 2; r++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += (float) w[r * d + i] * (float) mat[i * d + j];
                    }
                    expected[r * d + j] = (float) s;
                }
            }
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-5f);
        }
    }

    private static Permutation permutationOf(DihedralElement g) {
        int n = D4.order();
        int[] images = new int[n];
        for (int h = 0; h < n; h++) {
            images[h] = D4.indexOf(D4.compose(g, D4.elements().get(h)));
        }
        return new Permutation(images);
    }

    /** Collects garbage (freeing unreachable direct buffers) and fills the freed memory with 0x7f bytes. */
    private static List<ByteBuffer> churn() {
        List<ByteBuffer> keep = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int size : new int[] {8, 64, 256, 1024, 4096}) {
                for (int i = 0; i < 64; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(size);
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    keep.add(b);
                }
            }
        }
        return keep;
    }

    private static float[] gaussian(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return v;
    }
}
