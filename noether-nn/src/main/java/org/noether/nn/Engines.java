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
     * Seeds every random source DJL uses with the PyTorch engine: torch's global generator (used by
     * parameter initialisers and {@code NDManager.random*}) and DJL's Java-side {@code
     * RandomUtils.RANDOM} (used by samplers and some initialisers).
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
        if (override != null
                && !override.isEmpty()
                && !override.startsWith(BUNDLED_PYTORCH_VERSION)) {
            // DJL treats any other version as a request to download libtorch from the internet.
            throw new IllegalStateException(
                    "PYTORCH_VERSION="
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
