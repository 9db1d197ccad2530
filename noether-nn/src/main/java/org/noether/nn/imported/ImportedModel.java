package org.noether.nn.imported;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.noether.experiment.NoetherUserException;
import org.noether.nn.Engines;

/**
 * A pretrained model a user brings, loaded offline as a DJL {@link Block} that any symmetrization wrapper of {@code
 * org.noether.nn.symmetrize} can wrap: a TorchScript file ({@code .pt}, {@code .pth}, {@code .torchscript}; saved by
 * {@code torch.jit.trace(model, example).save("model.pt")} or {@code torch.jit.script}) on the PyTorch engine, or an
 * ONNX file ({@code .onnx}) on DJL's OnnxRuntime engine when {@code ai.djl.onnxruntime:onnxruntime-engine} is on
 * the classpath (the command line has it).
 *
 * <p>{@link #block()} takes one float32 batch and returns the model's first output, created on the manager of the
 * input (ONNX outputs are copied over from the OnnxRuntime engine), so it can run inside a per-batch sub-manager
 * like any other block. A model that rejects an input fails with a one-line {@link NoetherUserException} that names
 * the given shape and the expected one when known.
 *
 * <pre>{@code
 * try (ImportedModel m = ImportedModel.load(Path.of("model.pt"))) {
 *     var c4 = DihedralGroup.cyclic(4);
 *     Block inv = new Equitune<>(m.block(), Symmetry.invariant(c4, NDActions.image(c4)));
 * }
 * }</pre>
 */
public final class ImportedModel implements AutoCloseable {

    private static final String QUIET_ORT = "org.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine";

    /** The file formats that can be loaded. */
    public enum Format {
        TORCHSCRIPT(Engines.PYTORCH),
        ONNX("OnnxRuntime");

        final String engine;

        Format(String engine) {
            this.engine = engine;
        }

        /** The format of a model file, from its name. */
        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".torchscript")) {
                return TORCHSCRIPT;
            }
            if (n.endsWith(".onnx")) {
                return ONNX;
            }
            throw new NoetherUserException("unknown model format of '" + file.getFileName()
                    + "'; accepted: TorchScript (.pt, .pth, .torchscript) and ONNX (.onnx)");
        }
    }

    private final Model model;
    private final Format format;
    private final Path file;
    private final Block block;
    private Shape expected;

    private ImportedModel(Model model, Format format, Path file) {
        this.model = model;
        this.format = format;
        this.file = file;
        this.block = new Adapter();
    }

    /** Loads a TorchScript or ONNX file (format from the extension) for inference, with nothing downloaded. */
    public static ImportedModel load(Path file) {
        Engines.pytorch(); // offline flags first
        if (!Files.isRegularFile(file)) {
            throw new NoetherUserException("model file " + file + " does not exist or is not a file");
        }
        Format format = Format.of(file);
        if (format == Format.ONNX && !Engine.hasEngine(format.engine)) {
            throw new NoetherUserException("loading " + file.getFileName() + " needs DJL's OnnxRuntime engine "
                    + "(ai.djl.onnxruntime:onnxruntime-engine) on the classpath; TorchScript files need nothing more");
        }
        // the OnnxRuntime engine warns on every start that this CPU build has no CUDA; that is expected here
        if (System.getProperty(QUIET_ORT) == null) {
            System.setProperty(QUIET_ORT, "error");
        }
        Path abs = file.toAbsolutePath();
        String fileName = abs.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        Model m = Model.newInstance(name, format.engine);
        try {
            Map<String, String> options =
                    format == Format.ONNX ? Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1") : Map.of();
            // DJL finds the file by its name inside the folder (name without extension for .pt and .onnx)
            m.load(
                    abs.getParent(),
                    format == Format.TORCHSCRIPT && !fileName.endsWith(".pt") ? fileName : name,
                    options);
        } catch (IOException | MalformedModelException | EngineException | IllegalArgumentException e) {
            m.close();
            throw new NoetherUserException("cannot load " + file + " as " + format + ": " + oneLine(e));
        }
        return new ImportedModel(m, format, abs);
    }

    public Format format() {
        return format;
    }

    public Path file() {
        return file;
    }

    /** Declares the input shape the model expects ({@code [C, H, W]} or any per-sample shape) for error messages. */
    public ImportedModel expecting(Shape perSample) {
        this.expected = perSample;
        return this;
    }

    /** The model as a block: one input batch, its first output. */
    public Block block() {
        return block;
    }

    @Override
    public void close() {
        model.close();
    }

    static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String first = msg.strip().lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    private final class Adapter extends AbstractBlock {
        Adapter() {
            super((byte) 1);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            if (expected != null && !x.getShape().slice(1).equals(expected)) {
                throw new NoetherUserException(mismatch(x.getShape(), null));
            }
            try {
                if (format == Format.TORCHSCRIPT) {
                    NDList out = model.getBlock().forward(ps, new NDList(x), training, params);
                    NDArray first = out.get(0);
                    for (int i = 1; i < out.size(); i++) {
                        out.get(i).close();
                    }
                    first.attach(x.getManager());
                    return new NDList(first);
                }
                try (NDManager sub = model.getNDManager().newSubManager()) {
                    NDArray ox = sub.create(x.toFloatArray(), x.getShape());
                    NDList out =
                            model.getBlock().forward(new ParameterStore(sub, false), new NDList(ox), false, params);
                    NDArray first = out.get(0);
                    return new NDList(
                            x.getManager().create(first.toByteBuffer(), first.getShape(), first.getDataType()));
                }
            } catch (EngineException | IllegalArgumentException | IllegalStateException e) {
                throw new NoetherUserException(mismatch(x.getShape(), e));
            }
        }

        private String mismatch(Shape given, RuntimeException cause) {
            String exp = expected == null ? "" : " (expected [N, " + dims(expected) + "])";
            return "model " + file.getFileName() + " does not accept input of shape [" + dims(given) + "]" + exp
                    + (cause == null ? "" : ": " + oneLine(cause));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            throw new UnsupportedOperationException("output shapes of an imported model are known only by running it");
        }
    }

    static String dims(Shape s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.dimension(); i++) {
            b.append(i == 0 ? "" : ", ").append(s.get(i));
        }
        return b.toString();
    }
}
