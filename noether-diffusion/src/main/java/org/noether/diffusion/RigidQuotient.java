package org.noether.diffusion;

/**
 * The geometry of point clouds modulo rigid motions: clouds of N points in R^d (d = 3 with SE(3), or d = 2 with
 * SE(2) for the planar picture) as the total space of the quotient {@code R^{dN}_0 / SO(d)}, following
 * "Quotient-Space Diffusion Models" (ICLR 2026).
 *
 * <p>Clouds and tangent vectors are flat arrays {@code [x0, y0, (z0,) x1, y1, ...]} of length {@code d N}. At a cloud
 * x with centred coordinates {@code c_n = x_n - mean(x)}:
 * <ul>
 * <li>the inertia tensor is {@code K = sum_n (|c_n|^2 I - c_n c_n^T)} (in the plane the scalar {@code sum |c_n|^2});
 * <li>the horizontal projection removes the mean of v and then the rigid rotation with angular velocity
 *     {@code omega = K^-1 sum_n c_n x v_n}: {@code P_x(v)_n = v_n - mean(v) - omega x c_n}. It is the orthogonal
 *     projection onto the vectors with zero linear and zero angular momentum;
 * <li>the correction field is {@code h(x) = -1/2 grad log det K}, i.e. {@code h_n = (K^-1 - tr(K^-1) I) c_n} in
 *     space and {@code h_n = -c_n / K} in the plane. It satisfies {@code sum_n c_n . h_n = -3} (space) and
 *     {@code -1} (plane) at every non-degenerate cloud.
 * </ul>
 * The lifted dynamics of the quotient sampler are (Ito) {@code dx = (P_x f - (s^2/2) h) dt + s P_x dW}; see
 * {@link HorizontalBrownianMotion} for why the minus sign is the right one.
 *
 * <p>Near-degenerate clouds (collinear points in space, where one principal moment vanishes and the orbit is only
 * two-dimensional) use a regularized inverse: each eigenvalue {@code l} of K is inverted as
 * {@code l / (l^2 + delta^2)} with {@code delta = 1e-8 tr K}. For {@code l >> delta} this is {@code 1/l} to relative
 * order {@code (delta/l)^2}; for an exactly collinear cloud it is the pseudo-inverse, which gives the projection onto
 * the complement of the two-dimensional orbit and the correction field of that stratum.
 *
 * <pre>{@code
 * RigidQuotient q = RigidQuotient.SE3;
 * double[] x = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};     // four points
 * double[] v = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};     // a velocity of the first point
 * RigidQuotient.Local at = q.at(x);                        // inertia tensor and its eigenbasis, computed once
 * double[] horizontal = at.project(v);                     // P_x v
 * double[] h = at.correction();                            // -1/2 grad log det K
 * }</pre>
 */
public interface RigidQuotient {

    /** Point clouds in space modulo SE(3). */
    RigidQuotient SE3 = new SpatialQuotient(1e-8);

    /** Point clouds in the plane modulo SE(2). */
    RigidQuotient SE2 = new PlanarQuotient(1e-8);

    /** The quotient geometry for clouds in R^d, d = 2 or 3. */
    static RigidQuotient of(int dimension) {
        return switch (dimension) {
            case 2 -> SE2;
            case 3 -> SE3;
            default ->
                throw new IllegalArgumentException("rigid quotients are implemented for point clouds in the plane "
                        + "(dimension 2, SE(2)) and in space (dimension 3, SE(3)); got dimension " + dimension);
        };
    }

    /** The dimension d of the ambient space of each point (2 or 3). */
    int dimension();

    /** The dimension of the rotation group: 1 in the plane, 3 in space. */
    default int rotationDimension() {
        return dimension() == 2 ? 1 : 3;
    }

    /** "SE(2)" or "SE(3)". */
    String name();

    /** Precomputes the inertia tensor of {@code x} and its regularized inverse; see the class example. */
    Local at(double[] x);

    /** {@code P_x(v)}, the horizontal projection; see {@link Local#project(double[], double[])}. */
    default double[] project(double[] x, double[] v) {
        return at(x).project(v);
    }

    /** {@code h(x) = -1/2 grad log det K(x)}; see {@link Local#correction(double[])}. */
    default double[] correction(double[] x) {
        return at(x).correction();
    }

    /** The number of points of a flat cloud, checking that its length is a multiple of the dimension. */
    default int points(double[] x) {
        int d = dimension();
        if (x.length % d != 0) {
            throw new IllegalArgumentException(
                    "a flat cloud in R^" + d + " needs a multiple of " + d + " coordinates, got " + x.length);
        }
        return x.length / d;
    }

    /** A copy of {@code x} with its centre of mass moved to the origin. */
    default double[] centred(double[] x) {
        double[] c = x.clone();
        centre(c);
        return c;
    }

    /** Moves the centre of mass of {@code x} to the origin, in place. */
    default void centre(double[] x) {
        int d = dimension(), n = points(x);
        for (int k = 0; k < d; k++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += x[d * i + k];
            m /= n;
            for (int i = 0; i < n; i++) x[d * i + k] -= m;
        }
    }

    /**
     * The geometry at one cloud: the inertia tensor, its eigen-decomposition and the regularized inverse, computed
     * once and reused by every projection and correction at that cloud. Not thread-safe; cheap to create.
     */
    interface Local {

        /** The cloud this was computed at (not copied; do not modify while in use). */
        double[] point();

        /**
         * Recomputes everything at {@code x} (which this object keeps a reference to), reusing the storage when the
         * size is unchanged, so that samplers allocate nothing per step.
         */
        Local moveTo(double[] x);

        /** Writes {@code P_x(v)} into {@code out} (which may be {@code v} itself). */
        void project(double[] v, double[] out);

        /** {@code P_x(v)} in a new array. */
        default double[] project(double[] v) {
            double[] out = new double[v.length];
            project(v, out);
            return out;
        }

        /** The angular velocity {@code K^-1 sum_n c_n x v_n} of the rigid rotation that best explains v: 3 entries
         *  in space, 1 in the plane. */
        double[] angularVelocity(double[] v);

        /** Writes {@code h(x) = -1/2 grad log det K} into {@code out}. */
        void correction(double[] out);

        /** {@code h(x)} in a new array. */
        default double[] correction() {
            double[] out = new double[point().length];
            correction(out);
            return out;
        }

        /** The eigenvalues of K in descending order (one entry in the plane). */
        double[] inertiaEigenvalues();

        /** {@code log det K}, with the regularized eigenvalues. */
        double logDetInertia();

        /**
         * The trace of {@code P_x} as a map on R^{dN}, from the regularized inverse: {@code dN - d - 3} in space and
         * {@code dN - d - 1} in the plane at non-degenerate clouds, {@code 3N - 5} at collinear clouds in space.
         */
        double traceOfProjection();
    }
}
