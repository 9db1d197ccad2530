/**
 * Symmetrizing any model: DJL blocks that make an arbitrary block invariant or equivariant under a finite group (or,
 * approximately, a finite sample of a compact group) acting on its inputs and outputs, following "Efficient
 * Equivariant Transfer Learning from Pretrained Models" (Basu et al., NeurIPS 2023) and canonicalization (Kaba et al.,
 * ICML 2023).
 *
 * <p>One abstraction, parallel domains: a domain supplies an {@link org.noether.nn.symmetrize.NDAction} (images by
 * quarter turns and flips, vocabulary or class permutations, vectors and point clouds through a representation, see
 * {@link org.noether.nn.symmetrize.NDActions}); a {@link org.noether.nn.symmetrize.Symmetry} pairs the group
 * elements with the input and output actions; the wrappers ({@link org.noether.nn.symmetrize.Equitune}, {@link
 * org.noether.nn.symmetrize.Equizero}, {@link org.noether.nn.symmetrize.LambdaEquitune}, {@link
 * org.noether.nn.symmetrize.Canonicalized}) and the {@link org.noether.nn.symmetrize.Augmentation} baseline are
 * written once for all of them.
 *
 * <pre>{@code
 * var d4 = DihedralGroup.dihedral(4);
 * Symmetry<DihedralElement> s = Symmetry.invariant(d4, NDActions.image(d4));
 * Block zeroShot = new Equizero<>(pretrainedCnn, s, Proxy.entropy());   // exactly D4-invariant classifier
 * }</pre>
 */
package org.noether.nn.symmetrize;
