package org.noether.language.seq2seq;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.language.scan.ScanExample;
import org.noether.language.scan.Vocabulary;
import org.noether.nn.train.BatchSource;
import org.noether.nn.train.LabeledBatch;

/**
 * SCAN as token ids for the models of this package: commands in {@link Vocabulary#commands()}, actions in {@link
 * Vocabulary#actions()}, random training batches and exact-match accuracy.
 *
 * <pre>{@code
 * ScanTask train = ScanTask.of(ScanSplit.of("addprim-jump", 0).train());
 * BatchSource source = train.sampler(64, 7, (m, x, y) -> Seq2SeqBatch.of(m, x, y));
 * }</pre>
 *
 * @param sources command token ids, one array per example
 * @param targets action token ids (no SOS or EOS), one array per example
 */
public record ScanTask(List<int[]> sources, List<int[]> targets) {
    public static final Vocabulary COMMANDS = Vocabulary.commands();
    public static final Vocabulary ACTIONS = Vocabulary.actions();

    public ScanTask {
        if (sources.size() != targets.size())
            throw new IllegalArgumentException(sources.size() + " sources but " + targets.size() + " targets");
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
    }

    public static ScanTask of(List<ScanExample> examples) {
        List<int[]> s = new ArrayList<>(examples.size()), t = new ArrayList<>(examples.size());
        for (ScanExample e : examples) {
            s.add(COMMANDS.encode(e.command()));
            t.add(ACTIONS.encode(e.actions()));
        }
        return new ScanTask(s, t);
    }

    public int size() {
        return sources.size();
    }

    /** A seeded random subset of {@code n} examples (all of them if {@code n >= size()}), in random order. */
    public ScanTask subset(int n, long seed) {
        if (n >= size()) return this;
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(idx.length - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        List<int[]> s = new ArrayList<>(n), t = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add(sources.get(idx[i]));
            t.add(targets.get(idx[i]));
        }
        return new ScanTask(s, t);
    }

    /** Builds one training batch from chosen examples. */
    @FunctionalInterface
    public interface BatchBuilder {
        LabeledBatch build(NDManager manager, List<int[]> sources, List<int[]> targets);
    }

    /**
     * Batches of {@code batchSize} examples with similar target lengths, so that little of each batch is padding:
     * every epoch visits the examples in a fresh random order, cut into pools of 32 batches, each pool sorted by
     * target length and cut into batches, and the epoch's batches shuffled. Step k's batch depends only on
     * {@code seed} and k, so a run can be repeated or resumed.
     */
    public BatchSource sampler(int batchSize, long seed, BatchBuilder builder) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        int perEpoch = Math.max(1, size() / batchSize);
        int[][][] cache = new int[1][][];
        long[] cachedEpoch = {-1};
        return (manager, step) -> {
            long epoch = step / perEpoch;
            if (cachedEpoch[0] != epoch) {
                cache[0] = epochBatches(
                        batchSize, perEpoch, new SplittableRandom(seed).split().nextLong() + epoch);
                cachedEpoch[0] = epoch;
            }
            int[] batch = cache[0][(int) (step % perEpoch)];
            List<int[]> s = new ArrayList<>(batchSize), t = new ArrayList<>(batchSize);
            for (int k : batch) {
                s.add(sources.get(k));
                t.add(targets.get(k));
            }
            return builder.build(manager, s, t);
        };
    }

    private int[][] epochBatches(int batchSize, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Integer[] order = new Integer[size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int pool = 32 * batchSize;
        for (int from = 0; from < order.length; from += pool)
            Arrays.sort(
                    order,
                    from,
                    Math.min(order.length, from + pool),
                    (a, b) -> Integer.compare(targets.get(a).length, targets.get(b).length));
        int[][] batches = new int[count][batchSize];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < batchSize; j++) batches[i][j] = order[(i * batchSize + j) % order.length];
        for (int i = count - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int[] tmp = batches[i];
            batches[i] = batches[j];
            batches[j] = tmp;
        }
        return batches;
    }

    /** Fraction of outputs equal to their target, token for token. */
    public double exactMatch(List<int[]> outputs) {
        if (outputs.size() != size())
            throw new IllegalArgumentException(outputs.size() + " outputs for " + size() + " examples");
        if (outputs.isEmpty()) return 0;
        int hits = 0;
        for (int i = 0; i < outputs.size(); i++) if (Arrays.equals(outputs.get(i), targets.get(i))) hits++;
        return hits / (double) outputs.size();
    }
}
