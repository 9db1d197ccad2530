package org.noether.meanfield;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finished runs on disk, so that an interrupted sweep resumes where it stopped. Each file holds a fingerprint of
 * everything that determines the run (setting, constants, seeds), a few numbers and optionally the final particles; a
 * file whose fingerprint differs is ignored and overwritten. Files are written to a temporary name and moved into
 * place, so a crash never leaves a half-written run behind.
 */
final class RunStore {
    private static final int MAGIC = 0x4e4d4631; // "NMF1"

    private final Path directory;

    RunStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
    }

    /** A stored entry: named numbers and a particle array (possibly empty). */
    record Entry(double[] numbers, double[] particles) {}

    Entry read(String name, String fingerprint) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) return null;
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            if (data.readInt() != MAGIC) return null;
            if (!data.readUTF().equals(fingerprint)) return null;
            double[] numbers = new double[data.readInt()];
            for (int i = 0; i < numbers.length; i++) numbers[i] = data.readDouble();
            double[] particles = new double[data.readInt()];
            for (int i = 0; i < particles.length; i++) particles[i] = data.readDouble();
            return new Entry(numbers, particles);
        } catch (IOException e) {
            return null; // unreadable: recompute
        }
    }

    void write(String name, String fingerprint, double[] numbers, double[] particles) throws IOException {
        Path file = directory.resolve(name);
        Path tmp = directory.resolve(name + ".tmp-" + Thread.currentThread().getId());
        try (OutputStream out = Files.newOutputStream(tmp);
             DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out))) {
            data.writeInt(MAGIC);
            data.writeUTF(fingerprint);
            data.writeInt(numbers.length);
            for (double v : numbers) data.writeDouble(v);
            data.writeInt(particles.length);
            for (double v : particles) data.writeDouble(v);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
