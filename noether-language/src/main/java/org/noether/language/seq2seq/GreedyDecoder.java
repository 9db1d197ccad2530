package org.noether.language.seq2seq;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.noether.language.scan.Vocabulary;

/**
 * Greedy decoding of groups of rows that share one output sequence, the engine behind every
 * {@link Symmetrization}. Row r reads the source {@code inputs[r]} (already moved by its group element g_r) and,
 * at step t, the example's output prefix moved by g_r; its log-probabilities are mapped back by g_r^-1 and combined
 * with the other rows of its example as {@code Q(a) = sum_r w_r log p_r(g_r a)}. The next token is the argmax of Q
 * over real tokens (PAD and SOS excluded).
 *
 * <p>Exactness: the terms of each sum are sorted before adding (so the sum depends on the multiset of terms, not on
 * the order of the rows), products of a float weight and a float log-probability are exact in double, and when the
 * maximum of Q is reached by more than one token the example ends (EOS). EOS is the only choice that commutes with
 * every vocabulary permutation fixing the special tokens; picking the first index would not. Together with a
 * canonical order of the rows (sorted by their source tokens, done by the caller) this makes symmetrized decoding
 * commute with the group exactly, not just up to round-off.
 */
final class GreedyDecoder {
    private GreedyDecoder() {}

    /**
     * @param inputs       source tokens of each row
     * @param element      group element index of each row (index into {@code outputPermutations})
     * @param weight       weight of each row
     * @param exampleStart rows of example e are {@code exampleStart[e] .. exampleStart[e+1]-1}
     */
    record Job(int[][] inputs, int[] element, double[] weight, int[] exampleStart) {
        int examples() {
            return exampleStart.length - 1;
        }
    }

    /**
     * @param outputs  per example, the generated tokens before EOS, in the frame of the unmoved source
     * @param rowProxy per row, the mean over the example's steps (EOS included) of the row's largest token probability
     */
    record Result(int[][] outputs, double[] rowProxy) {}

    static Result run(Seq2Seq model, NDManager parent, int[][] outputPermutations, Job job) {
        int rows = job.inputs().length, examples = job.examples();
        int v = model.config().targetVocabulary(), maxLength = model.config().maxLength();
        int[] start = job.exampleStart();
        int widest = 0;
        for (int e = 0; e < examples; e++) widest = Math.max(widest, start[e + 1] - start[e]);
        long[] previous = new long[rows];
        Arrays.fill(previous, Vocabulary.SOS);
        int[][] generated = new int[examples][maxLength];
        int[] length = new int[examples];
        boolean[] done = new boolean[examples];
        int remaining = examples;
        double[] proxySum = new double[rows];
        int[] proxySteps = new int[rows];
        double[] terms = new double[widest];
        try (NDManager chunk = parent.newSubManager()) {
            ParameterStore ps = new ParameterStore(chunk, false);
            Seq2Seq.Memory memory = model.encode(ps, SourceBatch.of(chunk, job.inputs()), false);
            NDList state = memory.state();
            for (int step = 0; step < maxLength && remaining > 0; step++) {
                float[] lp;
                try (NDManager scope = chunk.newSubManager()) {
                    NDList out = model.decode(ps, memory, scope.create(previous, new Shape(rows, 1)), state, false);
                    lp = out.head().toFloatArray();
                    NDList next = out.subNDList(1);
                    next.attach(chunk);
                    state.close();
                    state = next;
                }
                for (int e = 0; e < examples; e++) {
                    if (done[e]) continue;
                    int r0 = start[e], r1 = start[e + 1];
                    for (int r = r0; r < r1; r++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int a = 0; a < v; a++) m = Math.max(m, lp[r * v + a]);
                        proxySum[r] += Math.exp(m);
                        proxySteps[r]++;
                    }
                    double best = Double.NEGATIVE_INFINITY;
                    int token = Vocabulary.EOS;
                    boolean tie = false;
                    for (int a = 0; a < v; a++) {
                        if (a == Vocabulary.PAD || a == Vocabulary.SOS) continue;
                        double q;
                        if (r1 - r0 == 1) {
                            q = job.weight()[r0] * (double) lp[r0 * v + outputPermutations[job.element()[r0]][a]];
                        } else {
                            int n = 0;
                            for (int r = r0; r < r1; r++)
                                terms[n++] =
                                        job.weight()[r] * (double) lp[r * v + outputPermutations[job.element()[r]][a]];
                            Arrays.sort(terms, 0, n);
                            q = 0;
                            for (int i = 0; i < n; i++) q += terms[i];
                        }
                        if (q > best) {
                            best = q;
                            token = a;
                            tie = false;
                        } else if (q == best) {
                            tie = true;
                        }
                    }
                    if (tie) token = Vocabulary.EOS;
                    if (token == Vocabulary.EOS) {
                        done[e] = true;
                        remaining--;
                    } else {
                        generated[e][length[e]++] = token;
                    }
                    for (int r = r0; r < r1; r++) previous[r] = outputPermutations[job.element()[r]][token];
                }
            }
            state.close();
        }
        int[][] outputs = new int[examples][];
        for (int e = 0; e < examples; e++) outputs[e] = Arrays.copyOf(generated[e], length[e]);
        double[] proxy = new double[rows];
        for (int r = 0; r < rows; r++) proxy[r] = proxySteps[r] == 0 ? 0 : proxySum[r] / proxySteps[r];
        return new Result(outputs, proxy);
    }
}
