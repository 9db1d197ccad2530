package org.noether.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work folders left behind by a killed fetch are removed by the next fetch; those of a running fetch are kept. */
class FetchFoldersTest {
    @TempDir
    Path root;

    /** A process id above Linux's largest (2^22) and any other system's: no process has it. */
    private static final long NO_SUCH_PID = 1L << 40;

    private Path folder(String name, String owner, Duration age) throws IOException {
        Path p = Files.createDirectories(root.resolve(name));
        Files.writeString(p.resolve("partial.bin"), "half a download");
        if (owner != null) Files.writeString(p.resolve(FetchFolders.OWNER), owner, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
        return p;
    }

    @Test
    void removesTheFoldersOfDeadOrUnknownOwnersAndKeepsLiveOnes() throws IOException {
        String me = FetchFolders.ownerRecord(ProcessHandle.current());
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Path live = folder(".fetch-live", me, Duration.ofDays(3)); // old, but its owner runs: kept
        Path liveNoStart = folder(".fetch-live2", ProcessHandle.current().pid() + " -\n", Duration.ofDays(3));
        Path dead = folder(".fetch-dead", NO_SUCH_PID + " 12345\n", Duration.ZERO); // new, but owner gone
        Path reused = folder(
                ".fetch-reused",
                ProcessHandle.current().pid() + " " + (start - 3_600_000) + "\n",
                Duration.ZERO); // this pid, another start time: the owner died and the id was reused
        Path oldUnowned = folder(".fetch-meshes-old", null, Duration.ofHours(7));
        Path newUnowned = folder(".fetch-new", null, Duration.ofHours(5)); // may be a fetch before its record
        Path garbled = folder(".fetch-garbled", "not a record", Duration.ofHours(7)); // counts as unowned
        Path other = folder("mnist", NO_SUCH_PID + " 1\n", Duration.ofDays(3)); // not a work folder
        Path file = Files.writeString(root.resolve(".fetch-file"), "x"); // not a folder

        List<Path> removed = new ArrayList<>(FetchFolders.cleanStale(root, Instant.now()));
        removed.sort(null);
        assertEquals(List.of(dead, garbled, oldUnowned, reused), removed);
        for (Path p : removed) assertFalse(Files.exists(p), p.toString());
        for (Path p : List.of(live, liveNoStart, newUnowned, other, file)) assertTrue(Files.exists(p), p.toString());
    }

    @Test
    void theAgeOfAnUnownedFolderIsJudgedAgainstTheGivenTime() throws IOException {
        Path p = folder(".fetch-x", null, Duration.ofHours(1));
        assertTrue(FetchFolders.cleanStale(root, Instant.now()).isEmpty());
        assertTrue(FetchFolders.cleanStale(root, Instant.now().plus(Duration.ofHours(4)))
                .isEmpty());
        assertEquals(List.of(p), FetchFolders.cleanStale(root, Instant.now().plus(Duration.ofHours(6))));
        assertTrue(
                FetchFolders.cleanStale(root.resolve("absent"), Instant.now()).isEmpty());
    }

    @Test
    void createdFoldersAreOwnedByThisProcessAndSurviveACleaning() throws IOException {
        Path work = FetchFolders.create(root, "meshes-");
        assertTrue(work.getFileName().toString().startsWith(".fetch-meshes-"), work.toString());
        assertTrue(FetchFolders.ownerAlive(Files.readString(work.resolve(FetchFolders.OWNER))));
        assertTrue(FetchFolders.cleanStale(root, Instant.now().plus(Duration.ofDays(30)))
                .isEmpty());
        assertTrue(Files.isDirectory(work));
    }

    @Test
    void theNextDataFetchRemovesAKilledFetchsFolderAndSaysSo() throws Exception {
        Path dead = folder(".fetch-123", NO_SUCH_PID + " 1\n", Duration.ZERO);
        Path live = FetchFolders.create(root, "proteins-");
        Path src = root.getParent().resolve(root.getFileName() + "-src");
        IdxTest.writeDataset(src, true);
        List<String> log = new ArrayList<>();
        DataStore.fetch("mnist", root, src, log::add);
        assertFalse(Files.exists(dead));
        assertTrue(Files.isDirectory(live));
        assertTrue(log.stream().anyMatch(l -> l.contains("removed " + dead)), log.toString());
        try (var s = Files.list(root)) {
            // the fetch's own work folder is gone too: only the data set and the live folder remain
            assertEquals(
                    List.of(live.getFileName().toString(), "mnist"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
