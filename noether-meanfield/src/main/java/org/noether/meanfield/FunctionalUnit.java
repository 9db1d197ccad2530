package org.noether.meanfield;

/** {@link Unit#of}: adapts two per-sample functions; scratch arrays are per thread. */
final class FunctionalUnit implements Unit {
    private final String name;
    private final int dx;
    private final int dy;
    private final int dz;
    private final Evaluation value;
    private final Pullback gradient;
    private final ThreadLocal<double[][]> scratch;

    FunctionalUnit(String name, int dx, int dy, int dz, Evaluation value, Pullback gradient) {
        if (dx <= 0 || dy <= 0 || dz <= 0)
            throw new IllegalArgumentException(
                    "unit '" + name + "' needs positive dimensions; got dx=" + dx + ", dy=" + dy + ", dz=" + dz);
        this.name = name;
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.value = value;
        this.gradient = gradient;
        this.scratch = ThreadLocal.withInitial(
                () -> new double[][] {new double[dx], new double[dz], new double[dy], new double[dy], new double[dz]});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputDimension() {
        return dx;
    }

    @Override
    public int outputDimension() {
        return dy;
    }

    @Override
    public int parameterDimension() {
        return dz;
    }

    @Override
    public void forward(
            double[] theta,
            int thetaOffset,
            double[] inputs,
            int count,
            double[] sum,
            double[] cache,
            int cacheOffset) {
        double[][] s = scratch.get();
        double[] x = s[0], t = s[1], out = s[2];
        System.arraycopy(theta, thetaOffset, t, 0, dz);
        for (int k = 0; k < count; k++) {
            System.arraycopy(inputs, k * dx, x, 0, dx);
            value.evaluate(x, t, out);
            for (int o = 0; o < dy; o++) sum[k * dy + o] += out[o];
        }
    }

    @Override
    public void backward(
            double[] theta,
            int thetaOffset,
            double[] inputs,
            int count,
            double[] upstream,
            double[] cache,
            int cacheOffset,
            double[] grad,
            int gradientOffset) {
        double[][] s = scratch.get();
        double[] x = s[0], t = s[1], up = s[3], g = s[4];
        System.arraycopy(theta, thetaOffset, t, 0, dz);
        java.util.Arrays.fill(grad, gradientOffset, gradientOffset + dz, 0);
        for (int k = 0; k < count; k++) {
            System.arraycopy(inputs, k * dx, x, 0, dx);
            System.arraycopy(upstream, k * dy, up, 0, dy);
            gradient.pullback(x, t, up, g);
            for (int p = 0; p < dz; p++) grad[gradientOffset + p] += g[p];
        }
    }
}
