package org.noether.vision;

import java.util.SplittableRandom;
import org.noether.data.Idx;
import org.noether.data.ImageDataset;

/** Test fixture: MNIST-shaped images of ten made-up upright glyphs (three bars each), shifted and noised. */
final class SyntheticGlyphs {

    private SyntheticGlyphs() {}

    static ImageDataset create(int train, int test, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] bars = new int[10][12];
        for (int c = 0; c < 10; c++) {
            for (int b = 0; b < 3; b++) {
                int top = 3 + random.nextInt(16);
                int left = 3 + random.nextInt(16);
                boolean horizontal = random.nextBoolean();
                bars[c][4 * b] = top;
                bars[c][4 * b + 1] = left;
                bars[c][4 * b + 2] = horizontal ? 2 : 4 + random.nextInt(6);
                bars[c][4 * b + 3] = horizontal ? 4 + random.nextInt(6) : 2;
            }
        }
        return new ImageDataset(split(train, bars, random), split(test, bars, random));
    }

    private static ImageDataset.Split split(int n, int[][] bars, SplittableRandom random) {
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(10);
            labels[i] = (byte) c;
            int dy = random.nextInt(3) - 1;
            int dx = random.nextInt(3) - 1;
            for (int b = 0; b < 3; b++) {
                for (int y = 0; y < bars[c][4 * b + 2]; y++) {
                    for (int x = 0; x < bars[c][4 * b + 3]; x++) {
                        int yy = Math.min(27, Math.max(0, bars[c][4 * b] + y + dy));
                        int xx = Math.min(27, Math.max(0, bars[c][4 * b + 1] + x + dx));
                        pixels[i * 784 + yy * 28 + xx] = (byte) 220;
                    }
                }
            }
            for (int p = 0; p < 784; p++) {
                if (random.nextInt(20) == 0) {
                    pixels[i * 784 + p] = (byte) Math.min(255, (pixels[i * 784 + p] & 0xff) + 60);
                }
            }
        }
        return new ImageDataset.Split(new Idx.Images(n, 28, 28, pixels), labels);
    }
}
