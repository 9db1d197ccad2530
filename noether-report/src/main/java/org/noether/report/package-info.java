/**
 * Turns {@link org.noether.experiment.ExperimentResult}s into files a person can read: a self-contained
 * {@code report.html}, {@code metrics.json}, one CSV per table and PNG/SVG plots, plus a terminal
 * {@link org.noether.report.ProgressBar}. The page opens with a dashboard of the papers' claims and their verdicts.
 * Plots are drawn by JFreeChart (SVG through JFreeSVG) on headless AWT, JSON is written by Jackson and CSV by
 * commons-csv; docs/report.md says what stays ours and why.
 */
package org.noether.report;
