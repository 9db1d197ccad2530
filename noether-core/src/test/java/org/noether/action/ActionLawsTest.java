package org.noether.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.noether.equivariance.Equivariance;
import org.noether.group.DihedralGroup;
import org.noether.group.E3;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Catalog;

/** Action axioms g.(h.x) = (gh).x and e.x = x. Exact actions: tolerance 1e-12 relative; resampling: stated below. */
class ActionLawsTest {

    static Image randomImage(SplittableRandom r, int h, int w, int c) {
        float[] d = new float[h * w * c];
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextDouble();
        return new Image(h, w, c, d);
    }

    static PointCloud randomCloud(SplittableRandom r, int n) {
        double[] x = new double[3 * n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return new PointCloud(n, x);
    }

    @Property(tries = 60)
    void exactImageActionsSatisfyTheAxioms(@ForAll @IntRange(min = 1, max = 9) int size, @ForAll long seed) {
        var r = new SplittableRandom(seed);
        for (var g : List.of(
                DihedralGroup.cyclic(4),
                DihedralGroup.dihedral(4),
                DihedralGroup.cyclic(2),
                DihedralGroup.dihedral(1),
                DihedralGroup.dihedral(2))) {
            var action = ImageActions.exact(g);
            double e = Equivariance.actionAxiomError(action, List.of(randomImage(r, size, size, 2)), 8, r);
            assertEquals(0.0, e, 0.0, g.name() + " on " + size + "x" + size);
        }
    }

    @Test
    void quarterTurnMovesTheTopRowToTheLeftColumn() {
        // counter-clockwise as displayed: the top-right pixel goes to the top-left
        var img = new Image(2, 2, 1, new float[] {1, 2, 3, 4});
        var r = ImageActions.exact(DihedralGroup.cyclic(4))
                .act(DihedralGroup.cyclic(4).rotation(1), img);
        assertEquals(new Image(2, 2, 1, new float[] {2, 4, 1, 3}), r);
        var s = ImageActions.exact(DihedralGroup.dihedral(4))
                .act(DihedralGroup.dihedral(4).reflection(0), img);
        assertEquals(new Image(2, 2, 1, new float[] {3, 4, 1, 2}), s); // upside down
    }

    @Test
    void exactActionRefusesGroupsThatDoNotFitTheGrid() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageActions.exact(DihedralGroup.cyclic(8)));
        assertTrue(e.getMessage().contains("resampled"), e.getMessage());
    }

    @Test
    void resampledRotationAgreesWithExactOnQuarterTurnsAndIsApproximatelyAnAction() {
        var r = new SplittableRandom(4);
        // a smooth blob far from the border, so interpolation and cropping errors stay small
        int n = 33;
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double x = j - 16 - 3, y = 16 - i - 2;
                d[i * n + j] = (float) Math.exp(-(x * x + y * y) / 18.0);
            }
        Image blob = new Image(n, n, 1, d);
        var c4 = DihedralGroup.cyclic(4);
        var approx = ImageActions.resampled(c4);
        var exact = ImageActions.exact(c4);
        assertTrue(approx.distance(approx.act(c4.rotation(1), blob), exact.act(c4.rotation(1), blob)) < 1e-5);
        assertTrue(!ImageActions.resampled(O2.SO2).isExact());
        // Any angle: axioms hold approximately; stated tolerance 5% relative for a smooth image.
        double e = Equivariance.actionAxiomError(ImageActions.resampled(O2.O2), List.of(blob), 10, r);
        assertTrue(e < 0.05, "resampled action axiom error " + e);
    }

    @Property(tries = 100)
    void pointCloudActionsSatisfyTheAxioms(@ForAll @IntRange(min = 1, max = 7) int n, @ForAll long seed) {
        var r = new SplittableRandom(seed);
        var x = List.of(randomCloud(r, n));
        assertTrue(Equivariance.actionAxiomError(PointCloudActions.rigid(E3.SE3), x, 5, r) < 1e-12);
        assertTrue(Equivariance.actionAxiomError(PointCloudActions.rigid(E3.E3), x, 5, r) < 1e-12);
        assertTrue(Equivariance.actionAxiomError(PointCloudActions.rotation(O3.O3), x, 5, r) < 1e-12);
        var sn = new SymmetricGroup(n);
        assertEquals(0.0, Equivariance.actionAxiomError(PointCloudActions.permutation(sn), x, 5, r));
        assertTrue(Equivariance.actionAxiomError(PointCloudActions.rigidAndPermutation(E3.SE3, sn), x, 5, r) < 1e-12);
    }

    @Property(tries = 100)
    void tokenActionsSatisfyTheAxioms(@ForAll long seed) {
        var r = new SplittableRandom(seed);
        var s3 = new SymmetricGroup(3);
        // S3 permutes tokens 2, 3, 4 of a vocabulary of 6
        var action = TokenAction.of(s3, 6, p -> {
            int[] img = {0, 1, 2, 3, 4, 5};
            for (int i = 0; i < 3; i++) img[2 + i] = 2 + p.image(i);
            return new Permutation(img);
        });
        int[] seq = new int[10];
        for (int i = 0; i < seq.length; i++) seq[i] = r.nextInt(6);
        assertEquals(0.0, Equivariance.actionAxiomError(action, List.of(seq), 10, r));
    }

    @Test
    void vectorActionsOfEveryCatalogRepresentationSatisfyTheAxioms() {
        var r = new SplittableRandom(1);
        for (var g : org.noether.group.TestGroups.all()) checkVectors(g, r);
    }

    private static <G> void checkVectors(org.noether.group.Group<G> g, SplittableRandom r) {
        for (var rep : Catalog.of(g)) {
            double[] x = new double[rep.dimension()];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
            double e = Equivariance.actionAxiomError(new VectorAction<>(rep), List.of(x), 5, r);
            assertTrue(e < 1e-9, rep + " of " + g.name() + ": " + e);
        }
    }

    @Test
    void mismatchedDimensionsGiveClearErrors() {
        var v = new VectorAction<>(Catalog.of(O3.SO3).get(1));
        var e = assertThrows(IllegalArgumentException.class, () -> v.act(O3.SO3.identity(), new double[4]));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Image(2, 2, 1, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new PointCloud(2, new double[5]));
    }
}
