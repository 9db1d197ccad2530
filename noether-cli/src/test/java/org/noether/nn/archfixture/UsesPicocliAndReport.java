package org.noether.nn.archfixture;

import org.noether.report.archfixture.ReportThing;

/** Breaks "picocli and report only in the CLI" on purpose, for ArchitectureTest; test code only. */
public final class UsesPicocliAndReport {
    public String use(picocli.CommandLine line, ReportThing report) {
        return line.getCommandName() + report.value();
    }
}
