/**
 * Generative models on point clouds modulo rigid motions ("Quotient-Space Diffusion Models", ICLR 2026).
 *
 * <ul>
 * <li>{@link org.noether.diffusion.RigidQuotient}: centring, the horizontal projection {@code P_x}, the correction
 *     field {@code h = -1/2 grad log det K}, with SE(3) for clouds in space and SE(2) in the plane;
 *     {@link org.noether.diffusion.Kabsch} superposes labelled clouds by proper rotations.
 * <li>{@link org.noether.diffusion.HorizontalBrownianMotion}: the Ito derivation of the sign of the correction and
 *     its check on the drift of |x|^2.
 * <li>{@link org.noether.diffusion.Schedule}, {@link org.noether.diffusion.Denoiser},
 *     {@link org.noether.diffusion.Objective} (conventional, quotient, GeoDiff and AF3 alignment losses) and
 *     {@link org.noether.diffusion.Sampler} (ODE / SDE, conventional or lifted from the quotient): a learned denoiser
 *     plugs in through {@code Denoiser.denoiseBatch}.
 * <li>{@link org.noether.diffusion.RigidShapeMixture}: targets whose optimal denoiser for every objective is exact,
 *     used by {@link org.noether.diffusion.ExactDenoiserToyExperiment} ({@code diffusion.exact-denoiser-toy}).
 * </ul>
 *
 * <pre>{@code
 * RigidShapeMixture target = RigidShapeMixture.of(3, List.of(shape), new double[] {1});
 * Sampler sampler = Sampler.builder(RigidQuotient.SE3).steps(100).sde(1.0).quotient(Correction.CORRECT).build();
 * double[][] clouds = sampler.sample(target.exactDenoiser(Objective.QUOTIENT, Schedule.LINEAR), target.points(), 500, 1L);
 * }</pre>
 */
package org.noether.diffusion;
