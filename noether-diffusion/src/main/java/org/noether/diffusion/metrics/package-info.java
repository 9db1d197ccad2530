/**
 * Metrics for generated molecules and conformers: {@link org.noether.diffusion.metrics.MoleculeStability} (bond
 * orders from distances and a valence check, as in EDM) and {@link org.noether.diffusion.metrics.ConformerCoverage}
 * (coverage and average minimum RMSD, recall and precision).
 *
 * <pre>{@code
 * MoleculeStability.Result r = MoleculeStability.assess(List.of(Element.O, Element.H, Element.H), xyz);
 * ConformerCoverage.Result c = ConformerCoverage.evaluate(generated, reference, 0.5, 3);
 * }</pre>
 */
package org.noether.diffusion.metrics;
