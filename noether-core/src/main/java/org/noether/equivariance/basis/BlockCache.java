package org.noether.equivariance.basis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used cache of solved blocks, bounded by total weight (stored doubles and ints of keys and bases)
 * as well as by entries: keys hold the generator matrices themselves, so a few large representations must not pin
 * gigabytes.
 */
final class BlockCache {
    private final int maxEntries;
    private final long maxWeight;
    private final LinkedHashMap<Object, Entry> map = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private record Entry(BlockSolution solution, long weight) {}

    BlockCache(int maxEntries, long maxWeight) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
    }

    synchronized BlockSolution get(Object key) {
        Entry e = map.get(key);
        return e == null ? null : e.solution;
    }

    /** Stores the block unless it alone exceeds a quarter of the budget; evicts least recently used ones. */
    synchronized void put(Object key, BlockSolution solution, long keyWeight) {
        long w = keyWeight + solution.storedEntries();
        if (w > maxWeight / 4) return;
        Entry old = map.put(key, new Entry(solution, w));
        if (old != null) weight -= old.weight;
        weight += w;
        Iterator<Map.Entry<Object, Entry>> it = map.entrySet().iterator();
        while ((weight > maxWeight || map.size() > maxEntries) && it.hasNext()) {
            Map.Entry<Object, Entry> eldest = it.next();
            weight -= eldest.getValue().weight;
            it.remove();
        }
    }

    synchronized int size() {
        return map.size();
    }

    synchronized long weight() {
        return weight;
    }

    synchronized void clear() {
        map.clear();
        weight = 0;
    }
}
