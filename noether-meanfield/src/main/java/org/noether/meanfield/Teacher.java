package org.noether.meanfield;

/**
 * The target network of the teacher-student setting: f_*(x) = (1/M) sum_j sigma_*(x; theta*_j) with a fixed cloud of
 * M particles, whose symmetry decides whether the data are symmetric: a weakly or strongly invariant teacher gives
 * G-equivariant labels, an arbitrary one does not.
 *
 * @param kind how the particles were built
 * @param particles M x dz, row-major
 * @param count M
 */
public record Teacher(Invariance kind, double[] particles, int count) {

    /**
     * A teacher from base particles: as given (arbitrary), closed under the group (WI: the base and all its images,
     * M = |G| x base count) or projected onto E^G (SI).
     */
    public static Teacher of(Invariance kind, Symmetry symmetry, double[] base, int baseCount) {
        if (base.length != baseCount * symmetry.parameterDimension())
            throw new IllegalArgumentException("base has " + base.length + " values, expected " + baseCount + " x "
                    + symmetry.parameterDimension());
        return switch (kind) {
            case ARBITRARY -> new Teacher(kind, base.clone(), baseCount);
            case WEAKLY_INVARIANT ->
                new Teacher(kind, symmetry.symmetrize(base, baseCount), baseCount * symmetry.order());
            case STRONGLY_INVARIANT -> new Teacher(kind, symmetry.project(base, baseCount), baseCount);
        };
    }
}
