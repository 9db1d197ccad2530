package org.noether.experiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The one store of resumable results: each entry is a file written atomically, stamped with the {@link Fingerprint}
 * of the run that made it, its length and a CRC-32 checksum. An entry is reused only when its fingerprint equals this
 * cache's and its checksum is right; a truncated or corrupt entry, or one from another run (another seed, profile or
 * configuration), is recomputed and the recomputation is logged.
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.open(ctx, "latent.rotated-mnist", 3, plan);
 * double[] psnr = cache.doubles("psnr-seed" + s, () -> trainAndScore(s));
 * byte[] weights = cache.computeIfAbsent("model-" + s, Codec.BYTES, () -> saveParameters(block));
 * }</pre>
 */
public final class ResultCache {

    /** The folder, under an experiment's output folder, that {@link #open(ExperimentContext, String, int, Object...)} uses. */
    public static final String FOLDER = "cache";

    private static final long MAGIC = 0x4e4f45544845522aL; // "NOETHER*"
    private static final String SUFFIX = ".entry";

    private final Path dir;
    private final Fingerprint fingerprint;
    private final String hash;
    private final Consumer<String> log;

    private ResultCache(Path dir, Fingerprint fingerprint, Consumer<String> log) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.hash = fingerprint.hash();
        this.log = Objects.requireNonNull(log, "log");
        AtomicFiles.cleanStale(dir);
    }

    /** A cache in {@code dir} for results with {@code fingerprint}; {@code log} hears about recomputations. */
    public static ResultCache open(Path dir, Fingerprint fingerprint, Consumer<String> log) {
        return new ResultCache(dir, fingerprint, log);
    }

    /**
     * The cache of one experiment run: in {@code <output>/cache}, fingerprinted by experiment, profile, seed,
     * numerics version and configuration, logging to the run's progress.
     */
    public static ResultCache open(
            ExperimentContext ctx, String experiment, int numericsVersion, Object... configuration) {
        return new ResultCache(
                ctx.outputDirectory().resolve(FOLDER),
                Fingerprint.of(ctx, experiment, numericsVersion, configuration),
                ctx.progress()::log);
    }

    /** The fingerprint every entry must carry to be reused. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The folder holding the entries. */
    public Path directory() {
        return dir;
    }

    /** A cache for a part of this run (e.g. one seed of a sweep) in a subfolder, with more configuration. */
    public ResultCache child(String name, Object... more) {
        return new ResultCache(dir.resolve(Names.requirePart("cache", name)), fingerprint.with(more), log);
    }

    /**
     * The stored payload under {@code key} when it exists, carries this cache's fingerprint and passes its checksum;
     * otherwise empty (a corrupt or foreign entry is deleted and logged).
     */
    public Optional<byte[]> read(String key) {
        Path file = file(key);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading cache entry " + file, e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            if (in.readLong() != MAGIC) {
                return discard(file, "is not a cache entry");
            }
            String storedHash = in.readUTF();
            String storedDescription = in.readUTF();
            if (!storedHash.equals(hash)) {
                return discard(
                        file,
                        "belongs to another run (" + storedDescription + "; this run is " + fingerprint.description()
                                + ")");
            }
            long length = in.readLong();
            long crc = in.readLong();
            if (length < 0 || length != in.available()) {
                return discard(file, "is truncated (" + in.available() + " of " + length + " bytes)");
            }
            byte[] payload = in.readNBytes((int) length);
            if (checksum(payload) != crc) {
                return discard(file, "fails its checksum");
            }
            return Optional.of(payload);
        } catch (EOFException | java.io.UTFDataFormatException e) {
            return discard(file, "is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("reading cache entry " + file, e);
        }
    }

    /** Stores {@code payload} under {@code key}, atomically. */
    public void write(String key, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeUTF(hash);
            out.writeUTF(truncate(fingerprint.description()));
            out.writeLong(payload.length);
            out.writeLong(checksum(payload));
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file(key), bytes.toByteArray());
    }

    /** Whether a valid entry exists under {@code key} (reads and checks it). */
    public boolean contains(String key) {
        return read(key).isPresent();
    }

    /** The value under {@code key}, computing and storing it when no valid entry exists. */
    public <T> T computeIfAbsent(String key, Codec<T> codec, Supplier<T> compute) {
        Optional<byte[]> hit = read(key);
        if (hit.isPresent()) {
            try {
                return codec.decode(hit.get());
            } catch (IOException | RuntimeException e) {
                discard(file(key), "cannot be decoded (" + e + ")");
            }
        }
        T value = compute.get();
        write(key, codec.encode(value));
        return value;
    }

    /** {@link #computeIfAbsent} for a vector of numbers. */
    public double[] doubles(String key, Supplier<double[]> compute) {
        return computeIfAbsent(key, Codec.DOUBLES, compute);
    }

    /** {@link #computeIfAbsent} for named numbers (a result row), kept in insertion order. */
    public Map<String, Double> values(String key, Supplier<Map<String, Double>> compute) {
        return computeIfAbsent(key, Codec.VALUES, compute);
    }

    /** {@link #computeIfAbsent} for text. */
    public String text(String key, Supplier<String> compute) {
        return computeIfAbsent(key, Codec.TEXT, compute);
    }

    private Path file(String key) {
        return dir.resolve(Names.requirePart("cache key", key) + SUFFIX);
    }

    private Optional<byte[]> discard(Path file, String why) {
        log.accept("cache entry " + file + " " + why + "; recomputing it");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting bad cache entry " + file, e);
        }
        return Optional.empty();
    }

    private static long checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }

    private static String truncate(String s) {
        // writeUTF holds at most 65535 bytes; the hash is what decides, the description only explains.
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= 60_000 ? s : new String(b, 0, 60_000, StandardCharsets.UTF_8);
    }

    /**
     * How a value becomes bytes and back.
     *
     * @param <T> the value type
     */
    public interface Codec<T> {
        /** The payload for {@code value}. */
        byte[] encode(T value);

        /** The value of {@code payload}; throw on a malformed payload, and the entry is recomputed. */
        T decode(byte[] payload) throws IOException;

        /** Raw bytes (e.g. saved model parameters). */
        Codec<byte[]> BYTES = new Codec<>() {
            @Override
            public byte[] encode(byte[] value) {
                return value.clone();
            }

            @Override
            public byte[] decode(byte[] payload) {
                return payload;
            }
        };

        /** UTF-8 text. */
        Codec<String> TEXT = new Codec<>() {
            @Override
            public byte[] encode(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] payload) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        };

        /** A vector of doubles, bit for bit. */
        Codec<double[]> DOUBLES = new Codec<>() {
            @Override
            public byte[] encode(double[] value) {
                ByteArrayOutputStream b = new ByteArrayOutputStream(4 + 8 * value.length);
                try (DataOutputStream out = new DataOutputStream(b)) {
                    out.writeInt(value.length);
                    for (double v : value) {
                        out.writeDouble(v);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return b.toByteArray();
            }

            @Override
            public double[] decode(byte[] payload) throws IOException {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
                    int n = in.readInt();
                    if (n < 0 || 8L * n != in.available()) {
                        throw new IOException("expected " + n + " doubles");
                    }
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = in.readDouble();
                    }
                    return v;
                }
            }
        };

        /** Named doubles in insertion order, bit for bit. */
        Codec<Map<String, Double>> VALUES = new Codec<>() {
            @Override
            public byte[] encode(Map<String, Double> value) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(b)) {
                    out.writeInt(value.size());
                    for (Map.Entry<String, Double> e : value.entrySet()) {
                        out.writeUTF(e.getKey());
                        out.writeDouble(e.getValue());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return b.toByteArray();
            }

            @Override
            public Map<String, Double> decode(byte[] payload) throws IOException {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
                    int n = in.readInt();
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        m.put(in.readUTF(), in.readDouble());
                    }
                    if (in.available() != 0) {
                        throw new IOException("trailing bytes");
                    }
                    return m;
                }
            }
        };
    }
}
