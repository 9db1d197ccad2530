package org.noether.diffusion;

/**
 * {@link RigidQuotient} for clouds in the plane modulo SE(2). The inertia "tensor" is the scalar
 * {@code K = sum |c_n|^2}, the rotation generator is the quarter turn {@code J c = (-c_y, c_x)}, and the correction
 * field is {@code h_n = -1/2 grad log K = -c_n / K}, so that {@code sum_n c_n . h_n = -1}.
 */
final class PlanarQuotient extends QuotientBase {

    PlanarQuotient(double relativeDelta) {
        super(2, "SE(2)", relativeDelta);
    }

    @Override
    public Local at(double[] x) {
        return new At(relativeDelta).moveTo(x);
    }

    private static final class At implements Local {
        private final double relativeDelta;
        private double[] x;
        private double[] c = new double[0];
        private double inertia;
        private double inverse;

        At(double relativeDelta) {
            this.relativeDelta = relativeDelta;
        }

        @Override
        public double[] point() {
            return x;
        }

        @Override
        public Local moveTo(double[] x) {
            if (x.length % 2 != 0) {
                throw new IllegalArgumentException(
                        "a flat cloud in R^2 needs an even number of coordinates, got " + x.length);
            }
            this.x = x;
            int n = x.length / 2;
            if (c.length != x.length) c = new double[x.length];
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[2 * i];
                my += x[2 * i + 1];
            }
            mx /= n;
            my /= n;
            double k = 0;
            for (int i = 0; i < n; i++) {
                double a = x[2 * i] - mx, b = x[2 * i + 1] - my;
                c[2 * i] = a;
                c[2 * i + 1] = b;
                k += a * a + b * b;
            }
            inertia = k;
            double delta = relativeDelta * k, den = k * k + delta * delta;
            inverse = den == 0 ? 0 : k / den;
            return this;
        }

        @Override
        public void project(double[] v, double[] out) {
            int n = c.length / 2;
            if (v.length != c.length || out.length != c.length) {
                throw new IllegalArgumentException("vector of length " + v.length + " (output " + out.length
                        + ") at a cloud of " + n + " points in R^2 (" + c.length + " coordinates)");
            }
            double mx = 0, my = 0, l = 0;
            for (int i = 0; i < n; i++) {
                double vx = v[2 * i], vy = v[2 * i + 1];
                mx += vx;
                my += vy;
                l += c[2 * i] * vy - c[2 * i + 1] * vx;
            }
            mx /= n;
            my /= n;
            double w = inverse * l;
            for (int i = 0; i < n; i++) {
                double cx = c[2 * i], cy = c[2 * i + 1];
                out[2 * i] = v[2 * i] - mx + w * cy;
                out[2 * i + 1] = v[2 * i + 1] - my - w * cx;
            }
        }

        @Override
        public double[] angularVelocity(double[] v) {
            int n = c.length / 2;
            double l = 0;
            for (int i = 0; i < n; i++) l += c[2 * i] * v[2 * i + 1] - c[2 * i + 1] * v[2 * i];
            return new double[] {inverse * l};
        }

        @Override
        public void correction(double[] out) {
            for (int i = 0; i < c.length; i++) out[i] = -inverse * c[i];
        }

        @Override
        public double[] inertiaEigenvalues() {
            return new double[] {inertia};
        }

        @Override
        public double logDetInertia() {
            double delta = relativeDelta * inertia;
            return 0.5 * Math.log(inertia * inertia + delta * delta);
        }

        @Override
        public double traceOfProjection() {
            return c.length - 2 - inertia * inverse;
        }
    }
}
