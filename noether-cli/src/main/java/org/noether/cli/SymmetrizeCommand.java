package org.noether.cli;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.noether.data.Idx;
import org.noether.experiment.AtomicFiles;
import org.noether.experiment.NoetherUserException;
import org.noether.group.DihedralGroup;
import org.noether.nn.imported.ImageSymmetrization;
import org.noether.nn.imported.ImportedModel;
import org.noether.nn.imported.InputSpec;
import org.noether.nn.imported.SymmetrizationCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code noether symmetrize --model model.pt --group C4 --method equitune --input images.idx --labels labels.idx}:
 * accuracy of a user's pretrained classifier and of its symmetrized version on the images as given and
 * transformed, the measured invariance error of both, and a small report.
 */
@Command(
        name = "symmetrize",
        mixinStandardHelpOptions = true,
        description = "Make a pretrained image classifier (TorchScript .pt or ONNX .onnx) invariant to a group of "
                + "rotations/flips and compare it with the original on labelled images.")
final class SymmetrizeCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "FILE",
            description = "TorchScript (.pt, .pth, .torchscript) or ONNX (.onnx) classifier: NCHW float input, "
                    + "logits [N, classes] output. A sidecar FILE.json may give {\"input\": [C,H,W], \"mean\": [...], "
                    + "\"std\": [...]}.")
    Path model;

    @Option(names = "--group", required = true, paramLabel = "NAME", description = "C1, C2, C4, D1, D2 or D4.")
    String group;

    @Option(
            names = "--method",
            defaultValue = "equitune",
            paramLabel = "NAME",
            description = "equitune, equizero, lambda-equitune or canonicalize (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE|DIR",
            description = "An IDX image file (e.g. t10k-images-idx3-ubyte, .gz ok) or a folder of PNG/JPEG images "
                    + "(read in name order).")
    Path input;

    @Option(
            names = "--labels",
            required = true,
            paramLabel = "FILE",
            description = "An IDX label file, or a text file with one integer label per line (per image, in order).")
    Path labels;

    @Option(
            names = "--input-shape",
            paramLabel = "C,H,W",
            split = ",",
            description = "Input shape the model expects (overrides the sidecar; default: the images' shape).")
    long[] inputShape;

    @Option(names = "--mean", paramLabel = "M", split = ",", description = "Per-channel mean of pixel/255.")
    float[] mean;

    @Option(names = "--std", paramLabel = "S", split = ",", description = "Per-channel std of pixel/255.")
    float[] std;

    @Option(
            names = "--limit",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Use the first N images (default: ${DEFAULT-VALUE}; 0 = all).")
    int limit;

    @Option(
            names = "--batch",
            defaultValue = "64",
            paramLabel = "N",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "N",
            description = "Seed of the transformations (and the canonicalizer) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write symmetrize.md and symmetrize.json here.")
    Path out;

    /** Pixels as [N, C, H, W] bytes. */
    record Images(int count, int channels, int height, int width, byte[] pixels) {}

    @Override
    public Integer call() throws IOException {
        DihedralGroup g = ImageSymmetrization.group(group);
        ImageSymmetrization.Method m = ImageSymmetrization.Method.parse(method);
        if (limit < 0 || batch < 1) {
            throw new IllegalArgumentException("--limit must be >= 0 and --batch >= 1, got " + limit + " and " + batch);
        }
        InputSpec spec = InputSpec.sidecar(model).map(InputSpec::read).orElse(null);
        if (inputShape != null) {
            spec = new InputSpec(
                    new Shape(inputShape),
                    mean != null ? mean : spec == null ? null : spec.mean(),
                    std != null ? std : spec == null ? null : spec.std());
        } else if (spec != null && (mean != null || std != null)) {
            spec = new InputSpec(spec.shape(), mean != null ? mean : spec.mean(), std != null ? std : spec.std());
        }
        Images images = readImages(input, spec == null ? 0 : (int) spec.shape().get(0), limit);
        int[] y = readLabels(labels, images.count());
        if (spec == null) {
            spec = new InputSpec(new Shape(images.channels(), images.height(), images.width()), mean, std);
        }
        spec.check(
                images.channels(),
                images.height(),
                images.width(),
                input.getFileName().toString());
        float[] x = spec.normalize(images.pixels());
        SymmetrizationCheck.Result r;
        String format;
        try (ImportedModel imported = ImportedModel.load(model)) {
            imported.expecting(spec.shape());
            format = imported.format().name();
            Block sym = ImageSymmetrization.wrap(imported.block(), m, g, true, seed);
            r = SymmetrizationCheck.run(imported.block(), sym, x, spec.shape(), y, g, seed, batch);
        }
        String label = m.label();
        String text = String.format(
                Locale.ROOT,
                """
                model %s (%s), input [N, %d, %d, %d], %d images, group %s (order %d), method %s
                %-18s %10s %12s %18s
                %-18s %9.2f%% %11.2f%% %18.3g
                %-18s %9.2f%% %11.2f%% %18.3g
                (transformed: each image by a uniformly drawn element of %s, seed %d; invariance error: mean of
                 ||f(g x) - f(x)|| / ||f(x)|| over the images)
                """,
                model.getFileName(),
                format,
                spec.shape().get(0),
                spec.shape().get(1),
                spec.shape().get(2),
                r.samples(),
                g.name(),
                g.order(),
                label,
                "",
                "original",
                "transformed",
                "invariance error",
                "plain",
                100 * r.plainAccuracy(),
                100 * r.plainAccuracyTransformed(),
                r.plainInvarianceError(),
                label,
                100 * r.symmetrizedAccuracy(),
                100 * r.symmetrizedAccuracyTransformed(),
                r.symmetrizedInvarianceError(),
                g.name(),
                seed);
        parent.out.print(text);
        if (out != null) {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("symmetrize.md"), "# noether symmetrize\n\n```\n" + text + "```\n");
            AtomicFiles.writeString(
                    out.resolve("symmetrize.json"),
                    String.format(
                            Locale.ROOT,
                            """
                    {"model": "%s", "format": "%s", "group": "%s", "method": "%s", "samples": %d, "seed": %d,
                     "plain": {"accuracy": %.6f, "accuracyTransformed": %.6f, "invarianceError": %.6g},
                     "symmetrized": {"accuracy": %.6f, "accuracyTransformed": %.6f, "invarianceError": %.6g}}
                    """,
                            json(model.getFileName().toString()),
                            format,
                            g.name(),
                            label,
                            r.samples(),
                            seed,
                            r.plainAccuracy(),
                            r.plainAccuracyTransformed(),
                            r.plainInvarianceError(),
                            r.symmetrizedAccuracy(),
                            r.symmetrizedAccuracyTransformed(),
                            r.symmetrizedInvarianceError()));
            parent.err.println("report: " + out.resolve("symmetrize.md"));
        }
        parent.out.flush();
        return Main.EXIT_OK;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** IDX images (one channel) or a folder of PNG/JPEG files; {@code channels} 0 = as stored (gray or RGB). */
    static Images readImages(Path input, int channels, int limit) throws IOException {
        if (Files.isDirectory(input)) {
            return readFolder(input, channels, limit);
        }
        Idx.Images idx = Idx.readImages(input);
        int n = limit == 0 ? idx.count() : Math.min(limit, idx.count());
        int size = idx.rows() * idx.columns();
        byte[] px = new byte[n * size];
        System.arraycopy(idx.pixels(), 0, px, 0, px.length);
        return new Images(n, 1, idx.rows(), idx.columns(), px);
    }

    private static Images readFolder(Path dir, int channels, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)$"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new NoetherUserException(dir + " holds no .png or .jpg images");
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        List<BufferedImage> read = new ArrayList<>(files.size());
        boolean allGray = true;
        for (Path f : files) {
            BufferedImage im = ImageIO.read(f.toFile());
            if (im == null) {
                throw new NoetherUserException("cannot decode image " + f);
            }
            allGray &= im.getType() == BufferedImage.TYPE_BYTE_GRAY;
            read.add(im);
        }
        int c = channels > 0 ? channels : allGray ? 1 : 3;
        if (c != 1 && c != 3) {
            throw new NoetherUserException("images can be read with 1 or 3 channels, the model wants " + c);
        }
        int h = read.get(0).getHeight();
        int w = read.get(0).getWidth();
        byte[] px = new byte[read.size() * c * h * w];
        for (int n = 0; n < read.size(); n++) {
            BufferedImage im = read.get(n);
            if (im.getHeight() != h || im.getWidth() != w) {
                throw new NoetherUserException(
                        "images differ in size: " + files.get(0).getFileName() + " is " + w + "x" + h + ", "
                                + files.get(n).getFileName() + " is " + im.getWidth() + "x" + im.getHeight());
            }
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int rgb = im.getRGB(j, i);
                    int r = (rgb >> 16) & 0xff;
                    int gr = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    int base = n * c * h * w + i * w + j;
                    if (c == 1) {
                        px[base] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                    } else {
                        px[base] = (byte) r;
                        px[base + h * w] = (byte) gr;
                        px[base + 2 * h * w] = (byte) b;
                    }
                }
            }
        }
        return new Images(read.size(), c, h, w, px);
    }

    /** An IDX label file, or text with one integer per line; as many as {@code count} are needed. */
    static int[] readLabels(Path file, int count) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoetherUserException("label file " + file + " does not exist");
        }
        int[] out = new int[count];
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            int k = in.readNBytes(head, 0, 4);
            boolean idx = (k == 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 1)
                    || file.toString().endsWith(".gz");
            if (idx) {
                byte[] l = Idx.readLabels(file);
                if (l.length < count) {
                    throw new NoetherUserException(file + " has " + l.length + " labels for " + count + " images");
                }
                for (int i = 0; i < count; i++) {
                    out[i] = l[i] & 0xff;
                }
                return out;
            }
        }
        List<String> lines = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (lines.size() < count) {
            throw new NoetherUserException(file + " has " + lines.size() + " labels for " + count + " images");
        }
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(lines.get(i));
            } catch (NumberFormatException e) {
                throw new NoetherUserException(
                        file + " line " + (i + 1) + ": '" + lines.get(i) + "' is not an integer label");
            }
        }
        return out;
    }
}
