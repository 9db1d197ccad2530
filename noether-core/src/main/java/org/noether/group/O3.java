package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * O(3), or with {@code reflections = false} SO(3). Lie algebra basis L_x, L_y, L_z with (L_i)_jk = -epsilon_ijk, so
 * [L_x, L_y] = L_z; O(3) adds the inversion -I as a discrete generator. Haar sampling: a uniformly random unit
 * quaternion (four standard normals, normalized), times -I with probability 1/2 for O(3).
 */
public final class O3 implements Group<Orthogonal3> {
    private final boolean reflections;

    private O3(boolean reflections) {
        this.reflections = reflections;
    }

    public static final O3 SO3 = new O3(false);
    public static final O3 O3 = new O3(true);

    public boolean hasReflections() {
        return reflections;
    }

    @Override
    public String name() {
        return reflections ? "O3" : "SO3";
    }

    @Override
    public Orthogonal3 identity() {
        return Orthogonal3.identity();
    }

    @Override
    public Orthogonal3 compose(Orthogonal3 a, Orthogonal3 b) {
        return a.times(b);
    }

    @Override
    public Orthogonal3 inverse(Orthogonal3 g) {
        return g.transpose();
    }

    @Override
    public boolean equal(Orthogonal3 a, Orthogonal3 b) {
        return org.noether.linalg.Dense.maxAbsDifference(a.raw(), b.raw()) < 1e-9;
    }

    @Override
    public Object key(Orthogonal3 g) {
        List<Long> k = new ArrayList<>(9);
        for (double v : g.raw()) k.add(Math.round(v * 1e8));
        return k;
    }

    @Override
    public List<Orthogonal3> discreteGenerators() {
        return reflections ? List.of(Orthogonal3.identity().negate()) : List.of();
    }

    @Override
    public int lieAlgebraDimension() {
        return 3;
    }

    @Override
    public int definingDimension() {
        return 3;
    }

    /** (L_k)_ij = -epsilon_kij. */
    static double[] generator(int k) {
        double[] l = new double[9];
        int i = (k + 1) % 3, j = (k + 2) % 3;
        l[3 * i + j] = -1;
        l[3 * j + i] = 1;
        return l;
    }

    @Override
    public double[] lieAlgebraGenerator(int k) {
        if (k < 0 || k > 2) throw new IndexOutOfBoundsException("SO(3) has 3 Lie-algebra generators, asked for " + k);
        return generator(k);
    }

    @Override
    public Orthogonal3 sample(RandomGenerator random) {
        Orthogonal3 r = Orthogonal3.fromQuaternion(
                random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
        return reflections && random.nextBoolean() ? r.negate() : r;
    }

    /** Checks that {@code m} is orthogonal (and proper for SO(3)) and wraps it; a clear error otherwise. */
    public Orthogonal3 element(double[] m) {
        Orthogonal3 g = new Orthogonal3(m);
        double[] mtm = org.noether.linalg.Dense.multiply(g.transpose().raw(), g.raw(), 3);
        if (org.noether.linalg.Dense.maxAbsDifference(mtm, org.noether.linalg.Dense.identity(3)) > 1e-8)
            throw new IllegalArgumentException("not an orthogonal matrix: R^T R differs from I by more than 1e-8");
        if (!reflections && g.determinant() < 0)
            throw new IllegalArgumentException("not in SO(3): determinant is " + g.determinant());
        return g;
    }

    @Override
    public String toString() {
        return name();
    }

    /** The 3x3 matrices themselves. */
    @Override
    public Optional<Representation<Orthogonal3>> defining() {
        return Optional.of(
                Representations.functional(this, "V", 3, Orthogonal3::matrix, this::lieAlgebraGenerator, true));
    }

    /** The determinant; SO(3) has no sign. */
    @Override
    public Optional<Representation<Orthogonal3>> sign() {
        if (!reflections) return Optional.empty();
        return Optional.of(Representations.character(this, "det", (Orthogonal3 g) -> Math.signum(g.determinant())));
    }

    /** See {@link Representations#wignerD(O3, int, int)}; odd parity throws for SO(3). */
    @Override
    public Optional<Representation<Orthogonal3>> wignerD(int l, int parity) {
        return Optional.of(Representations.wignerD(this, l, parity));
    }

    /** Sign (O(3)), defining, Wigner-D of degrees 2 to 4 and (O(3)) the odd-parity degree 1. */
    @Override
    public List<Representation<Orthogonal3>> catalogRepresentations() {
        List<Representation<Orthogonal3>> out = new ArrayList<>();
        sign().ifPresent(out::add);
        out.add(defining().orElseThrow());
        for (int l = 2; l <= 4; l++) out.add(Representations.wignerD(this, l));
        if (reflections) out.add(Representations.wignerD(this, 1, 1));
        return out;
    }
}
