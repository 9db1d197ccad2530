package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.noether.nn.Engines;

class ImageMetricsTest {

    @Test
    void psnrOfAUniformErrorOfOneTenthIsTwentyDecibels() {
        float[] a = new float[49], b = new float[49];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.6f);
        // MSE = 0.01, PSNR = 10 log10(1 / 0.01) = 20 dB
        assertEquals(20.0, ImageMetrics.psnr(a, b), 1e-5);
        assertEquals(ImageMetrics.PSNR_CAP, ImageMetrics.psnr(a, a));
    }

    @Test
    void psnrOfOnePixelOff() {
        float[] a = new float[4], b = new float[4];
        b[2] = 1;
        // MSE = 1/4, PSNR = 10 log10(4) = 6.0206 dB
        assertEquals(6.0206, ImageMetrics.psnr(a, b), 1e-4);
    }

    @Test
    void ssimOfConstantImagesIsTheLuminanceTerm() {
        float[] a = new float[49], b = new float[49];
        Arrays.fill(a, 0.2f);
        Arrays.fill(b, 0.4f);
        // no variance: SSIM = (2 * 0.2 * 0.4 + C1) / (0.04 + 0.16 + C1) * C2 / C2 = 0.1601 / 0.2001
        double expected = (2 * 0.2 * 0.4 + 1e-4) / (0.04 + 0.16 + 1e-4);
        assertEquals(expected, ImageMetrics.ssim(a, b, 7, 7), 1e-6);
    }

    @Test
    void ssimOfAShiftedImage() {
        // one 7 x 7 window; b = a + 0.1: equal variances and covariance = variance, so only the means differ
        float[] a = new float[49], b = new float[49];
        for (int i = 0; i < 49; i++) {
            a[i] = (i % 2 == 0) ? 0.1f : 0.5f;
            b[i] = a[i] + 0.1f;
        }
        double ma = (25 * 0.1 + 24 * 0.5) / 49, mb = ma + 0.1;
        double va = (25 * (0.1 - ma) * (0.1 - ma) + 24 * (0.5 - ma) * (0.5 - ma)) / 48;
        double expected = (2 * ma * mb + 1e-4) / (ma * ma + mb * mb + 1e-4) * (2 * va + 9e-4) / (2 * va + 9e-4);
        assertEquals(expected, ImageMetrics.ssim(a, b, 7, 7), 1e-5);
        assertEquals(1.0, ImageMetrics.ssim(a, a, 7, 7), 1e-12);
    }

    @Test
    void ssimAveragesOverValidWindows() {
        // 7 rows x 8 columns: two windows (columns 0-6 and 1-7). a is 0.5 everywhere; b has column 0 at 0.1. The second
        // window sees equal pictures (SSIM 1); the first sees a constant a (no variance, no covariance) against b.
        int h = 7, w = 8;
        float[] a = new float[h * w], b = new float[h * w];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.5f);
        for (int i = 0; i < h; i++) b[i * w] = 0.1f;
        double mb = (7 * 0.1 + 42 * 0.5) / 49;
        double vb = (7 * (0.1 - mb) * (0.1 - mb) + 42 * (0.5 - mb) * (0.5 - mb)) / 48;
        double first = (2 * 0.5 * mb + 1e-4) / (0.25 + mb * mb + 1e-4) * 9e-4 / (vb + 9e-4);
        assertEquals((first + 1) / 2, ImageMetrics.ssim(a, b, h, w), 1e-6);
    }

    @Test
    void differentiableSsimAgreesOnAShiftedImage() {
        float[] a = new float[49], b = new float[49];
        for (int i = 0; i < 49; i++) {
            a[i] = (i % 3 == 0) ? 0.2f : 0.7f;
            b[i] = a[i] + 0.05f;
        }
        // covariance equals both variances here, so population and sample estimates give the same SSIM
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape s = new Shape(1, 1, 7, 7);
            float got = ReconstructionLoss.ssim(m.create(a, s), m.create(b, s)).getFloat();
            double ma = 0;
            for (float v : a) ma += v;
            ma /= 49;
            double mb = ma + 0.05;
            assertEquals((2 * ma * mb + 1e-4) / (ma * ma + mb * mb + 1e-4), got, 1e-5);
        }
    }
}
