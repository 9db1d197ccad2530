package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.action.Action;
import org.noether.action.Image;
import org.noether.action.ImageActions;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.GeneratedGroup;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.nn.Engines;
import org.noether.representation.Representations;

class NDActionsTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void imageActionMovesPixelsExactlyAsTheCoreImageAction() {
        SplittableRandom random = new SplittableRandom(3);
        for (DihedralGroup g : List.of(
                DihedralGroup.dihedral(4),
                DihedralGroup.cyclic(4),
                DihedralGroup.cyclic(2),
                DihedralGroup.dihedral(1),
                DihedralGroup.dihedral(2))) {
            for (int size : new int[] {4, 5}) {
                Action<DihedralElement, Image> core = ImageActions.exact(g);
                NDAction<DihedralElement> batched = NDActions.image(g);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = Nets.gaussian(scope, random, 2, 3, size, size);
                    for (DihedralElement e : g.elements()) {
                        float[] got = batched.act(e, x).toFloatArray();
                        for (int n = 0; n < 2; n++) {
                            Image turned = core.act(e, toImage(x.toFloatArray(), n, 3, size));
                            float[] expected = toImage(got, n, 3, size).data();
                            assertArrayEquals(turned.data(), expected, g.name() + " " + e + " size " + size);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyActionSatisfiesTheActionLaws() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        SymmetricGroup s3 = new SymmetricGroup(3);
        FiniteGroup<Orthogonal3> cube = cubeRotations();
        TokenAction<Permutation> tokens = TokenAction.of(s3, 5, NDActionsTest::onFirstThree);
        SplittableRandom random = new SplittableRandom(11);
        try (NDManager scope = manager.newSubManager()) {
            checkLaws(d4, NDActions.image(d4), Nets.gaussian(scope, random, 2, 1, 6, 6), 0);
            checkLaws(d4, NDActions.regular(d4), Nets.gaussian(scope, random, 3, 8), 0);
            checkLaws(
                    d4,
                    NDActions.representation(Representations.defining(d4)),
                    Nets.gaussian(scope, random, 3, 2),
                    1e-6);
            checkLaws(s3, NDActions.tokens(tokens), Nets.gaussian(scope, random, 2, 4, 5), 0);
            checkLaws(
                    s3,
                    NDActions.tokenIds(tokens),
                    scope.create(new long[] {0, 1, 2, 3, 4, 2, 1, 0}).reshape(2, 4),
                    0);
            checkLaws(
                    cube,
                    NDActions.representation(Representations.defining(O3.SO3)),
                    Nets.gaussian(scope, random, 2, 7, 3),
                    1e-6);
        }
    }

    @Test
    void tokenIdsRelabelLikeTheCoreTokenAction() {
        SymmetricGroup s3 = new SymmetricGroup(3);
        TokenAction<Permutation> tokens = TokenAction.of(s3, 5, NDActionsTest::onFirstThree);
        int[] seq = {0, 4, 2, 1, 3, 0};
        try (NDManager scope = manager.newSubManager()) {
            NDArray ids = scope.create(seq).reshape(1, 6);
            for (Permutation p : s3.elements()) {
                NDArray got = NDActions.tokenIds(tokens).act(p, ids);
                assertEquals(DataType.INT32, got.getDataType());
                assertArrayEquals(tokens.act(p, seq), got.toIntArray());
                // and the one-hot distributions move with them
                NDArray oneHot = ids.oneHot(5);
                assertArrayEquals(
                        got.oneHot(5).toFloatArray(),
                        NDActions.tokens(tokens).act(p, oneHot).toFloatArray());
            }
        }
    }

    @Test
    void mismatchedShapesAreRejectedWithTheSizes() {
        DihedralGroup c4 = DihedralGroup.cyclic(4);
        try (NDManager scope = manager.newSubManager()) {
            NDArray rect = scope.zeros(new ai.djl.ndarray.types.Shape(1, 1, 3, 4));
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> NDActions.image(c4).act(c4.rotation(1), rect));
            assertTrue(e.getMessage().contains("square"), e.getMessage());
            NDArray v = scope.zeros(new ai.djl.ndarray.types.Shape(2, 3));
            e = assertThrows(
                    IllegalArgumentException.class,
                    () -> NDActions.representation(Representations.defining(c4)).act(c4.rotation(1), v));
            assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> NDActions.image(DihedralGroup.cyclic(8)));
        }
    }

    static Permutation onFirstThree(Permutation p) {
        return new Permutation(p.image(0), p.image(1), p.image(2), 3, 4);
    }

    /** The 24 rotations of the cube, as a finite subgroup of SO(3). */
    static FiniteGroup<Orthogonal3> cubeRotations() {
        return GeneratedGroup.of(
                "cube rotations",
                O3.SO3,
                List.of(
                        Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2),
                        Orthogonal3.rotation(new double[] {1, 0, 0}, Math.PI / 2)),
                100);
    }

    private static <G> void checkLaws(FiniteGroup<G> group, NDAction<G> action, NDArray x, double tol) {
        float[] plain = x.toType(DataType.FLOAT32, false).toFloatArray();
        float[] identity =
                action.act(group.identity(), x).toType(DataType.FLOAT32, false).toFloatArray();
        assertArrayEquals(plain, identity, (float) tol, "identity acts trivially");
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 12; t++) {
            G g = group.sample(random);
            G h = group.sample(random);
            float[] twoSteps = action.act(g, action.act(h, x))
                    .toType(DataType.FLOAT32, false)
                    .toFloatArray();
            float[] once = action.act(group.compose(g, h), x)
                    .toType(DataType.FLOAT32, false)
                    .toFloatArray();
            assertArrayEquals(once, twoSteps, (float) tol, group.name() + ": g.(h.x) = (gh).x");
        }
    }

    private static Image toImage(float[] nchw, int n, int c, int s) {
        float[] hwc = new float[s * s * c];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    hwc[(i * s + j) * c + ch] = nchw[((n * c + ch) * s + i) * s + j];
                }
            }
        }
        return new Image(s, s, c, hwc);
    }
}
