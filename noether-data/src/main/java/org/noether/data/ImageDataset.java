package org.noether.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled image set (train and test split) read from a folder of four IDX files in the standard names
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}).
 *
 * <pre>{@code
 * ImageDataset mnist = ImageDataset.load(DataStore.defaultRoot().resolve("mnist"));
 * float v = mnist.train().images().value(0, 14, 14);
 * }</pre>
 */
public record ImageDataset(Split train, Split test) {

    /** Images with their labels; checked to have equal counts. */
    public record Split(Idx.Images images, byte[] labels) {
        public Split {
            if (images.count() != labels.length)
                throw new IllegalArgumentException(
                        "image/label count mismatch: " + images.count() + " images but " + labels.length + " labels");
        }

        public int size() {
            return labels.length;
        }

        public int label(int n) {
            return labels[n] & 0xff;
        }
    }

    /** The four standard file stems. */
    public static final List<String> FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    public static ImageDataset load(Path folder) throws IOException {
        Path[] p = new Path[4];
        for (int i = 0; i < 4; i++) p[i] = find(folder, FILES.get(i));
        return new ImageDataset(split(p[0], p[1]), split(p[2], p[3]));
    }

    private static Split split(Path images, Path labels) throws IOException {
        try {
            return new Split(Idx.readImages(images), Idx.readLabels(labels));
        } catch (Idx.IdxFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    images.getFileName() + " and " + labels.getFileName() + ": " + e.getMessage());
        }
    }

    static Path find(Path folder, String stem) {
        for (String name : List.of(stem, stem + ".gz")) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalArgumentException("missing " + stem + "[.gz] in " + folder
                + "; fetch the data with 'noether data fetch mnist' or 'noether data fetch fashion-mnist'");
    }
}
