package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;

/**
 * Inputs with a nontrivial stabilizer (g x = x for some g != e) make every copy in a coset of the stabilizer tie
 * exactly. The reference equizero code breaks such ties by the first index of argmin, which is not equivariant:
 * for x = r x equivariance demands f(x) = r f(x), and the first-index choice M(x) has no reason to be r-invariant.
 * Averaging over all minimizers (this package) is equivariant. The same holds for the pull-back by g^-1.
 */
class StabilizerTest {

    private static NDManager manager;
    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);
    private static final DihedralGroup D4 = DihedralGroup.dihedral(4);

    @BeforeAll
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static final Proxy MEAN_SQUARE =
            y -> y.square().reshape(y.getShape().get(0), -1).mean(new int[] {1});

    @Test
    void equizeroStaysEquivariantOnARotationSymmetricImageWhereFirstIndexArgminDoesNot() {
        Symmetry<DihedralElement> s = Symmetry.equivariant(C4, NDActions.image(C4), NDActions.image(C4));
        Equizero<DihedralElement> ez =
                Nets.init(new Equizero<>(Nets.cnnImageToImage(1), s, MEAN_SQUARE), manager, 21, new Shape(1, 1, 6, 6));
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = symmetric(scope, new SplittableRandom(4));
            NDAction<DihedralElement> act = NDActions.image(C4);
            assertArrayEquals(x.toFloatArray(), act.act(C4.rotation(1), x).toFloatArray(), "x = r x");

            ParameterStore ps = new ParameterStore(scope, false);
            float[] out =
                    ez.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] turned =
                    act.act(C4.rotation(1), scope.create(out, x.getShape())).toFloatArray();
            assertTrue(Nets.relativeError(out, turned) <= Nets.REL, "averaging the tied minimizers: f(x) = r f(x)");

            // The reference rule on the same model: all four proxies tie, argmin returns index 0, output M(x).
            NDArray y = ez.model().forward(ps, new NDList(s.orbit(x)), false).singletonOrThrow();
            float[] losses = MEAN_SQUARE.loss(y).toFloatArray();
            for (float l : losses) {
                assertEquals(losses[0], l, 0f, "copies of a symmetric input tie exactly");
            }
            float[] firstIndex = y.get("0:1").toFloatArray();
            float[] firstTurned = act.act(C4.rotation(1), scope.create(firstIndex, x.getShape()))
                    .toFloatArray();
            assertTrue(
                    Nets.relativeError(firstIndex, firstTurned) > 1e-2,
                    "first-index argmin is not equivariant here: " + Nets.relativeError(firstIndex, firstTurned));
        }
    }

    @Test
    void canonicalizationAveragesTiedCanonicalElementsToo() {
        Symmetry<DihedralElement> s = Symmetry.equivariant(C4, NDActions.image(C4), NDActions.image(C4));
        Canonicalized<DihedralElement> cz = Nets.init(
                new Canonicalized<>(Nets.cnnImageToImage(1), Nets.scorer(), s), manager, 5, new Shape(1, 1, 6, 6));
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = symmetric(scope, new SplittableRandom(8));
            ParameterStore ps = new ParameterStore(scope, false);
            assertArrayEquals(new int[] {0, 1, 2, 3}, cz.canonicalIndices(ps, x)[0], "all four copies are canonical");
            float[] out =
                    cz.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] turned = s.output()
                    .act(C4.rotation(1), scope.create(out, x.getShape()))
                    .toFloatArray();
            assertTrue(Nets.relativeError(out, turned) <= Nets.REL);
        }
    }

    @Test
    void equizeroHandlesAPartialStabilizerUnderD4() {
        Symmetry<DihedralElement> s = Symmetry.equivariant(D4, NDActions.image(D4), NDActions.image(D4));
        Equizero<DihedralElement> ez =
                Nets.init(new Equizero<>(Nets.cnnImageToImage(1), s, MEAN_SQUARE), manager, 9, new Shape(1, 1, 6, 6));
        try (NDManager scope = manager.newSubManager()) {
            // x = s x (upside-down symmetric) but not rotation symmetric: stabilizer {e, s}
            NDAction<DihedralElement> act = NDActions.image(D4);
            NDArray z = Nets.gaussian(scope, new SplittableRandom(2), 1, 1, 6, 6);
            NDArray x = z.add(act.act(D4.reflection(0), z));
            ParameterStore ps = new ParameterStore(scope, false);
            for (DihedralElement g : D4.elements()) {
                float[] fgx = ez.forward(ps, new NDList(act.act(g, x)), false)
                        .singletonOrThrow()
                        .toFloatArray();
                NDArray fx = ez.forward(ps, new NDList(x), false).singletonOrThrow();
                float[] gfx = act.act(g, fx).toFloatArray();
                assertTrue(Nets.relativeError(fgx, gfx) <= Nets.REL, "g = " + g);
            }
        }
    }

    @Test
    void pullingBackWithGInverseIsWhatMakesTheAverageEquivariant() {
        Symmetry<DihedralElement> s = Symmetry.equivariant(C4, NDActions.image(C4), NDActions.image(C4));
        Equitune<DihedralElement> eq =
                Nets.init(new Equitune<>(Nets.cnnImageToImage(1), s), manager, 13, new Shape(1, 1, 6, 6));
        Block m = eq.model();
        NDAction<DihedralElement> act = NDActions.image(C4);
        DihedralElement r = C4.rotation(1);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Nets.gaussian(scope, new SplittableRandom(6), 1, 1, 6, 6);
            NDArray rx = act.act(r, x);
            ParameterStore ps = new ParameterStore(scope, false);
            float[] f = eq.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] frx =
                    eq.forward(ps, new NDList(rx), false).singletonOrThrow().toFloatArray();
            assertTrue(Nets.relativeError(
                            frx, act.act(r, scope.create(f, x.getShape())).toFloatArray())
                    <= Nets.REL);
            // Without g^-1, or with g in its place, the same average is not equivariant.
            for (boolean applyG : List.of(false, true)) {
                float[] a = average(m, ps, x, applyG).toFloatArray();
                float[] b = average(m, ps, rx, applyG).toFloatArray();
                float[] ra = act.act(r, scope.create(a, x.getShape())).toFloatArray();
                assertTrue(
                        Nets.relativeError(b, ra) > 1e-2,
                        (applyG ? "g instead of g^-1" : "no g^-1") + " should break equivariance");
            }
        }
    }

    /** (1/K) sum_g M(g x), or (1/K) sum_g g . M(g x): the two mistakes of the reference code. */
    private static NDArray average(Block m, ParameterStore ps, NDArray x, boolean applyG) {
        NDAction<DihedralElement> act = NDActions.image(C4);
        NDArray sum = null;
        for (DihedralElement g : C4.elements()) {
            NDArray y = m.forward(ps, new NDList(act.act(g, x)), false).singletonOrThrow();
            if (applyG) {
                y = act.act(g, y);
            }
            sum = sum == null ? y : sum.add(y);
        }
        return sum.div(C4.order());
    }

    /** A C4-symmetric 6x6 image: each pixel takes the value of the first pixel of its orbit under quarter turns. */
    private static NDArray symmetric(NDManager scope, SplittableRandom random) {
        int n = 6;
        float[] z = new float[n * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        float[] x = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int best = i * n + j;
                int a = i;
                int b = j;
                for (int t = 0; t < 3; t++) { // (a, b) -> (n - 1 - b, a): a quarter turn of the index grid
                    int na = n - 1 - b;
                    b = a;
                    a = na;
                    best = Math.min(best, a * n + b);
                }
                x[i * n + j] = z[best];
            }
        }
        return scope.create(x, new Shape(1, 1, n, n));
    }
}
