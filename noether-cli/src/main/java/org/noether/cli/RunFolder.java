package org.noether.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.noether.experiment.AtomicFiles;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Profile;
import org.noether.report.ReportWriter;
import org.noether.report.RunInfo;

/**
 * One run folder of {@code noether reproduce}, open and locked: what a run is ({@link Plan}: profile, seed,
 * experiments) is recorded in {@value #RECORD} when the folder is created, and {@code --resume} takes it from there,
 * so a resumed run can never mix two runs' seeds or profiles.
 *
 * <pre>{@code
 * try (RunFolder run = RunFolder.create(Path.of("runs"), LocalDateTime.now(), plan, "noether reproduce ...")) {
 *     Path own = run.experimentFolder("core.group-averaging");
 *     ...
 *     run.writeReport(info, results);
 * }
 * try (RunFolder run = RunFolder.resume(dir, stderr::println)) {   // refuses empty, foreign, busy folders
 *     Plan plan = run.plan();
 * }
 * }</pre>
 *
 * <p>Rules: a folder without {@value #RECORD} is not a run folder and is refused; while open, the folder is held by
 * an exclusive lock on {@value #LOCK}, so a second process refuses in one line; every file written here goes
 * through {@link AtomicFiles} or a staging folder and a rename, so a kill or a full disk never leaves a partial
 * report; {@code report.html} and {@code metrics.json} are replaced only when they are the ones this run wrote
 * (their SHA-256 is recorded), never a user's own file of that name.
 */
final class RunFolder implements AutoCloseable {

    /** The record of the run, written when the folder is created. */
    static final String RECORD = "run.json";
    /** The lock file; it stays after the run, the lock itself goes with the process. */
    static final String LOCK = "run.lock";
    /** Files a user might keep under these names: replaced only if noether wrote them. */
    static final List<String> GUARDED = List.of("report.html", "metrics.json");

    private static final String FORMAT = "noether-run";
    private static final long VERSION = 1;

    /** Writes the report; a seam for tests (a full disk), otherwise {@link ReportWriter#write}. */
    interface ReportSink {
        Path write(Path dir, RunInfo info, List<ExperimentResult> results) throws IOException;
    }

    static ReportSink reportSink = ReportWriter::write;

    /**
     * What a run is: the profile every experiment gets, the seeds each runs with (one for a plain run, several for a
     * grid of seeds), and the experiments in the order they run.
     */
    record Plan(Profile profile, List<Long> seeds, List<String> experiments) {
        Plan {
            Objects.requireNonNull(profile, "profile");
            seeds = List.copyOf(seeds);
            experiments = List.copyOf(experiments);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("a run needs at least one seed");
            }
        }

        /** A plain run: one seed. */
        Plan(Profile profile, long seed, List<String> experiments) {
            this(profile, List.of(seed), experiments);
        }

        /** The first (for a plain run, the only) seed. */
        long seed() {
            return seeds.get(0);
        }

        /** "the seed 3" or "the seeds 0, 1, 2", for messages. */
        String seedsText() {
            return seeds.size() == 1
                    ? "the seed " + seeds.get(0)
                    : "the seeds "
                            + String.join(
                                    ", ", seeds.stream().map(String::valueOf).toList());
        }

        String profileName() {
            return profile.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Object> record;
    private final Plan plan;

    private RunFolder(Path dir, FileChannel lockChannel, FileLock lock, Map<String, Object> record, Plan plan) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.record = record;
        this.plan = plan;
    }

    /** Creates a fresh folder {@code parent/run-YYYYMMDD-HHMMSS[-k]}, locks it and records the plan in it. */
    static RunFolder create(Path parent, LocalDateTime now, Plan plan, String command) {
        Path dir = RunFolders.create(parent, now);
        Locked l = lock(dir);
        try {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("format", FORMAT);
            record.put("version", VERSION);
            record.put("created", Instant.now().toString());
            record.put("command", command == null ? "" : command);
            record.put("profile", plan.profileName());
            record.put("seed", plan.seed());
            record.put("seeds", new ArrayList<Object>(plan.seeds()));
            record.put("experiments", new ArrayList<Object>(plan.experiments()));
            record.put("written", new LinkedHashMap<String, Object>());
            RunFolder f = new RunFolder(dir, l.channel, l.lock, record, plan);
            f.saveRecord();
            return f;
        } catch (RuntimeException e) {
            l.release();
            throw e;
        }
    }

