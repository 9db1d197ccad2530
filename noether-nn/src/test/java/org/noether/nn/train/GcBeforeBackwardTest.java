package org.noether.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A garbage collection between the forward and the backward pass must not change any number.
 *
 * <p>The test provokes the worst case on purpose: every {@value #EVERY}th step, right after the
 * loss is computed, it runs {@code System.gc()}, gives the JVM a moment to free unreachable direct
 * buffers, and then allocates many small direct buffers filled with 1e30, so that memory freed in
 * that moment is very likely overwritten before {@code backward}. With DJL's {@code Loss.l2Loss()}
 * in place of {@link Losses#l2()} this test fails: the loss sequence departs from the undisturbed
 * one at the first disturbed step and training stalls (see {@link Losses}).
 */
class GcBeforeBackwardTest {

    private static final int STEPS = 150;
    private static final int EVERY = 25;

    @Test
    void l2LossGivesTheSameBitsWhenCollectedBeforeBackward() {
        float[] quiet = train(Losses.l2());
        float[] disturbed = train(new Disturbing(Losses.l2()));
        assertArrayEquals(quiet, disturbed, "a GC before backward changed the losses");
    }

    private static float[] train(Loss loss) {
        try (TinyMlp mlp = new TinyMlp(7, TinyMlp.adam(0.01f), loss)) {
            return new TrainingLoop(mlp.trainer).run(mlp.source(), STEPS);
        }
    }

    /** Delegates to a loss; every EVERY-th call collects garbage and scribbles on freed memory. */
    private static final class Disturbing extends Loss {
        private final Loss inner;
        private final List<ByteBuffer> scribbles = new ArrayList<>();
        private int calls;

        Disturbing(Loss inner) {
            super(inner.getName());
            this.inner = inner;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray loss = inner.evaluate(labels, predictions);
            if (++calls % EVERY == 0) {
                scribbles.clear();
                System.gc();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 2000; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                    b.putFloat(0, 1e30f);
                    scribbles.add(b);
                }
            }
            return loss;
        }
    }
}
