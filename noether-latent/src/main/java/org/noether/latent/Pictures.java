package org.noether.latent;

import org.noether.action.Image;
import org.noether.data.Idx;

/** Pictures from IDX data as flat {@code float[]}s, and conversions to the core's {@link Image}. */
final class Pictures {
    private Pictures() {}

    /** Picture {@code n} reduced to {@code size x size} by averaging blocks; {@code size} must divide the side. */
    static float[] read(Idx.Images images, int n, int size) {
        int side = images.rows();
        if (images.columns() != side || side % size != 0)
            throw new IllegalArgumentException("pictures are " + images.rows() + "x" + images.columns() + "; size "
                    + size + " must divide the side of square pictures");
        int f = side / size;
        float[] out = new float[size * size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++) {
                float s = 0;
                for (int u = 0; u < f; u++) for (int v = 0; v < f; v++) s += images.value(n, i * f + u, j * f + v);
                out[i * size + j] = s / (f * f);
            }
        return out;
    }

    static Image image(float[] pixels, int size) {
        return new Image(size, size, 1, pixels);
    }
}
