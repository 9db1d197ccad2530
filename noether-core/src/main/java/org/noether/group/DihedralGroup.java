package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * D_n, the 2n symmetries of a regular n-gon (n >= 1; D_1 is the flip group {e, s}), or with
 * {@code reflections = false} the cyclic group C_n of n rotations. Elements are listed rotations first:
 * e, r, ..., r^(n-1), then s, rs, ..., r^(n-1) s.
 */
public final class DihedralGroup extends AbstractFiniteGroup<DihedralElement> {
    private final int n;
    private final boolean reflections;

    private DihedralGroup(int n, boolean reflections) {
        if (n < 1) throw new IllegalArgumentException((reflections ? "D" : "C") + n + ": n must be >= 1");
        this.n = n;
        this.reflections = reflections;
    }

    /** The cyclic group C_n. */
    public static DihedralGroup cyclic(int n) {
        return new DihedralGroup(n, false);
    }

    /** The dihedral group D_n of order 2n. */
    public static DihedralGroup dihedral(int n) {
        return new DihedralGroup(n, true);
    }

    /** n, the number of rotations. */
    public int rotations() {
        return n;
    }

    public boolean hasReflections() {
        return reflections;
    }

    @Override
    public String name() {
        return (reflections ? "D" : "C") + n;
    }

    @Override
    public DihedralElement identity() {
        return new DihedralElement(n, 0, false);
    }

    @Override
    public DihedralElement compose(DihedralElement a, DihedralElement b) {
        return a.times(b);
    }

    @Override
    public DihedralElement inverse(DihedralElement g) {
        return g.inverse();
    }

    /** r^k. */
    public DihedralElement rotation(int k) {
        return new DihedralElement(n, k, false);
    }

    /** r^k s. */
    public DihedralElement reflection(int k) {
        if (!reflections) throw new IllegalArgumentException(name() + " has no reflections");
        return new DihedralElement(n, k, true);
    }

    @Override
    public List<DihedralElement> discreteGenerators() {
        List<DihedralElement> g = new ArrayList<>();
        if (n > 1) g.add(rotation(1));
        if (reflections) g.add(reflection(0));
        return g;
    }

    @Override
    protected List<DihedralElement> enumerate() {
        List<DihedralElement> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(rotation(k));
        if (reflections) for (int k = 0; k < n; k++) out.add(reflection(k));
        return out;
    }

    @Override
    public Object key(DihedralElement g) {
        if (g.n() != n || (g.reflection() && !reflections))
            throw new IllegalArgumentException("not an element of " + name() + ": " + g + " (n=" + g.n() + ")");
        return g;
    }

    /** 2n, or n for C_n. */
    @Override
    public OptionalLong orderWithoutEnumerating() {
        return OptionalLong.of(reflections ? 2L * n : n);
    }

    /** The 2x2 rotation (and reflection) matrices: frequency 1. */
    @Override
    public Optional<Representation<DihedralElement>> defining() {
        return planar(1);
    }

    /** -1 on reflections; C_n has none. */
    @Override
    public Optional<Representation<DihedralElement>> sign() {
        if (!reflections) return Optional.empty();
        return Optional.of(Representations.character(this, "sign", (DihedralElement g) -> g.reflection() ? -1 : 1));
    }

    /** The n vertices of the regular polygon, permuted. */
    @Override
    public Optional<Representation<DihedralElement>> permutation() {
        return Optional.of(Representations.vertices(this));
    }

    /** r^j acts as the rotation by k 2 pi j / n, reflections as diag(1, -1) first; irreducible when 0 &lt; k &lt; n / 2. */
    @Override
    public Optional<Representation<DihedralElement>> planar(int k) {
        if (k < 1) return Optional.empty();
        return Optional.of(Representations.functional(
                this,
                k == 1 ? "V" : "F" + k,
                2,
                g -> Representations.planarMatrix(k * g.angle(), g.reflection()),
                Representations::noLieAlgebra,
                true));
    }

    /** Sign (D_n), defining, vertices (n >= 3) and the frequencies 2 &lt;= k &lt; n / 2. */
    @Override
    public List<Representation<DihedralElement>> catalogRepresentations() {
        List<Representation<DihedralElement>> out = new ArrayList<>();
        sign().ifPresent(out::add);
        out.add(defining().orElseThrow());
        if (n >= 3) out.add(Representations.vertices(this));
        for (int k = 2; 2 * k < n; k++) out.add(planar(k).orElseThrow());
        return out;
    }
}
