package org.noether.experiment;

/** Claims {@link AlphaExperiment}'s name; only registered by a test-made class loader. */
public class DuplicateAlphaExperiment extends AlphaExperiment {}
