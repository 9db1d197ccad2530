package org.noether.bench.archfixture;

/** A stand-in benchmark class for ArchitectureTest; test code only. */
public final class BenchThing {
    public int value() {
        return 1;
    }
}
