package org.noether.report.archfixture;

/** A stand-in report class for ArchitectureTest; test code only. */
public final class ReportThing {
    public int value() {
        return 1;
    }
}
