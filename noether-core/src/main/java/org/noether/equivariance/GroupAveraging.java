package org.noether.equivariance;

import java.util.List;
import org.noether.group.FiniteGroup;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;

/**
 * Group averaging (the Reynolds operator) of linear maps: W -> (1/|G|) sum_g rho_out(g) W rho_in(g)^-1. The result is
 * equivariant for any W, and W is unchanged when it already is; this is the projection onto the space of
 * equivariant maps (orthogonal in the Frobenius inner product when the representations are orthogonal).
 *
 * <pre>{@code
 * double[] w = ...;                                   // dOut x dIn, row-major
 * double[] avg = GroupAveraging.average(d4, rhoIn, rhoOut, w);
 * double err = GroupAveraging.equivarianceError(d4, rhoIn, rhoOut, avg);   // ~1e-16
 * }</pre>
 */
public final class GroupAveraging {
    private GroupAveraging() {}

    /** (1/|G|) sum_g rho_out(g) W rho_in(g^-1), W of shape dOut x dIn (row-major). */
    public static <G> double[] average(
            FiniteGroup<G> group, Representation<G> rhoIn, Representation<G> rhoOut, double[] w) {
        int din = rhoIn.dimension(), dout = rhoOut.dimension();
        check(rhoIn, rhoOut, w);
        double[] sum = new double[dout * din];
        List<G> els = group.elements();
        for (G g : els) {
            double[] ro = rhoOut.matrix(g);
            double[] ri = rhoIn.matrix(group.inverse(g));
            double[] t = Dense.multiply(Dense.multiply(ro, w, dout, dout, din), ri, dout, din, din);
            for (int i = 0; i < sum.length; i++) sum[i] += t[i];
        }
        return Dense.scale(sum, 1.0 / els.size());
    }

    /**
     * Relative equivariance error of a linear map: max over g of |rho_out(g) W - W rho_in(g)|_F / |W|_F (0 for the
     * zero map). Every element is checked.
     */
    public static <G> double equivarianceError(
            FiniteGroup<G> group, Representation<G> rhoIn, Representation<G> rhoOut, double[] w) {
        return equivarianceError(group, rhoIn, rhoOut, w, Dense.norm(w));
    }

    /**
     * As {@link #equivarianceError(FiniteGroup, Representation, Representation, double[])} but relative to a given
     * scale, e.g. the norm of the map before averaging (an averaged map can be nearly zero when no equivariant map
     * exists, and its error relative to itself is then meaningless).
     */
    public static <G> double equivarianceError(
            FiniteGroup<G> group, Representation<G> rhoIn, Representation<G> rhoOut, double[] w, double scale) {
        int din = rhoIn.dimension(), dout = rhoOut.dimension();
        check(rhoIn, rhoOut, w);
        double norm = scale;
        if (norm == 0) return 0;
        double max = 0;
        for (G g : group.elements()) {
            double[] lhs = Dense.multiply(rhoOut.matrix(g), w, dout, dout, din);
            double[] rhs = Dense.multiply(w, rhoIn.matrix(g), dout, din, din);
            max = Math.max(max, Dense.norm(Dense.subtract(lhs, rhs)) / norm);
        }
        return max;
    }

    private static void check(Representation<?> rhoIn, Representation<?> rhoOut, double[] w) {
        int expected = rhoIn.dimension() * rhoOut.dimension();
        if (w.length != expected)
            throw new IllegalArgumentException(
                    "a map from " + rhoIn.name() + " (dim " + rhoIn.dimension() + ") to " + rhoOut.name() + " (dim "
                            + rhoOut.dimension() + ") needs " + expected + " entries, got " + w.length);
    }
}
