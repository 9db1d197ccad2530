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

    /**
     * Forgets the cached generators and Euler-angle data, so that the next call builds them again. For tests: a
     * mutation-testing tool swaps code in after the caches were filled, and a test that clears them first exercises
     * the building code rather than a cached result.
     */
    static void clearCaches() {
        synchronized (CACHE) {
            CACHE.clear();
        }
        synchronized (FAST) {
            FAST.clear();
        }
    }

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
                jr[0][b * d + a] += c / 2; // Jx = (J+ + J-)/2
                ji[1][b * d + a] += -c / 2; // Jy = (J+ - J-)/(2i) = -i/2 (J+ - J-)
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

    /**
     * D^l(R) for a rotation R (det(R) must be +1). Uses the ZYZ Euler angles of R: D(R) = Z(alpha) Q Z(beta) Q^T
     * Z(gamma), where Z(t) = exp(t A_z) is sparse (it mixes only the real basis functions of orders m and -m) and
     * Q = D(rotation taking the z-axis to the y-axis) is computed once per degree. This costs two dense products
     * instead of a matrix exponential; {@link #matrixByExponential} is the slower reference.
     */
    public static double[] matrix(int l, Orthogonal3 r) {
        if (l == 0) return new double[] {1};
        Fast f = fast(l);
        int d = 2 * l + 1;
        double r02 = r.get(0, 2), r12 = r.get(1, 2), r22 = r.get(2, 2);
        double sb = Math.sqrt(r02 * r02 + r12 * r12);
        double alpha, beta, gamma;
        if (sb > 1e-12) {
            alpha = Math.atan2(r12, r02);
            beta = Math.atan2(sb, r22);
            gamma = Math.atan2(r.get(2, 1), -r.get(2, 0));
        } else if (r22 > 0) {
            alpha = Math.atan2(r.get(1, 0), r.get(0, 0));
            beta = 0;
            gamma = 0;
        } else {
            alpha = Math.atan2(-r.get(1, 0), -r.get(0, 0));
            beta = Math.PI;
            gamma = 0;
        }
        // M = Q^T Z(gamma); then M = Z(beta) M; then M = Q M; then M = Z(alpha) M
        double[] m = new double[d * d];
        double[] qt = f.qt;
        zRight(qt, gamma, f, m, d); // m = Q^T Z(gamma)
        double[] t = new double[d * d];
        zLeft(m, beta, f, t, d); // t = Z(beta) m
        double[] u = Dense.multiply(f.q, t, d); // u = Q t
        zLeft(u, alpha, f, m, d); // m = Z(alpha) u
        return m;
    }

    /** D^l(R) = exp(theta n . A) from the axis-angle form: the slow, obviously-correct reference. */
    public static double[] matrixByExponential(int l, Orthogonal3 r) {
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

    /** Per-degree data for the Euler-angle evaluation: Q, Q^T and the pairing of A_z. */
    private static final class Fast {
        double[] q, qt;
        int[] partner; // index paired with i by A_z (i itself for m = 0)
        double[] rate; // A_z[i][partner[i]]
    }

    private static final java.util.Map<Integer, Fast> FAST = new java.util.HashMap<>();

    private static Fast fast(int l) {
        synchronized (FAST) {
            return FAST.computeIfAbsent(l, WignerD::buildFast);
        }
    }

    private static Fast buildFast(int l) {
        int d = 2 * l + 1;
        double[] az = generators(l)[2];
        Fast f = new Fast();
        f.partner = new int[d];
        f.rate = new double[d];
        for (int i = 0; i < d; i++) {
            f.partner[i] = i;
            for (int j = 0; j < d; j++) {
                if (Math.abs(az[i * d + j]) > 1e-12) {
                    if (f.partner[i] != i) throw new IllegalStateException("A_z is not 2x2-block sparse for l=" + l);
                    f.partner[i] = j;
                    f.rate[i] = az[i * d + j];
                }
            }
        }
        Orthogonal3 zToY = Orthogonal3.rotation(new double[] {1, 0, 0}, -Math.PI / 2);
        f.q = matrixByExponential(l, zToY);
        f.qt = Dense.transpose(f.q, d);
        return f;
    }

    /**
     * out = Z(t) in. Z(t) = exp(t A_z) with A_z made of 2x2 blocks [[0, a], [-a, 0]] on (i, partner(i)), so row i
     * of Z(t) is cos(a t) e_i + sin(a t) e_partner, where a = A_z[i][partner].
     */
    private static void zLeft(double[] in, double t, Fast f, double[] out, int d) {
        for (int i = 0; i < d; i++) {
            int p = f.partner[i];
            if (p == i) {
                System.arraycopy(in, i * d, out, i * d, d);
                continue;
            }
            double c = Math.cos(f.rate[i] * t), s = Math.sin(f.rate[i] * t);
            for (int j = 0; j < d; j++) out[i * d + j] = c * in[i * d + j] + s * in[p * d + j];
        }
    }

    /** out = in Z(t): column j of Z(t) is cos e_j + sin(a_p t) e_p with p = partner(j), by Z's block structure. */
    private static void zRight(double[] in, double t, Fast f, double[] out, int d) {
        for (int j = 0; j < d; j++) {
            int p = f.partner[j];
            if (p == j) {
                for (int i = 0; i < d; i++) out[i * d + j] = in[i * d + j];
                continue;
            }
            // Z[p][j] = sin(rate[p] t) (row p of Z has sin(a_p t) at column partner(p) = j)
            double c = Math.cos(f.rate[j] * t), s = Math.sin(f.rate[p] * t);
            for (int i = 0; i < d; i++) out[i * d + j] = in[i * d + j] * c + in[i * d + p] * s;
        }
    }

    /** The representation of degree l of SO(3), or of O(3) with the given parity (0 even, 1 odd). */
    static Representation<Orthogonal3> representation(O3 group, int l, int parity) {
        generators(l);
        int d = 2 * l + 1;
        String name = group.hasReflections() ? "D" + l + (parity == 0 ? "e" : "o") : "D" + l;
        return new FunctionalRepresentation<>(
                group,
                name,
                d,
                g -> {
                    if (!group.hasReflections()) return matrix(l, g);
                    boolean improper = g.determinant() < 0;
                    double[] m = matrix(l, improper ? g.negate() : g);
                    return improper && parity == 1 ? Dense.scale(m, -1) : m;
                },
                k -> generators(l)[k].clone(),
                true);
    }
}
