package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.noether.group.Group;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/** The projector onto E^G, the fixed subspace, and the symmetrization of clouds. */
class SymmetryTest {

    @Test
    void fixedSubspaceDimensions() {
        assertEquals(2, Settings.PAPER.symmetry().fixedSubspace().dimension()); // {a I + b P}
        assertEquals(3, Settings.D4.symmetry().fixedSubspace().dimension()); // symmetric circulants
        assertEquals(2, Settings.CLASSIC_S3.symmetry().fixedSubspace().dimension()); // w = c 1, a free
        assertEquals(
                3,
                MeanFieldSetting.dihedralMatrices(5).symmetry().fixedSubspace().dimension());
        assertEquals(
                4,
                MeanFieldSetting.dihedralMatrices(6).symmetry().fixedSubspace().dimension());
    }

    @Test
    void paperFixedSubspaceIsSpannedByIdentityAndSwap() {
        Subspace expected = Subspace.span(4, new double[] {1, 0, 0, 1}, new double[] {0, 1, 1, 0});
        assertTrue(Settings.PAPER.symmetry().fixedSubspace().distance(expected) < 1e-12);
    }

    @Property(tries = 20)
    void projectorIsAnOrthogonalIdempotentOntoTheFixedSubspace(@ForAll @IntRange(max = 2) int which) {
        Symmetry sym = Settings.all().get(which).symmetry();
        int d = sym.parameterDimension();
        double[] p = sym.projector();
        assertTrue(Dense.maxAbsDifference(Dense.multiply(p, p, d), p) < 1e-13, "idempotent");
        assertTrue(Dense.maxAbsDifference(Dense.transpose(p, d), p) < 1e-15, "symmetric");
        assertTrue(Dense.maxAbsDifference(sym.fixedSubspace().projector(), p) < 1e-12, "range is E^G");
        for (int g = 0; g < sym.order(); g++)
            assertTrue(Dense.maxAbsDifference(Dense.multiply(sym.parameterMatrix(g), p, d), p) < 1e-13, "M_g P = P");
    }

    @Property(tries = 50)
    void projectedParticlesAreFixedAndResidualsOrthogonal(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(max = 2) int which) {
        Symmetry sym = Settings.all().get(which).symmetry();
        int d = sym.parameterDimension();
        double[] z = Particles.gaussian(1, d, 2, new SplittableRandom(seed));
        double[] pz = sym.project(z, 1);
        double[] moved = new double[d];
        for (int g = 0; g < sym.order(); g++) {
            sym.actOnParameters(g, pz, 0, moved, 0);
            assertArrayEquals(pz, moved, 1e-12);
        }
        assertArrayEquals(pz, sym.project(pz, 1), 1e-12);
        Subspace e = sym.fixedSubspace();
        double[] residual = Dense.subtract(z, pz);
        for (int b = 0; b < e.dimension(); b++) assertEquals(0, Subspace.dot(e.basisVector(b), residual), 1e-12);
    }

    @Test
    void symmetrizedCloudIsClosedUnderTheGroup() {
        Symmetry sym = Settings.D4.symmetry();
        int n = 3, d = sym.parameterDimension();
        double[] cloud = sym.symmetrize(Particles.gaussian(n, d, 1, new SplittableRandom(2)), n);
        double[] moved = new double[d];
        for (int g = 0; g < sym.order(); g++)
            for (int i = 0; i < n * sym.order(); i++) {
                sym.actOnParameters(g, cloud, i * d, moved, 0);
                boolean found = false;
                for (int j = 0; j < n * sym.order() && !found; j++) {
                    double diff = 0;
                    for (int p = 0; p < d; p++) diff = Math.max(diff, Math.abs(moved[p] - cloud[j * d + p]));
                    found = diff < 1e-12;
                }
                assertTrue(found, "image of particle " + i + " under element " + g);
            }
    }

    @Test
    void weaklyInvariantTeacherHasAllImagesAndStronglyInvariantOneLiesInEG() {
        Symmetry sym = Settings.PAPER.symmetry();
        Teacher wi = Settings.PAPER.teacher(Invariance.WEAKLY_INVARIANT);
        Teacher si = Settings.PAPER.teacher(Invariance.STRONGLY_INVARIANT);
        assertEquals(10, wi.count());
        assertEquals(5, si.count());
        for (int i = 0; i < si.count(); i++) assertTrue(sym.fixedSubspace().distanceTo(si.particles(), 4 * i) < 1e-15);
        // none of the arbitrary teacher's particles is fixed by the swap
        Teacher arbitrary = Settings.PAPER.teacher(Invariance.ARBITRARY);
        for (int i = 0; i < 5; i++) assertTrue(sym.fixedSubspace().distanceTo(arbitrary.particles(), 4 * i) > 0.1);
    }

    @Test
    void nonOrthogonalActionIsRejected() {
        SymmetricGroup s2 = new SymmetricGroup(2);
        Representation<Permutation> trivial = Representations.trivial(s2);
        Representation<Permutation> scaling = new Representation<>() { // the swap acts by 2: not orthogonal
                    @Override
                    public Group<Permutation> group() {
                        return s2;
                    }

                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public String name() {
                        return "scaling";
                    }

                    @Override
                    public double[] matrix(Permutation g) {
                        return new double[] {g.equals(s2.identity()) ? 1 : 2};
                    }

                    @Override
                    public double[] lieAlgebra(int k) {
                        throw new UnsupportedOperationException("finite group");
                    }
                };
        var e = assertThrows(IllegalArgumentException.class, () -> Symmetry.of(s2, trivial, trivial, scaling));
        assertTrue(e.getMessage().contains("not orthogonal"), e.getMessage());
    }

    /** The core's fixed-point projector against the group average (1/|G|) sum_g M_g, computed independently here. */
    @Test
    void projectorEqualsTheGroupAverage() {
        for (MeanFieldSetting s : Settings.all()) {
            Symmetry sym = s.symmetry();
            int d = sym.parameterDimension();
            double[] average = new double[d * d];
            for (int g = 0; g < sym.order(); g++) {
                double[] m = sym.parameterMatrix(g);
                for (int i = 0; i < m.length; i++) average[i] += m[i] / sym.order();
            }
            assertTrue(Dense.maxAbsDifference(average, sym.projector()) < 1e-14, s.name());
            assertTrue(Dense.maxAbsDifference(average, sym.fixedSubspace().projector()) < 1e-14, s.name());
        }
    }

    @Test
    void weaklyInvariantInitializationNeedsTheOrderToDivideN() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Particles.initial(
                        Invariance.WEAKLY_INVARIANT, Settings.PAPER.symmetry(), 5, 1, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("divide"), e.getMessage());
    }
}
