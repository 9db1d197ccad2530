package org.noether.nn.symmetrize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.LambdaEquitune.Positivity;
import org.noether.representation.Representations;

/**
 * The law every wrapper promises: for ANY wrapped model (here random, non-equivariant CNNs and MLPs), any input x and
 * any group element g, f(g . x) = g . f(x), to float32 rounding: |f(g x) - g f(x)|_inf <= 1e-5 max(1, |f(g x)|_inf).
 * Each property covers the four wrappers (equizero with both paper proxies or a user proxy, lambda-equitune with both
 * positivities) in one domain.
 */
class WrapperLawsTest {

    private static NDManager manager;

    @BeforeContainer
    static void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterContainer
    static void close() {
        manager.close();
    }

    @Property(tries = 6)
    void wrappedImageClassifierIsInvariantForAnyModel(
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed, @ForAll boolean reflections) {
        DihedralGroup g = reflections ? DihedralGroup.dihedral(4) : DihedralGroup.cyclic(4);
        Symmetry<DihedralElement> s = Symmetry.invariant(g, NDActions.image(g));
        checkAll(g, s, () -> Nets.cnnClassifier(3), new Shape(3, 2, 6, 6), Proxy.entropy(), seed);
    }

    @Property(tries = 4)
    void wrappedImageToImageModelIsEquivariantForAnyModel(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Symmetry<DihedralElement> s = Symmetry.equivariant(d4, NDActions.image(d4), NDActions.image(d4));
        Proxy meanSquare = y -> y.square().reshape(y.getShape().get(0), -1).mean(new int[] {1});
        checkAll(d4, s, () -> Nets.cnnImageToImage(2), new Shape(2, 2, 5, 5), meanSquare, seed);
    }

    @Property(tries = 4)
    void imageToRegularFeaturesIsEquivariantForAnyModel(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Symmetry<DihedralElement> s = Symmetry.equivariant(d4, NDActions.image(d4), NDActions.regular(d4));
        checkAll(d4, s, () -> Nets.cnnClassifier(8), new Shape(3, 1, 6, 6), Proxy.negativeMaxProbability(), seed);
    }

    @Property(tries = 4)
    void planarVectorModelIsEquivariantForAnyModel(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        NDAction<DihedralElement> v = NDActions.representation(Representations.defining(d4));
        Symmetry<DihedralElement> s = Symmetry.equivariant(d4, v, v);
        checkAll(d4, s, () -> Nets.mlp(16, 2), new Shape(4, 2), y -> y.sum(new int[] {1}), seed);
    }

    @Property(tries = 3)
    void pointCloudModelIsEquivariantForAnyModel(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        FiniteGroup<Orthogonal3> cube = NDActionsTest.cubeRotations();
        NDAction<Orthogonal3> v = NDActions.representation(Representations.defining(O3.SO3));
        Symmetry<Orthogonal3> s = Symmetry.equivariant(cube, v, v);
        checkAll(cube, s, () -> Nets.mlp(16, 3), new Shape(2, 5, 3), y -> y.sum(new int[] {1}), seed);
    }

    @Property(tries = 4)
    void sequenceModelIsEquivariantUnderVocabularyPermutations(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SymmetricGroup s3 = new SymmetricGroup(3);
        NDAction<Permutation> tokens = NDActions.tokens(TokenAction.of(s3, 5, NDActionsTest::onFirstThree));
        Symmetry<Permutation> s = Symmetry.equivariant(s3, tokens, tokens);
        checkAll(s3, s, () -> Nets.positionwise(8, 5), new Shape(3, 4, 5), Proxy.entropy(), seed);
    }

    /** The raw model must be far from equivariant, or the property would prove nothing. */
    private static <G> void assertNotEquivariant(
            FiniteGroup<G> group, Symmetry<G> s, Block wrapper, Shape shape, int seed, SplittableRandom random) {
        Nets.init(wrapper, manager, seed, shape);
        Block raw = ((Symmetrized<?>) wrapper).model();
        double worst = 0;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Nets.gaussian(scope, random, shape.getShape());
            ParameterStore ps = new ParameterStore(scope, false);
            NDArray fx = raw.forward(ps, new NDList(x), false).singletonOrThrow();
            for (G g : group.elements()) {
                float[] gfx = s.output().act(g, fx).toFloatArray();
                float[] fgx = raw.forward(ps, new NDList(s.input().act(g, x)), false)
                        .singletonOrThrow()
                        .toFloatArray();
                worst = Math.max(worst, Nets.relativeError(fgx, gfx));
            }
        }
        assertTrue(worst > 1e-3, "the unwrapped model should not be equivariant, error " + worst);
    }

    /** Builds every wrapper around fresh random models and checks f(g x) = g f(x) for a few random g. */
    private static <G> void checkAll(
            FiniteGroup<G> group, Symmetry<G> s, Supplier<Block> model, Shape shape, Proxy userProxy, int seed) {
        List<Block> wrappers = new ArrayList<>();
        wrappers.add(new Equitune<>(model.get(), s));
        wrappers.add(new Equizero<>(model.get(), s, Proxy.entropy()));
        wrappers.add(new Equizero<>(model.get(), s, Proxy.negativeMaxProbability()));
        wrappers.add(new Equizero<>(model.get(), s, userProxy));
        wrappers.add(new LambdaEquitune<>(model.get(), Nets.scorer(), s, Positivity.SOFTPLUS));
        wrappers.add(new LambdaEquitune<>(model.get(), Nets.scorer(), s, Positivity.EXP));
        wrappers.add(new Canonicalized<>(model.get(), Nets.scorer(), s));
        SplittableRandom random = new SplittableRandom(seed);
        assertNotEquivariant(group, s, wrappers.get(0), shape, seed, random);
        for (Block w : wrappers) {
            Nets.init(w, manager, seed, shape);
            for (int t = 0; t < 3; t++) {
                G g = group.sample(random);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = Nets.gaussian(scope, random, shape.getShape());
                    ParameterStore ps = new ParameterStore(scope, false);
                    NDArray fx = w.forward(ps, new NDList(x), false).singletonOrThrow();
                    float[] gfx = s.output().act(g, fx).toFloatArray();
                    float[] fgx = w.forward(ps, new NDList(s.input().act(g, x)), false)
                            .singletonOrThrow()
                            .toFloatArray();
                    double err = Nets.relativeError(fgx, gfx);
                    assertTrue(err <= Nets.REL, w + " with g = " + group.format(g) + ": relative error " + err);
                }
            }
        }
    }
}
