package org.noether.vision.archfixture;

import org.noether.language.archfixture.LanguageThing;

/** Breaks "no capability module imports another" on purpose, for ArchitectureTest; test code only. */
public final class UsesLanguage {
    public int use(LanguageThing thing) {
        return thing.value();
    }
}
