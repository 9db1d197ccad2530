package org.noether.diffusion;

/**
 * Small dense 3x3 helpers (row-major {@code double[9]}) for the hot loops of the geometry and the samplers: a
 * Jacobi eigen-decomposition of symmetric matrices and a proper singular value decomposition. They allocate
 * nothing beyond what the caller passes, because they run once per point cloud per sampling step.
 */
final class Mat3 {

    private Mat3() {}

    static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** c = a b. */
    static void multiply(double[] a, double[] b, double[] c) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
    }

    /** c = a b^T. */
    static void multiplyTransposed(double[] a, double[] b, double[] c) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[3 * j] + a[3 * i + 1] * b[3 * j + 1] + a[3 * i + 2] * b[3 * j + 2];
            }
        }
    }

    /**
     * Eigen-decomposition of the symmetric matrix {@code a} by cyclic Jacobi rotations: {@code a = V diag(w) V^T}
     * with the eigenvectors as the columns of {@code v} and the eigenvalues in descending order. {@code a} is not
     * modified. Jacobi is used rather than the closed-form cubic because it stays accurate for the nearly repeated
     * and nearly zero eigenvalues of collinear and planar clouds.
     */
    static void symmetricEigen(double[] a, double[] w, double[] v) {
        double a00 = a[0], a11 = a[4], a22 = a[8];
        double a01 = 0.5 * (a[1] + a[3]), a02 = 0.5 * (a[2] + a[6]), a12 = 0.5 * (a[5] + a[7]);
        double v00 = 1, v01 = 0, v02 = 0, v10 = 0, v11 = 1, v12 = 0, v20 = 0, v21 = 0, v22 = 1;
        for (int sweep = 0; sweep < 64; sweep++) {
            double off = a01 * a01 + a02 * a02 + a12 * a12;
            double diag = a00 * a00 + a11 * a11 + a22 * a22;
            if (off <= 1e-34 * diag || off == 0) break;
            // (p, q) = (0, 1)
            if (a01 != 0) {
                double theta = (a11 - a00) / (2 * a01);
                double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                double n00 = a00 - t * a01, n11 = a11 + t * a01;
                double n02 = c * a02 - s * a12, n12 = s * a02 + c * a12;
                a00 = n00;
                a11 = n11;
                a01 = 0;
                a02 = n02;
                a12 = n12;
                double r0 = c * v00 - s * v01, r1 = s * v00 + c * v01;
                v00 = r0;
                v01 = r1;
                r0 = c * v10 - s * v11;
                r1 = s * v10 + c * v11;
                v10 = r0;
                v11 = r1;
                r0 = c * v20 - s * v21;
                r1 = s * v20 + c * v21;
                v20 = r0;
                v21 = r1;
            }
            // (p, q) = (0, 2)
            if (a02 != 0) {
                double theta = (a22 - a00) / (2 * a02);
                double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                double n00 = a00 - t * a02, n22 = a22 + t * a02;
                double n01 = c * a01 - s * a12, n12 = s * a01 + c * a12;
                a00 = n00;
                a22 = n22;
                a02 = 0;
                a01 = n01;
                a12 = n12;
                double r0 = c * v00 - s * v02, r2 = s * v00 + c * v02;
                v00 = r0;
                v02 = r2;
                r0 = c * v10 - s * v12;
                r2 = s * v10 + c * v12;
                v10 = r0;
                v12 = r2;
                r0 = c * v20 - s * v22;
                r2 = s * v20 + c * v22;
                v20 = r0;
                v22 = r2;
            }
            // (p, q) = (1, 2)
            if (a12 != 0) {
                double theta = (a22 - a11) / (2 * a12);
                double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                double n11 = a11 - t * a12, n22 = a22 + t * a12;
                double n01 = c * a01 - s * a02, n02 = s * a01 + c * a02;
                a11 = n11;
                a22 = n22;
                a12 = 0;
                a01 = n01;
                a02 = n02;
                double r1 = c * v01 - s * v02, r2 = s * v01 + c * v02;
                v01 = r1;
                v02 = r2;
                r1 = c * v11 - s * v12;
                r2 = s * v11 + c * v12;
                v11 = r1;
                v12 = r2;
                r1 = c * v21 - s * v22;
                r2 = s * v21 + c * v22;
                v21 = r1;
                v22 = r2;
            }
        }
        w[0] = a00;
        w[1] = a11;
        w[2] = a22;
        v[0] = v00;
        v[1] = v01;
        v[2] = v02;
        v[3] = v10;
        v[4] = v11;
        v[5] = v12;
        v[6] = v20;
        v[7] = v21;
        v[8] = v22;
        sortDescending(w, v);
    }

    /** Sorts eigenvalues (and the matching columns of v) in descending order. */
    private static void sortDescending(double[] w, double[] v) {
        for (int i = 0; i < 2; i++) {
            int best = i;
            for (int j = i + 1; j < 3; j++) if (w[j] > w[best]) best = j;
            if (best != i) swapColumns(w, v, i, best);
        }
    }

    private static void swapColumns(double[] w, double[] v, int i, int j) {
        double t = w[i];
        w[i] = w[j];
        w[j] = t;
        for (int r = 0; r < 3; r++) {
            t = v[3 * r + i];
            v[3 * r + i] = v[3 * r + j];
            v[3 * r + j] = t;
        }
    }

    /**
     * Proper singular value decomposition {@code a = U diag(s) V^T} with {@code U, V} in SO(3),
     * {@code s[0] >= s[1] >= |s[2]|} and the sign of {@code det a} carried by {@code s[2]}. This is the form both the
     * Kabsch rotation ({@code U V^T}) and the matrix Fisher distribution need. One-sided Jacobi (Hestenes) on the
     * columns keeps small singular values accurate; rank-deficient inputs get orthonormal completions.
     */
    static void properSvd(double[] a, double[] u, double[] s, double[] v) {
        // columns of b start as the columns of a; v accumulates the right rotations
        double[] b = a.clone();
        v[0] = 1;
        v[1] = 0;
        v[2] = 0;
        v[3] = 0;
        v[4] = 1;
        v[5] = 0;
        v[6] = 0;
        v[7] = 0;
        v[8] = 1;
        for (int sweep = 0; sweep < 64; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int r = 0; r < 3; r++) {
                        double bp = b[3 * r + p], bq = b[3 * r + q];
                        alpha += bp * bp;
                        beta += bq * bq;
                        gamma += bp * bq;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.sqrt(1 + t * t), sn = c * t;
                    for (int r = 0; r < 3; r++) {
                        double bp = b[3 * r + p], bq = b[3 * r + q];
                        b[3 * r + p] = c * bp - sn * bq;
                        b[3 * r + q] = sn * bp + c * bq;
                        double vp = v[3 * r + p], vq = v[3 * r + q];
                        v[3 * r + p] = c * vp - sn * vq;
                        v[3 * r + q] = sn * vp + c * vq;
                    }
                }
            }
            if (!rotated) break;
        }
        for (int j = 0; j < 3; j++) {
            s[j] = Math.sqrt(b[j] * b[j] + b[3 + j] * b[3 + j] + b[6 + j] * b[6 + j]);
        }
        // sort by singular value, permuting the columns of b and v together
        for (int i = 0; i < 2; i++) {
            int best = i;
            for (int j = i + 1; j < 3; j++) if (s[j] > s[best]) best = j;
            if (best != i) {
                double t = s[i];
                s[i] = s[best];
                s[best] = t;
                for (int r = 0; r < 3; r++) {
                    t = b[3 * r + i];
                    b[3 * r + i] = b[3 * r + best];
                    b[3 * r + best] = t;
                    t = v[3 * r + i];
                    v[3 * r + i] = v[3 * r + best];
                    v[3 * r + best] = t;
                }
            }
        }
        double tiny = 1e-300 + 1e-15 * s[0];
        // left singular vectors: normalized columns where the singular value is resolvable, completions otherwise
        if (s[0] > tiny) {
            for (int r = 0; r < 3; r++) u[3 * r] = b[3 * r] / s[0];
        } else {
            u[0] = 1;
            u[3] = 0;
            u[6] = 0;
        }
        if (s[1] > tiny) {
            for (int r = 0; r < 3; r++) u[3 * r + 1] = b[3 * r + 1] / s[1];
            orthonormalizeColumn(u, 1);
        } else {
            perpendicular(u, 0, 1);
        }
        // the last column is always the cross product: this makes det(U) = +1 and fixes the sign of s[2]
        u[2] = u[3] * u[7] - u[6] * u[4];
        u[5] = u[6] * u[1] - u[0] * u[7];
        u[8] = u[0] * u[4] - u[3] * u[1];
        s[2] = b[2] * u[2] + b[5] * u[5] + b[8] * u[8];
        if (det(v) < 0) {
            v[2] = -v[2];
            v[5] = -v[5];
            v[8] = -v[8];
            s[2] = -s[2];
        }
    }

    /** Makes column j of m (j = 1) orthogonal to column 0 and of unit length. */
    private static void orthonormalizeColumn(double[] m, int j) {
        double dot = m[0] * m[j] + m[3] * m[3 + j] + m[6] * m[6 + j];
        for (int r = 0; r < 3; r++) m[3 * r + j] -= dot * m[3 * r];
        double n = Math.sqrt(m[j] * m[j] + m[3 + j] * m[3 + j] + m[6 + j] * m[6 + j]);
        for (int r = 0; r < 3; r++) m[3 * r + j] /= n;
    }

    /** Sets column j of m to a unit vector perpendicular to column i. */
    private static void perpendicular(double[] m, int i, int j) {
        double x = m[i], y = m[3 + i], z = m[6 + i];
        double px, py, pz;
        if (Math.abs(x) <= Math.abs(y) && Math.abs(x) <= Math.abs(z)) {
            px = 0;
            py = -z;
            pz = y;
        } else if (Math.abs(y) <= Math.abs(z)) {
            px = -z;
            py = 0;
            pz = x;
        } else {
            px = -y;
            py = x;
            pz = 0;
        }
        double n = Math.sqrt(px * px + py * py + pz * pz);
        m[j] = px / n;
        m[3 + j] = py / n;
        m[6 + j] = pz / n;
    }
}
