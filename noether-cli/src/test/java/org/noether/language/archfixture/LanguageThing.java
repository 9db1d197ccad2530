package org.noether.language.archfixture;

/** A stand-in language class for ArchitectureTest; test code only. */
public final class LanguageThing {
    public int value() {
        return 1;
    }
}
