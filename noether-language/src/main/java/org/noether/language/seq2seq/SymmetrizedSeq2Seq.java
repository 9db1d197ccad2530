package org.noether.language.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.noether.nn.symmetrize.Equizero;
import org.noether.nn.symmetrize.StraightThrough;
import org.noether.nn.symmetrize.Ties;
import org.noether.nn.train.LabeledBatch;

/**
 * A sequence-to-sequence model symmetrized over a group acting by vocabulary permutations, at the level of the
 * decoder's per-step output distributions (Basu et al., NeurIPS 2023, eq. for equitune, equizero and
 * lambda-equitune, applied token by token): at every step and for every g in G the model reads g.x with the prefix
 * generated so far mapped by g, and its log-probabilities come back through g^-1 on the output vocabulary. The whole
 * orbit is evaluated as one batch of |G| x B sequences. See {@link Symmetrization} for the four ways of combining.
 *
 * <p>Decoding commutes with the group exactly: {@code decode(g.x) == g.decode(x)} token for token, for any weights,
 * trained or not (see {@link GreedyDecoder} for how ties are handled). The authors' SCAN code maps output
 * distributions with g instead of g^-1 (the same only for groups of order 2) and breaks equizero ties by the first
 * index (not equivariant for inputs fixed by part of the group); both are done right here.
 *
 * <p>Equizero's proxy is the mean over the decoder's steps of the largest token probability; its choice uses the
 * library's tie rule ({@link Ties}, tolerance {@link #TIE_TOLERANCE}, the default of nn's {@link Equizero}): every
 * element whose proxy is within {@code tol * (1 + |max|)} of the best counts as chosen, and their distributions are
 * averaged. nn's {@code Equizero} block itself cannot be reused: it symmetrizes one forward call of a block, while here
 * the choice and the g^-1 mapping act on every decoder step of a sequence whose prefix is itself moved by g.
 *
 * <p>Training uses teacher forcing on {@link #batch} (orbit rows g-major), with {@link Seq2SeqLoss} on the combined
 * log-probabilities; equizero trains with nn's {@link StraightThrough} estimator, applied to the final
 * log-probabilities: forward, the chosen elements' log-softmax; gradient, exactly equitune's (log-softmax of the mean).
 *
 * <pre>{@code
 * var sym = VocabularySymmetry.of(ScanSymmetry.addJump());
 * var model = new SymmetrizedSeq2Seq<>(pretrained, sym, Symmetrization.EQUIZERO);
 * List<int[]> actions = model.decode(manager, commands, 256);
 * }</pre>
 *
 * @param <G> the group's element type
 */
public final class SymmetrizedSeq2Seq<G> extends AbstractBlock {
    private static final byte VERSION = 1;

    /** Relative tolerance under which equizero's proxies count as tied: nn's {@link Equizero#DEFAULT_TOLERANCE}. */
    public static final double TIE_TOLERANCE = Equizero.DEFAULT_TOLERANCE;

    private final Seq2Seq base;
    private final VocabularySymmetry<G> symmetry;
    private final Symmetrization mode;
    private final LambdaNet lambda;
    private final int[][] outputPermutations;

    public SymmetrizedSeq2Seq(Seq2Seq base, VocabularySymmetry<G> symmetry, Symmetrization mode) {
        super(VERSION);
        Seq2SeqConfig c = base.config();
        if (symmetry.inputVocabulary() != c.sourceVocabulary() || symmetry.outputVocabulary() != c.targetVocabulary())
            throw new IllegalArgumentException("symmetry '" + symmetry.name() + "' acts on vocabularies of "
                    + symmetry.inputVocabulary() + " and " + symmetry.outputVocabulary() + " tokens, the model has "
                    + c.sourceVocabulary() + " and " + c.targetVocabulary());
        if (mode == null)
            throw new IllegalArgumentException("mode must be one of " + Arrays.toString(Symmetrization.values()));
        this.base = addChildBlock("base", base);
        this.symmetry = symmetry;
        this.mode = mode;
        this.lambda = mode == Symmetrization.LAMBDA_EQUITUNE
                ? addChildBlock("lambda", new LambdaNet(c.sourceVocabulary(), c.hidden()))
                : null;
        outputPermutations = new int[symmetry.order()][];
        int[] identity = new int[c.targetVocabulary()];
        for (int a = 0; a < identity.length; a++) identity[a] = a;
        for (int g = 0; g < symmetry.order(); g++) outputPermutations[g] = symmetry.actOnOutput(g, identity);
    }

