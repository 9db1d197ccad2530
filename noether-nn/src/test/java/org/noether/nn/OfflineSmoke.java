package org.noether.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.net.SocketPermission;
import java.security.Permission;
import java.util.Arrays;

/**
 * Child-process entry point for {@link EngineOfflineTest}: forbids every socket operation, loads
 * the engine from the classpath and prints one matmul result.
 */
public final class OfflineSmoke {
    private OfflineSmoke() {}

    /** Java 24 removed the security manager; before that it can trap every socket operation. */
    static final boolean SECURITY_MANAGER_AVAILABLE = Runtime.version().feature() < 24;

    @SuppressWarnings({"deprecation", "removal"})
    public static void main(String[] args) {
        // Any DNS lookup or connection attempt now throws SecurityException, which DJL does not
        // catch (it only catches IOException), so a network attempt makes this process fail.
        if (SECURITY_MANAGER_AVAILABLE) forbidNetwork();
        Engine engine = Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray b = m.create(new float[] {7, 8, 9, 10, 11, 12}, new Shape(3, 2));
            System.out.println("RESULT " + Arrays.toString(a.matMul(b).toFloatArray()));
            System.out.println("CACHE " + Engines.nativeCacheDir());
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void forbidNetwork() {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                if (perm instanceof SocketPermission) {
                    System.out.println("NETWORK " + perm.getName() + " " + perm.getActions());
                    throw new SecurityException("network access attempted: " + perm);
                }
            }
        });
    }
}
