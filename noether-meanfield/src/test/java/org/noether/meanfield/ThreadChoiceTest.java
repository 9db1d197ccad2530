package org.noether.meanfield;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The choice between helper threads and one thread, driven by a simulated clock. */
class ThreadChoiceTest {

    /** Runs {@code steps} steps whose duration depends on the mode; returns the simulated nanoseconds. */
    static long simulate(long steps, long parallelNanos, long serialNanos, ThreadChoice[] out) {
        long now = 0;
        ThreadChoice c = new ThreadChoice(now);
        for (long s = 0; s < steps; s++) {
            now += c.parallel() ? parallelNanos : serialNanos;
            c.stepDone(now);
        }
        out[0] = c;
        return now;
    }

    @Test
    void underLoadItKeepsCloseToTheOneThreadRate() {
        // 2 threads 40x slower than one (the spin barrier under load): 40 us against 1 us per step
        ThreadChoice[] c = new ThreadChoice[1];
        long steps = 2_000_000;
        long t = simulate(steps, 40_000, 1_000, c);
        double rate = steps / (double) t, serial = 1 / 1_000.0;
        assertTrue(rate >= 0.9 * serial, "rate " + rate * 1e9 + " steps/s against " + serial * 1e9);
        assertTrue(c[0].serialSteps() > 0.99 * steps);
    }

    @Test
    void whenTwoThreadsAreFasterItUsesThem() {
        ThreadChoice[] c = new ThreadChoice[1];
        long steps = 2_000_000;
        long t = simulate(steps, 600, 1_000, c);
        double rate = steps / (double) t, parallel = 1 / 600.0;
        assertTrue(rate >= 0.95 * parallel, "rate " + rate * 1e9 + " steps/s against " + parallel * 1e9);
    }

    @Test
    void itFollowsAChangeOfLoad() {
        long now = 0;
        ThreadChoice c = new ThreadChoice(now);
        for (long s = 0; s < 1_000_000; s++) { // idle: two threads win
            now += c.parallel() ? 600 : 1_000;
            c.stepDone(now);
        }
        assertTrue(c.parallel());
        long start = now, steps = 1_000_000;
        for (long s = 0; s < steps; s++) { // loaded: one thread wins
            now += c.parallel() ? 40_000 : 1_000;
            c.stepDone(now);
        }
        double rate = steps / (double) (now - start);
        assertTrue(rate >= 0.8 / 1_000.0, "rate after the load came " + rate * 1e9);
    }
}
