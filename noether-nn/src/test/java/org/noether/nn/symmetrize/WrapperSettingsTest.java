package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.O2;
import org.noether.nn.Engines;

/**
 * The wrappers' settings do what they say: a tie tolerance so large that every copy ties turns Equizero and
 * canonicalization into plain group averaging (Equitune); bad tolerances and helper networks of the wrong output size
 * are refused with a message that names what was given; sampled symmetries have exactly the asked size.
 */
class WrapperSettingsTest {
    private static final DihedralGroup C4 = DihedralGroup.cyclic(4);
    private static final Shape IMAGES = new Shape(2, 1, 6, 6);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Symmetry<DihedralElement> invariant() {
        return Symmetry.invariant(C4, NDActions.image(C4));
    }

    /** One number per image: the sum of its pixels (no parameters). */
    private static Block pixelSum() {
        return new LambdaBlock(l -> {
            NDArray x = l.singletonOrThrow();
            return new NDList(x.reshape(x.getShape().get(0), -1).sum(new int[] {1}));
        });
    }

    /** One number for the whole batch: the wrong size for a per-sample helper network. */
    private static Block batchSum() {
        return new LambdaBlock(l -> new NDList(l.singletonOrThrow().sum().reshape(1)));
    }

    @Test
    void equizeroWithEverythingTiedIsEquitune() {
        Proxy proxy = Proxy.entropy();
        Equizero<DihedralElement> ez = new Equizero<>(Nets.cnnClassifier(3), invariant(), proxy);
        assertEquals(Equizero.DEFAULT_TOLERANCE, ez.tolerance());
        assertTrue(ez.straightThrough(), "straight-through is on by default");
        assertFalse(ez.straightThrough(false).straightThrough());
        assertSame(proxy, ez.proxy());
        Nets.init(ez.tolerance(1e30), manager, 23, IMAGES);
        assertEquals(1e30, ez.tolerance());
        Equitune<DihedralElement> avg =
                Nets.init(new Equitune<>(Nets.cnnClassifier(3), invariant()), manager, 23, IMAGES);
        assertArrayEquals(Training.parameters(ez), Training.parameters(avg), "same seed, same weights");
        NDArray x = Nets.gaussian(manager, new SplittableRandom(3), 2, 1, 6, 6);
        float[] all = Nets.eval(ez, manager, x);
        assertTrue(Nets.relativeError(Nets.eval(avg, manager, x), all) <= Nets.REL, "all copies tie: the average");
        ez.tolerance(0);
        assertTrue(
                Nets.relativeError(Nets.eval(avg, manager, x), Nets.eval(ez, manager, x)) > 1e-4,
                "with exact ties only, Equizero selects and is not the average");
        x.close();
    }

    @Test
    void canonicalizationWithEverythingTiedSelectsEveryCopyAndIsEquitune() {
        Block scorer = pixelSum();
        Canonicalized<DihedralElement> c = new Canonicalized<>(Nets.cnnClassifier(3), scorer, invariant());
        assertSame(scorer, c.scorer());
        Nets.init(c.tolerance(1e30), manager, 29, IMAGES);
        Equitune<DihedralElement> avg =
                Nets.init(new Equitune<>(Nets.cnnClassifier(3), invariant()), manager, 29, IMAGES);
        assertArrayEquals(Training.parameters(c), Training.parameters(avg), "same seed, same weights");
        NDArray x = Nets.gaussian(manager, new SplittableRandom(4), 2, 1, 6, 6);
        try (NDManager scope = manager.newSubManager()) {
            int[][] chosen = c.canonicalIndices(new ParameterStore(scope, false), Nets.local(x, scope));
            assertEquals(2, chosen.length);
            for (int[] row : chosen) assertArrayEquals(new int[] {0, 1, 2, 3}, row);
        }
        assertTrue(Nets.relativeError(Nets.eval(avg, manager, x), Nets.eval(c, manager, x)) <= Nets.REL);
        x.close();
    }

    @Test
    void negativeOrUndefinedTolerancesAreRefused() {
        var ez = new Equizero<>(Nets.cnnClassifier(3), invariant(), Proxy.entropy());
        var c = new Canonicalized<>(Nets.cnnClassifier(3), pixelSum(), invariant());
        for (double bad : new double[] {-1e-9, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ez.tolerance(bad));
            assertEquals("tolerance must be >= 0, got " + bad, e.getMessage());
            var f = assertThrows(IllegalArgumentException.class, () -> c.tolerance(bad));
            assertEquals("tolerance must be >= 0, got " + bad, f.getMessage());
        }
        assertEquals(Equizero.DEFAULT_TOLERANCE, ez.tolerance(), "a refused tolerance leaves the old one");
        assertEquals(0.0, ez.tolerance(0).tolerance(), "0 is allowed: exact ties only");
        c.tolerance(0); // allowed for canonicalization too
    }

