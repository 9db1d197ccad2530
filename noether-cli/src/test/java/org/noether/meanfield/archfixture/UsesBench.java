package org.noether.meanfield.archfixture;

import org.noether.bench.archfixture.BenchThing;

/** Breaks "only the CLI uses noether-bench" on purpose, for ArchitectureTest; test code only. */
public final class UsesBench {
    public int use(BenchThing thing) {
        return thing.value();
    }
}
