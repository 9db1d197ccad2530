package org.noether.meanfield;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.noether.equivariance.basis.FixedPoints;
import org.noether.group.FiniteGroup;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;

/**
 * A finite group G acting orthogonally on the inputs X, the outputs Y and the parameters Z of a {@link Unit}, as three
 * lists of matrices indexed like the group's elements (identity first). It provides what the symmetry-leveraging
 * schemes and the measurements need: the fixed-point space E^G = {z : M_g z = z for all g} and its orthogonal
 * projector, both from the core's {@link FixedPoints} of the representation on Z, the symmetrization
 * mu^G = (1/|G|) sum_g (M_g)_# mu of a particle cloud, and a check of joint equivariance
 * sigma_*(rho_X(g) x; M_g z) = rho_Y(g) sigma_*(x; z).
 *
 * <pre>{@code
 * var s2 = new SymmetricGroup(2);                               // C2 = {e, swap}
 * var p = Representations.permutation(s2);                      // swaps the two coordinates
 * Symmetry sym = Symmetry.of(s2, p, p, p.times(p));             // M_g z = g z g^T on 2 x 2 matrices
 * sym.fixedSubspace().dimension();                              // 2: {a I + b P}
 * }</pre>
 */
public final class Symmetry {
    private final String name;
    private final int order;
    private final int dx;
    private final int dy;
    private final int dz;
    private final double[][] onInputs;
    private final double[][] onOutputs;
    private final double[][] onParameters;
    private final double[] projector;
    private final Subspace fixed;

    private Symmetry(
            String name,
            List<double[]> in,
            int dx,
            List<double[]> out,
            int dy,
            List<double[]> par,
            int dz,
            Representation<?> parameters) {
        if (in.isEmpty() || in.size() != out.size() || in.size() != par.size())
            throw new IllegalArgumentException("need one matrix per group element on X, Y and Z; got " + in.size()
                    + ", " + out.size() + ", " + par.size());
        this.name = name;
        this.order = in.size();
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.onInputs = checked(in, dx, "inputs");
        this.onOutputs = checked(out, dy, "outputs");
        this.onParameters = checked(par, dz, "parameters");
        FixedPoints<?> fp = FixedPoints.of(parameters);
        this.projector = fp.projector();
        this.fixed = Subspace.span(dz, fp.vectors().toArray(new double[0][]));
    }

    private Symmetry(Symmetry other, String newName) {
        this.name = newName;
        this.order = other.order;
        this.dx = other.dx;
        this.dy = other.dy;
        this.dz = other.dz;
        this.onInputs = other.onInputs;
        this.onOutputs = other.onOutputs;
        this.onParameters = other.onParameters;
        this.projector = other.projector;
        this.fixed = other.fixed;
    }

    private static double[][] checked(List<double[]> ms, int d, String what) {
        double[][] out = new double[ms.size()][];
        for (int g = 0; g < ms.size(); g++) {
            double[] m = ms.get(g);
            if (m.length != d * d)
                throw new IllegalArgumentException(
                        "matrix " + g + " on " + what + " has " + m.length + " entries, expected " + d + " x " + d);
            double[] mmt = Dense.multiply(m, Dense.transpose(m, d), d);
            if (Dense.maxAbsDifference(mmt, Dense.identity(d)) > 1e-9)
                throw new IllegalArgumentException("matrix " + g + " on " + what + " is not orthogonal; the mean-field "
                        + "schemes need an orthogonal action");
            out[g] = m.clone();
        }
        return out;
    }

    /**
     * G acting through three representations of a finite group (orthogonal ones, as the catalog's permutation,
     * defining and tensor representations are).
     */
    public static <G> Symmetry of(
            FiniteGroup<G> group, Representation<G> inputs, Representation<G> outputs, Representation<G> parameters) {
        List<double[]> in = new ArrayList<>(), out = new ArrayList<>(), par = new ArrayList<>();
        for (G g : group.elements()) {
            in.add(inputs.matrix(g));
            out.add(outputs.matrix(g));
            par.add(parameters.matrix(g));
        }
        return new Symmetry(
                group.name(),
                in,
                inputs.dimension(),
                out,
                outputs.dimension(),
                par,
                parameters.dimension(),
                parameters);
    }

    /**
     * The action on (w, a) parameters of a {@link ClassicUnit}: M_g = rho_X(g) (+) rho_Y(g), block diagonal.
     */
    public static <G> Symmetry classic(FiniteGroup<G> group, Representation<G> inputs, Representation<G> outputs) {
        return of(group, inputs, outputs, inputs.plus(outputs));
    }

    public String name() {
        return name;
    }

    /** The same action under another name (e.g. "C2" for S2 acting by the swap). */
    public Symmetry withName(String newName) {
        return new Symmetry(this, newName);
    }

    /** |G|. */
    public int order() {
        return order;
    }

    public int inputDimension() {
        return dx;
    }

    public int outputDimension() {
        return dy;
    }

