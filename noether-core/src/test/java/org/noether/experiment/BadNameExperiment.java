package org.noether.experiment;

/** Has a name that cannot be a file name; only registered by a test-made class loader. */
public class BadNameExperiment extends AlphaExperiment {
    @Override
    public String name() {
        return "Bad Name/..";
    }
}
