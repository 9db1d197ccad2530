package org.noether.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void resultsComeBackInJobOrderWhateverOrderTheJobsFinishIn() {
        List<Callable<Integer>> jobs = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 12; i++) {
            int k = i;
            jobs.add(() -> {
                threads.add(Thread.currentThread().getName());
                Thread.sleep((12 - k) * 3L); // later jobs finish first
                return k * k;
            });
        }
        List<Integer> out = Workers.map(3, jobs);
        for (int i = 0; i < 12; i++) assertEquals(i * i, out.get(i));
        assertTrue(threads.size() > 1 && threads.size() <= 3, threads.toString());
    }

    @Test
    void jobsRunConcurrentlyOnTwoThreads() {
        CountDownLatch both = new CountDownLatch(2);
        Callable<Boolean> job = () -> {
            both.countDown();
            return both.await(10, TimeUnit.SECONDS); // false if the other job never ran alongside
        };
        assertEquals(List.of(true, true), Workers.map(2, List.of(job, job)));
    }

    @Test
    void oneThreadRunsTheJobsInTheCallingThread() {
        String caller = Thread.currentThread().getName();
        Callable<String> name = () -> Thread.currentThread().getName();
        assertEquals(List.of(caller, caller), Workers.map(1, List.of(name, name)));
    }

    @Test
    void aFailingJobsExceptionReachesTheCaller() {
        List<Callable<Integer>> jobs = List.of(
                () -> 1,
                () -> {
                    throw new IllegalArgumentException("bad input in job 2");
                },
                () -> 3);
        for (int threads : new int[] {1, 2}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workers.map(threads, jobs));
            assertEquals("bad input in job 2", e.getMessage());
        }
        Callable<Integer> checked = () -> {
            throw new java.io.IOException("disk full");
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Workers.map(2, List.of(checked)));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void theQuickProfileUsesOneThreadAndTheFullOneThePropertyOrTheCores() {
        Path out = Path.of("unused");
        assertEquals(1, Workers.count(new ExperimentContext(Profile.QUICK, 0, out, Progress.NONE)));
        String before = System.getProperty(Workers.PROPERTY);
        try {
            System.setProperty(Workers.PROPERTY, "3");
            assertEquals(3, Workers.count(new ExperimentContext(Profile.FULL, 0, out, Progress.NONE)));
            System.clearProperty(Workers.PROPERTY);
            assertEquals(
                    Runtime.getRuntime().availableProcessors(),
                    Workers.count(new ExperimentContext(Profile.FULL, 0, out, Progress.NONE)));
        } finally {
            if (before == null) System.clearProperty(Workers.PROPERTY);
            else System.setProperty(Workers.PROPERTY, before);
        }
    }
}
