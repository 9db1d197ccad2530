package org.noether.diffusion;

/** {@link RigidQuotient} for clouds in R^3 modulo SE(3). */
final class SpatialQuotient extends QuotientBase {

    SpatialQuotient(double relativeDelta) {
        super(3, "SE(3)", relativeDelta);
    }

    @Override
    public Local at(double[] x) {
        return new At(relativeDelta).moveTo(x);
    }

    private static final class At implements Local {
        private final double relativeDelta;
        private double[] x;
        private double[] c = new double[0];
        private final double[] eigenvalues = new double[3];
        private final double[] eigenvectors = new double[9];
        private final double[] inverseEigenvalues = new double[3];
        private final double[] inverse = new double[9];
        private final double[] correctionMatrix = new double[9];
        private final double[] inertia = new double[9];

        At(double relativeDelta) {
            this.relativeDelta = relativeDelta;
        }

        @Override
        public double[] point() {
            return x;
        }

        @Override
        public Local moveTo(double[] x) {
            if (x.length % 3 != 0) {
                throw new IllegalArgumentException(
                        "a flat cloud in R^3 needs a multiple of 3 coordinates, got " + x.length);
            }
            this.x = x;
            int n = x.length / 3;
            if (c.length != x.length) c = new double[x.length];
            double mx = 0, my = 0, mz = 0;
            for (int i = 0; i < n; i++) {
                mx += x[3 * i];
                my += x[3 * i + 1];
                mz += x[3 * i + 2];
            }
            mx /= n;
            my /= n;
            mz /= n;
            double sxx = 0, syy = 0, szz = 0, sxy = 0, sxz = 0, syz = 0;
            for (int i = 0; i < n; i++) {
                double a = x[3 * i] - mx, b = x[3 * i + 1] - my, d = x[3 * i + 2] - mz;
                c[3 * i] = a;
                c[3 * i + 1] = b;
                c[3 * i + 2] = d;
                sxx += a * a;
                syy += b * b;
                szz += d * d;
                sxy += a * b;
                sxz += a * d;
                syz += b * d;
            }
            double tr = sxx + syy + szz;
            inertia[0] = tr - sxx;
            inertia[1] = -sxy;
            inertia[2] = -sxz;
            inertia[3] = -sxy;
            inertia[4] = tr - syy;
            inertia[5] = -syz;
            inertia[6] = -sxz;
            inertia[7] = -syz;
            inertia[8] = tr - szz;
            Mat3.symmetricEigen(inertia, eigenvalues, eigenvectors);
            double delta = relativeDelta * 2 * tr; // tr K = 2 sum |c_n|^2
            double invSum = 0;
            for (int i = 0; i < 3; i++) {
                double l = Math.max(eigenvalues[i], 0);
                double den = l * l + delta * delta;
                inverseEigenvalues[i] = den == 0 ? 0 : l / den;
                invSum += inverseEigenvalues[i];
            }
            // K^-1 = V diag(inv) V^T and (K^-1 - tr K^-1 I) = V diag(-(sum of the other two inverses)) V^T; the
            // second form avoids cancelling two huge terms along a vanishing principal moment
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    double sInv = 0, sCorr = 0;
                    for (int k = 0; k < 3; k++) {
                        double p = eigenvectors[3 * i + k] * eigenvectors[3 * j + k];
                        sInv += p * inverseEigenvalues[k];
                        sCorr -= p * (invSum - inverseEigenvalues[k]);
                    }
                    inverse[3 * i + j] = sInv;
                    inverse[3 * j + i] = sInv;
                    correctionMatrix[3 * i + j] = sCorr;
                    correctionMatrix[3 * j + i] = sCorr;
                }
            }
            return this;
        }

        @Override
        public void project(double[] v, double[] out) {
            int n = c.length / 3;
            if (v.length != c.length || out.length != c.length) {
                throw new IllegalArgumentException("vector of length " + v.length + " (output " + out.length
                        + ") at a cloud of " + n + " points in R^3 (" + c.length + " coordinates)");
            }
            double mx = 0, my = 0, mz = 0, lx = 0, ly = 0, lz = 0;
            for (int i = 0; i < n; i++) {
                double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
                double cx = c[3 * i], cy = c[3 * i + 1], cz = c[3 * i + 2];
                mx += vx;
                my += vy;
                mz += vz;
                lx += cy * vz - cz * vy;
                ly += cz * vx - cx * vz;
                lz += cx * vy - cy * vx;
            }
            mx /= n;
            my /= n;
            mz /= n;
            double wx = inverse[0] * lx + inverse[1] * ly + inverse[2] * lz;
            double wy = inverse[3] * lx + inverse[4] * ly + inverse[5] * lz;
            double wz = inverse[6] * lx + inverse[7] * ly + inverse[8] * lz;
            for (int i = 0; i < n; i++) {
                double cx = c[3 * i], cy = c[3 * i + 1], cz = c[3 * i + 2];
                out[3 * i] = v[3 * i] - mx - (wy * cz - wz * cy);
                out[3 * i + 1] = v[3 * i + 1] - my - (wz * cx - wx * cz);
                out[3 * i + 2] = v[3 * i + 2] - mz - (wx * cy - wy * cx);
            }
        }

        @Override
        public double[] angularVelocity(double[] v) {
            int n = c.length / 3;
            double lx = 0, ly = 0, lz = 0;
            for (int i = 0; i < n; i++) {
                double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
                double cx = c[3 * i], cy = c[3 * i + 1], cz = c[3 * i + 2];
                lx += cy * vz - cz * vy;
                ly += cz * vx - cx * vz;
                lz += cx * vy - cy * vx;
            }
            return new double[] {
                inverse[0] * lx + inverse[1] * ly + inverse[2] * lz,
                inverse[3] * lx + inverse[4] * ly + inverse[5] * lz,
                inverse[6] * lx + inverse[7] * ly + inverse[8] * lz
            };
        }

        @Override
        public void correction(double[] out) {
            int n = c.length / 3;
            for (int i = 0; i < n; i++) {
                double cx = c[3 * i], cy = c[3 * i + 1], cz = c[3 * i + 2];
                out[3 * i] = correctionMatrix[0] * cx + correctionMatrix[1] * cy + correctionMatrix[2] * cz;
                out[3 * i + 1] = correctionMatrix[3] * cx + correctionMatrix[4] * cy + correctionMatrix[5] * cz;
                out[3 * i + 2] = correctionMatrix[6] * cx + correctionMatrix[7] * cy + correctionMatrix[8] * cz;
            }
        }

        @Override
        public double[] inertiaEigenvalues() {
            return eigenvalues.clone();
        }

        @Override
        public double logDetInertia() {
            double delta = relativeDelta * (eigenvalues[0] + eigenvalues[1] + eigenvalues[2]);
            double s = 0;
            for (double l : eigenvalues) s += 0.5 * Math.log(l * l + delta * delta);
            return s;
        }

        @Override
        public double traceOfProjection() {
            double t = c.length - 3;
            for (int i = 0; i < 3; i++) t -= Math.max(eigenvalues[i], 0) * inverseEigenvalues[i];
            return t;
        }
    }
}
