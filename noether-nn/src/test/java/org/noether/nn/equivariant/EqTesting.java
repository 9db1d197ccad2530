package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.Random;
import org.noether.representation.Representation;

/** Shared helpers for the equivariance property tests. */
final class EqTesting {

    /** float32 tolerance of all checks, relative to the largest output magnitude. */
    static final double REL_TOL = 1e-4;

    private EqTesting() {}

    /** Initialises every parameter of {@code block} (weights and biases) from N(0, sigma^2). */
    static void initRandom(Block block, NDManager manager, float sigma, Shape input) {
        block.setInitializer(new NormalInitializer(sigma), p -> true);
        block.initialize(manager, DataType.FLOAT32, input);
    }

    static float[] run(Block block, NDManager parent, float[] x, Shape shape, boolean training) {
        try (NDManager scope = parent.newSubManager()) {
            NDArray in = scope.create(x, shape);
            NDList out = block.forward(new ParameterStore(scope, false), new NDList(in), training);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    static float[] gaussian(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    /** Applies rho(g) to each row of the (rows, d) matrix x. */
    static <G> float[] actRows(Representation<G> rep, G g, float[] x, int rows) {
        int d = rep.dimension();
        double[] m = rep.matrix(g);
        float[] out = new float[x.length];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += m[i * d + j] * x[r * d + j];
                out[r * d + i] = (float) s;
            }
        return out;
    }

    /** max |a - b| / max(1, max |b|). */
    static double relError(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " vs " + b.length);
        double diff = 0, scale = 1;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    /** Checks f(rho_in(g) x) = rho_out(g) f(x) on a batch, for {@code trials} random g; returns the worst error. */
    static <G> double equivarianceError(
            Block block,
            NDManager manager,
            Representation<G> in,
            Representation<G> out,
            Random rnd,
            int batch,
            int trials) {
        double worst = 0;
        for (int t = 0; t < trials; t++) {
            G g = in.group().sample(rnd);
            float[] x = gaussian(rnd, batch * in.dimension());
            Shape shape = new Shape(batch, in.dimension());
            float[] fx = run(block, manager, x, shape, false);
            float[] fgx = run(block, manager, actRows(in, g, x, batch), shape, false);
            worst = Math.max(worst, relError(fgx, actRows(out, g, fx, batch)));
        }
        return worst;
    }
}
