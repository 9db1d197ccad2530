package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.noether.group.Group;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * SO(3) acting on latent channels through its real irreducible representations, the real Wigner-D matrices of the
 * core ({@link Representations#wignerD(O3, int)}): the channels of a feature map are cut into consecutive blocks of
 * sizes 2l + 1 for the degrees given, repeated while whole blocks fit; channels left over (fewer than the next
 * block needs) are invariant (degree 0). Every position of the map is transformed by the same block-diagonal
 * orthogonal matrix, so the action is exact for every rotation and leaves the spatial axes alone.
 *
 * <pre>{@code
 * So3Irreps irreps = new So3Irreps(1, 2);      // blocks of 3 and 5 channels: 8 channels per cycle
 * NDArray gz = irreps.apply(z, irreps.operator(manager, rotations, z.getShape()));
 * }</pre>
 */
public final class So3Irreps implements LatentAction<Orthogonal3> {
    private final int[] degrees;
    private final List<Representation<Orthogonal3>> representations = new ArrayList<>();

    /** @param degrees one degree l >= 1 per block, in channel order (repeated to fill the channels) */
    public So3Irreps(int... degrees) {
        if (degrees.length == 0) throw new IllegalArgumentException("need at least one degree");
        for (int l : degrees)
            if (l < 1 || l > 8) throw new IllegalArgumentException("degrees must lie in 1..8, got " + l);
        this.degrees = degrees.clone();
        for (int l : degrees) representations.add(Representations.wignerD(O3.SO3, l));
    }

    @Override
    public Group<Orthogonal3> group() {
        return O3.SO3;
    }

    /** The degree of each channel for a map of {@code channels} channels (0 for the invariant leftovers). */
    public int[] channelDegrees(int channels) {
        int[] out = new int[channels];
        int at = 0;
        for (int b = 0; ; b = (b + 1) % degrees.length) {
            int d = 2 * degrees[b] + 1;
            if (at + d > channels) break;
            Arrays.fill(out, at, at + d, degrees[b]);
            at += d;
        }
        return out;
    }

    /** The C x C block-diagonal orthogonal matrix of {@code g} for {@code channels} channels, row-major. */
    public float[] matrix(Orthogonal3 g, int channels) {
        float[] m = new float[channels * channels];
        int at = 0;
        for (int b = 0; ; b = (b + 1) % degrees.length) {
            int d = 2 * degrees[b] + 1;
            if (at + d > channels) break;
            double[] block = representations.get(b).matrix(g);
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) m[(at + i) * channels + at + j] = (float) block[i * d + j];
            at += d;
        }
        for (int i = at; i < channels; i++) m[i * channels + i] = 1;
        return m;
    }

    @Override
    public NDArray operator(NDManager manager, List<Orthogonal3> elements, Shape featureShape) {
        SpatialRotation.checkShape(featureShape, elements.size());
        int c = (int) featureShape.get(1);
        for (Orthogonal3 g : elements) {
            if (g.determinant() < 0)
                throw new IllegalArgumentException("So3Irreps is an action of SO(3); got a reflection " + g);
        }
        return ChannelMixing.stack(manager, elements.size(), c, b -> matrix(elements.get(b), c));
    }

    @Override
    public NDArray apply(NDArray z, NDArray operator) {
        return ChannelMixing.apply(z, operator);
    }

    @Override
    public int codeSize() {
        return 9;
    }

    /** The nine entries of the rotation matrix, row-major. */
    @Override
    public float[] code(Orthogonal3 g) {
        float[] c = new float[9];
        double[] m = g.matrix();
        for (int i = 0; i < 9; i++) c[i] = (float) m[i];
        return c;
    }

    @Override
    public String toString() {
        return "SO3 irreps (Wigner-D degrees " + Arrays.toString(degrees) + ")";
    }
}
