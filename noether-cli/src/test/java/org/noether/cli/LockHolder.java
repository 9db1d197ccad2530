package org.noether.cli;

import java.nio.file.Path;

/** A second process for {@link ResumeTest}: opens a run folder as a resume would, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (RunFolder f = RunFolder.resume(Path.of(args[0]), line -> {})) {
            System.out.println("holding " + f.dir());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
