package org.noether.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX format used by MNIST and Fashion-MNIST, raw or gzip-compressed (detected from the content, not
 * the name). The header is two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions, then each
 * dimension as a big-endian int. Bad files give an {@link IdxFormatException} naming the file and what is wrong:
 * wrong magic number, unsupported type, truncated data, trailing bytes.
 *
 * <pre>{@code
 * Idx.Images train = Idx.readImages(dir.resolve("train-images-idx3-ubyte"));
 * byte[] labels = Idx.readLabels(dir.resolve("train-labels-idx1-ubyte"));
 * }</pre>
 */
public final class Idx {
    private Idx() {}

    /** Unsigned-byte images: {@code count} images of {@code rows x columns} pixels, row-major, image after image. */
    public record Images(int count, int rows, int columns, byte[] pixels) {
        /** Pixel (i, j) of image n as a value in [0, 1]. */
        public float value(int n, int i, int j) {
            return (pixels[(n * rows + i) * columns + j] & 0xff) / 255f;
        }
    }

    /** An IDX file that cannot be read: the message names the file and the problem. */
    public static final class IdxFormatException extends IllegalArgumentException {
        IdxFormatException(Path file, String problem) {
            super("cannot read IDX file " + file + ": " + problem);
        }
    }

    /** Reads a rank-3 unsigned-byte IDX file of images. */
    public static Images readImages(Path file) throws IOException {
        Raw raw = read(file, 3);
        return new Images(raw.dims[0], raw.dims[1], raw.dims[2], raw.data);
    }

    /** Reads a rank-1 unsigned-byte IDX file of labels. */
    public static byte[] readLabels(Path file) throws IOException {
        return read(file, 1).data;
    }

    private record Raw(int[] dims, byte[] data) {}

    private static Raw read(Path file, int expectedRank) throws IOException {
        if (!Files.isRegularFile(file)) throw new IdxFormatException(file, "no such file");
        try (InputStream in = open(file);
                DataInputStream data = new DataInputStream(in)) {
            int b0, b1, type, rank;
            try {
                b0 = data.readUnsignedByte();
                b1 = data.readUnsignedByte();
                type = data.readUnsignedByte();
                rank = data.readUnsignedByte();
            } catch (EOFException e) {
                throw new IdxFormatException(file, "file is shorter than the 4-byte IDX header");
            }
            if (b0 != 0 || b1 != 0)
                throw new IdxFormatException(
                        file,
                        String.format(
                                "wrong magic number 0x%02x%02x%02x%02x (IDX files start "
                                        + "with 0x0000, then the type and rank)",
                                b0, b1, type, rank));
            if (type != 0x08)
                throw new IdxFormatException(
                        file,
                        String.format("data type 0x%02x is not supported (only unsigned " + "bytes, 0x08)", type));
            if (rank != expectedRank)
                throw new IdxFormatException(
                        file,
                        "rank " + rank + " where " + expectedRank + " was expected ("
                                + (expectedRank == 3 ? "images" : "labels") + ")");
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                try {
                    dims[i] = data.readInt();
                } catch (EOFException e) {
                    throw new IdxFormatException(
                            file, "truncated header (dimension " + (i + 1) + " of " + rank + " missing)");
                }
                if (dims[i] < 0) throw new IdxFormatException(file, "negative dimension " + dims[i]);
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 16) throw new IdxFormatException(file, "too large: " + total + " values");
            byte[] values = new byte[(int) total];
            int got = data.readNBytes(values, 0, values.length);
            if (got < values.length)
                throw new IdxFormatException(
                        file, "truncated: the header promises " + total + " values but only " + got + " follow");
            if (data.read() != -1)
                throw new IdxFormatException(file, "unexpected bytes after the " + total + " values");
            return new Raw(dims, values);
        } catch (java.util.zip.ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated gzip data");
        }
    }

    private static InputStream open(Path file) throws IOException {
        PushbackInputStream in =
                new PushbackInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 2);
        int a = in.read(), b = in.read();
        if (b >= 0) in.unread(b);
        if (a >= 0) in.unread(a);
        return a == 0x1f && b == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
