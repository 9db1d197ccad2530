package org.noether.latent;

import java.util.Arrays;
import java.util.Objects;
import org.noether.data.Mesh;
import org.noether.group.Orthogonal3;

/**
 * A deterministic software renderer of grey pictures of a mesh in a pose: orthographic projection along the z axis
 * (the viewer sits at +z), a z-buffer, flat Lambert shading with a fixed light in the camera frame, and 2 x 2
 * supersampling averaged down to {@code size x size}. Everything is computed in double precision by one fixed
 * sequence of operations, so the same mesh and pose always give the same floats, bit for bit.
 *
 * <p>SO(3) acts on the object, not on the picture: a {@link Posed} object g . (mesh, p) = (mesh, g p), and the
 * renderer applies the pose matrix to the vertices. Objects start in the identity pose, so g . (h . o) and (gh) . o
 * carry the same matrix g h and render identically.
 *
 * <pre>{@code
 * MeshRenderer r = new MeshRenderer(32, MeshRenderer.Background.BLACK);
 * Posed cow = Posed.of(MeshReader.read(Path.of("cow.off")).normalized());
 * float[] picture = r.render(cow.rotated(O3.SO3.sample(random)));
 * }</pre>
 */
public final class MeshRenderer {

    /** What lies behind the object. */
    public enum Background {
        /** Black (0). */
        BLACK,
        /** A vertical sky gradient, darker at the top, light at the horizon (bottom); the object is drawn darker. */
        SKY
    }

    /**
     * A mesh in a pose: the rotation applied to its (normalized) vertices before projection.
     *
     * @param mesh a mesh inside the unit ball ({@link Mesh#normalized()})
     * @param pose its rotation
     */
    public record Posed(Mesh mesh, Orthogonal3 pose) {
        public Posed {
            Objects.requireNonNull(mesh, "mesh");
            Objects.requireNonNull(pose, "pose");
        }

        /** The mesh in the identity pose. */
        public static Posed of(Mesh mesh) {
            return new Posed(mesh, Orthogonal3.identity());
        }

        /** g . this: the same mesh with pose g p. */
        public Posed rotated(Orthogonal3 g) {
            return new Posed(mesh, g.times(pose));
        }
    }

    /** Fraction of the half-side that the unit ball fills. */
    private static final double SCALE = 0.95;

    private static final double[] LIGHT = normalize(0.35, 0.55, 0.76);
    private static final double AMBIENT = 0.15;
    private static final int SUPER = 2;

    private final int size;
    private final Background background;

    public MeshRenderer(int size, Background background) {
        if (size < 4 || size > 1024) throw new IllegalArgumentException("picture side must be 4..1024, got " + size);
        this.size = size;
        this.background = Objects.requireNonNull(background, "background");
    }

    public int size() {
        return size;
    }

    /** The picture of {@code object}: {@code size x size} grey values in [0, 1], row-major, top row first. */
    public float[] render(Posed object) {
        Mesh mesh = object.mesh();
        double[] r = object.pose().matrix();
        double[] v = mesh.vertices();
        int n = mesh.vertexCount(), side = size * SUPER;
        double[] sx = new double[n], sy = new double[n], sz = new double[n], px = new double[n], py = new double[n];
        for (int i = 0; i < n; i++) {
            double x = v[3 * i], y = v[3 * i + 1], z = v[3 * i + 2];
            px[i] = r[0] * x + r[1] * y + r[2] * z;
            py[i] = r[3] * x + r[4] * y + r[5] * z;
            sz[i] = r[6] * x + r[7] * y + r[8] * z;
            sx[i] = (px[i] * SCALE + 1) * 0.5 * side;
            sy[i] = (1 - py[i] * SCALE) * 0.5 * side;
        }
        double[] depth = new double[side * side];
        double[] shade = new double[side * side];
        Arrays.fill(depth, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < side; i++) Arrays.fill(shade, i * side, (i + 1) * side, backgroundValue(i, side));
        double objectScale = background == Background.SKY ? 0.6 : 1.0;
        int[] t = mesh.triangles();
        for (int f = 0; f < t.length; f += 3) {
            int a = t[f], b = t[f + 1], c = t[f + 2];
            // face normal in the camera frame, for two-sided Lambert shading (mesh orientations are not reliable)
            double ux = px[b] - px[a], uy = py[b] - py[a], uz = sz[b] - sz[a];
            double wx = px[c] - px[a], wy = py[c] - py[a], wz = sz[c] - sz[a];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len == 0) continue;
            double lambert = Math.abs(nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2]) / len;
            double value = objectScale * (AMBIENT + (1 - AMBIENT) * lambert);
            double area = edge(sx[a], sy[a], sx[b], sy[b], sx[c], sy[c]);
            if (area == 0) continue;
            int x0 = Math.max(0, (int) Math.floor(Math.min(sx[a], Math.min(sx[b], sx[c])) - 0.5));
            int x1 = Math.min(side - 1, (int) Math.ceil(Math.max(sx[a], Math.max(sx[b], sx[c])) - 0.5));
            int y0 = Math.max(0, (int) Math.floor(Math.min(sy[a], Math.min(sy[b], sy[c])) - 0.5));
            int y1 = Math.min(side - 1, (int) Math.ceil(Math.max(sy[a], Math.max(sy[b], sy[c])) - 0.5));
            // barycentric weights as affine functions of the pixel centre: w = e + ex * cx + ey * cy
            double inv = 1 / area;
            double e0x = -(sy[c] - sy[b]) * inv, e0y = (sx[c] - sx[b]) * inv;
            double e1x = -(sy[a] - sy[c]) * inv, e1y = (sx[a] - sx[c]) * inv;
            double e2x = -(sy[b] - sy[a]) * inv, e2y = (sx[b] - sx[a]) * inv;
            double e0 = -(e0x * sx[b] + e0y * sy[b]), e1 = -(e1x * sx[c] + e1y * sy[c]);
            double e2 = -(e2x * sx[a] + e2y * sy[a]);
            for (int y = y0; y <= y1; y++) {
                double cy = y + 0.5;
                double r0 = e0 + e0y * cy, r1 = e1 + e1y * cy, r2 = e2 + e2y * cy;
                int row = y * side;
                for (int x = x0; x <= x1; x++) {
                    double cx = x + 0.5;
                    double w0 = r0 + e0x * cx, w1 = r1 + e1x * cx, w2 = r2 + e2x * cx;
                    if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                    double z = w0 * sz[a] + w1 * sz[b] + w2 * sz[c];
                    int k = row + x;
                    if (z > depth[k]) {
                        depth[k] = z;
                        shade[k] = value;
                    }
                }
            }
        }
        float[] out = new float[size * size];
        double norm = 1.0 / (SUPER * SUPER);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int dy = 0; dy < SUPER; dy++)
                    for (int dx = 0; dx < SUPER; dx++) s += shade[(y * SUPER + dy) * side + x * SUPER + dx];
                out[y * size + x] = (float) (s * norm);
            }
        return out;
    }

    private double backgroundValue(int row, int side) {
        return background == Background.BLACK ? 0 : 0.55 + 0.4 * (row + 0.5) / side;
    }

    /** Twice the signed area of (a, b, p): which side of the line a -> b the point p lies on. */
    private static double edge(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
