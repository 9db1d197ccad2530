package org.noether.latent;

import java.util.SplittableRandom;
import org.noether.data.Idx;
import org.noether.data.ImageDataset;

/**
 * Digit-like pictures drawn here: two or three thick random strokes inside the central disc of a 28 x 28 frame, as
 * unsigned bytes like MNIST. For tests and timings that must not depend on downloaded data.
 */
final class SyntheticDigits {
    private SyntheticDigits() {}

    static final int SIDE = 28;

    static ImageDataset create(int train, int test, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ImageDataset(split(train, random), split(test, random));
    }

    private static ImageDataset.Split split(int count, SplittableRandom random) {
        byte[] pixels = new byte[count * SIDE * SIDE];
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int strokes = 2 + random.nextInt(2);
            float[] img = new float[SIDE * SIDE];
            for (int s = 0; s < strokes; s++) {
                double x0 = 8 + random.nextDouble() * 12, y0 = 8 + random.nextDouble() * 12;
                double x1 = 8 + random.nextDouble() * 12, y1 = 8 + random.nextDouble() * 12;
                for (int i = 0; i < SIDE; i++)
                    for (int j = 0; j < SIDE; j++) {
                        double d = distance(j, i, x0, y0, x1, y1);
                        img[i * SIDE + j] = (float) Math.max(img[i * SIDE + j], Math.exp(-d * d / 2.5));
                    }
            }
            for (int p = 0; p < SIDE * SIDE; p++) pixels[n * SIDE * SIDE + p] = (byte) Math.round(img[p] * 255);
            labels[n] = (byte) strokes;
        }
        return new ImageDataset.Split(new Idx.Images(count, SIDE, SIDE, pixels), labels);
    }

    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        double cx = ax + t * dx - px, cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
