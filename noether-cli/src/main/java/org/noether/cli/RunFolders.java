package org.noether.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.noether.experiment.NoetherUserException;

/** Creates fresh run folders named {@code run-YYYYMMDD-HHMMSS}, adding {@code -2}, {@code -3}, ... on collisions. */
final class RunFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {}

    static Path create(Path parent, LocalDateTime now) {
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new NoetherUserException("cannot use '" + parent + "' for runs: it exists and is not a folder");
        } catch (IOException e) {
            throw new NoetherUserException("cannot create the runs folder '" + parent + "': " + e.getMessage(), e);
        }
        String base = "run-" + STAMP.format(now);
        for (int k = 1; k < 10_000; k++) {
            Path candidate = parent.resolve(k == 1 ? base : base + "-" + k);
            try {
                // createDirectory is atomic, so two runs started in the same second still get separate folders.
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new NoetherUserException("cannot create run folder '" + candidate + "': " + e.getMessage(), e);
            }
        }
        throw new NoetherUserException("too many runs named " + base + "* in '" + parent + "'");
    }
}
