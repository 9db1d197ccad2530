package org.noether.nn.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.noether.nn.Engines;

/**
 * Counts native arrays that are still alive, for leak tests and diagnostics.
 *
 * <p>Uses the public {@link NDManager#getManagedArrays()} of DJL 0.36, which (in {@code
 * BaseNDManager}) returns the arrays attached to the manager <em>and</em>, recursively, to every
 * sub-manager that is still open, plus temporarily attached arrays. A closed array or sub-manager
 * detaches itself from its parent, so the count is exactly what a {@code close()} of the manager
 * would still have to free. No reflection is involved.
 */
public final class LiveArrays {

    private LiveArrays() {}

    /** Number of open arrays owned by {@code manager} and its open sub-managers. */
    public static int count(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    /**
     * Number of open arrays of the whole PyTorch engine (everything under DJL's system manager),
     * which also catches arrays that leaked onto a manager other than the one being watched.
     */
    public static int countAll() {
        try (NDManager probe = Engines.pytorch().newBaseManager()) {
            NDManager system = probe.getParentManager();
            // the probe itself holds no arrays, so it does not change the count
            return count(system);
        }
    }

    /** Open arrays of {@code manager} grouped by the name of the manager that owns them. */
    public static Map<String, Integer> byOwner(NDManager manager) {
        List<NDArray> arrays = manager.getManagedArrays();
        Map<String, Integer> counts = new TreeMap<>();
        for (NDArray a : arrays) {
            NDManager owner = a.getManager();
            String key = owner.getName() == null ? owner.toString() : owner.getName();
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }
}
