package org.noether.nn.archfixture;

/** A stand-in nn class for ArchitectureTest; test code only. */
public final class NnThing {
    public int value() {
        return 1;
    }
}
