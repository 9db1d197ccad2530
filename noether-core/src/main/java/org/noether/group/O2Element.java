package org.noether.group;

/**
 * An element of O(2): reflect across the x-axis if {@code reflection}, then rotate counter-clockwise by {@code angle}
 * radians (the same convention as {@link DihedralElement}). SO(2) uses only unreflected elements.
 */
public record O2Element(double angle, boolean reflection) {
    public O2Element {
        angle = normalize(angle);
    }

    static double normalize(double a) {
        double t = a % (2 * Math.PI);
        if (t < 0) t += 2 * Math.PI;
        if (t >= 2 * Math.PI) t = 0;
        return t;
    }

    public O2Element times(O2Element o) {
        return new O2Element(reflection ? angle - o.angle : angle + o.angle, reflection ^ o.reflection);
    }

    public O2Element inverse() {
        return reflection ? this : new O2Element(-angle, false);
    }

    /** The 2x2 orthogonal matrix, row-major. */
    public double[] matrix() {
        double c = Math.cos(angle), s = Math.sin(angle);
        return reflection ? new double[] {c, s, s, -c} : new double[] {c, -s, s, c};
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT, "%s%.6f rad", reflection ? "reflect then rotate " : "rotate ", angle);
    }
}
