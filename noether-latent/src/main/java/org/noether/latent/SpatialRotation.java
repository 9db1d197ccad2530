package org.noether.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O2Element;

/**
 * SO(2) acting on a spatial feature map by rotating every channel about the centre of the grid, with bilinear
 * interpolation and zero padding: (g . z)(p) = z(g^-1 p). The convention is that of the core's
 * {@link org.noether.action.ImageActions#resampled(O2)} (x right, y up, counter-clockwise angles), so rotating a
 * one-channel map here and rotating the same picture with the core give the same values.
 *
 * <p>Each rotation is a sparse HW x HW matrix with at most four non-zeros a row ({@link #matrix} gives it densely);
 * the operator stores only those four source pixels and weights per output pixel, and {@code apply} gathers and
 * blends them, which is differentiable with respect to the feature map. Source coordinates within 1e-9 of a grid point snap to it, so
 * multiples of 90 degrees on square grids are exact permutations. Rotation is an action only approximately: corners
 * leave the frame and interpolation blurs, so R(a) R(b) = R(a + b) holds to interpolation error on maps that are
 * smooth and vanish outside the inscribed disc.
 */
public final class SpatialRotation implements LatentAction<O2Element> {

    @Override
    public Group<O2Element> group() {
        return O2.SO2;
    }

    /**
     * The rotation by {@code angle} of an {@code h x w} grid as a row-major {@code (h w) x (h w)} matrix M with
     * {@code out[p] = sum_q M[p][q] in[q]}, pixels numbered {@code p = i w + j}.
     */
    public static float[] matrix(double angle, int h, int w) {
        int n = h * w;
        float[] m = new float[n * n];
        fill(m, angle, h, w);
        return m;
    }

    private static void fill(float[] m, double angle, int h, int w) {
        int n = h * w;
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double px = j - cx, py = cy - i;
                double qx = cos * px + sin * py, qy = -sin * px + cos * py;
                double sj = snap(qx + cx), si = snap(cy - qy);
                int j0 = (int) Math.floor(sj), i0 = (int) Math.floor(si);
                double fj = sj - j0, fi = si - i0;
                int p = i * w + j;
                add(m, n, p, i0, j0, (1 - fi) * (1 - fj), h, w);
                add(m, n, p, i0, j0 + 1, (1 - fi) * fj, h, w);
                add(m, n, p, i0 + 1, j0, fi * (1 - fj), h, w);
                add(m, n, p, i0 + 1, j0 + 1, fi * fj, h, w);
            }
        }
    }

    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-9 ? r : v;
    }

    private static void add(float[] m, int n, int p, int i, int j, double weight, int h, int w) {
        if (weight == 0 || i < 0 || j < 0 || i >= h || j >= w) return;
        int q = i * w + j;
        m[p * n + q] += (float) weight;
    }

    @Override
    public NDArray operator(NDManager manager, List<O2Element> elements, Shape featureShape) {
        checkShape(featureShape, elements.size());
        int h = (int) featureShape.get(2), w = (int) featureShape.get(3), n = h * w, batch = elements.size();
        // layout (2, N, 4 HW): [0][b][k HW + p] = source pixel of corner k of output pixel p (as a float, exact below
        // 2^24), [1][b][k HW + p] = its bilinear weight; corners outside the frame point at pixel 0 with weight 0
        float[] all = new float[2 * batch * 4 * n];
        int weights = batch * 4 * n;
        for (int b = 0; b < batch; b++) {
            O2Element g = elements.get(b);
            if (g.reflection())
                throw new IllegalArgumentException("SpatialRotation is an action of SO(2); got the reflection " + g);
            double cos = Math.cos(g.angle()), sin = Math.sin(g.angle());
            double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
            int base = b * 4 * n;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double px = j - cx, py = cy - i;
                    double sj = snap(cos * px + sin * py + cx), si = snap(cy - (-sin * px + cos * py));
                    int j0 = (int) Math.floor(sj), i0 = (int) Math.floor(si);
                    double fj = sj - j0, fi = si - i0;
                    int p = i * w + j;
                    corner(all, base + p, weights, i0, j0, (1 - fi) * (1 - fj), h, w);
                    corner(all, base + n + p, weights, i0, j0 + 1, (1 - fi) * fj, h, w);
                    corner(all, base + 2 * n + p, weights, i0 + 1, j0, fi * (1 - fj), h, w);
                    corner(all, base + 3 * n + p, weights, i0 + 1, j0 + 1, fi * fj, h, w);
                }
            }
        }
        return manager.create(all, new Shape(2, batch, 4L * n));
    }

    private static void corner(float[] all, int at, int weights, int i, int j, double weight, int h, int w) {
        if (weight == 0 || i < 0 || j < 0 || i >= h || j >= w) return;
        all[at] = i * w + j;
        all[weights + at] = (float) weight;
    }

    /**
     * Gathers the four bilinear corners of every output pixel along the flattened spatial axis and sums them with
     * their weights: O(N C HW) work instead of the O(N C (HW)^2) of a dense matrix product. Everything stays in
     * contiguous NCHW layout (a channels-last intermediate would make the convolutions that follow slower).
     */
    @Override
    public NDArray apply(NDArray z, NDArray operator) {
        Shape s = z.getShape();
        long n = s.get(0), c = s.get(1), hw = s.get(2) * s.get(3);
        Shape o = operator.getShape();
        if (o.dimension() != 3 || o.get(1) != n || o.get(2) != 4 * hw)
            throw new IllegalArgumentException("operator " + o + " does not fit feature map " + s);
        NDArray index = operator.get(0)
                .toType(DataType.INT64, false)
                .reshape(n, 1, 4 * hw)
                .broadcast(n, c, 4 * hw);
        NDArray weights = operator.get(1).reshape(n, 1, 4, hw);
        NDArray corners = z.reshape(n, c, hw).gather(index, 2).reshape(n, c, 4, hw);
        return corners.mul(weights).sum(new int[] {2}).reshape(s);
    }

    @Override
    public int codeSize() {
        return 2;
    }

    @Override
    public float[] code(O2Element g) {
        return new float[] {(float) Math.cos(g.angle()), (float) Math.sin(g.angle())};
    }

    static void checkShape(Shape s, int batch) {
        if (s.dimension() != 4) throw new IllegalArgumentException("feature maps must be (N, C, H, W), got " + s);
        if (s.get(0) != batch)
            throw new IllegalArgumentException("feature batch " + s.get(0) + " but " + batch + " group elements");
    }

    @Override
    public String toString() {
        return "SO2 on spatial maps (bilinear)";
    }
}
