package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * O(2), rotations and reflections of the plane, or with {@code reflections = false} SO(2). One Lie-algebra generator
 * [[0, -1], [1, 0]]; O(2) adds the reflection across the x-axis as a discrete generator. Haar sampling: uniform angle
 * (and a fair coin for the reflection).
 */
public final class O2 implements Group<O2Element> {
    private static final double[] GENERATOR = {0, -1, 1, 0};
    private final boolean reflections;

    private O2(boolean reflections) {
        this.reflections = reflections;
    }

    public static final O2 SO2 = new O2(false);
    public static final O2 O2 = new O2(true);

    public boolean hasReflections() {
        return reflections;
    }

    @Override
    public String name() {
        return reflections ? "O2" : "SO2";
    }

    @Override
    public O2Element identity() {
        return new O2Element(0, false);
    }

    @Override
    public O2Element compose(O2Element a, O2Element b) {
        return a.times(b);
    }

    @Override
    public O2Element inverse(O2Element g) {
        return g.inverse();
    }

    @Override
    public boolean equal(O2Element a, O2Element b) {
        if (a.reflection() != b.reflection()) return false;
        double d = Math.abs(a.angle() - b.angle());
        return Math.min(d, 2 * Math.PI - d) < 1e-9;
    }

    @Override
    public Object key(O2Element g) {
        long k = Math.round(g.angle() * 1e8);
        if (k == Math.round(2 * Math.PI * 1e8)) k = 0;
        return List.of(k, g.reflection());
    }

    @Override
    public List<O2Element> discreteGenerators() {
        return reflections ? List.of(new O2Element(0, true)) : List.of();
    }

    @Override
    public int lieAlgebraDimension() {
        return 1;
    }

    @Override
    public int definingDimension() {
        return 2;
    }

    @Override
    public double[] lieAlgebraGenerator(int k) {
        if (k != 0) throw new IndexOutOfBoundsException("SO(2) has one Lie-algebra generator, asked for " + k);
        return GENERATOR.clone();
    }

    @Override
    public O2Element sample(RandomGenerator random) {
        return new O2Element(random.nextDouble() * 2 * Math.PI, reflections && random.nextBoolean());
    }

    @Override
    public String toString() {
        return name();
    }

    /** The 2x2 rotation (and reflection) matrices: frequency 1. */
    @Override
    public Optional<Representation<O2Element>> defining() {
        return planar(1);
    }

    /** -1 on reflections; SO(2) has none. */
    @Override
    public Optional<Representation<O2Element>> sign() {
        if (!reflections) return Optional.empty();
        return Optional.of(Representations.character(this, "sign", (O2Element g) -> g.reflection() ? -1 : 1));
    }

    /** Rotation by t acts as the rotation by k t, reflections as diag(1, -1) first; irreducible for k >= 1. */
    @Override
    public Optional<Representation<O2Element>> planar(int k) {
        if (k < 1) return Optional.empty();
        return Optional.of(Representations.functional(
                this,
                k == 1 ? "V" : "F" + k,
                2,
                g -> Representations.planarMatrix(k * g.angle(), g.reflection()),
                i -> new double[] {0, -k, k, 0},
                true));
    }

    /** Sign (O(2)) and the frequencies 1 to 3. */
    @Override
    public List<Representation<O2Element>> catalogRepresentations() {
        List<Representation<O2Element>> out = new ArrayList<>();
        sign().ifPresent(out::add);
        for (int k = 1; k <= 3; k++) out.add(planar(k).orElseThrow());
        return out;
    }
}
