package org.noether.group.archfixture;

/** Breaks "no DJL below nn" on purpose, for ArchitectureTest; test code only. */
public final class UsesDjl {
    public long size(ai.djl.ndarray.NDArray array) {
        return array.size();
    }
}
