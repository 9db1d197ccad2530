package org.noether.latent;

import java.util.SplittableRandom;
import org.noether.data.ImageDataset;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;

/**
 * A contrast group acting on the whole picture through intensity classes, closer to the paper's MRI set than
 * {@link ContrastPairs}: the pixels of a digit fall into three classes by their stored intensity v (background
 * v = 0, stroke edge v near {@value #EDGE}, stroke core v = 1), and each of four "protocols" k shows the classes at
 * its own grey levels, interpolated linearly between the class knots, as MRI sequences show the same tissues with
 * different contrast and brightness. The cyclic group C4 acts on the protocol by k -> k + g (mod 4). No region is left
 * unaltered, so the source carries no reference at full contrast, and no map of pixels depending on g alone does the
 * change (it depends on the unseen k); there is no data-space baseline. The latent action is the regular
 * representation of C4.
 *
 * <p>{@link Pair#factors()}: {@code {k}}.
 */
public final class IntensityClassPairs implements PairTask<DihedralElement> {
    /** Intensity of the stroke-edge knot. */
    static final double EDGE = 0.35;
    /** Grey levels of (background, edge, core) under each protocol. */
    static final double[][] PROTOCOLS = {
        {0.00, 0.35, 1.00},
        {0.00, 1.00, 0.45},
        {0.30, 0.05, 0.75},
        {0.15, 0.70, 0.25},
    };

    private final String name;
    private final ImageDataset data;
    private final int size;
    private final DihedralGroup group = DihedralGroup.cyclic(PROTOCOLS.length);
    private final RegularRepresentation<DihedralElement> action = new RegularRepresentation<>(group);

    public IntensityClassPairs(String name, ImageDataset data, int size) {
        this.name = name;
        this.data = data;
        this.size = size;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public RegularRepresentation<DihedralElement> latentAction() {
        return action;
    }

    @Override
    public Pair<DihedralElement> sample(boolean test, SplittableRandom random) {
        ImageDataset.Split split = test ? data.test() : data.train();
        int item = random.nextInt(split.size());
        int k = random.nextInt(PROTOCOLS.length);
        DihedralElement g = group.rotation(random.nextInt(PROTOCOLS.length));
        float[] picture = Pictures.read(split.images(), item, size);
        return new Pair<>(render(picture, k), render(picture, k + g.rotation()), g, item, new double[] {k});
    }

    /** The picture under protocol {@code k} (mod 4): each value mapped through that protocol's class levels. */
    public static float[] render(float[] picture, int k) {
        double[] t = PROTOCOLS[Math.floorMod(k, PROTOCOLS.length)];
        float[] out = new float[picture.length];
        for (int i = 0; i < picture.length; i++) {
            double v = Math.max(0, Math.min(1, picture[i]));
            out[i] = (float)
                    (v < EDGE ? t[0] + (t[1] - t[0]) * v / EDGE : t[1] + (t[2] - t[1]) * (v - EDGE) / (1 - EDGE));
        }
        return out;
    }

    @Override
    public float[] dataSpacePrediction(Pair<DihedralElement> pair) {
        return null;
    }
}
