package org.noether.latent;

/**
 * Image quality metrics for pictures with values in [0, 1] (data range L = 1), on flat row-major arrays of one
 * channel.
 *
 * <p>PSNR = 10 log10(L^2 / MSE), capped at {@value #PSNR_CAP} dB for identical images. SSIM is the mean over all
 * {@code w x w} windows that fit inside the image ("valid" positions, no padding) of
 * (2 mu_a mu_b + C1)(2 s_ab + C2) / ((mu_a^2 + mu_b^2 + C1)(s_a^2 + s_b^2 + C2)) with uniform windows,
 * C1 = (0.01 L)^2, C2 = (0.03 L)^2 and sample (n - 1) variances: the defaults of scikit-image's
 * {@code structural_similarity} with {@code data_range=1}, window side {@value #WINDOW} (smaller for smaller
 * images: the largest odd side that fits).
 */
public final class ImageMetrics {
    /** PSNR reported for identical images, in dB. */
    public static final double PSNR_CAP = 100;
    /** SSIM window side. */
    public static final int WINDOW = 7;

    static final double C1 = 0.01 * 0.01, C2 = 0.03 * 0.03;

    private ImageMetrics() {}

    public static double mse(float[] a, float[] b) {
        check(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    /** Peak signal-to-noise ratio in dB for data range 1. */
    public static double psnr(float[] a, float[] b) {
        double m = mse(a, b);
        return m == 0 ? PSNR_CAP : Math.min(PSNR_CAP, -10 * Math.log10(m));
    }

    /** Structural similarity of two {@code h x w} images. */
    public static double ssim(float[] a, float[] b, int h, int w) {
        check(a, b);
        if (a.length != h * w)
            throw new IllegalArgumentException("expected " + h + "x" + w + " values, got " + a.length);
        int win = Math.min(WINDOW, Math.min(h, w));
        if (win % 2 == 0) win--;
        int n = win * win;
        double total = 0;
        int windows = 0;
        for (int i = 0; i + win <= h; i++) {
            for (int j = 0; j + win <= w; j++) {
                double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
                for (int u = i; u < i + win; u++) {
                    for (int v = j; v < j + win; v++) {
                        double x = a[u * w + v], y = b[u * w + v];
                        sa += x;
                        sb += y;
                        saa += x * x;
                        sbb += y * y;
                        sab += x * y;
                    }
                }
                double ma = sa / n, mb = sb / n;
                double corr = n / (n - 1.0);
                double va = (saa / n - ma * ma) * corr, vb = (sbb / n - mb * mb) * corr;
                double cov = (sab / n - ma * mb) * corr;
                total += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                windows++;
            }
        }
        return total / windows;
    }

    private static void check(float[] a, float[] b) {
        if (a.length != b.length)
            throw new IllegalArgumentException("images of different sizes: " + a.length + " and " + b.length);
    }
}
