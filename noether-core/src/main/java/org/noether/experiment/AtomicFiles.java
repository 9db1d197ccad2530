package org.noether.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way to write a file that a reader or a later resume may see: write a temporary file beside it, then rename
 * it over the target, so the target is either the old file or the whole new one, never a part. Temporary names carry
 * the process id and a per-process counter, so two processes writing the same folder never share a temporary file.
 */
public final class AtomicFiles {

    /** Every temporary file this class creates has a name containing this marker. */
    public static final String TMP_MARKER = ".tmp-";

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {}

    /** Writes what {@code body} streams to {@code target} atomically; creates the parent folder. */
    public static void write(Path target, IoConsumer<OutputStream> body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(target.getFileName() + TMP_MARKER + PID + "-" + COUNTER.incrementAndGet());
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.accept(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure(target, e);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the temporary files that killed writers left directly in {@code dir}; returns how many. */
    public static int cleanStale(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds =
                Files.newDirectoryStream(dir, p -> p.getFileName().toString().contains(TMP_MARKER))) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && deleteQuietly(p)) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw failure(dir, e);
        }
        return n;
    }

    /**
     * An I/O failure as a user-facing error when the cause is one a user can fix (a full disk, a read-only folder),
     * naming the path; otherwise the exception unchanged.
     */
    public static RuntimeException failure(Path path, IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left on device")) {
            String free = "";
            try {
                FileStore store = Files.getFileStore(path.toAbsolutePath().getParent());
                free = " (" + store.getUsableSpace() / (1024 * 1024) + " MiB free there)";
            } catch (IOException | RuntimeException ignored) {
                // the message below is still right without the figure
            }
            return new NoetherUserException("no space left on the device holding "
                    + path.toAbsolutePath().getParent() + free + " while writing " + path.getFileName()
                    + "; free some space or choose another folder");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new NoetherUserException("cannot write " + path.toAbsolutePath() + ": permission denied");
        }
        return new UncheckedIOException("writing " + path.toAbsolutePath() + ": " + msg, e);
    }

    private static boolean deleteQuietly(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        /** Performs the operation. */
        void accept(T t) throws IOException;
    }
}
