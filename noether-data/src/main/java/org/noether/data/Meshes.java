package org.noether.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.noether.experiment.NoetherUserException;

/**
 * The mesh collection of the 3-D experiments: about 140 OFF/PLY/STL meshes (bunny, cow, camel, elephant, a Boeing
 * airliner, ...) shipped by the Debian package {@value #DEB} in its {@code data.tar.gz}. Fetched like Fashion-MNIST
 * ({@link DataStore}): {@code apt-get download}, {@code dpkg-deb -x}, then {@code tar} extracts {@code data/meshes}
 * into {@code <root>/meshes}. The files are staged in a temporary folder and moved into place only when complete, so
 * an interrupted fetch leaves nothing that looks installed.
 *
 * <pre>{@code
 * Path dir = Meshes.fetch(DataStore.defaultRoot(), null);   // idempotent
 * List<Path> files = Meshes.files(DataStore.defaultRoot());
 * }</pre>
 */
public final class Meshes {
    private Meshes() {}

    /** The Debian package that carries the meshes. */
    public static final String DEB = "libcgal-demo";
    /** The data set's name and folder under the data root. */
    public static final String NAME = "meshes";

    private static final String MARKER = ".complete";
    private static final int MINIMUM = 10;

    /** The folder of the meshes under {@code root}. */
    public static Path folder(Path root) {
        return root.resolve(NAME);
    }

    /** True when a complete fetch put the meshes under {@code root}. */
    public static boolean isPresent(Path root) {
        return Files.isRegularFile(folder(root).resolve(MARKER));
    }

    /** The mesh files, sorted by name; a clear error when they are not there. */
    public static List<Path> files(Path root) throws IOException {
        if (!isPresent(root))
            throw new NoetherUserException("the meshes are not in " + folder(root) + "; run 'noether data fetch " + NAME
                    + "' (or let a 3-D experiment fetch them)");
        try (Stream<Path> s = Files.list(folder(root))) {
            return s.filter(Meshes::isMesh).sorted().toList();
        }
    }

    private static boolean isMesh(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && MeshReader.EXTENSIONS.stream().anyMatch(e -> n.endsWith("." + e));
    }

    /**
     * Puts the meshes into {@code root/meshes}: copied from the folder {@code from}, or, with {@code from} null,
     * fetched from the Debian package {@value #DEB}. Does nothing when a complete fetch is already there.
     */
    public static Path fetch(Path root, Path from) throws IOException, InterruptedException {
        Path target = folder(root);
        if (from == null && isPresent(root)) return target;
        if (from != null && !Files.isDirectory(from))
            throw new NoetherUserException("--from " + from + " is not a folder of .off/.ply/.stl meshes");
        Files.createDirectories(root);
        FetchFolders.cleanStale(root, java.time.Instant.now());
        Path work = FetchFolders.create(root, "meshes-");
        try {
            Path source;
            if (from != null) {
                source = from;
            } else {
                Path unpacked = Packages.debian(DEB, work, work.resolve("unpacked"));
                Path archive;
                try (Stream<Path> s = Files.walk(unpacked)) {
                    archive = s.filter(p -> p.getFileName().toString().equals("data.tar.gz"))
                            .findFirst()
                            .orElseThrow(() -> new NoetherUserException(
                                    DEB + " holds no data.tar.gz; the package " + "layout changed"));
                }
                source = work.resolve("archive");
                Files.createDirectories(source);
                Packages.run(work, "tar", "-xzf", archive.toString(), "-C", source.toString(), "data/meshes");
                source = source.resolve("data").resolve("meshes");
            }
            Path staging = work.resolve("staging");
            Files.createDirectories(staging);
            int count = 0;
            try (Stream<Path> s = Files.list(source)) {
                for (Path p : s.filter(Meshes::isMesh).sorted().toList()) {
                    Files.copy(p, staging.resolve(p.getFileName()));
                    count++;
                }
            }
            if (count < MINIMUM)
                throw new NoetherUserException("found " + count + " mesh files (.off, .ply, .stl) in " + source
                        + "; need at least " + MINIMUM);
            Files.writeString(staging.resolve(MARKER), count + " meshes\n", StandardCharsets.UTF_8);
            DataStore.deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            DataStore.deleteTree(work);
        }
    }
}
