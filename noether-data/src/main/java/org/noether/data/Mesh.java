package org.noether.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A triangle mesh: vertex coordinates and triangles as vertex indices, as read by {@link MeshReader}.
 *
 * <pre>{@code
 * Mesh bunny = MeshReader.read(Path.of("bunny00.off")).normalized();
 * int n = bunny.triangleCount();
 * }</pre>
 *
 * @param name      where it came from (the file name)
 * @param vertices  x, y, z of each vertex, one after another
 * @param triangles three vertex indices per triangle (polygons are split into fans)
 */
public record Mesh(String name, double[] vertices, int[] triangles) {

    /** Checks the array lengths, that every index names a vertex, and that every coordinate is finite. */
    public Mesh {
        Objects.requireNonNull(name, "name");
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0)
            throw new IllegalArgumentException(name + ": vertex and triangle arrays need multiples of 3 entries, got "
                    + vertices.length + " and " + triangles.length);
        int n = vertices.length / 3;
        for (int t : triangles)
            if (t < 0 || t >= n)
                throw new IllegalArgumentException(name + ": triangle index " + t + " outside 0.." + (n - 1));
        for (double v : vertices)
            if (!Double.isFinite(v)) throw new IllegalArgumentException(name + ": non-finite vertex coordinate " + v);
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    /**
     * The same mesh moved so that the centre of its bounding box is the origin and scaled so that the farthest
     * vertex lies at distance 1: every rotation of it fits in the unit ball.
     */
    public Mesh normalized() {
        if (vertexCount() == 0) throw new IllegalArgumentException(name + ": an empty mesh cannot be normalized");
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < vertices.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], vertices[i]);
            hi[i % 3] = Math.max(hi[i % 3], vertices[i]);
        }
        double[] v = new double[vertices.length];
        double r2 = 0;
        for (int i = 0; i < v.length; i++) v[i] = vertices[i] - (lo[i % 3] + hi[i % 3]) / 2;
        for (int i = 0; i < v.length; i += 3)
            r2 = Math.max(r2, v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]);
        double r = Math.sqrt(r2);
        if (r > 0) for (int i = 0; i < v.length; i++) v[i] /= r;
        return new Mesh(name, v, triangles);
    }

    /** Extent of the bounding box along each axis. */
    public double[] extent() {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < vertices.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], vertices[i]);
            hi[i % 3] = Math.max(hi[i % 3], vertices[i]);
        }
        return new double[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mesh m
                && name.equals(m.name)
                && Arrays.equals(vertices, m.vertices)
                && Arrays.equals(triangles, m.triangles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(vertices), Arrays.hashCode(triangles));
    }

    @Override
    public String toString() {
        return name + " (" + vertexCount() + " vertices, " + triangleCount() + " triangles)";
    }
}
