package org.noether.meanfield;

import java.util.SplittableRandom;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/**
 * Everything a teacher-student experiment fixes besides the training scheme: the unit sigma_*, the group action, the
 * input law, the teacher's base particles (from which arbitrary, WI and SI teachers are made), the scale of the
 * student's initialization, and the one-dimensional subspace the subspace-discovery heuristic starts from.
 *
 * <pre>{@code
 * MeanFieldSetting s = MeanFieldSetting.paper();   // C2 swapping coordinates, sigmoid(z x), z 2 x 2
 * Teacher t = s.teacher(Invariance.WEAKLY_INVARIANT);
 * }</pre>
 *
 * @param name a short name
 * @param unit sigma_*
 * @param symmetry the group acting on X, Y and Z
 * @param inputs the law of x
 * @param teacherBase the teacher's base particles, row-major
 * @param teacherBaseCount how many
 * @param initStd standard deviation of the entries of initial particles
 * @param start the subspace the discovery heuristic starts from
 */
public record MeanFieldSetting(
        String name,
        Unit unit,
        Symmetry symmetry,
        InputDistribution inputs,
        double[] teacherBase,
        int teacherBaseCount,
        double initStd,
        Subspace start) {

    public MeanFieldSetting {
        symmetry.requireCompatible(unit);
        if (teacherBase.length != teacherBaseCount * unit.parameterDimension())
            throw new IllegalArgumentException("teacher base has " + teacherBase.length + " values, expected "
                    + teacherBaseCount + " x " + unit.parameterDimension());
        if (start.ambientDimension() != unit.parameterDimension())
            throw new IllegalArgumentException("start subspace lives in R^" + start.ambientDimension()
                    + ", parameters in R^" + unit.parameterDimension());
    }

    /** Input standard deviation of the paper's experiment: x ~ N(0, 4^2 I). */
    public static final double PAPER_INPUT_STD = 4;
    /** Student initialization of the paper's experiment: entries N(0, 1/16), i.e. standard deviation 1/4. */
    public static final double PAPER_INIT_STD = 0.25;
    /** Scale applied to the teacher's base particles in the paper's experiment. */
    public static final double PAPER_TEACHER_SCALE = 0.5;

    /**
     * The paper's teacher-student setting: X = Y = R^2, G = C2 (realized as S2) swapping the two coordinates, Z =
     * 2 x 2 matrices with M_g z = g z g^T, sigma_*(x; z) = sigmoid(z x), x ~ N(0, 16 I), student entries
     * N(0, 1/16). E^G = {a I + b P} has dimension 2. The five teacher particles (scaled by 1/2) are our own fixed
     * choice of generic matrices, none fixed by the swap; the heuristic starts from span{I}.
     */
    public static MeanFieldSetting paper() {
        SymmetricGroup c2 = new SymmetricGroup(2);
        Representation<Permutation> p = Representations.permutation(c2);
        Symmetry sym = Symmetry.of(c2, p, p, p.times(p)).withName("C2");
        double[] base = {
            2.0, -1.0, 0.5, 1.0, -1.5, 0.5, 2.0, -0.5, 1.0, 2.0, -1.0, 0.0, 0.0, -2.0, 1.5, 2.0, -2.0, 1.0, -0.5, -1.5
        };
        for (int i = 0; i < base.length; i++) base[i] *= PAPER_TEACHER_SCALE;
        return new MeanFieldSetting(
                "C2 swap, sigmoid(z x), z in R^2x2",
                new SigmoidMatrixUnit(2),
                sym,
                InputDistribution.gaussian(2, PAPER_INPUT_STD),
                base,
                5,
                PAPER_INIT_STD,
                Subspace.span(4, new double[] {1, 0, 0, 1}));
    }

    /**
     * A larger-group analogue: the dihedral group D_k permuting the k vertices of a regular k-gon acts on X = Y = R^k
     * and on k x k matrices by z -> g z g^T; sigma_*(x; z) = sigmoid(z x), x ~ N(0, I). E^G is the space of matrices
     * commuting with D_k, symmetric circulants: dimension floor(k/2) + 1 (3 for D4). Three teacher particles are drawn
     * once from a fixed seed (entries N(0, 1)); students start at N(0, 1/16) entries; the heuristic starts from
     * span{I}.
     */
    public static MeanFieldSetting dihedralMatrices(int k) {
        if (k < 3) throw new IllegalArgumentException("need a polygon with k >= 3 vertices, got " + k);
        DihedralGroup dk = DihedralGroup.dihedral(k);
        Representation<DihedralElement> v = Representations.vertices(dk);
        Symmetry sym = Symmetry.of(dk, v, v, v.times(v));
        double[] base = Particles.gaussian(3, k * k, 1.0, new SplittableRandom(20240530L));
        double[] identity = new double[k * k];
        for (int i = 0; i < k; i++) identity[i * k + i] = 1;
        return new MeanFieldSetting(
                "D" + k + " on polygon vertices, sigmoid(z x), z in R^" + k + "x" + k,
                new SigmoidMatrixUnit(k),
                sym,
                InputDistribution.gaussian(k, 1.0),
                base,
                3,
                PAPER_INIT_STD,
                Subspace.span(k * k, identity));
    }

    /**
     * A classic shallow network a tanh(w . x) with G acting on inputs by {@code inputs} and on the (scalar or vector)
     * output by {@code outputs}; M_g = rho_X(g) (+) rho_Y(g). Three teacher particles are drawn from a fixed seed;
     * x ~ N(0, I); the heuristic starts from the output weights' first axis, which lies in E^G when the outputs
     * are invariant (trivial {@code outputs}).
     */
    public static <G> MeanFieldSetting classic(
            FiniteGroup<G> group, Representation<G> inputs, Representation<G> outputs) {
        int dx = inputs.dimension(), dy = outputs.dimension();
        Symmetry sym = Symmetry.classic(group, inputs, outputs);
        double[] base = Particles.gaussian(3, dx + dy, 1.0, new SplittableRandom(20240531L));
        double[] axis = new double[dx + dy];
        axis[dx] = 1;
        return new MeanFieldSetting(
                group.name() + ", a tanh(w.x)",
                new ClassicUnit(dx, dy, ClassicUnit.Activation.TANH),
                sym,
                InputDistribution.gaussian(dx, 1.0),
                base,
                3,
                PAPER_INIT_STD,
                Subspace.span(dx + dy, axis));
    }

    /** The teacher of the given kind built from this setting's base particles. */
    public Teacher teacher(Invariance kind) {
        return Teacher.of(kind, symmetry, teacherBase, teacherBaseCount);
    }

    @Override
    public String toString() {
        return name + " [" + symmetry + "]";
    }
}