    public Seq2Seq base() {
        return base;
    }

    public VocabularySymmetry<G> symmetry() {
        return symmetry;
    }

    public Symmetrization mode() {
        return mode;
    }

    /** The lambda network's block, or null unless the mode is {@link Symmetrization#LAMBDA_EQUITUNE}. */
    AbstractBlock lambdaNet() {
        return lambda;
    }

    /** Rows per example in training and decoding: |G|, or 1 for {@link Symmetrization#NONE}. */
    int width() {
        return mode == Symmetrization.NONE ? 1 : symmetry.order();
    }

    // ---------------------------------------------------------------- training

    /**
     * A teacher-forcing batch: the orbit of every source and target, g-major ({@code row = g * B + b}), the gather
     * index that maps each row's distribution back by g^-1, and the mask of the original targets; labels are the
     * original targets and mask.
     */
    public LabeledBatch batch(NDManager manager, List<int[]> sources, List<int[]> targets) {
        if (sources.size() != targets.size())
            throw new IllegalArgumentException(sources.size() + " sources but " + targets.size() + " targets");
        int b = sources.size(), n = width(), v = base.config().targetVocabulary();
        int[][] src = new int[n * b][], tgt = new int[n * b][];
        long[] index = new long[n * b * v];
        for (int g = 0; g < n; g++) {
            for (int i = 0; i < b; i++) {
                int r = g * b + i;
                src[r] = symmetry.actOnInput(g, sources.get(i));
                tgt[r] = symmetry.actOnOutput(g, targets.get(i));
                for (int a = 0; a < v; a++) index[r * v + a] = outputPermutations[g][a];
            }
        }
        NDList data = SourceBatch.of(manager, src).addTo(new NDList());
        Seq2SeqBatch.Targets orbit = Seq2SeqBatch.Targets.of(manager, tgt);
        Seq2SeqBatch.Targets original = Seq2SeqBatch.Targets.of(manager, targets.toArray(int[][]::new));
        data.add(orbit.input());
        data.add(manager.create(index, new Shape((long) n * b, 1, v)));
        data.add(original.mask());
        return new LabeledBatch(data, new NDList(original.output(), original.mask()));
    }

    /** Input shapes for {@link #initialize}: {@code b} examples, sources of length {@code ts}, targets {@code to}. */
    public Shape[] inputShapes(long b, long ts, long to) {
        long r = width() * b;
        Shape[] s = Seq2Seq.inputShapes(r, ts, to);
        Shape[] all = Arrays.copyOf(s, s.length + 2);
        all[s.length] = new Shape(r, 1, base.config().targetVocabulary());
        all[s.length + 1] = new Shape(b, to);
        return all;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        SourceBatch src = SourceBatch.from(inputs, 0);
        NDArray targetIn = inputs.get(SourceBatch.ARRAYS);
        NDArray index = inputs.get(SourceBatch.ARRAYS + 1);
        NDArray mask = inputs.get(SourceBatch.ARRAYS + 2);
        Seq2Seq.Memory memory = base.encode(ps, src, training);
        NDArray lp = base.decode(ps, memory, targetIn, memory.state(), training).head();
        if (mode == Symmetrization.NONE) return new NDList(lp);
        int n = symmetry.order();
        long rows = src.batch(),
                b = rows / n,
                t = targetIn.getShape().get(1),
                v = base.config().targetVocabulary();
        NDArray q = lp.gather(index.broadcast(new Shape(rows, t, v)), 2).reshape(n, b, t, v);
        return new NDList(
                switch (mode) {
                    case EQUITUNE -> q.mean(new int[] {0}).logSoftmax(2);
                    case LAMBDA_EQUITUNE -> {
                        NDArray w = lambda.forward(ps, src.addTo(new NDList()), training)
                                .head()
                                .reshape(n, b, 1, 1);
                        yield q.mul(w)
                                .sum(new int[] {0})
                                .div(w.sum(new int[] {0}))
                                .logSoftmax(2);
                    }
                    case EQUIZERO -> {
                        NDArray selection =
                                selectionWeights(lp.stopGradient(), mask, n).reshape(n, b, 1, 1);
                        NDArray chosen = q.mul(selection).sum(new int[] {0}).logSoftmax(2);
                        yield StraightThrough.of(chosen, q.mean(new int[] {0}).logSoftmax(2));
                    }
                    case NONE -> throw new AssertionError();
                });
    }

