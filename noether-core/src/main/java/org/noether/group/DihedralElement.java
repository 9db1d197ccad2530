package org.noether.group;

/**
 * The element r^rotation s^(reflection ? 1 : 0) of the dihedral group D_n (or of C_n when never reflected). In the
 * plane, r rotates by 2 pi / n counter-clockwise and s reflects across the x-axis (y -> -y); so this element first
 * reflects (if {@code reflection}) and then rotates by {@code 2 pi rotation / n}.
 */
public record DihedralElement(int n, int rotation, boolean reflection) {
    public DihedralElement {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        rotation = Math.floorMod(rotation, n);
    }

    /** The product this * other, using s r = r^-1 s. */
    public DihedralElement times(DihedralElement other) {
        int k = reflection ? rotation - other.rotation : rotation + other.rotation;
        return new DihedralElement(n, k, reflection ^ other.reflection);
    }

    public DihedralElement inverse() {
        return reflection ? this : new DihedralElement(n, -rotation, false);
    }

    /** Rotation angle in radians. */
    public double angle() {
        return 2 * Math.PI * rotation / n;
    }

    @Override
    public String toString() {
        String r = rotation == 0 ? "" : rotation == 1 ? "r" : "r^" + rotation;
        String s = reflection ? "s" : "";
        return r.isEmpty() && s.isEmpty() ? "e" : r + s;
    }
}
