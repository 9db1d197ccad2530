package org.noether.equivariance.basis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.group.FiniteGroup;
import org.noether.representation.Representation;

/**
 * Exact solver for finite groups by group averaging: the Reynolds operator
 * {@code R(W) = (1/|G|) sum_g rho_out(g) W rho_in(g^-1)} is the orthogonal projector onto the equivariant maps (for
 * orthogonal representations; a projector onto them in any case). The dimension k is known beforehand from
 * characters, k = (1/|G|) sum_g tr rho_out(g) tr rho_in(g^-1), so projecting k + 4 random matrices and keeping the
 * top k directions of their span gives the basis. Costs |G| products per probe, which pays when |G| is small and the
 * representations are large and not signed permutations.
 */
final class ReynoldsSolver {
    private ReynoldsSolver() {}

    static <G> List<double[]> solve(FiniteGroup<G> group, Representation<G> in, Representation<G> out, long seed) {
        int m = out.dimension(), n = in.dimension(), size = m * n;
        List<G> elements = group.elements();
        double chi = 0;
        for (G g : elements) chi += trace(out.matrix(g), m) * trace(in.matrix(group.inverse(g)), n);
        int k = (int) Math.round(chi / elements.size());
        if (Math.abs(chi / elements.size() - k) > 1e-6 || k < 0)
            throw new ArithmeticException("character inner product " + chi / elements.size() + " of " + in.name()
                    + " and " + out.name() + " is not a whole number: the matrices are not representations of "
                    + group.name());
        if (k == 0) return List.of();
        int probes = Math.min(size, k + 4);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[probes][size];
        for (double[] v : w) for (int i = 0; i < size; i++) v[i] = random.nextGaussian();
        double[][] avg = new double[probes][size];
        double[] tmp = new double[size];
        for (G g : elements) {
            Csr a = new Csr(out.matrix(g), m);
            Csr b = new Csr(in.matrix(group.inverse(g)), n);
            for (int p = 0; p < probes; p++) {
                java.util.Arrays.fill(tmp, 0.0);
                a.leftMultiplyAdd(w[p], n, tmp, 1.0);
                b.rightMultiplyAdd(tmp, m, avg[p], 1.0);
            }
        }
        // The projected probes span the k-dimensional space; keep the k strongest orthonormal directions.
        List<double[]> span = new ArrayList<>();
        for (double[] v : avg) span.add(v);
        return Orthonormal.topDirections(span, k);
    }

    private static double trace(double[] a, int d) {
        double t = 0;
        for (int i = 0; i < d; i++) t += a[i * d + i];
        return t;
    }
}
