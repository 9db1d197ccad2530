package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.action.Image;
import org.noether.action.ImageActions;
import org.noether.group.DihedralGroup;
import org.noether.group.O2;
import org.noether.group.O2Element;
import org.noether.nn.Engines;

class SpatialRotationTest {
    static NDManager manager;
    static final SpatialRotation ROT = new SpatialRotation();

    @BeforeAll
    static void engine() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static O2Element rot(double angle) {
        return new O2Element(angle, false);
    }

    /** Rotates each sample of {@code z} by its own angle. */
    static float[] rotate(float[] z, Shape shape, double... angles) {
        try (NDManager m = manager.newSubManager()) {
            List<O2Element> gs = new ArrayList<>();
            for (double a : angles) gs.add(rot(a));
            NDArray x = m.create(z, shape);
            return ROT.apply(x, ROT.operator(m, gs, shape)).toFloatArray();
        }
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    /** A smooth bump inside the inscribed disc of an s x s grid, one per channel with its own centre. */
    static float[] smooth(int channels, int s) {
        float[] v = new float[channels * s * s];
        for (int c = 0; c < channels; c++) {
            double ci = (s - 1) / 2.0 + 1.5 * Math.sin(c), cj = (s - 1) / 2.0 + 1.5 * Math.cos(c);
            for (int i = 0; i < s; i++)
                for (int j = 0; j < s; j++) {
                    double d2 = (i - ci) * (i - ci) + (j - cj) * (j - cj);
                    v[(c * s + i) * s + j] = (float) Math.exp(-d2 / (2 * 2.5 * 2.5));
                }
        }
        return v;
    }

    @Test
    void identityIsExact() {
        Shape shape = new Shape(2, 3, 9, 7);
        float[] z = random((int) shape.size(), 1);
        assertArrayEquals(z, rotate(z, shape, 0, 0));
    }

    @Test
    void rotatingByAThenBIsRotatingByTheSumUpToInterpolation() {
        // Bilinear interpolation blurs, so the law holds only approximately. Tolerance, on smooth bumps (sigma 2.5 px,
        // height 1) inside the inscribed disc of a 16 x 16 grid: relative L2 error |R(b) R(a) z - R(a + b) z| / |z|
        // below 0.05 and largest pixel error below 0.08 (measured: about 0.02-0.035 and 0.05-0.06).
        int s = 16;
        Shape one = new Shape(1, 4, s, s);
        float[] z = smooth(4, s);
        double[][] cases = {{0.3, 0.5}, {1.1, 2.0}, {-0.7, 2.9}, {Math.PI / 3, Math.PI / 6}};
        for (double[] ab : cases) {
            float[] twice = rotate(rotate(z, one, ab[0]), one, ab[1]);
            float[] once = rotate(z, one, ab[0] + ab[1]);
            double worst = 0, err = 0, norm = 0;
            for (int i = 0; i < z.length; i++) {
                double d = twice[i] - once[i];
                worst = Math.max(worst, Math.abs(d));
                err += d * d;
                norm += (double) z[i] * z[i];
            }
            double relative = Math.sqrt(err / norm);
            assertTrue(
                    relative < 0.05 && worst < 0.08,
                    "a=" + ab[0] + " b=" + ab[1] + ": relative error " + relative + ", max error " + worst);
        }
    }

    @Test
    void quarterTurnsMatchTheCoresExactActionAndCompose() {
        int s = 6;
        var c4 = DihedralGroup.cyclic(4);
        var exact = ImageActions.exact(c4);
        float[] z = random(s * s, 2);
        Shape one = new Shape(1, 1, s, s);
        for (int k = 0; k < 4; k++) {
            float[] ours = rotate(z, one, k * Math.PI / 2);
            float[] core = exact.act(c4.rotation(k), new Image(s, s, 1, z)).data();
            assertArrayEquals(core, ours, "quarter turns: " + k);
            // composition is exact too: R(90) applied k times
            float[] repeated = z;
            for (int t = 0; t < k; t++) repeated = rotate(repeated, one, Math.PI / 2);
            assertArrayEquals(ours, repeated);
        }
    }

    @Test
    void matchesTheCoresResamplingForAnyAngle() {
        int h = 9, w = 11;
        var core = ImageActions.resampled(O2.SO2);
        float[] z = random(2 * h * w, 3);
        double[] angles = {0.4, 2.2};
        float[] ours = rotate(z, new Shape(2, 1, h, w), angles);
        for (int b = 0; b < 2; b++) {
            float[] one = java.util.Arrays.copyOfRange(z, b * h * w, (b + 1) * h * w);
            float[] expected = core.act(rot(angles[b]), new Image(h, w, 1, one)).data();
            for (int p = 0; p < h * w; p++) assertEquals(expected[p], ours[b * h * w + p], 1e-5);
        }
    }

    @Test
    void gatherAgreesWithTheDenseMatrix() {
        int s = 8;
        double angle = 0.9;
        float[] z = random(s * s, 4);
        float[] m = SpatialRotation.matrix(angle, s, s);
        float[] ours = rotate(z, new Shape(1, 1, s, s), angle);
        for (int p = 0; p < s * s; p++) {
            double v = 0;
            for (int q = 0; q < s * s; q++) v += m[p * s * s + q] * z[q];
            assertEquals(v, ours[p], 1e-5);
        }
    }

    @Test
    void commutesExactlyWithChannelMixingAndWithReluOnQuarterTurns() {
        // Equivariance of the latent operator where it holds exactly: a rotation of the grid acts on every channel
        // alike, so it commutes with any 1x1 convolution (channel mixing), for any angle; a quarter turn is a
        // permutation of pixels, so it also commutes with a pointwise nonlinearity.
        int c = 3, s = 8;
        Shape shape = new Shape(1, c, s, s);
        float[] z = random(c * s * s, 5);
        float[] mix = random(c * c, 6);
        try (NDManager m = manager.newSubManager()) {
            NDArray w = m.create(mix, new Shape(c, c));
            NDArray x = m.create(z, shape);
            for (double angle : new double[] {0.7, Math.PI / 2, Math.PI}) {
                NDArray op = ROT.operator(m, rot(angle), shape);
                NDArray mixThenRotate = ROT.apply(w.matMul(x.reshape(c, s * s)).reshape(shape), op);
                NDArray rotateThenMix =
                        w.matMul(ROT.apply(x, op).reshape(c, s * s)).reshape(shape);
                float[] a = mixThenRotate.toFloatArray(), b = rotateThenMix.toFloatArray();
                for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-5);
            }
            NDArray op = ROT.operator(m, rot(3 * Math.PI / 2), shape);
            assertArrayEquals(
                    ROT.apply(x.maximum(0), op).toFloatArray(),
                    ROT.apply(x, op).maximum(0).toFloatArray());
        }
    }

