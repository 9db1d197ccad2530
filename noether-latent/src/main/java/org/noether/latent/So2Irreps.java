package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;

/**
 * SO(2) acting on latent channels through its real irreducible representations: channels come in pairs, and pair j
 * is rotated by the 2 x 2 matrix R(k_j t) for a rotation by t, with integer frequencies k_j (k = 0 leaves the pair
 * fixed, an invariant part). Exact for every angle, and it leaves the spatial axes alone: a latent that is a vector
 * (H = W = 1) or a map of vectors.
 *
 * <pre>{@code
 * So2Irreps irreps = new So2Irreps(1, 1, 2, 0);      // 8 channels: two of frequency 1, one of 2, one invariant
 * NDArray gz = irreps.apply(z, irreps.operator(manager, elements, z.getShape()));
 * }</pre>
 */
public final class So2Irreps implements LatentAction<O2Element> {
    private final int[] frequencies;

    /** @param frequencies one integer frequency per pair of channels */
    public So2Irreps(int... frequencies) {
        if (frequencies.length == 0) throw new IllegalArgumentException("need at least one frequency");
        this.frequencies = frequencies.clone();
    }

    /** Number of channels the action expects: two per frequency. */
    public int channels() {
        return 2 * frequencies.length;
    }

    @Override
    public Group<O2Element> group() {
        return O2.SO2;
    }

    /** The C x C block-diagonal matrix of a rotation by {@code angle}, row-major. */
    public float[] matrix(double angle) {
        int c = channels();
        float[] m = new float[c * c];
        for (int j = 0; j < frequencies.length; j++) {
            double a = frequencies[j] * angle;
            float cos = (float) Math.cos(a), sin = (float) Math.sin(a);
            int r = 2 * j;
            m[r * c + r] = cos;
            m[r * c + r + 1] = -sin;
            m[(r + 1) * c + r] = sin;
            m[(r + 1) * c + r + 1] = cos;
        }
        return m;
    }

    @Override
    public NDArray operator(NDManager manager, List<O2Element> elements, Shape featureShape) {
        SpatialRotation.checkShape(featureShape, elements.size());
        int c = channels();
        if (featureShape.get(1) != c)
            throw new IllegalArgumentException("frequencies " + Arrays.toString(frequencies) + " need " + c
                    + " channels, got " + featureShape.get(1));
        for (O2Element g : elements) {
            if (g.reflection()) throw new IllegalArgumentException("So2Irreps is an action of SO(2); got " + g);
        }
        return ChannelMixing.stack(
                manager, elements.size(), c, b -> matrix(elements.get(b).angle()));
    }

    @Override
    public NDArray apply(NDArray z, NDArray operator) {
        return ChannelMixing.apply(z, operator);
    }

    @Override
    public int codeSize() {
        return 2;
    }

    @Override
    public float[] code(O2Element g) {
        return new float[] {(float) Math.cos(g.angle()), (float) Math.sin(g.angle())};
    }

    @Override
    public String toString() {
        return "SO2 irreps " + Arrays.toString(frequencies);
    }
}