    public int parameterDimension() {
        return dz;
    }

    /** rho_X(g) for the g-th element, row-major (a copy). */
    public double[] inputMatrix(int g) {
        return onInputs[g].clone();
    }

    public double[] outputMatrix(int g) {
        return onOutputs[g].clone();
    }

    public double[] parameterMatrix(int g) {
        return onParameters[g].clone();
    }

    /** The orthogonal projector onto E^G, B B^T for the core's orthonormal basis B of the fixed points (a copy). */
    public double[] projector() {
        return projector.clone();
    }

    /** E^G, the parameters fixed by every M_g. */
    public Subspace fixedSubspace() {
        return fixed;
    }

    /** out[oo ..] = rho_X(g) x[xo ..]. */
    public void actOnInput(int g, double[] x, int xo, double[] out, int oo) {
        apply(onInputs[g], dx, x, xo, out, oo);
    }

    public void actOnOutput(int g, double[] y, int yo, double[] out, int oo) {
        apply(onOutputs[g], dy, y, yo, out, oo);
    }

    /** out[oo ..] = rho_Y(g)^T y[yo ..] = rho_Y(g^-1) y. */
    public void actOnOutputInverse(int g, double[] y, int yo, double[] out, int oo) {
        double[] m = onOutputs[g];
        for (int i = 0; i < dy; i++) {
            double s = 0;
            for (int j = 0; j < dy; j++) s += m[j * dy + i] * y[yo + j];
            out[oo + i] = s;
        }
    }

    public void actOnParameters(int g, double[] z, int zo, double[] out, int oo) {
        apply(onParameters[g], dz, z, zo, out, oo);
    }

    private static void apply(double[] m, int d, double[] v, int vo, double[] out, int oo) {
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += m[i * d + j] * v[vo + j];
            out[oo + i] = s;
        }
    }

    /** P applied to each of n particles (a fresh array): the pushforward of the cloud by the projection onto E^G. */
    public double[] project(double[] particles, int n) {
        double[] out = new double[n * dz];
        for (int i = 0; i < n; i++) apply(projector, dz, particles, i * dz, out, i * dz);
        return out;
    }

    /**
     * The symmetrized cloud mu^G = (1/|G|) sum_g (M_g)_# mu as n |G| particles, element-major: particle i moved by
     * element g sits at index g n + i. For a teacher this is the weakly invariant (orbit-closed) version.
     */
    public double[] symmetrize(double[] particles, int n) {
        double[] out = new double[order * n * dz];
        for (int g = 0; g < order; g++)
            for (int i = 0; i < n; i++) apply(onParameters[g], dz, particles, i * dz, out, (g * n + i) * dz);
        return out;
    }

    /**
     * The largest joint-equivariance error |sigma_*(rho_X(g) x; M_g z) - rho_Y(g) sigma_*(x; z)| over random trials
     * (element uniform, x and z standard normal scaled by {@code scale}), relative to 1 + |sigma_*(x; z)|.
     *
     * @throws IllegalArgumentException if the unit's dimensions do not match the action's
     */
    public double equivarianceError(Unit unit, int trials, double scale, RandomGenerator random) {
        requireCompatible(unit);
        double worst = 0;
        double[] x = new double[dx], z = new double[dz], gx = new double[dx], gz = new double[dz], gy = new double[dy];
        for (int t = 0; t < trials; t++) {
            int g = random.nextInt(order);
            for (int i = 0; i < dx; i++) x[i] = scale * random.nextGaussian();
            for (int i = 0; i < dz; i++) z[i] = scale * random.nextGaussian();
            actOnInput(g, x, 0, gx, 0);
            actOnParameters(g, z, 0, gz, 0);
            double[] y = unit.apply(x, z);
            actOnOutput(g, y, 0, gy, 0);
            double[] moved = unit.apply(gx, gz);
            double err = 0, norm = 0;
            for (int i = 0; i < dy; i++) {
                err += (moved[i] - gy[i]) * (moved[i] - gy[i]);
                norm += y[i] * y[i];
            }
            worst = Math.max(worst, Math.sqrt(err) / (1 + Math.sqrt(norm)));
        }
        return worst;
    }

    /** Throws unless the unit's X, Y, Z dimensions are the ones this group acts on. */
    public void requireCompatible(Unit unit) {
        if (unit.inputDimension() != dx || unit.outputDimension() != dy || unit.parameterDimension() != dz)
            throw new IllegalArgumentException("unit '" + unit.name() + "' has (dx, dy, dz) = ("
                    + unit.inputDimension() + ", " + unit.outputDimension() + ", " + unit.parameterDimension()
                    + ") but " + name + " acts on (" + dx + ", " + dy + ", " + dz + ")");
    }

    @Override
    public String toString() {
        return name + " on X=R^" + dx + ", Y=R^" + dy + ", Z=R^" + dz + " (dim E^G = " + fixed.dimension() + ")";
    }
}
