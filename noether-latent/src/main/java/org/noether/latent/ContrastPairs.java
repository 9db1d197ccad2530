package org.noether.latent;

import java.util.SplittableRandom;
import org.noether.data.ImageDataset;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;

/**
 * A non-geometric group acting on a hidden factor of one region: the right half of each picture is shown at one of
 * n contrast levels c_k = (k + 1) / n, the left half at full contrast, and the cyclic group C_n acts on the level by
 * k -> k + g (mod n). The source shows level k, the target level k + g. No map of pixels that depends on g alone
 * does this (the ratio c_{k+g} / c_k depends on the unseen k, and the cycle wraps from dimmest to brightest), so
 * there is no data-space baseline; the latent action is the regular representation of C_n.
 *
 * <p>{@link Pair#factors()}: {@code {k}}.
 */
public final class ContrastPairs implements PairTask<DihedralElement> {
    private final String name;
    private final ImageDataset data;
    private final int size;
    private final DihedralGroup group;
    private final RegularRepresentation<DihedralElement> action;

    public ContrastPairs(String name, ImageDataset data, int size, int levels) {
        if (levels < 2) throw new IllegalArgumentException("need at least 2 contrast levels, got " + levels);
        this.name = name;
        this.data = data;
        this.size = size;
        this.group = DihedralGroup.cyclic(levels);
        this.action = new RegularRepresentation<>(group);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    public int levels() {
        return group.rotations();
    }

    @Override
    public RegularRepresentation<DihedralElement> latentAction() {
        return action;
    }

    @Override
    public Pair<DihedralElement> sample(boolean test, SplittableRandom random) {
        ImageDataset.Split split = test ? data.test() : data.train();
        int item = random.nextInt(split.size());
        int k = random.nextInt(levels());
        DihedralElement g = group.rotation(random.nextInt(levels()));
        float[] picture = Pictures.read(split.images(), item, size);
        return new Pair<>(render(picture, k), render(picture, k + g.rotation()), g, item, new double[] {k});
    }

    /** The picture with its right half at contrast level {@code level} (mod n). */
    public float[] render(float[] picture, int level) {
        float c = (Math.floorMod(level, levels()) + 1f) / levels();
        float[] out = picture.clone();
        for (int i = 0; i < size; i++) for (int j = size / 2; j < size; j++) out[i * size + j] *= c;
        return out;
    }

    /** The right half, whose contrast the group changes. */
    @Override
    public boolean[] alteredRegion() {
        boolean[] m = new boolean[size * size];
        for (int i = 0; i < size; i++) for (int j = size / 2; j < size; j++) m[i * size + j] = true;
        return m;
    }

    @Override
    public float[] dataSpacePrediction(Pair<DihedralElement> pair) {
        return null;
    }
}
