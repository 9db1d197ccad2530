package org.noether.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python baseline script shipped in this jar (from {@code noether-bench/src/main/python}) with
 * {@code python3}, when {@code import torch} works there.
 *
 * <pre>{@code
 * if (PythonBaseline.torchAvailable()) lines = PythonBaseline.run("cnn_train_pytorch.py", "--seconds", "5");
 * }</pre>
 */
public final class PythonBaseline {
    private PythonBaseline() {}

    /** Folder of the scripts inside the jar. */
    static final String FOLDER = "/org/noether/bench/python/";

    /** Whether {@code python3 -c "import torch"} succeeds. */
    public static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script with the arguments and returns its output lines (standard output and error together). */
    public static List<String> run(String script, String... args) throws IOException {
        Path file = Files.createTempFile(script.replace(".py", ""), ".py");
        List<String> lines = new ArrayList<>();
        try (InputStream in = PythonBaseline.class.getResourceAsStream(FOLDER + script)) {
            if (in == null) throw new IOException("the jar lacks " + FOLDER + script);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of("python3", file.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            }
            p.waitFor(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(file);
        }
        return lines;
    }
}