    /**
     * Opens an existing run folder to continue it: refuses a missing, empty or foreign folder, one another process
     * holds, or one whose {@code report.html}/{@code metrics.json} noether did not write; then removes the temporary
     * files and staging folders that a killed writer left (told through {@code log}).
     */
    static RunFolder resume(Path dir, Consumer<String> log) {
        if (!Files.exists(dir)) {
            throw new NoetherUserException("--resume " + dir + ": no such run folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new NoetherUserException("--resume " + dir + ": this is a file, not a run folder");
        }
        if (!Files.isRegularFile(dir.resolve(RECORD))) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new NoetherUserException("--resume " + dir + ": cannot list the folder: " + e.getMessage(), e);
            }
            throw new NoetherUserException(
                    "--resume " + dir + ": " + (empty ? "the folder is empty" : "the folder holds no " + RECORD)
                            + ", so it is not a run folder of 'noether reproduce' (or one made before runs recorded "
                            + "their seed there); start a new run with --out");
        }
        Locked l = lock(dir);
        try {
            Map<String, Object> record = readRecord(dir);
            Plan plan = planOf(dir, record);
            RunFolder f = new RunFolder(dir, l.channel, l.lock, record, plan);
            f.checkGuardedFiles();
            int cleaned = f.cleanStale();
            if (cleaned > 0) {
                log.accept("removed " + cleaned + " temporary file" + (cleaned == 1 ? "" : "s")
                        + " left by an interrupted run in " + dir);
            }
            return f;
        } catch (RuntimeException e) {
            l.release();
            throw e;
        }
    }

    /** The folder. */
    Path dir() {
        return dir;
    }

    /** The recorded plan. */
    /**
     * The number of jobs the run was started (or last resumed) with, if the record holds one: a resumed run keeps it
     * unless {@code --jobs} is given again, so that a run started with {@code --jobs 1} (to bound memory, say) does
     * not continue with one JVM per core.
     */
    OptionalInt recordedJobs() {
        return record.get("jobs") instanceof Long n && n > 0 ? OptionalInt.of(Math.toIntExact(n)) : OptionalInt.empty();
    }

    /** Records the number of jobs this run goes on with. */
    void recordJobs(int jobs) {
        record.put("jobs", (long) jobs);
        saveRecord();
    }

    Plan plan() {
        return plan;
    }

    /** The private folder of one experiment (created by the runner, not here). */
    Path experimentFolder(String experiment) {
        return dir.resolve(experiment);
    }

    /** A one-line error for a flag that disagrees with what the folder recorded. */
    NoetherUserException conflict(String flag, String given, String recorded) {
        return new NoetherUserException(flag + (given.isEmpty() ? "" : " " + given) + " conflicts with " + recorded
                + " recorded in " + dir.resolve(RECORD) + "; --resume takes it from there: leave " + flag
                + " out, or start a new run");
    }

    /**
     * Writes the report into the folder without ever leaving a partial file in place: the report is written into a
     * staging folder inside this one, then each file is renamed over its target. A full disk gives a one-line
     * {@link NoetherUserException} naming the folder and the space the report needed so far, and leaves the old
     * report (if any) untouched.
     *
     * @return the path of {@code report.html} in this folder
     */
    Path writeReport(RunInfo info, List<ExperimentResult> results) {
        Path staging = dir.resolve(
                ".report" + AtomicFiles.TMP_MARKER + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Path html;
            try {
                Files.createDirectories(staging);
                html = reportSink.write(staging, info, results);
            } catch (IOException e) {
                throw reportFailure(staging, e);
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(staging)) {
                files = s.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing((Path p) ->
                                        GUARDED.contains(staging.relativize(p).toString()))
                                .thenComparing(Path::toString))
                        .toList();
            }
            // Accept both the old and the new copies while they are being swapped, so a kill in between never makes
            // noether's own report look foreign; afterwards only the new ones.
            Map<String, String> fresh = new LinkedHashMap<>();
            for (String name : GUARDED) {
                Path p = staging.resolve(name);
                if (Files.isRegularFile(p)) {
                    fresh.put(name, sha256(p));
                }
            }
            Map<String, Object> written = written();
            for (Map.Entry<String, String> e : fresh.entrySet()) {
                List<Object> accepted = new ArrayList<>(hashes(written, e.getKey()));
                accepted.add(e.getValue());
                written.put(e.getKey(), accepted);
            }
            saveRecord();
            for (Path p : files) {
                Path target = dir.resolve(staging.relativize(p).toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.move(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Map.Entry<String, String> e : fresh.entrySet()) {
                written.put(e.getKey(), new ArrayList<Object>(List.of(e.getValue())));
            }
            saveRecord();
            return dir.resolve(staging.relativize(html).toString());
        } catch (IOException e) {
            throw AtomicFiles.failure(dir.resolve("report.html"), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // a leftover staging folder is removed by the next resume
            }
        }
    }

    /** Releases the lock; the folder and its lock file stay. */
    @Override
    public void close() {
        new Locked(lockChannel, lock).release();
    }

    // ---------------------------------------------------------------------------------------------------------

    private RuntimeException reportFailure(Path staging, IOException e) {
        if (String.valueOf(e.getMessage()).contains("No space left on device")) {
            long used = sizeOf(staging);
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // removed again in writeReport's finally block, or by the next resume
            }
            String free = "";
            try {
                free = ", " + mib(Files.getFileStore(dir).getUsableSpace()) + " free";
            } catch (IOException | RuntimeException ignored) {
                // the message is still right without it
            }
            return new NoetherUserException("no space left on the device holding " + dir.toAbsolutePath()
                    + " while writing the report (it needed more than " + mib(used) + free
                    + "); free some space, then run 'noether reproduce --resume " + dir + "'");
        }
        return AtomicFiles.failure(dir.resolve("report.html"), e);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static long sizeOf(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void checkGuardedFiles() {
        Map<String, Object> written = written();
        for (String name : GUARDED) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                String hash;
                try {
                    hash = Files.isRegularFile(p) ? sha256(p) : "";
                } catch (IOException e) {
                    throw new NoetherUserException("--resume " + dir + ": cannot read " + p + ": " + e.getMessage(), e);
                }
                if (!hashes(written, name).contains(hash)) {
                    throw new NoetherUserException(
                            "--resume " + dir + ": " + name + " there was not written by noether "
                                    + "for this run (or was changed since); move it away first, it would be overwritten");
                }
            }
        }
    }

    /** Removes temporary files ({@link AtomicFiles#TMP_MARKER} in the name) and staging folders anywhere below. */
    private int cleanStale() {
        int n = 0;
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isDirectory).forEach(dirs::add);
        } catch (IOException e) {
            throw AtomicFiles.failure(dir, e);
        }
        for (Path d : dirs) {
            if (!d.equals(dir) && d.getFileName().toString().contains(AtomicFiles.TMP_MARKER)) {
                if (Files.exists(d)) {
                    try {
                        deleteTree(d);
                        n++;
                    } catch (IOException e) {
                        throw AtomicFiles.failure(d, e);
                    }
                }
            } else if (Files.isDirectory(d)) {
                n += AtomicFiles.cleanStale(d);
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> written() {
        Object w = record.get("written");
        if (!(w instanceof Map)) {
            w = new LinkedHashMap<String, Object>();
            record.put("written", w);
        }
        return (Map<String, Object>) w;
    }

    private static List<Object> hashes(Map<String, Object> written, String name) {
        return written.get(name) instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private void saveRecord() {
        AtomicFiles.writeString(dir.resolve(RECORD), RunJson.write(record));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readRecord(Path dir) {
        Path file = dir.resolve(RECORD);
        Object parsed;
        try {
            parsed = RunJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new NoetherUserException("--resume " + dir + ": " + RECORD + " cannot be read (" + e.getMessage()
                    + "), so the run's seed and profile are unknown; start a new run with --out");
        }
        if (!(parsed instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new NoetherUserException("--resume " + dir + ": " + RECORD + " there was not written by noether "
                    + "(no \"format\": \"" + FORMAT + "\"); start a new run with --out");
        }
        if (!(m.get("version") instanceof Long v) || v > VERSION) {
            throw new NoetherUserException("--resume " + dir + ": " + RECORD + " has version " + m.get("version")
                    + ", this noether reads version " + VERSION + "; use the noether that made the run");
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    private static Plan planOf(Path dir, Map<String, Object> record) {
        try {
            Profile profile = Profile.valueOf(((String) record.get("profile")).toUpperCase(Locale.ROOT));
            List<Long> seeds = new ArrayList<>();
            if (record.get("seeds") instanceof List<?> l) {
                for (Object o : l) {
                    seeds.add((Long) Objects.requireNonNull(o));
                }
            } else {
                seeds.add((Long) Objects.requireNonNull(record.get("seed"), "seed"));
            }
            List<String> experiments = new ArrayList<>();
            for (Object o : (List<?>) Objects.requireNonNull(record.get("experiments"), "experiments")) {
                experiments.add((String) Objects.requireNonNull(o));
            }
            return new Plan(profile, seeds, experiments);
        } catch (RuntimeException e) {
            throw new NoetherUserException("--resume " + dir + ": " + RECORD + " lacks a valid profile, seed or "
                    + "experiment list (" + e + "); start a new run with --out");
        }
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
    }

    /** An open lock file and the lock on it. */
    private record Locked(FileChannel channel, FileLock lock) {
        void release() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock; nothing else to do
            }
        }
    }

    /** Takes the folder's lock, or refuses in one line naming the process that holds it. */
    private static Locked lock(Path dir) {
        Path file = dir.resolve(LOCK);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw AtomicFiles.failure(file, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process (another command in the same JVM)
        } catch (IOException e) {
            closeQuietly(ch);
            throw AtomicFiles.failure(file, e);
        }
        if (lock == null) {
            closeQuietly(ch);
            String holder = "";
            try {
                holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException ignored) {
                // the message is still right without the holder
            }
            throw new NoetherUserException(
                    dir + " is in use by another noether process" + (holder.isEmpty() ? "" : " (" + holder + ")")
                            + "; wait for it to finish, or stop it, then resume");
        }
        try {
            ch.truncate(0);
            ch.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            ch.force(false);
        } catch (IOException e) {
            // the lock holds without the note of who holds it
        }
        return new Locked(ch, lock);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
