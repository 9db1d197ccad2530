package org.noether.diffusion;

import java.util.List;

/** The rigid-shape targets of the exact-denoiser toy experiment. */
public final class ToyTargets {

    private ToyTargets() {}

    /** A named target and the index pair whose distance it plots. */
    public record Named(String name, String description, RigidShapeMixture mixture, int plotI, int plotJ) {}

    /**
     * Four points as a butane-like chain (bonds 1.5, bond angles 111 degrees) in its three staggered conformers:
     * gauche- (torsion -60, weight 1/4), anti (180, weight 1/2), gauche+ (+60, weight 1/4). The two gauche conformers
     * are mirror images, so only proper rotations tell them apart. The 1-4 distance is 2.93 (gauche) or 3.80 (anti).
     */
    public static Named chain() {
        double[] torsions = {-60, 180, 60};
        List<double[]> shapes = new java.util.ArrayList<>();
        for (double t : torsions) shapes.add(chain(1.5, Math.toRadians(111), Math.toRadians(t)));
        return new Named(
                "chain4",
                "4-point chain, 3 torsional conformers (g-, anti, g+ = 1/4, 1/2, 1/4)",
                RigidShapeMixture.of(3, shapes, new double[] {0.25, 0.5, 0.25}),
                0,
                3);
    }

    /**
     * A scalene triangle (sides 1.0, 1.5, 2.0) at three sizes, scaled by 0.85, 1 and 1.15 with weights 1/3 each: a
     * three-point "molecule" whose bond lengths vary, so that a bias towards larger or smaller shapes shows up in
     * the distribution of distances.
     */
    static Named triangle() {
        // sides |01| = 1.0, |12| = 1.5, |02| = 2.0: place 0 and 2 on the x axis and solve for 1
        double a = 2.0, b = 1.0, c = 1.5;
        double x = (a * a + b * b - c * c) / (2 * a), y = Math.sqrt(b * b - x * x);
        double[] base = {0, 0, 0, x, y, 0, a, 0, 0};
        List<double[]> shapes = new java.util.ArrayList<>();
        for (double scale : new double[] {0.85, 1.0, 1.15}) {
            double[] s = base.clone();
            for (int i = 0; i < s.length; i++) s[i] *= scale;
            shapes.add(s);
        }
        return new Named(
                "triangle3",
                "scalene triangle (sides 1.0, 1.5, 2.0) at sizes 0.85, 1, 1.15 (1/3 each)",
                RigidShapeMixture.of(3, shapes, new double[] {1, 1, 1}),
                0,
                2);
    }

    /**
     * Four points in the plane under SO(2): a kite with diagonals 3.0 and 1.6 (crossing 2.2 / 0.8 along the long one)
     * at sizes 0.8 and 1.25, weights 1/2 each. The plotted 0-2 diagonal is 2.4 or 3.75.
     */
    public static Named planar() {
        double[] kite = {-1.5, 0, 0.7, -0.8, 1.5, 0, 0.7, 0.8};
        List<double[]> shapes = new java.util.ArrayList<>();
        for (double scale : new double[] {0.8, 1.25}) {
            double[] s = kite.clone();
            for (int i = 0; i < s.length; i++) s[i] *= scale;
            shapes.add(s);
        }
        return new Named(
                "planar4",
                "a 4-point kite in the plane under SO(2) at sizes 0.8 and 1.25 (1/2 each)",
                RigidShapeMixture.of(2, shapes, new double[] {0.5, 0.5}),
                0,
                2);
    }

    /** Cartesian coordinates of a 4-point chain with the given bond length, bond angle and torsion. */
    static double[] chain(double bond, double angle, double torsion) {
        // points 1 and 2 on the x axis, point 0 in the xy plane; at torsion 0 point 3 is cis to point 0 (+y side)
        double c = Math.cos(angle), s = Math.sin(angle);
        return new double[] {
            bond * c,
            bond * s,
            0,
            0,
            0,
            0,
            bond,
            0,
            0,
            bond - bond * c,
            bond * s * Math.cos(torsion),
            bond * s * Math.sin(torsion)
        };
    }
}
