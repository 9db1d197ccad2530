package org.noether.action;

import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;

/**
 * Actions of planar groups on images. Coordinates: x to the right, y up, origin at the image centre; the generator
 * r rotates counter-clockwise as the picture is displayed, and s reflects across the horizontal axis (turns the
 * picture upside down). The transformed image is (g . I)(p) = I(g^-1 p).
 *
 * <ul>
 *   <li>{@link #exact}: C4, D4 and their subgroups (C1, C2, D1, D2) on square images, by moving pixels: exact.</li>
 *   <li>{@link #resampled}: any angle (C_n, D_n, SO(2), O(2)) by bilinear interpolation with zero padding: approximate
 *   (corners leave the frame, interpolation blurs), which {@link Action#isExact()} reports.</li>
 * </ul>
 */
public final class ImageActions {
    private ImageActions() {}

    /** Exact action of a subgroup of D4 (n = 1, 2 or 4) on square images (n = 2 also on rectangles). */
    public static Action<DihedralElement, Image> exact(DihedralGroup group) {
        int n = group.rotations();
        if (n != 1 && n != 2 && n != 4)
            throw new IllegalArgumentException(group.name() + " does not act exactly on the pixel grid; exact actions "
                    + "exist for C1, C2, C4, D1, D2, D4 (use ImageActions.resampled for others)");
        return new ExactGridAction(group);
    }

    /** Approximate action of C_n or D_n by bilinear resampling. */
    public static Action<DihedralElement, Image> resampled(DihedralGroup group) {
        return new Resampled<>(group, DihedralElement::angle, DihedralElement::reflection);
    }

    /** Approximate action of SO(2) or O(2) by bilinear resampling. */
    public static Action<O2Element, Image> resampled(O2 group) {
        return new Resampled<>(group, O2Element::angle, O2Element::reflection);
    }

    static double distance(Image a, Image b) {
        checkSame(a, b);
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            double d = a.data()[i] - b.data()[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double magnitude(Image a) {
        double s = 0;
        for (float v : a.data()) s += (double) v * v;
        return Math.sqrt(s);
    }

    static void checkSame(Image a, Image b) {
        if (a.height() != b.height() || a.width() != b.width() || a.channels() != b.channels())
            throw new IllegalArgumentException("images of different shapes: " + a + " and " + b);
    }

    private static final class ExactGridAction implements Action<DihedralElement, Image> {
        private final DihedralGroup group;

        ExactGridAction(DihedralGroup group) {
            this.group = group;
        }

        @Override
        public Group<DihedralElement> group() {
            return group;
        }

        @Override
        public Image act(DihedralElement g, Image x) {
            int h = x.height(), w = x.width(), c = x.channels();
            int quarter = g.rotation() * (4 / group.rotations()); // rotation in quarter turns
            if ((quarter & 1) == 1 && h != w)
                throw new IllegalArgumentException("a quarter turn needs a square image, got " + h + "x" + w);
            float[] out = new float[x.data().length];
            float[] in = x.data();
            // Work in doubled centred coordinates so odd and even sizes are both exact: X = 2j - (w-1), Y = (h-1) - 2i.
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int px = 2 * j - (w - 1), py = (h - 1) - 2 * i;
                    // source point q = g^-1 p: undo the rotation, then the reflection
                    int qx = px, qy = py;
                    for (int t = 0; t < quarter; t++) { // rotate by -90 degrees: (x, y) -> (y, -x)
                        int tx = qy;
                        qy = -qx;
                        qx = tx;
                    }
                    if (g.reflection()) qy = -qy;
                    int sj = (qx + (w - 1)) / 2, si = ((h - 1) - qy) / 2;
                    System.arraycopy(in, (si * w + sj) * c, out, (i * w + j) * c, c);
                }
            }
            return new Image(h, w, c, out);
        }

        @Override
        public double distance(Image a, Image b) {
            return ImageActions.distance(a, b);
        }

        @Override
        public double magnitude(Image x) {
            return ImageActions.magnitude(x);
        }
    }

    private static final class Resampled<G> implements Action<G, Image> {
        private final Group<G> group;
        private final java.util.function.ToDoubleFunction<G> angle;
        private final java.util.function.Predicate<G> reflection;

        Resampled(
                Group<G> group,
                java.util.function.ToDoubleFunction<G> angle,
                java.util.function.Predicate<G> reflection) {
            this.group = group;
            this.angle = angle;
            this.reflection = reflection;
        }

        @Override
        public Group<G> group() {
            return group;
        }

        @Override
        public boolean isExact() {
            return false;
        }

        @Override
        public Image act(G g, Image x) {
            int h = x.height(), w = x.width(), c = x.channels();
            double t = angle.applyAsDouble(g);
            boolean flip = reflection.test(g);
            double cos = Math.cos(t), sin = Math.sin(t);
            double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
            float[] in = x.data(), out = new float[in.length];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double px = j - cx, py = cy - i;
                    // q = g^-1 p = F^flip R(-t) p
                    double qx = cos * px + sin * py, qy = -sin * px + cos * py;
                    if (flip) qy = -qy;
                    double sj = qx + cx, si = cy - qy;
                    int j0 = (int) Math.floor(sj), i0 = (int) Math.floor(si);
                    double fj = sj - j0, fi = si - i0;
                    for (int ch = 0; ch < c; ch++) {
                        double v = sample(in, h, w, c, i0, j0, ch) * (1 - fi) * (1 - fj)
                                + sample(in, h, w, c, i0, j0 + 1, ch) * (1 - fi) * fj
                                + sample(in, h, w, c, i0 + 1, j0, ch) * fi * (1 - fj)
                                + sample(in, h, w, c, i0 + 1, j0 + 1, ch) * fi * fj;
                        out[(i * w + j) * c + ch] = (float) v;
                    }
                }
            }
            return new Image(h, w, c, out);
        }

        private static double sample(float[] in, int h, int w, int c, int i, int j, int ch) {
            if (i < 0 || j < 0 || i >= h || j >= w) return 0;
            return in[(i * w + j) * c + ch];
        }

        @Override
        public double distance(Image a, Image b) {
            return ImageActions.distance(a, b);
        }

        @Override
        public double magnitude(Image x) {
            return ImageActions.magnitude(x);
        }
    }
}
