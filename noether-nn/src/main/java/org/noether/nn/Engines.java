package org.noether.nn;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Path;

/**
 * Single entry point to the DJL PyTorch engine, configured to work offline.
 *
 * <p>DJL 0.36 can load PyTorch entirely from the jars on the classpath: {@code
 * ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64} carries {@code libtorch*.so} plus a
 * {@code native/lib/pytorch.properties} descriptor, and {@code pytorch-jni:2.7.1-0.36.0} carries
 * {@code libdjl_torch.so}. On first use both are extracted (about 450 MB) into the engine cache
 * directory ({@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, each looked up as an
 * environment variable first, then as a system property; else {@code ~/.djl.ai}, or {@code
 * java.io.tmpdir/.djl.ai} when the home directory is not writable) under {@code
 * pytorch/2.7.1-20250812-cpu-linux-x86_64/}; later runs reuse that copy. Nothing is downloaded as
 * long as the native jar is present and {@code PYTORCH_VERSION} is not overridden; if the native
 * jar is missing, offline mode turns DJL's download attempt into an error.
 *
 * <p>What is still network-capable in DJL is switched off here, <em>before</em> the first DJL
 * class that reads it is initialised. Each property is only set when the user has not set it, so
 * {@code -D} options always win. Call {@link #pytorch()} before any other DJL code (including
 * {@code NDManager.newBaseManager()} or {@code Model.newInstance}), otherwise the thread settings
 * and the offline flag may be read too early.
 */
public final class Engines {

    /** DJL's name of the PyTorch engine. */
    public static final String PYTORCH = "PyTorch";

    /** PyTorch version bundled by the native jar this module depends on. */
    public static final String BUNDLED_PYTORCH_VERSION = "2.7.1";

    private static volatile Engine pytorch;

    private Engines() {}

    /**
     * Returns the PyTorch engine, loading the native library from the classpath on first call.
     *
     * @throws IllegalStateException with a one-line message if the native library cannot be loaded
     */
    public static Engine pytorch() {
        Engine e = pytorch;
        if (e != null) {
            return e;
        }
        synchronized (Engines.class) {
            if (pytorch == null) {
                pytorch = load();
            }
            return pytorch;
        }
    }

    /**
     * Seeds every random source DJL uses with the PyTorch engine: torch's global CPU generator
     * ({@code torch::manual_seed}, which resets its whole state) and DJL's Java-side {@code
     * RandomUtils.RANDOM} (used by samplers and some transforms). Whatever drew from them before
     * this call does not matter afterwards.
     *
     * <p>Pitfalls, for "same seed, same machine: same numbers":
     *
     * <ul>
     *   <li><b>Seed right before initialising, on the same thread.</b> Parameter initialisers draw
     *       from torch's generator at the moment {@code trainer.initialize(...)} or {@code
     *       block.initialize(...)} runs (weights of {@code Linear}/{@code Conv*} use DJL's default
     *       {@code XavierInitializer}, Gaussian, via {@code NDManager.randomNormal}; biases are
     *       zeros). A block that was never initialised is initialised lazily by its first forward
     *       pass, that is after whatever random data the caller drew. Any torch random op between
     *       the seed and the initialisation (data from {@code NDManager.random*}, dropout, building
     *       another model) shifts every weight.
     *   <li><b>The generator is global to the process.</b> Models set up concurrently (parallel
     *       tests, worker threads) race for it; keep seeding and initialisation of one model free
     *       of other threads' torch random ops. Test classes of one module share a JVM, in an order
     *       that can differ between machines, so each test must seed for itself.
     *   <li>Optimiser state (Adam's moments) starts at zero and needs no randomness: identical
     *       weights and batches give identical training on one machine, whatever the CPU load.
     *   <li><b>Bits are per machine.</b> Initial weights depend in the last bit on libtorch's CPU
     *       code path ({@code ATEN_CPU_CAPABILITY}: scalar versus AVX2/AVX-512), losses also on
     *       MKL's ({@code MKL_CBWR}); compare runs from different machines with a tolerance.
     *   <li>Thread counts: for small tensors (below libtorch's parallel grain size) 1, 2 and 4
     *       intra-op threads give the same bits, but a parallel reduction over a large tensor may
     *       add in a thread-count dependent order; keep {@code ai.djl.pytorch.num_threads} fixed
     *       (read once, when the engine is created) when runs must match bit for bit.
     * </ul>
     */
    public static void seed(int seed) {
        pytorch().setRandomSeed(seed);
    }

    /** Directory where the PyTorch native libraries are (or will be) extracted. */
    public static Path nativeCacheDir() {
        return Utils.getEngineCacheDir("pytorch");
    }

    /** Sets the offline defaults described on each line; never overrides a value already set. */
    static void applyOfflineDefaults() {
        // Engine's static initialiser "calls home" (EC2 metadata endpoint, then an S3 telemetry
        // URL) unless offline mode is on; offline mode also makes DJL's model zoo and repository
        // refuse to download. Note: the DJL_OFFLINE environment variable, if set, takes precedence.
        setIfAbsent("ai.djl.offline", "true");
        // Second switch for the same telemetry call, in case DJL_OFFLINE=false is in the environment.
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // Pick PyTorch without probing other engines when DJL code calls Engine.getInstance().
        setIfAbsent("ai.djl.default_engine", PYTORCH);
    }

    private static Engine load() {
        applyOfflineDefaults();
        String override = Utils.getEnvOrSystemProperty("PYTORCH_VERSION");
        if (override != null && !override.isEmpty() && !override.startsWith(BUNDLED_PYTORCH_VERSION)) {
            // DJL treats any other version as a request to download libtorch from the internet.
            throw new IllegalStateException("PYTORCH_VERSION="
                    + override
                    + " would make DJL download libtorch; unset it to use the bundled "
                    + BUNDLED_PYTORCH_VERSION);
        }
        try {
            return Engine.getEngine(PYTORCH);
        } catch (RuntimeException | LinkageError ex) {
            throw new IllegalStateException(
                    "Cannot load the PyTorch native library offline (need pytorch-native-cpu "
                            + BUNDLED_PYTORCH_VERSION
                            + " linux-x86_64 and pytorch-jni on the classpath, and a writable cache"
                            + " dir "
                            + safeCacheDir()
                            + "): "
                            + rootMessage(ex),
                    ex);
        }
    }

    private static String safeCacheDir() {
        try {
            return nativeCacheDir().toString();
        } catch (RuntimeException ex) {
            return "<unknown>";
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String oneLine = msg == null ? "" : msg.replace('\n', ' ').replace('\r', ' ');
        return root.getClass().getSimpleName() + (oneLine.isEmpty() ? "" : ": " + oneLine);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