    /**
     * Over the trivial group C1 every wrapper is the model itself (the orbit is the batch, the pull-back the
     * identity), and the wrappers report the model's output shape for a batch; the prior block reports [B, K].
     */
    @Test
    void overTheTrivialGroupEveryWrapperIsTheModel() {
        DihedralGroup c1 = DihedralGroup.cyclic(1);
        Symmetry<DihedralElement> inv = Symmetry.invariant(c1, NDActions.image(c1));
        Symmetry<DihedralElement> eq = Symmetry.equivariant(c1, NDActions.image(c1), NDActions.image(c1));
        NDArray x = Nets.gaussian(manager, new SplittableRandom(6), 2, 1, 6, 6);
        for (Symmetry<DihedralElement> s : List.of(inv, eq)) {
            boolean images = !s.isInvariant();
            Block model = Nets.init(images ? Nets.cnnImageToImage(1) : Nets.cnnClassifier(3), manager, 31, IMAGES);
            Shape wantShape = model.getOutputShapes(new Shape[] {IMAGES})[0];
            List<Symmetrized<DihedralElement>> wrappers = List.of(
                    new Equitune<>(model, s),
                    new Equizero<>(
                            model,
                            s,
                            images
                                    ? o -> o.square()
                                            .reshape(o.getShape().get(0), -1)
                                            .mean(new int[] {1})
                                    : Proxy.entropy()),
                    new LambdaEquitune<>(model, pixelSum(), s, LambdaEquitune.Positivity.SOFTPLUS),
                    new Canonicalized<>(model, pixelSum(), s));
            for (Symmetrized<DihedralElement> w : wrappers) {
                assertSame(s, w.symmetry());
                assertEquals(
                        wantShape,
                        w.getOutputShapes(new Shape[] {IMAGES})[0],
                        w.getClass().getSimpleName());
                Nets.init(w, manager, 37, IMAGES); // (re)initializes the shared model: compare after
                float[] want = Nets.eval(model, manager, x);
                assertTrue(
                        Nets.relativeError(want, Nets.eval(w, manager, x)) <= Nets.REL,
                        w.getClass().getSimpleName());
            }
        }
        var c = new Canonicalized<>(Nets.cnnClassifier(3), pixelSum(), invariant());
        assertEquals(new Shape(5, 4), c.priorBlock().getOutputShapes(new Shape[] {new Shape(5, 1, 6, 6)})[0]);
        Symmetry<DihedralElement> s4 = invariant();
        assertSame(s4, new Augmentation<>(s4).symmetry());
        var le = new LambdaEquitune<>(Nets.cnnClassifier(3), pixelSum(), inv, LambdaEquitune.Positivity.EXP);
        assertEquals(LambdaEquitune.Positivity.EXP, le.positivity());
        x.close();
    }

    /** 4 copies of 2 images are 8 samples; a helper network that answers once per batch is refused, naming 8. */
    @Test
    void helperNetworksMustGiveOneValuePerSample() {
        NDArray x = Nets.gaussian(manager, new SplittableRandom(5), 2, 1, 6, 6);
        Proxy perBatch = outputs -> outputs.sum().reshape(1);
        var ez = Nets.init(new Equizero<>(Nets.cnnClassifier(3), invariant(), perBatch), manager, 1, IMAGES);
        var e = assertThrows(IllegalStateException.class, () -> Nets.eval(ez, manager, x));
        assertTrue(e.getMessage().contains("for 8 outputs"), e.getMessage());
        var le = Nets.init(
                new LambdaEquitune<>(Nets.cnnClassifier(3), batchSum(), invariant(), LambdaEquitune.Positivity.EXP),
                manager,
                1,
                IMAGES);
        var f = assertThrows(IllegalStateException.class, () -> Nets.eval(le, manager, x));
        assertTrue(f.getMessage().contains("for 8 inputs"), f.getMessage());
        var c = Nets.init(new Canonicalized<>(Nets.cnnClassifier(3), batchSum(), invariant()), manager, 1, IMAGES);
        var g = assertThrows(IllegalStateException.class, () -> Nets.eval(c, manager, x));
        assertTrue(g.getMessage().contains("for 8 inputs"), g.getMessage());
        x.close();
    }

    @Test
    void sampledSymmetriesHaveExactlyTheAskedSize() {
        NDAction<org.noether.group.O2Element> t = NDActions.trivial();
        for (int count : new int[] {1, 2, 5}) {
            var s = Symmetry.sampled(O2.SO2, count, new SplittableRandom(count), t, t);
            assertEquals(count, s.size());
            assertEquals(count, s.elements().size());
            assertTrue(O2.SO2.equal(O2.SO2.identity(), s.elements().get(0)));
        }
        var e = assertThrows(
                IllegalArgumentException.class, () -> Symmetry.sampled(O2.SO2, 0, new SplittableRandom(1), t, t));
        assertEquals("a sample needs at least 1 element, got 0", e.getMessage());
        Equitune<DihedralElement> w = new Equitune<>(Nets.cnnClassifier(3), invariant());
        assertEquals(4, w.symmetry().size());
    }
}
