package org.noether.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOfflineTest {

    @Test
    void engineLoadsAndMatmulIsCorrect() {
        Engine engine = Engines.pytorch();
        assertEquals(Engines.PYTORCH, engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        try (NDManager m = engine.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray b = m.create(new float[] {7, 8, 9, 10, 11, 12}, new Shape(3, 2));
            assertArrayEquals(new float[] {58, 64, 139, 154}, a.matMul(b).toFloatArray());

            int n = 17, k = 9, p = 5;
            Random rnd = new Random(1);
            double[][] x = new double[n][k];
            double[][] y = new double[k][p];
            float[] xf = new float[n * k];
            float[] yf = new float[k * p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    x[i][j] = (float) rnd.nextGaussian();
                    xf[i * k + j] = (float) x[i][j];
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < p; j++) {
                    y[i][j] = (float) rnd.nextGaussian();
                    yf[i * p + j] = (float) y[i][j];
                }
            }
            float[] got = m.create(xf, new Shape(n, k))
                    .matMul(m.create(yf, new Shape(k, p)))
                    .toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int t = 0; t < k; t++) {
                        s += x[i][t] * y[t][j];
                    }
                    assertEquals(s, got[i * p + j], 1e-4, "entry " + i + "," + j);
                }
            }
        }
    }

    /**
     * Fresh JVM, empty DJL cache, no offline flags from outside, and a security manager that fails
     * on any socket use: the engine must still extract itself from the classpath jars and compute.
     */
    @Test
    void freshProcessWithEmptyCacheNeedsNoNetwork(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("djl-cache");
        Files.createDirectories(cache);
        Result r = runSmoke(cache, classpath());
        assertEquals(0, r.exitCode, r.output);
        assertTrue(r.output.contains("RESULT [58.0, 64.0, 139.0, 154.0]"), r.output);
        assertTrue(!r.output.contains("NETWORK "), r.output);
        assertTrue(
                Files.exists(cache.resolve("pytorch")),
                "native libraries should have been extracted under the temporary cache");
    }

    /** Without the native jar the failure is one clear line, not a download attempt. */
    @Test
    void missingNativeJarGivesClearError(@TempDir Path tmp) throws Exception {
        String cp = Arrays.stream(classpath().split(File.pathSeparator))
                .filter(e -> !e.contains("pytorch-native-cpu"))
                .collect(Collectors.joining(File.pathSeparator));
        Result r = runSmoke(tmp, cp);
        assertTrue(r.exitCode != 0, r.output);
        assertTrue(r.output.contains("Cannot load the PyTorch native library offline"), r.output);
        assertTrue(!r.output.contains("NETWORK "), r.output);
    }

    private record Result(int exitCode, String output) {}

    private static Result runSmoke(Path cache, String classpath) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // The socket-forbidding security manager exists up to Java 23; from 24 on the child still runs
        // with an empty cache and no offline flags, but network attempts are not trapped.
        if (OfflineSmoke.SECURITY_MANAGER_AVAILABLE) cmd.add("-Djava.security.manager=allow");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(OfflineSmoke.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        for (String key : List.of(
                "DJL_CACHE_DIR",
                "ENGINE_CACHE_DIR",
                "DJL_OFFLINE",
                "OPT_OUT_TRACKING",
                "PYTORCH_LIBRARY_PATH",
                "PYTORCH_VERSION",
                "PYTORCH_FLAVOR")) {
            env.remove(key);
        }
        env.put("DJL_CACHE_DIR", cache.toString());
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM timed out");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** The real test classpath (surefire may hide it behind a manifest-only jar). */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }
}
