package org.noether.language.seq2seq;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An encoder-decoder with attention over GRU or LSTM units, the model family of the SCAN experiments (Lake and
 * Baroni 2018; Basu et al. 2023, section on compositional generalization).
 *
 * <p>The encoder embeds the command and runs a recurrent unit over it, optionally also over each row reversed within
 * its own length, so right padding never reaches a real position in either direction. The decoder starts from
 * {@code tanh(W [h_forward(last token); h_backward(first token)])} (and a second such map for the LSTM cell
 * state), reads the embedding of the previous output token, and attends over the encoder outputs with a bilinear
 * score {@code s_t . W_a m_j} (padding masked) before {@code log_softmax(W_o tanh(W_c [s_t; context_t]))}. Teacher
 * forcing runs the whole target at once through the fused recurrent op; greedy decoding runs the same blocks one
 * step at a time ({@link GreedyDecoder}).
 *
 * <p>{@link #forward} takes the arrays of a {@link Seq2SeqBatch} (six source arrays, then the (B, T_out) int64
 * decoder inputs: SOS followed by the target shifted right) and returns (B, T_out, V) log-probabilities.
 *
 * <pre>{@code
 * Seq2Seq net = new Seq2Seq(Seq2SeqConfig.scan(Cell.GRU, 64, true));
 * }</pre>
 *
 * <p>Every op is called on an array of the batch, never on a parameter, so that results land in the batch's
 * manager (DJL puts an op's result in the manager of the array it is called on).
 */
public final class Seq2Seq extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Seq2SeqConfig config;
    private final Parameter sourceEmbedding;
    private final Parameter targetEmbedding;
    private final RecurrentBlock encoderForward;
    private final RecurrentBlock encoderBackward;
    private final RecurrentBlock decoder;
    private final Linear bridgeH;
    private final Linear bridgeC;
    private final Linear attentionKey;
    private final Linear combine;
    private final Linear output;

    public Seq2Seq(Seq2SeqConfig config) {
        super(VERSION);
        this.config = config;
        int h = config.hidden();
        sourceEmbedding = addParameter(Parameter.builder()
                .setName("sourceEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.sourceVocabulary(), config.embedding()))
                .build());
        targetEmbedding = addParameter(Parameter.builder()
                .setName("targetEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.targetVocabulary(), config.embedding()))
                .build());
        encoderForward = addChildBlock("encoderForward", config.cell().block(h, false));
        encoderBackward = config.bidirectional()
                ? addChildBlock("encoderBackward", config.cell().block(h, false))
                : null;
        decoder = addChildBlock("decoder", config.cell().block(h, true));
        bridgeH = addChildBlock("bridgeH", Linear.builder().setUnits(h).build());
        bridgeC = config.cell() == Cell.LSTM
                ? addChildBlock("bridgeC", Linear.builder().setUnits(h).build())
                : null;
        attentionKey = addChildBlock(
                "attentionKey", Linear.builder().setUnits(h).optBias(false).build());
        combine = addChildBlock("combine", Linear.builder().setUnits(h).build());
        output = addChildBlock(
                "output", Linear.builder().setUnits(config.targetVocabulary()).build());
    }

    public Seq2SeqConfig config() {
        return config;
    }

    /** Input shapes for {@link #initialize}: a batch of {@code b} rows, sources of length {@code ts}, targets {@code to}. */
    public static Shape[] inputShapes(long b, long ts, long to) {
        Shape[] src = SourceBatch.shapes(b, ts);
        Shape[] all = Arrays.copyOf(src, src.length + 1);
        all[src.length] = new Shape(b, to);
        return all;
    }

    /**
     * Plain greedy decoding of every source, {@code batchSize} at a time; outputs stop before EOS or after
     * {@link Seq2SeqConfig#maxLength()} tokens. An exact tie for the most likely token ends the sequence.
     */
    public List<int[]> decode(NDManager manager, List<int[]> sources, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        int[][] identity = new int[1][config.targetVocabulary()];
        for (int a = 0; a < identity[0].length; a++) identity[0][a] = a;
        List<int[]> out = new ArrayList<>(sources.size());
        for (int from = 0; from < sources.size(); from += batchSize) {
            int n = Math.min(sources.size(), from + batchSize) - from;
            int[][] inputs = sources.subList(from, from + n).toArray(int[][]::new);
            int[] start = new int[n + 1];
            for (int i = 0; i <= n; i++) start[i] = i;
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            GreedyDecoder.Result r =
                    GreedyDecoder.run(this, manager, identity, new GreedyDecoder.Job(inputs, new int[n], ones, start));
            out.addAll(List.of(r.outputs()));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        SourceBatch src = SourceBatch.from(inputs, 0);
        NDArray targetIn = inputs.get(SourceBatch.ARRAYS);
        Memory memory = encode(ps, src, training);
        return new NDList(decode(ps, memory, targetIn, memory.state(), training).head());
    }

    /** Encoder outputs, attention keys and mask, and the decoder's initial state. */
    record Memory(NDArray values, NDArray keysTransposed, NDArray maskBias, NDList state) {}

    Memory encode(ParameterStore ps, SourceBatch src, boolean training) {
        Device device = src.tokens().getDevice();
        NDArray e = ps.getValue(sourceEmbedding, device, training);
        long b = src.batch(), t = src.length(), h = config.hidden();
        NDArray forward = encoderForward
                .forward(ps, new NDList(embed(src.tokens(), e, config.sourceVocabulary())), training)
                .head();
        NDArray last =
                forward.gather(src.lastIndex().broadcast(new Shape(b, 1, h)), 1).reshape(b, h);
        NDArray values = forward;
        if (encoderBackward != null) {
            NDArray backward = encoderBackward
                    .forward(ps, new NDList(embed(src.reversed(), e, config.sourceVocabulary())), training)
                    .head();
            NDArray aligned = backward.gather(src.reverseIndex().broadcast(new Shape(b, t, h)), 1);
            values = forward.concat(aligned, 2);
            // the backward pass has read the whole row once it reaches the first token
            last = last.concat(aligned.get(":, 0, :"), 1);
        }
        NDArray keys =
                attentionKey.forward(ps, new NDList(values), training).head().transpose(0, 2, 1);
        NDList state = new NDList(
                bridgeH.forward(ps, new NDList(last), training).head().tanh().expandDims(0));
        if (bridgeC != null)
            state.add(bridgeC.forward(ps, new NDList(last), training)
                    .head()
                    .tanh()
                    .expandDims(0));
        return new Memory(values, keys, src.maskBias(), state);
    }

    /**
     * Runs the decoder over {@code previous} (B, T) tokens from {@code state}; returns (B, T, V) log-probabilities
     * followed by the state after the last step.
     */
    NDList decode(ParameterStore ps, Memory memory, NDArray previous, NDList state, boolean training) {
        NDArray e = ps.getValue(targetEmbedding, previous.getDevice(), training);
        NDList in = new NDList(embed(previous, e, config.targetVocabulary()));
        in.addAll(state);
        NDList out = decoder.forward(ps, in, training);
        NDArray s = out.head();
        NDArray alpha =
                s.batchMatMul(memory.keysTransposed()).add(memory.maskBias()).softmax(2);
        NDArray context = alpha.batchMatMul(memory.values());
        NDArray o = combine.forward(ps, new NDList(s.concat(context, 2)), training)
                .head()
                .tanh();
        NDArray logProbs = output.forward(ps, new NDList(o), training).head().logSoftmax(2);
        NDList result = new NDList(logProbs);
        for (int i = 1; i < out.size(); i++) result.add(out.get(i));
        return result;
    }

    private static NDArray embed(NDArray tokens, NDArray table, int vocabulary) {
        return tokens.oneHot(vocabulary, DataType.FLOAT32).matMul(table);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0), ts = inputShapes[0].get(1), to = inputShapes[SourceBatch.ARRAYS].get(1);
        long e = config.embedding(), h = config.hidden(), m = config.memoryWidth();
        encoderForward.initialize(manager, dataType, new Shape(b, ts, e));
        if (encoderBackward != null) encoderBackward.initialize(manager, dataType, new Shape(b, ts, e));
        decoder.initialize(manager, dataType, new Shape(b, to, e));
        bridgeH.initialize(manager, dataType, new Shape(b, m));
        if (bridgeC != null) bridgeC.initialize(manager, dataType, new Shape(b, m));
        attentionKey.initialize(manager, dataType, new Shape(b, ts, m));
        combine.initialize(manager, dataType, new Shape(b, to, h + m));
        output.initialize(manager, dataType, new Shape(b, to, h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0), to = inputShapes[SourceBatch.ARRAYS].get(1);
        return new Shape[] {new Shape(b, to, config.targetVocabulary())};
    }
}
