package org.noether.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.noether.nn.util.Scalars;

/**
 * Losses that are safe to differentiate with the PyTorch engine of DJL 0.36, whatever the garbage
 * collector does between the forward and the backward pass.
 *
 * <h2>Why DJL's own losses are not</h2>
 *
 * An {@code NDArray} op with a {@code Number} operand ({@code mul(Number)}, {@code div(Number)},
 * {@code pow(Number)}, ...) makes a 0-dimensional array from a Java direct {@code ByteBuffer},
 * which libtorch wraps without copying, runs the op, and closes the scalar straight away. Once
 * closed, nothing on the Java side refers to the buffer any more, but the autograd graph still
 * does when the op needs its operand for the gradient (for {@code mul}: d(a*c)/da = c). If a
 * garbage collection runs before {@code backward}, the buffer's memory is freed and may be handed
 * out again; the backward pass then reads whatever was written there, and the gradient is scaled
 * by an arbitrary number. With Adam, one such step inflates the second-moment estimate and the
 * effective learning rate stays tiny for hundreds of steps (training "stalls"); a NaN there
 * poisons the parameters. Whether it happens depends on GC timing, so runs with the same seed
 * differ once in a while. DJL's {@code L2Loss} multiplies by its weight this way.
 *
 * <p>The losses here use scalars that libtorch owns ({@link Scalars}), which the autograd
 * graph keeps alive for as long as it needs them. In a run where no such collection happens they
 * give the same bits as their DJL counterparts.
 */
public final class Losses {

    private Losses() {}

    /** Same value as DJL's {@code Loss.l2Loss()}: mean of {@code 0.5 * (prediction - label)^2}. */
    public static Loss l2() {
        return new L2("L2Loss", 0.5f);
    }

    private static final class L2 extends Loss {
        private final float weight;

        L2(String name, float weight) {
            super(name);
            this.weight = weight;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray label = labels.singletonOrThrow();
            NDArray pred = predictions.singletonOrThrow().reshape(label.getShape());
            NDArray squared = pred.sub(label).square();
            return squared.mul(Scalars.like(squared, weight)).mean();
        }
    }
}
