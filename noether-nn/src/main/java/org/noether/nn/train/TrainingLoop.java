package org.noether.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.Objects;

/**
 * A lean training loop over a DJL {@link Trainer} that keeps native memory flat.
 *
 * <p>Every step runs inside its own sub-manager of {@link Trainer#getManager()}: the batch, the
 * forward activations, the loss and all autograd temporaries are closed when the step ends, so
 * only parameters, their gradients and optimizer state survive. A step whose loss is NaN or
 * infinite throws {@link IllegalStateException} <em>before</em> the backward pass and the
 * parameter update, so the parameters still hold the last finite values.
 *
 * <p>Reproducibility: with DJL 0.36 and PyTorch, an op with a {@code Number} operand (such as
 * {@code mul(0.5f)}, used inside DJL's {@code L2Loss}) on the path from the parameters to the loss
 * can make a garbage collection that happens between the forward and the backward pass change
 * the gradient, so runs with the same seed occasionally differ or stall. Use {@link Losses} (or
 * {@link org.noether.nn.util.Scalars}) for such terms; see {@link Losses} for the mechanism.
 *
 * <p>This is not {@code EasyTrain.fit}: training listeners, evaluators and metrics of the trainer
 * are not invoked. Not thread-safe (PyTorch allows only one gradient collector at a time anyway).
 */
public final class TrainingLoop {

    /** Called after each successful step. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * @param step 0-based index of the step just finished
         * @param loss its (finite) loss
         */
        void afterStep(long step, float loss);
    }

    private final Trainer trainer;
    private long steps;
    private float lastLoss = Float.NaN;

    public TrainingLoop(Trainer trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /** Number of steps completed so far; also the index the next step will get. */
    public long stepsDone() {
        return steps;
    }

    /** Loss of the last completed step, NaN before the first one. */
    public float lastLoss() {
        return lastLoss;
    }

    /** Runs {@code count} steps and returns their losses. */
    public float[] run(BatchSource source, int count) {
        return run(source, count, null);
    }

    /** Runs {@code count} steps, calling {@code listener} (if non-null) after each; returns losses. */
    public float[] run(BatchSource source, int count, StepListener listener) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        float[] losses = new float[count];
        for (int i = 0; i < count; i++) {
            losses[i] = step(source);
            if (listener != null) {
                listener.afterStep(steps - 1, losses[i]);
            }
        }
        return losses;
    }

    /**
     * Runs one step: forward, loss, finiteness check, backward, optimizer update.
     *
     * @return the loss of this step
     * @throws IllegalStateException if the loss is NaN or infinite
     */
    public float step(BatchSource source) {
        Objects.requireNonNull(source, "source");
        long k = steps;
        float value;
        try (NDManager scope = trainer.getManager().newSubManager()) {
            LabeledBatch batch = Objects.requireNonNull(source.next(scope, k), "batch");
            batch.data().attach(scope);
            batch.labels().attach(scope);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(batch.data(), batch.labels());
                NDArray loss = trainer.getLoss().evaluate(batch.labels(), predictions);
                value = scalar(loss);
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("loss became "
                            + (Float.isNaN(value) ? "NaN" : "infinite (" + value + ")")
                            + " at step "
                            + k
                            + " (last finite loss: "
                            + lastLoss
                            + "); parameters were not updated. Lower the learning rate"
                            + " or check the inputs for NaN/Inf.");
                }
                collector.backward(loss);
            }
            trainer.step();
        }
        steps = k + 1;
        lastLoss = value;
        return value;
    }

    private static float scalar(NDArray loss) {
        if (loss.size() != 1) {
            throw new IllegalStateException("loss must be a scalar, got shape " + loss.getShape());
        }
        return loss.getDataType() == DataType.FLOAT32
                ? loss.getFloat()
                : loss.toType(DataType.FLOAT32, false).getFloat();
    }
}
