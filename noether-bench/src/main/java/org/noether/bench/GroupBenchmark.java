package org.noether.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representation;
import org.noether.representation.Representations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Group composition and representation evaluation: SO(3) products, S_5 products, the real Wigner-D matrix of degree 4
 * and the 120-dimensional regular representation of S_5, against a baseline: the product of two plain 3 x 3
 * {@code double[]} matrices (what composing two rotations costs without any group object).
 *
 * <p>Run: {@code noether bench group}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GroupBenchmark {
    private Orthogonal3 a, b;
    private Permutation p, q;
    private SymmetricGroup s5;
    private Representation<Orthogonal3> wigner4;
    private Representation<Permutation> regularS5;
    private double[] ma, mb;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        a = O3.SO3.sample(r);
        b = O3.SO3.sample(r);
        s5 = new SymmetricGroup(5);
        p = s5.sample(r);
        q = s5.sample(r);
        wigner4 = Representations.wignerD(O3.SO3, 4);
        regularS5 = Representations.regular(s5);
        ma = new double[9];
        mb = new double[9];
        for (int i = 0; i < 9; i++) {
            ma[i] = r.nextGaussian();
            mb[i] = r.nextGaussian();
        }
    }

    /** The baseline: a plain 3 x 3 matrix product into a fresh array. */
    @Benchmark
    public double[] plainProduct3x3() {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                c[3 * i + j] = ma[3 * i] * mb[j] + ma[3 * i + 1] * mb[3 + j] + ma[3 * i + 2] * mb[6 + j];
        return c;
    }

    @Benchmark
    public Orthogonal3 composeSO3() {
        return O3.SO3.compose(a, b);
    }

    @Benchmark
    public Permutation composeS5() {
        return s5.compose(p, q);
    }

    @Benchmark
    public double[] wignerDegree4() {
        return wigner4.matrix(a);
    }

    @Benchmark
    public double[] regularS5() {
        return regularS5.matrix(p);
    }
}
