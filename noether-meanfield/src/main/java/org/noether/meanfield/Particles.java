package org.noether.meanfield;

import java.util.random.RandomGenerator;

/**
 * Initial particle clouds (flat n x dz arrays, row-major) with a prescribed symmetry: i.i.d. N(0, std^2) entries
 * (arbitrary), their projections onto E^G (strongly invariant), or n / |G| draws together with all their images
 * (weakly invariant, needs |G| to divide n).
 */
public final class Particles {
    private Particles() {}

    /**
     * @throws IllegalArgumentException for a weakly invariant cloud when |G| does not divide n
     */
    public static double[] initial(Invariance kind, Symmetry symmetry, int n, double std, RandomGenerator random) {
        int dz = symmetry.parameterDimension();
        return switch (kind) {
            case ARBITRARY -> gaussian(n, dz, std, random);
            case STRONGLY_INVARIANT -> symmetry.project(gaussian(n, dz, std, random), n);
            case WEAKLY_INVARIANT -> {
                if (n % symmetry.order() != 0)
                    throw new IllegalArgumentException("a weakly invariant cloud of " + n + " particles needs |G| = "
                            + symmetry.order() + " to divide it");
                int k = n / symmetry.order();
                yield symmetry.symmetrize(gaussian(k, dz, std, random), k);
            }
        };
    }

    /** n x dim i.i.d. N(0, std^2) entries. */
    public static double[] gaussian(int n, int dim, double std, RandomGenerator random) {
        double[] p = new double[n * dim];
        for (int i = 0; i < p.length; i++) p[i] = std * random.nextGaussian();
        return p;
    }

    /** n particles of a subspace: i.i.d. N(0, std^2) entries projected onto it. */
    public static double[] inSubspace(Subspace subspace, int n, double std, RandomGenerator random) {
        int d = subspace.ambientDimension();
        double[] p = gaussian(n, d, std, random);
        double[] scratch = new double[d];
        for (int i = 0; i < n; i++) subspace.project(p, i * d, p, i * d, scratch);
        return p;
    }

    /**
     * Copies particles {@code from .. from+n} of a row-major cloud ({@code rows[(from + i) * dz + p]}) into
     * coordinate-major order ({@code out[p * n + i]}), the layout of {@link BlockKernel}.
     */
    static void toCoordinateMajor(double[] rows, int from, int n, int dz, double[] out) {
        for (int i = 0; i < n; i++) for (int p = 0; p < dz; p++) out[p * n + i] = rows[(from + i) * dz + p];
    }

    /** The inverse of {@link #toCoordinateMajor}: writes n coordinate-major particles as rows from {@code from}. */
    static void toRowMajor(double[] byCoordinate, int n, int dz, double[] rows, int from) {
        for (int i = 0; i < n; i++) for (int p = 0; p < dz; p++) rows[(from + i) * dz + p] = byCoordinate[p * n + i];
    }
}