    @Test
    void isDifferentiableWithTheTransposedMatrixAsGradient() {
        int s = 5;
        double angle = 1.3;
        float[] z = random(s * s, 7), t = random(s * s, 8);
        float[] m = SpatialRotation.matrix(angle, s, s);
        try (NDManager sub = manager.newSubManager()) {
            Shape shape = new Shape(1, 1, s, s);
            NDArray x = sub.create(z, shape);
            x.setRequiresGradient(true);
            NDArray op = ROT.operator(sub, rot(angle), shape);
            try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
                gc.backward(ROT.apply(x, op).mul(sub.create(t, shape)).sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            for (int q = 0; q < s * s; q++) {
                double expected = 0;
                for (int p = 0; p < s * s; p++) expected += m[p * s * s + q] * t[p];
                assertEquals(expected, grad[q], 1e-5);
            }
        }
    }

    @Test
    void rejectsReflectionsAndMismatchedShapes() {
        try (NDManager m = manager.newSubManager()) {
            Shape shape = new Shape(1, 1, 4, 4);
            assertThrows(IllegalArgumentException.class, () -> ROT.operator(m, new O2Element(0.1, true), shape));
            assertThrows(IllegalArgumentException.class, () -> ROT.operator(m, List.of(rot(0), rot(1)), shape));
            NDArray op = ROT.operator(m, rot(0.2), shape);
            assertThrows(IllegalArgumentException.class, () -> ROT.apply(m.zeros(new Shape(1, 1, 5, 5)), op));
        }
    }
}
