package org.noether.group.archfixture;

import org.noether.nn.archfixture.NnThing;

/** Breaks the floors on purpose (core reaching up into nn), for ArchitectureTest; test code only. */
public final class UsesNn {
    public int use(NnThing thing) {
        return thing.value();
    }
}
