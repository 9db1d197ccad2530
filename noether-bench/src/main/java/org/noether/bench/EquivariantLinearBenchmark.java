package org.noether.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.equivariant.EquivariantLinear;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inference cost of {@link EquivariantLinear} (D4, {@code copies} x regular -> same, so dIn = dOut = 8 copies)
 * against DJL's {@code Linear} of the same shape, on a batch of 64 rows, one PyTorch thread.
 *
 * <ul>
 *   <li>{@code plainLinear}: {@code Linear} forward in inference mode;
 *   <li>{@code equivariantCached}: {@code EquivariantLinear} inference forward with the assembled weight cached;
 *   <li>{@code equivariantAssembling}: a training-mode forward (no gradient collector), which assembles
 *       {@code W = sum_k c_k B_k} on every call, for reference.
 * </ul>
 *
 * <p>Every invocation copies the input into a fresh sub-manager (the same cost for all three) and closes it.
 *
 * <p>Run: {@code noether bench linear}
 *
 * <p>{@link #interleaved} is an interleaved A/B variant for shared machines: it alternates rounds of plain and cached
 * equivariant calls in one JVM and reports the median per-call time of each, so that load changes hit both alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class EquivariantLinearBenchmark {

    static final int BATCH = 64;

    @Param({"4", "16"})
    public int copies;

    private NDManager manager;
    private NDArray x;
    private Block plain;
    private Block equivariant;

    @Setup(Level.Trial)
    public void setup() {
        Engines.pytorch();
        Engines.seed(1);
        manager = Engines.pytorch().newBaseManager();
        Representation<?> rep = RepresentationSpec.parse(DihedralGroup.dihedral(4), copies + "regular");
        int d = rep.dimension();
        Shape shape = new Shape(BATCH, d);
        plain = Linear.builder().setUnits(d).build();
        plain.setInitializer(new NormalInitializer(0.1f), p -> true);
        plain.initialize(manager, DataType.FLOAT32, shape);
        equivariant = layer(rep);
        equivariant.setInitializer(new NormalInitializer(0.1f), p -> true);
        equivariant.initialize(manager, DataType.FLOAT32, shape);
        x = manager.randomNormal(shape);
        // assemble once so that the measured calls hit the cache
        ((EquivariantLinear) equivariant).assemble();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EquivariantLinear layer(Representation rep) {
        return new EquivariantLinear(rep, rep);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    private long forward(Block block, boolean training) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = x.duplicate();
            in.attach(scope);
            NDList out = block.forward(new ParameterStore(scope, false), new NDList(in), training);
            return out.singletonOrThrow().getShape().size();
        }
    }

    /**
     * Interleaved comparison, {@code noether bench linear-ab [rounds] [callsPerRound]}.
     */
    public static void interleaved(String[] args, PrintStream report) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        for (int c : new int[] {4, 16}) {
            EquivariantLinearBenchmark b = new EquivariantLinearBenchmark();
            b.copies = c;
            b.setup();
            double[] plain = new double[rounds];
            double[] eq = new double[rounds];
            for (int r = -3; r < rounds; r++) { // three warm-up rounds
                double p = b.time(b.plain, calls);
                double e = b.time(b.equivariant, calls);
                if (r >= 0) {
                    plain[r] = p;
                    eq[r] = e;
                }
            }
            java.util.Arrays.sort(plain);
            java.util.Arrays.sort(eq);
            double mp = plain[rounds / 2], me = eq[rounds / 2];
            report.printf(
                    "D4 %d x regular (%d x %d), batch %d: plain Linear %.1f us, EquivariantLinear (cached)"
                            + " %.1f us, ratio %.2f%n",
                    c, 8 * c, 8 * c, BATCH, mp, me, me / mp);
            b.tearDown();
        }
    }

    private double time(Block block, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) forward(block, false);
        return (System.nanoTime() - t0) / 1e3 / calls;
    }

    @Benchmark
    public long plainLinear() {
        return forward(plain, false);
    }

    @Benchmark
    public long equivariantCached() {
        return forward(equivariant, false);
    }

    @Benchmark
    public long equivariantAssembling() {
        return forward(equivariant, true);
    }
}
