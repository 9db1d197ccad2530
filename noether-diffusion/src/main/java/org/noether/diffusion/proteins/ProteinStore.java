package org.noether.diffusion.proteins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.noether.data.FetchFolders;
import org.noether.data.Packages;
import org.noether.experiment.NoetherUserException;
import org.noether.experiment.Progress;

/**
 * Real protein structures for {@code diffusion.proteins}, taken from Debian packages that ship PDB and mmCIF files
 * as test data or examples ({@link #PACKAGES}): each is fetched with {@code apt-get download} and unpacked with
 * {@code dpkg-deb -x} in a staging folder; every structure file that {@link StructureReader} reads with at least one
 * Cα goes to {@code <data>/proteins/<package>/}, and the folder is moved into place only when complete.
 */
public final class ProteinStore {

    /** The Debian packages holding the structures. */
    public static final List<String> PACKAGES =
            List.of("python3-prody-tests", "python-biopython-doc", "pymol-data", "rdkit-data");
    /** The folder under the data root. */
    public static final String FOLDER = "proteins";

    private ProteinStore() {}

    /** Whether structures have been fetched into {@code root}. */
    public static boolean isPresent(Path root) {
        return Files.isDirectory(root.resolve(FOLDER))
                && !files(root.resolve(FOLDER)).isEmpty();
    }

    /** Every structure file under {@code root/proteins}, sorted by path. */
    public static List<Path> structures(Path root) {
        Path dir = root.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            throw new NoetherUserException("no protein structures in " + dir
                    + "; run 'noether data fetch proteins' (or " + "set NOETHER_DATA to a folder that has them)");
        }
        return files(dir);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(ProteinStore::isStructure)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new NoetherUserException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean isStructure(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        return n.endsWith(".pdb") || n.endsWith(".ent") || n.endsWith(".cif");
    }

    /**
     * Fetches the packages and installs their readable structures into {@code root/proteins}, replacing what was
     * there.
     *
     * @return the number of structure files installed
     */
    public static int fetch(Path root, Progress progress) throws IOException, InterruptedException {
        Files.createDirectories(root);
        FetchFolders.cleanStale(root, java.time.Instant.now());
        Path work = FetchFolders.create(root, "proteins-");
        try {
            Path staging = work.resolve(FOLDER);
            int kept = 0;
            try (Progress.Task task =
                    progress.task("protein structures (apt-get download + dpkg-deb -x)", PACKAGES.size())) {
                for (String pkg : PACKAGES) {
                    task.message(pkg);
                    Path unpacked = Packages.debian(pkg, work.resolve("deb-" + pkg), work.resolve("x-" + pkg));
                    for (Path f : files(unpacked)) {
                        List<StructureReader.Chain> chains;
                        try {
                            chains = StructureReader.read(f);
                        } catch (NoetherUserException e) {
                            progress.log("skipping " + unpacked.relativize(f) + ": " + e.getMessage());
                            continue;
                        }
                        if (chains.isEmpty()) continue;
                        Path target =
                                staging.resolve(pkg).resolve(f.getFileName().toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                        kept++;
                    }
                    task.step();
                }
            }
            if (kept == 0) throw new NoetherUserException("no readable structure in " + String.join(", ", PACKAGES));
            Path dest = root.resolve(FOLDER);
            if (Files.exists(dest)) deleteTree(dest);
            Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) Files.deleteIfExists(p);
    }
}
