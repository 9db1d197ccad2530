package org.noether.nn.equivariant;

import java.util.ArrayList;
import java.util.List;
import org.noether.representation.DirectSum;
import org.noether.representation.Representation;

/** Splits a representation into its direct summands ("fields"), the blocks that nonlinearities act on. */
public final class Fields {

    private Fields() {}

    /**
     * Dimensions of the direct summands of {@code rep}, in order, flattening nested sums. A representation that is
     * not a {@link DirectSum} is one field.
     */
    public static int[] sizes(Representation<?> rep) {
        List<Integer> out = new ArrayList<>();
        collect(rep, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(Representation<?> rep, List<Integer> out) {
        if (rep instanceof DirectSum<?> sum) {
            for (Representation<?> r : sum.summands()) collect(r, out);
        } else {
            out.add(rep.dimension());
        }
    }

    /** The (D, F) 0/1 matrix, row-major, with a 1 where feature d belongs to field f. */
    static float[] membership(int[] sizes) {
        int d = 0;
        for (int s : sizes) {
            if (s < 1) throw new IllegalArgumentException("field sizes must be >= 1");
            d += s;
        }
        float[] m = new float[d * sizes.length];
        int row = 0;
        for (int f = 0; f < sizes.length; f++) for (int i = 0; i < sizes[f]; i++) m[(row++) * sizes.length + f] = 1f;
        return m;
    }

    static int total(int[] sizes) {
        int d = 0;
        for (int s : sizes) d += s;
        return d;
    }
}
