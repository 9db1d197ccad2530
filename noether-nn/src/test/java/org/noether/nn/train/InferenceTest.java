package org.noether.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.nn.util.LiveArrays;

class InferenceTest {

    @Test
    void predictMatchesOneBigForwardAndLeavesNoArraysBehind() {
        try (TinyMlp mlp = new TinyMlp(3, TinyMlp.adam(0.01f))) {
            new TrainingLoop(mlp.trainer).run(mlp.source(), 20);
            int n = 70; // not a multiple of the batch size
            float[][] rows = new float[n][TinyMlp.IN];
            for (int i = 0; i < n; i++) {
                System.arraycopy(mlp.xs, i * TinyMlp.IN, rows[i], 0, TinyMlp.IN);
            }
            NDManager parent = mlp.model.getNDManager();
            int before = LiveArrays.countAll();
            float[][] out = Inference.predict(mlp.model.getBlock(), parent, rows, 32);
            assertEquals(before, LiveArrays.countAll());

            float[] reference;
            try (NDManager m = parent.newSubManager()) {
                NDArray x = m.create(java.util.Arrays.copyOf(mlp.xs, n * TinyMlp.IN), new Shape(n, TinyMlp.IN));
                reference = mlp.model
                        .getBlock()
                        .forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow()
                        .toFloatArray();
            }
            assertEquals(n, out.length);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(new float[] {reference[i]}, out[i], 1e-6f);
            }
        }
    }

    @Test
    void mapRunsEachBatchInItsOwnScopeAndRejectsArrays() {
        try (TinyMlp mlp = new TinyMlp(3, TinyMlp.adam(0.01f))) {
            NDManager parent = mlp.model.getNDManager();
            int before = LiveArrays.count(parent);
            List<float[]> sums = Inference.map(
                    parent,
                    List.of(1f, 2f, 3f),
                    (scope, v) -> scope.ones(new Shape(4)).mul(v).cumSum().toFloatArray());
            assertArrayEquals(new float[] {3, 6, 9, 12}, sums.get(2));
            assertEquals(before, LiveArrays.count(parent));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Inference.map(parent, List.of(1), (scope, v) -> scope.ones(new Shape(1))));
            assertEquals(before, LiveArrays.count(parent));
        }
    }
}
