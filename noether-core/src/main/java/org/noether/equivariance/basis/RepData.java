package org.noether.equivariance.basis;

import java.util.Arrays;
import java.util.List;
import org.noether.group.Group;
import org.noether.representation.Representation;

/**
 * What the solver needs of one representation: its matrices at the discrete generators and on the Lie algebra
 * (dense, computed once), or the same generators as signed permutations when they are such. Also the content key
 * under which solved blocks are cached.
 */
final class RepData<G> {
    final Representation<G> rep;
    final int dim;
    private final List<G> generators;
    private final int lieDim;

    private boolean permsDone;
    private SignedPermutation[] perms;
    private double[][] discrete;
    private double[][] lie;
    private Key key;
    private org.noether.representation.IrrepDecomposition<G> decomposition;

    RepData(Representation<G> rep, List<G> generators) {
        this.rep = rep;
        this.dim = rep.dimension();
        this.generators = generators;
        this.lieDim = rep.group().lieAlgebraDimension();
    }

    int generatorCount() {
        return generators.size();
    }

    int lieDimension() {
        return lieDim;
    }

    /** The discrete generators as signed permutations, or null when one of them is not. */
    SignedPermutation[] permutations() {
        if (!permsDone) {
            SignedPermutation[] p = new SignedPermutation[generators.size()];
            for (int h = 0; h < p.length; h++) {
                p[h] = SignedPermutation.of(rep, generators.get(h));
                if (p[h] == null) {
                    p = null;
                    break;
                }
            }
            perms = p;
            permsDone = true;
        }
        return perms;
    }

    /** The decomposition into irreducibles, computed once (SO(3), O(3), SO(2), O(2) only). */
    org.noether.representation.IrrepDecomposition<G> decomposition() {
        if (decomposition == null) decomposition = org.noether.representation.IrrepDecomposition.of(rep);
        return decomposition;
    }

    /**
     * Refuses, in one line, to store {@code count} dense dim x dim matrices when they would take more than half the
     * heap (V^10 of SO(3) is 59049-dimensional: one generator alone would be 28 GB).
     */
    void checkDense(int count) {
        double bytes = 8.0 * count * dim * (double) dim;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2.0)
            throw new org.noether.experiment.NoetherUserException(String.format(
                    java.util.Locale.ROOT,
                    "'%s' of %s is %d-dimensional: its %d generator matrices would take %.1f GB, more than half the "
                            + "heap (%.1f GB)",
                    rep.name(),
                    rep.group().name(),
                    dim,
                    count,
                    bytes / 1e9,
                    heap / 1e9));
    }

    double[] discrete(int h) {
        if (discrete == null) {
            checkDense(generators.size());
            double[][] d = new double[generators.size()][];
            for (int i = 0; i < d.length; i++) d[i] = rep.matrix(generators.get(i));
            discrete = d;
        }
        return discrete[h];
    }

    double[] lie(int k) {
        if (lie == null) {
            checkDense(lieDim);
            double[][] l = new double[lieDim][];
            for (int i = 0; i < lieDim; i++) l[i] = rep.lieAlgebra(i);
            lie = l;
        }
        return lie[k];
    }

    boolean lieVanishes() {
        for (int k = 0; k < lieDim; k++) for (double v : lie(k)) if (v != 0) return false;
        return true;
    }

    /** True when the orbit strategy applies: every constraint permutes coordinates up to sign. */
    boolean monomial() {
        return permutations() != null && lieVanishes();
    }

    /**
     * A key with value semantics built from the constraint data itself (not the name, not the object): two
     * representations get equal keys exactly when their generator matrices agree, which is exactly when their
     * Hom-spaces coincide. Different groups or same-named but different representations therefore never collide.
     */
    Key key() {
        if (key == null) {
            Object[] parts;
            if (monomial()) {
                parts = new Object[2 + 2 * generators.size()];
                parts[0] = "signed-permutations";
                parts[1] = dim;
                for (int h = 0; h < generators.size(); h++) {
                    parts[2 + 2 * h] = perms[h].image;
                    parts[3 + 2 * h] = perms[h].negative;
                }
            } else {
                parts = new Object[2 + generators.size() + lieDim];
                parts[0] = "matrices";
                parts[1] = dim;
                for (int h = 0; h < generators.size(); h++) parts[2 + h] = normalized(discrete(h));
                for (int k = 0; k < lieDim; k++) parts[2 + generators.size() + k] = normalized(lie(k));
            }
            key = new Key(parts);
        }
        return key;
    }

    /** Approximate size of the key in doubles, to keep huge keys out of the shared cache. */
    long keySize() {
        if (monomial()) return (long) generators.size() * dim;
        return (long) (generators.size() + lieDim) * dim * dim;
    }

    /** -0.0 and 0.0 compare unequal in Arrays.equals; fold them so equal matrices give equal keys. */
    private static double[] normalized(double[] m) {
        double[] c = m.clone();
        for (int i = 0; i < c.length; i++) if (c[i] == 0) c[i] = 0.0;
        return c;
    }

    static final class Key {
        private final Object[] parts;
        private final int hash;

        Key(Object... parts) {
            this.parts = parts;
            this.hash = Arrays.deepHashCode(parts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.deepEquals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static <G> void checkSameGroup(Representation<G> a, Representation<G> b) {
        Group<G> ga = a.group(), gb = b.group();
        if (ga != gb && !ga.name().equals(gb.name()))
            throw new IllegalArgumentException("representations of different groups: '" + a.name() + "' of " + ga.name()
                    + " and '" + b.name() + "' of " + gb.name());
    }
}
