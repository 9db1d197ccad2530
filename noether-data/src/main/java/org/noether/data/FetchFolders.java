package org.noether.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The temporary work folders of a fetch ({@code .fetch-*} under the data root), and the removal of those a killed
 * fetch left behind. Each folder records its owner (process id and process start time) in {@value #OWNER}; a later
 * fetch removes a folder whose owner is no longer running, and a folder without a readable owner record (an older
 * version's, or one whose owner died before writing it) once it is older than {@link #UNOWNED_AGE}. A folder whose
 * owner is alive is never touched, whatever its age.
 */
public final class FetchFolders {
    private FetchFolders() {}

    /** The prefix of every fetch work folder. */
    public static final String PREFIX = ".fetch-";
    /** The owner record inside a work folder. */
    public static final String OWNER = ".owner";
    /** How old a work folder without an owner record must be before it counts as left behind. */
    public static final Duration UNOWNED_AGE = Duration.ofHours(6);

    /**
     * Creates a work folder {@code root/.fetch-<kind>...} owned by this process.
     *
     * @param kind what is fetched ({@code ""} or, e.g., {@code "meshes-"}), part of the folder name
     */
    public static Path create(Path root, String kind) throws IOException {
        Path work = Files.createTempDirectory(root, PREFIX + kind);
        Files.writeString(work.resolve(OWNER), ownerRecord(ProcessHandle.current()), StandardCharsets.UTF_8);
        return work;
    }

    /** The owner record of a process: its id and, where the platform knows it, its start time in milliseconds. */
    static String ownerRecord(ProcessHandle p) {
        return p.pid() + " " + startMillis(p).map(String::valueOf).orElse("-") + "\n";
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    /**
     * Removes the work folders under {@code root} that a fetch which is no longer running left behind (see the class
     * comment), judging age against {@code now}. Folders that cannot be removed are left for the next time.
     *
     * @return the folders removed
     */
    public static List<Path> cleanStale(Path root, Instant now) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) return removed;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(
                root, p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))) {
            for (Path p : ds) {
                if (isStale(p, now)) {
                    try {
                        DataStore.deleteTree(p);
                        removed.add(p);
                    } catch (IOException e) {
                        // still there: the next fetch tries again
                    }
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    /** True when the work folder's owner is not running, or, with no readable owner record, when it is old. */
    static boolean isStale(Path work, Instant now) {
        Optional<String> record = readOwner(work);
        if (record.isPresent()) return !ownerAlive(record.get());
        try {
            Instant modified = Files.getLastModifiedTime(work).toInstant();
            return modified.plus(UNOWNED_AGE).isBefore(now);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> readOwner(Path work) {
        try {
            String s = Files.readString(work.resolve(OWNER), StandardCharsets.UTF_8)
                    .trim();
            return s.matches("\\d+ (\\d+|-)") ? Optional.of(s) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when the process of the record runs and, where both start times are known, is the same process. */
    static boolean ownerAlive(String record) {
        String[] parts = record.trim().split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return false;
        if (parts[1].equals("-")) return true;
        Optional<Long> start = startMillis(p.get());
        // a different start time: the id was reused by another process after the owner died
        return start.isEmpty() || Math.abs(start.get() - Long.parseLong(parts[1])) < 1000;
    }
}
