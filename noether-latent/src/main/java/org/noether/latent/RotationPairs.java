package org.noether.latent;

import java.util.SplittableRandom;
import org.noether.action.Action;
import org.noether.action.Image;
import org.noether.action.ImageActions;
import org.noether.data.ImageDataset;
import org.noether.group.O2;
import org.noether.group.O2Element;

/**
 * Rotated pictures, optionally behind a fixed occluding block. The source shows picture d rotated by a uniform
 * angle a; the target shows d rotated by a + t, with g = rotation by t (uniform too). With a block, a
 * {@code blockSide x blockSide} square of value {@value #BLOCK_VALUE} is painted over both pictures at the same,
 * randomly drawn place: the digit rotates behind it and the block stays, so no rotation of the pixels maps x1 to x2.
 * Rotations use the core's {@link ImageActions#resampled(O2)} (bilinear, zero padding).
 *
 * <p>{@link Pair#factors()}: {@code {a, blockRow, blockColumn}} (the block's top-left pixel, -1 without a block).
 */
public final class RotationPairs implements PairTask<O2Element> {
    /** Grey level of the occluding block. */
    public static final float BLOCK_VALUE = 0.6f;

    private final String name;
    private final ImageDataset data;
    private final int size;
    private final int blockSide;
    private final Action<O2Element, Image> rotate = ImageActions.resampled(O2.SO2);
    private final SpatialRotation action = new SpatialRotation();

    /**
     * @param blockSide side of the occluding block in pixels, 0 for none
     */
    public RotationPairs(String name, ImageDataset data, int size, int blockSide) {
        if (blockSide < 0 || blockSide > size - 2)
            throw new IllegalArgumentException("block side must be in [0, " + (size - 2) + "], got " + blockSide);
        this.name = name;
        this.data = data;
        this.size = size;
        this.blockSide = blockSide;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    public int blockSide() {
        return blockSide;
    }

    @Override
    public SpatialRotation latentAction() {
        return action;
    }

    @Override
    public Pair<O2Element> sample(boolean test, SplittableRandom random) {
        ImageDataset.Split split = test ? data.test() : data.train();
        int item = random.nextInt(split.size());
        double a = random.nextDouble() * 2 * Math.PI;
        O2Element g = new O2Element(random.nextDouble() * 2 * Math.PI, false);
        int row = -1, col = -1;
        if (blockSide > 0) {
            row = 1 + random.nextInt(size - blockSide - 1);
            col = 1 + random.nextInt(size - blockSide - 1);
        }
        float[] picture = Pictures.read(split.images(), item, size);
        float[] source = render(picture, a, row, col);
        float[] target = render(picture, a + g.angle(), row, col);
        return new Pair<>(source, target, g, item, new double[] {a, row, col});
    }

    /** The picture rotated by {@code angle}, with the block painted at ({@code row}, {@code col}) if row >= 0. */
    public float[] render(float[] picture, double angle, int row, int col) {
        float[] out = rotate.act(new O2Element(angle, false), Pictures.image(picture, size))
                .data();
        if (row >= 0) {
            for (int i = row; i < row + blockSide; i++)
                for (int j = col; j < col + blockSide; j++) out[i * size + j] = BLOCK_VALUE;
        }
        return out;
    }

    @Override
    public float[] dataSpacePrediction(Pair<O2Element> pair) {
        return rotate.act(pair.element(), Pictures.image(pair.source(), size)).data();
    }
}