    /**
     * Equizero's choice as {@code [n, b]} weights from the orbit's log-probabilities {@code lp} ({@code [n b, t, v]},
     * g-major) and the targets' mask ({@code [b, t]}): the proxy of each row is its mean over real steps of the
     * largest token probability, and {@link Ties} spreads each example's weight over the rows within
     * {@link #TIE_TOLERANCE} of the best.
     */
    static NDArray selectionWeights(NDArray lp, NDArray mask, int n) {
        long b = mask.getShape().get(0), t = mask.getShape().get(1);
        NDArray best = lp.exp().max(new int[] {2}).reshape(n, b, t);
        NDArray proxy = best.mul(mask.expandDims(0))
                .sum(new int[] {2})
                .div(mask.sum(new int[] {1}).expandDims(0));
        return Ties.minimizerWeights(proxy.neg(), TIE_TOLERANCE);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        base.initialize(manager, dataType, Arrays.copyOf(inputShapes, SourceBatch.ARRAYS + 1));
        if (lambda != null) lambda.initialize(manager, dataType, Arrays.copyOf(inputShapes, SourceBatch.ARRAYS));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape mask = inputShapes[SourceBatch.ARRAYS + 2];
        return new Shape[] {new Shape(mask.get(0), mask.get(1), base.config().targetVocabulary())};
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Output of {@link #decodeAll}.
     *
     * @param outputs  one action sequence per source, without EOS
     * @param selected per source, the indices of the group elements whose rows made the output: all of G for
     *                 equitune and lambda-equitune, the proxy's maximizers for equizero, the identity for none
     */
    public record Decoded(List<int[]> outputs, List<int[]> selected) {}

    /** Greedy decoding of every source, {@code batchSize} sources (|G| x batchSize rows) at a time. */
    public List<int[]> decode(NDManager manager, List<int[]> sources, int batchSize) {
        return decodeAll(manager, sources, batchSize).outputs();
    }

    /** As {@link #decode}, also reporting which group elements were used for each source. */
    public Decoded decodeAll(NDManager manager, List<int[]> sources, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        List<int[]> outputs = new ArrayList<>(sources.size()), selected = new ArrayList<>(sources.size());
        for (int from = 0; from < sources.size(); from += batchSize) {
            List<int[]> chunk = sources.subList(from, Math.min(sources.size(), from + batchSize));
            decodeChunk(manager, chunk, outputs, selected);
        }
        return new Decoded(outputs, selected);
    }

    private void decodeChunk(NDManager manager, List<int[]> sources, List<int[]> outputs, List<int[]> selected) {
        int b = sources.size(), n = width();
        int[][] inputs = new int[n * b][];
        int[] element = new int[n * b], start = new int[b + 1];
        for (int i = 0; i < b; i++) {
            int[] order = canonicalOrder(sources.get(i), n);
            start[i] = i * n;
            for (int j = 0; j < n; j++) {
                element[i * n + j] = order[j];
                inputs[i * n + j] = symmetry.actOnInput(order[j], sources.get(i));
            }
        }
        start[b] = n * b;
        double[] weight = new double[n * b];
        Arrays.fill(weight, 1);
        if (mode == Symmetrization.LAMBDA_EQUITUNE) {
            try (NDManager scope = manager.newSubManager()) {
                float[] w = lambda.forward(
                                new ParameterStore(scope, false),
                                SourceBatch.of(scope, inputs).addTo(new NDList()),
                                false)
                        .head()
                        .toFloatArray();
                for (int r = 0; r < w.length; r++) weight[r] = w[r];
            }
        }
        if (mode != Symmetrization.EQUIZERO) {
            GreedyDecoder.Result res = GreedyDecoder.run(
                    base, manager, outputPermutations, new GreedyDecoder.Job(inputs, element, weight, start));
            for (int i = 0; i < b; i++) {
                outputs.add(res.outputs()[i]);
                int[] used = Arrays.copyOfRange(element, i * n, i * n + n);
                Arrays.sort(used);
                selected.add(used);
            }
            return;
        }
        // equizero, pass 1: every row on its own
        int[] single = new int[n * b + 1];
        for (int r = 0; r <= n * b; r++) single[r] = r;
        GreedyDecoder.Result independent = GreedyDecoder.run(
                base, manager, outputPermutations, new GreedyDecoder.Job(inputs, element, weight, single));
        int[][] out = new int[b][];
        int[][] best = new int[b][];
        double[] negatedProxy = new double[n * b];
        for (int r = 0; r < n * b; r++) negatedProxy[r] = -independent.rowProxy()[r];
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            boolean[] chosen = Ties.minimizers(negatedProxy, i * n, i * n + n, TIE_TOLERANCE);
            List<Integer> rows = new ArrayList<>();
            for (int j = 0; j < n; j++) if (chosen[j]) rows.add(i * n + j);
            best[i] = rows.stream().mapToInt(Integer::intValue).toArray();
            if (rows.size() == 1) out[i] = independent.outputs()[rows.get(0)];
            else tied.add(i);
        }
        // pass 2: examples whose proxy has several maximizers (within the tolerance) decode once more, averaged over
        // exactly those rows
        if (!tied.isEmpty()) {
            List<int[]> tInputs = new ArrayList<>();
            List<Integer> tElement = new ArrayList<>();
            int[] tStart = new int[tied.size() + 1];
            for (int k = 0; k < tied.size(); k++) {
                tStart[k] = tInputs.size();
                for (int r : best[tied.get(k)]) {
                    tInputs.add(inputs[r]);
                    tElement.add(element[r]);
                }
            }
            tStart[tied.size()] = tInputs.size();
            double[] ones = new double[tInputs.size()];
            Arrays.fill(ones, 1);
            GreedyDecoder.Result averaged = GreedyDecoder.run(
                    base,
                    manager,
                    outputPermutations,
                    new GreedyDecoder.Job(
                            tInputs.toArray(int[][]::new),
                            tElement.stream().mapToInt(Integer::intValue).toArray(),
                            ones,
                            tStart));
            for (int k = 0; k < tied.size(); k++) out[tied.get(k)] = averaged.outputs()[k];
        }
        for (int i = 0; i < b; i++) {
            outputs.add(out[i]);
            int[] used = new int[best[i].length];
            for (int j = 0; j < used.length; j++) used[j] = element[best[i][j]];
            Arrays.sort(used);
            selected.add(used);
        }
    }

    /**
     * Element indices ordered by the moved source g.x (lexicographically, then by index), so that the orbit batch of
     * h.x holds the same rows in the same order as that of x.
     */
    private int[] canonicalOrder(int[] source, int n) {
        if (n == 1) return new int[] {0};
        Integer[] idx = new Integer[n];
        int[][] moved = new int[n][];
        for (int g = 0; g < n; g++) {
            idx[g] = g;
            moved[g] = symmetry.actOnInput(g, source);
        }
        Arrays.sort(idx, (x, y) -> {
            int c = Arrays.compare(moved[x], moved[y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[n];
        for (int g = 0; g < n; g++) out[g] = idx[g];
        return out;
    }
}
