package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.noether.group.Group;

/**
 * A known, parameter-free action of a group G on latent feature maps of shape {@code (N, C, H, W)}: the map that
 * sends a latent z to g . z in the model of "Learning Group Actions on Latent Representations" (NeurIPS 2024).
 *
 * <p>The action is linear in z, so it is split in two: {@link #operator} turns one group element per sample into a
 * batch of matrices (plain data, built outside autograd, e.g. in a {@code BatchSource}), and {@link #apply}
 * multiplies a feature map by them, which is differentiable with respect to the feature map. Both the latent and
 * the skip-connection features of a {@link LatentAutoencoder} are transformed this way.
 *
 * <pre>{@code
 * LatentAction<O2Element> rot = new SpatialRotation();
 * NDArray op = rot.operator(manager, List.of(new O2Element(0.3, false)), z.getShape());
 * NDArray gz = rot.apply(z, op);   // same shape as z, on z's manager
 * }</pre>
 *
 * @param <G> the group's element type
 */
public interface LatentAction<G> {

    /** The group that acts. */
    Group<G> group();

    /**
     * The operators of {@code elements} (one per sample) for feature maps of shape {@code (N, C, H, W)}, created on
     * {@code manager}. Their layout is private to {@link #apply}.
     *
     * @param featureShape the shape of the maps the operator will act on; {@code N} must equal {@code elements.size()}
     * @throws IllegalArgumentException if the shape does not suit the action (e.g. channels not divisible by |G|)
     */
    NDArray operator(NDManager manager, List<G> elements, ai.djl.ndarray.types.Shape featureShape);

    /**
     * g . z for each sample: {@code z} of shape {@code (N, C, H, W)}, {@code operator} from {@link #operator} for that
     * shape. The result has z's shape and lives on z's manager. Differentiable with respect to {@code z}.
     */
    NDArray apply(NDArray z, NDArray operator);

    /** Length of {@link #code}: how a model without a structured latent is told g. */
    int codeSize();

    /**
     * A plain encoding of g for the conditional (unstructured) baseline, e.g. {@code (cos t, sin t)} for a rotation
     * by t, or a one-hot vector for an element of a finite group.
     */
    float[] code(G g);

    /** The operator of a single element, for a batch of one. */
    default NDArray operator(NDManager manager, G element, ai.djl.ndarray.types.Shape featureShape) {
        return operator(manager, List.of(element), featureShape);
    }
}
