/**
 * Turns {@link org.noether.experiment.ExperimentResult}s into files a person can read: a self-contained
 * {@code report.html}, {@code metrics.json}, one CSV per table and PNG/SVG plots, plus a terminal
 * {@link org.noether.report.ProgressBar}. Only the JDK is used; plots are drawn with headless AWT.
 */
package org.noether.report;
