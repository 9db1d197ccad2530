/**
 * Latent group actions: autoencoders in which a group acts on the latent space by a known action, after "Learning
 * Group Actions on Latent Representations" (NeurIPS 2024). An encoder maps x1 to a latent whose varying part is
 * transformed by g and whose invariant part is kept; a gate (attention between the transformed and the untransformed
 * latent) and optional skip connections feed the decoder, which renders x2. This models transformations of hidden
 * factors (a digit rotating behind a fixed block, the contrast of one region) that no action on pixels describes.
 *
 * <ul>
 *   <li>Actions on latents ({@link org.noether.latent.LatentAction}): {@link org.noether.latent.SpatialRotation} (SO(2)
 *   rotating feature maps, bilinear), {@link org.noether.latent.So2Irreps} (SO(2) irreducible representations on
 *   channels), {@link org.noether.latent.RegularRepresentation} (any finite group).</li>
 *   <li>The model {@link org.noether.latent.LatentAutoencoder} (also the conditional baseline), its training
 *   {@link org.noether.latent.LatentTrainer} and loss {@link org.noether.latent.ReconstructionLoss}.</li>
 *   <li>Pair tasks generated on the fly: {@link org.noether.latent.RotationPairs} (rotated, optionally behind a block),
 *   {@link org.noether.latent.ContrastPairs} (a cyclic contrast group on half of the picture).</li>
 *   <li>{@link org.noether.latent.ImageMetrics}: PSNR and SSIM.</li>
 *   <li>Experiments {@code latent.rotated-mnist}, {@code latent.blocked-mnist}, {@code latent.rotated-fashion-mnist},
 *   {@code latent.contrast-mnist}, {@code latent.action-cost}.</li>
 * </ul>
 *
 * <pre>{@code
 * Engines.pytorch();
 * ImageDataset mnist = DataStore.load("mnist", DataStore.defaultRoot());
 * RotationPairs task = new RotationPairs("blocked-mnist", mnist, 14, 5);
 * try (LatentTrainer<O2Element> run = LatentTrainer.create(task, LatentAutoencoder.Config.defaults(),
 *         new LatentTrainer.Settings(250, 16, 2e-3f, 0), 42)) {
 *     run.train(null);
 *     Pair<O2Element> p = task.sample(true, new SplittableRandom(1));
 *     float[] x2hat = run.predict(List.of(p))[0];
 *     double psnr = ImageMetrics.psnr(x2hat, p.target());
 * }
 * }</pre>
 */
package org.noether.latent;
