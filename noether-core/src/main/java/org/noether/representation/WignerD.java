package org.noether.representation;

import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.linalg.Dense;

/**
 * Real Wigner-D matrices: the irreducible representation of SO(3) of degree l (dimension 2l + 1) in a real basis,
 * optionally with parity for O(3): rho(g) = det(g)^parity D^l(det(g) g).
 *
 * <p>Built from the Lie algebra: the angular-momentum operators J_x, J_y, J_z of spin l in the |l, m> basis are
 * turned into real skew-symmetric generators A_k = U (-i J_k) U^dagger by the unitary U of real spherical harmonics;
 * k -> A_k is then a Lie-algebra homomorphism from so(3) (with [L_x, L_y] = L_z), and D^l(R) = exp(theta n . A) for
 * R = exp(theta n . L). The construction checks that the A_k come out real.
 */
public final class WignerD {
    private WignerD() {}

    /** The three real generators of degree l, each (2l+1) x (2l+1) row-major. Cached per degree. */
    public static double[][] generators(int l) {
        if (l < 0 || l > 40) throw new IllegalArgumentException("Wigner-D degree must be in 0..40, got " + l);
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(l, WignerD::build);
        }
    }

    private static final java.util.Map<Integer, double[][]> CACHE = new java.util.HashMap<>();

    private static double[][] build(int l) {
        int d = 2 * l + 1;
        // complex J_x, J_y, J_z in the basis m = -l..l (index m + l), as (re, im) pairs
        double[][] jr = new double[3][d * d], ji = new double[3][d * d];
        for (int a = 0; a < d; a++) {
            int m = a - l;
            jr[2][a * d + a] = m;
            if (m < l) { // J+ |m> = c |m+1>
                double c = Math.sqrt(l * (l + 1.0) - m * (m + 1.0));
                int b = a + 1;
                jr[0][b * d + a] += c / 2;            // Jx = (J+ + J-)/2
                ji[1][b * d + a] += -c / 2;           // Jy = (J+ - J-)/(2i) = -i/2 (J+ - J-)
            }
            if (m > -l) { // J- |m> = c |m-1>
                double c = Math.sqrt(l * (l + 1.0) - m * (m - 1.0));
                int b = a - 1;
                jr[0][b * d + a] += c / 2;
                ji[1][b * d + a] += c / 2;
            }
        }
        // U: rows are real basis functions, columns |m>; real SH convention
        double[] ur = new double[d * d], ui = new double[d * d];
        double s = 1 / Math.sqrt(2);
        for (int m = -l; m <= l; m++) {
            int row = m + l;
            if (m == 0) {
                ur[row * d + l] = 1;
            } else if (m > 0) {
                ur[row * d + (m + l)] = ((m & 1) == 1 ? -1 : 1) * s;
                ur[row * d + (-m + l)] = s;
            } else {
                int am = -m;
                ui[row * d + (-am + l)] = s;
                ui[row * d + (am + l)] = -((am & 1) == 1 ? -1 : 1) * s;
            }
        }
        double[][] out = new double[3][];
        for (int k = 0; k < 3; k++) {
            // A = U (-i J) U^dagger ; -iJ = (ji, -jr)
            double[] ar = ji[k].clone(), ai = Dense.scale(jr[k], -1);
            double[][] t = complexMultiply(ur, ui, ar, ai, d);
            double[] uhr = Dense.transpose(ur, d), uhi = Dense.scale(Dense.transpose(ui, d), -1);
            double[][] res = complexMultiply(t[0], t[1], uhr, uhi, d);
            if (Dense.maxAbs(res[1]) > 1e-10)
                throw new IllegalStateException("real Wigner-D generator is not real for l=" + l);
            out[k] = res[0];
        }
        return out;
    }

    private static double[][] complexMultiply(double[] ar, double[] ai, double[] br, double[] bi, int d) {
        double[] rr = Dense.subtract(Dense.multiply(ar, br, d), Dense.multiply(ai, bi, d));
        double[] ri = Dense.add(Dense.multiply(ar, bi, d), Dense.multiply(ai, br, d));
        return new double[][] {rr, ri};
    }

    /** D^l(R) for a rotation R (det(R) must be +1). */
    public static double[] matrix(int l, Orthogonal3 r) {
        int d = 2 * l + 1;
        if (l == 0) return new double[] {1};
        double[] aa = r.axisAngle();
        double theta = aa[3];
        if (theta == 0) return Dense.identity(d);
        double[][] gens = generators(l);
        double[] x = new double[d * d];
        for (int k = 0; k < 3; k++) {
            double c = theta * aa[k];
            for (int i = 0; i < d * d; i++) x[i] += c * gens[k][i];
        }
        return Dense.expm(x, d);
    }

    /** The representation of degree l of SO(3), or of O(3) with the given parity (0 even, 1 odd). */
    static Representation<Orthogonal3> representation(O3 group, int l, int parity) {
        generators(l);
        int d = 2 * l + 1;
        String name = group.hasReflections() ? "D" + l + (parity == 0 ? "e" : "o") : "D" + l;
        return new FunctionalRepresentation<>(group, name, d, g -> {
            if (!group.hasReflections()) return matrix(l, g);
            boolean improper = g.determinant() < 0;
            double[] m = matrix(l, improper ? g.negate() : g);
            return improper && parity == 1 ? Dense.scale(m, -1) : m;
        }, k -> generators(l)[k].clone(), true);
    }
}
