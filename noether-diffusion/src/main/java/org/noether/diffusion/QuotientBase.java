package org.noether.diffusion;

/**
 * What the planar and spatial quotients share: their dimension, name and regularization strength; each supplies
 * the per-cloud {@link RigidQuotient.Local} that does the geometry.
 */
abstract class QuotientBase implements RigidQuotient {
    private final int dimension;
    private final String name;
    final double relativeDelta;

    QuotientBase(int dimension, String name, double relativeDelta) {
        this.dimension = dimension;
        this.name = name;
        this.relativeDelta = relativeDelta;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String toString() {
        return name;
    }
}
