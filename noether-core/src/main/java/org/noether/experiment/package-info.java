/**
 * The experiment API: how a module describes a reproducible experiment and the data it produces.
 *
 * <p>Every capability module contributes experiments by implementing {@link org.noether.experiment.Experiment}
 * and listing the class in {@code META-INF/services/org.noether.experiment.Experiment}. The CLI finds them
 * through {@link org.noether.experiment.Experiments#all()}, runs them with an
 * {@link org.noether.experiment.ExperimentContext}, and hands the {@link org.noether.experiment.ExperimentResult}s
 * to the report writer. Nothing here depends on anything beyond the JDK.
 */
package org.noether.experiment;
