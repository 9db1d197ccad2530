package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * E(3), rigid motions with reflections, or with {@code reflections = false} SE(3). Not compact: {@link #sample}
 * draws the rotation part Haar-uniformly (as {@link O3}) and the translation from a standard normal in each
 * coordinate, scaled by {@link #translationScale()}. Lie algebra: three rotation then three translation generators,
 * as 4x4 matrices in homogeneous coordinates.
 */
public final class E3 implements Group<RigidMotion> {
    private final boolean reflections;
    private final double translationScale;

    private E3(boolean reflections, double translationScale) {
        this.reflections = reflections;
        this.translationScale = translationScale;
    }

    public static final E3 SE3 = new E3(false, 1.0);
    public static final E3 E3 = new E3(true, 1.0);

    /** The same group with another scale for sampled translations. */
    public E3 withTranslationScale(double scale) {
        return new E3(reflections, scale);
    }

    public double translationScale() {
        return translationScale;
    }

    /** The rotation part, SO(3) or O(3). */
    public O3 rotations() {
        return reflections ? O3.O3 : O3.SO3;
    }

    @Override
    public String name() {
        return reflections ? "E3" : "SE3";
    }

    @Override
    public RigidMotion identity() {
        return new RigidMotion(Orthogonal3.identity(), new double[3]);
    }

    @Override
    public RigidMotion compose(RigidMotion a, RigidMotion b) {
        return a.times(b);
    }

    @Override
    public RigidMotion inverse(RigidMotion g) {
        return g.inverse();
    }

    @Override
    public boolean equal(RigidMotion a, RigidMotion b) {
        return rotations().equal(a.rotation(), b.rotation())
                && org.noether.linalg.Dense.maxAbsDifference(a.translation(), b.translation()) < 1e-9;
    }

    @Override
    public Object key(RigidMotion g) {
        List<Object> k = new ArrayList<>();
        k.add(rotations().key(g.rotation()));
        for (double v : g.translation()) k.add(Math.round(v * 1e8));
        return k;
    }

    @Override
    public List<RigidMotion> discreteGenerators() {
        return reflections ? List.of(new RigidMotion(Orthogonal3.identity().negate(), new double[3])) : List.of();
    }

    @Override
    public int lieAlgebraDimension() {
        return 6;
    }

    @Override
    public int definingDimension() {
        return 4;
    }

    @Override
    public double[] lieAlgebraGenerator(int k) {
        if (k < 0 || k > 5) throw new IndexOutOfBoundsException("SE(3) has 6 Lie-algebra generators, asked for " + k);
        double[] h = new double[16];
        if (k < 3) {
            double[] l = O3.generator(k);
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) h[4 * i + j] = l[3 * i + j];
        } else {
            h[4 * (k - 3) + 3] = 1;
        }
        return h;
    }

    @Override
    public RigidMotion sample(RandomGenerator random) {
        double[] t = {
            random.nextGaussian() * translationScale,
            random.nextGaussian() * translationScale,
            random.nextGaussian() * translationScale
        };
        return new RigidMotion(rotations().sample(random), t);
    }

    @Override
    public boolean isCompact() {
        return false;
    }

    @Override
    public String toString() {
        return name();
    }

    /** The rotation part's 3x3 matrices; translations act trivially. */
    @Override
    public Optional<Representation<RigidMotion>> defining() {
        return Optional.of(Representations.rotationPart(this, Representations.defining(rotations())));
    }

    /** The determinant of the rotation part; SE(3) has no sign. */
    @Override
    public Optional<Representation<RigidMotion>> sign() {
        if (!reflections) return Optional.empty();
        return Optional.of(Representations.character(
                this, "det", (RigidMotion g) -> Math.signum(g.rotation().determinant())));
    }

    /** The rotation part's Wigner-D representation. */
    @Override
    public Optional<Representation<RigidMotion>> wignerD(int l, int parity) {
        return Optional.of(Representations.rotationPart(this, Representations.wignerD(rotations(), l, parity)));
    }

    @Override
    public Optional<Representation<RigidMotion>> affine() {
        return Optional.of(Representations.affine(this));
    }

    /** Sign (E(3)), defining, the rotation part's degree-2 Wigner-D and the affine representation. */
    @Override
    public List<Representation<RigidMotion>> catalogRepresentations() {
        List<Representation<RigidMotion>> out = new ArrayList<>();
        sign().ifPresent(out::add);
        out.add(defining().orElseThrow());
        out.add(Representations.rotationPart(this, Representations.wignerD(rotations(), 2)));
        out.add(Representations.affine(this));
        return out;
    }
}
