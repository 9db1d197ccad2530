package org.noether.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.Equitune;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.NDActions;
import org.noether.nn.symmetrize.Proxy;
import org.noether.nn.symmetrize.Symmetry;
import org.noether.vision.SmallCnn;
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
 * Cost of symmetrization: inference of the vision experiment's CNN wrapped by equitune and equizero on B images
 * (one batch of |G| x B transformed copies inside) against the plain CNN on the |G| x B copies and on B images.
 * One PyTorch thread (set in the fork's JVM arguments), so numbers depend less on how busy the other cores are.
 *
 * <p>Run: {@code noether bench symmetrize}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.offline=true",
            "-DOPT_OUT_TRACKING=true",
            "-Dai.djl.default_engine=PyTorch",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class SymmetrizeBenchmark {

    @Param({"C4", "D4"})
    public String group;

    @Param({"32"})
    public int batch;

    private NDManager manager;
    private Block cnn;
    private Equitune<DihedralElement> equitune;
    private Equizero<DihedralElement> equizero;
    private NDArray images;
    private NDArray orbitImages;

    @Setup(Level.Trial)
    public void setup() {
        Engines.pytorch();
        Engines.seed(1);
        DihedralGroup g = group.equals("C4") ? DihedralGroup.cyclic(4) : DihedralGroup.dihedral(4);
        manager = Engines.pytorch().newBaseManager();
        cnn = SmallCnn.classifier(10);
        cnn.initialize(manager, DataType.FLOAT32, SmallCnn.input(batch));
        Symmetry<DihedralElement> s = Symmetry.invariant(g, NDActions.image(g));
        equitune = new Equitune<>(cnn, s);
        equizero = new Equizero<>(cnn, s, Proxy.entropy());
        images = random(manager, batch);
        orbitImages = random(manager, batch * g.order());
    }

    private static NDArray random(NDManager m, int n) {
        SplittableRandom r = new SplittableRandom(n);
        float[] v = new float[n * SmallCnn.SIDE * SmallCnn.SIDE];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return m.create(v, SmallCnn.input(n));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** Inference in a scope: the input is attached to it for the call, so every result is freed after. */
    private float run(Block block, NDArray x) {
        try (NDManager scope = manager.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow();
            return y.getFloat(0, 0);
        }
    }

    @Benchmark
    public float plainB() {
        return run(cnn, images);
    }

    @Benchmark
    public float plainOrbitBatch() {
        return run(cnn, orbitImages);
    }

    @Benchmark
    public float equituneB() {
        return run(equitune, images);
    }

    @Benchmark
    public float equizeroB() {
        return run(equizero, images);
    }
}
