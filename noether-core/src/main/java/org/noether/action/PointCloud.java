package org.noether.action;

import java.util.Arrays;

/** A cloud of {@code size} points in R^3, coordinates row-major: point i is (xyz[3i], xyz[3i+1], xyz[3i+2]). */
public record PointCloud(int size, double[] xyz) {
    public PointCloud {
        if (size < 0) throw new IllegalArgumentException("point count must be >= 0, got " + size);
        if (xyz.length != 3 * size)
            throw new IllegalArgumentException(size + " points need " + 3 * size + " coordinates, got " + xyz.length);
    }

    public double[] point(int i) {
        return Arrays.copyOfRange(xyz, 3 * i, 3 * i + 3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointCloud p && p.size == size && Arrays.equals(p.xyz, xyz);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xyz);
    }

    @Override
    public String toString() {
        return "PointCloud[" + size + " points]";
    }
}
