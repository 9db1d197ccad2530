package org.noether.diffusion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.diffusion.conformers.ConformerEnsemble;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;

/**
 * Sizing of the full {@code diffusion.conformers} profile: CPU seconds (of the calling thread; libtorch runs with one
 * thread) per training step and per sampled conformer, on molecules of the full pool's size range (CDK-embedded
 * conformers stand in for the relaxed ones: the cost does not depend on the coordinates). Not a unit test: run with
 * {@code main} (arguments: hidden layers steps batch samplerSteps; command in {@code docs/diffusion.md}).
 */
public final class ConformerSizing {

    private ConformerSizing() {}

    public static void main(String[] a) throws Exception {
        int hidden = Integer.parseInt(a[0]), layers = Integer.parseInt(a[1]), steps = Integer.parseInt(a[2]);
        int batch = Integer.parseInt(a[3]), samplerSteps = Integer.parseInt(a[4]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Molecule> ms = new ArrayList<>();
        List<List<double[]>> confs = new ArrayList<>();
        int atoms = 0;
        for (String s : Molecule.bundledSmiles()) {
            if (ms.size() == 24) break;
            Molecule m;
            try {
                m = Molecule.fromSmiles(s);
            } catch (Exception e) {
                continue;
            }
            if (m.heavyAtoms() < 7 || m.heavyAtoms() > 9 || ConformerEnsemble.rotatableBonds(m) == 0) continue;
            List<double[]> c = ConformerEnsemble.sample(m, 4, new SplittableRandom(1));
            if (c.isEmpty()) continue;
            ms.add(m);
            confs.add(c);
            atoms += m.size();
        }
        System.out.printf(
                Locale.ROOT,
                "%d molecules of 7-9 heavy atoms, %.1f atoms on average%n",
                ms.size(),
                atoms / (double) ms.size());
        for (Objective o : new Objective[] {Objective.CONVENTIONAL, Objective.QUOTIENT, Objective.GEODIFF}) {
            try (EgnnDenoiser net = EgnnDenoiser.create(hidden, layers, 1)) {
                net.train(ms, confs, o, 10, batch, 1e-3f, 3L, null); // warm-up (JIT, allocator)
                long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                net.train(ms, confs, o, steps, batch, 1e-3f, 4L, null);
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d x %d, batch %d: cpu %.4f s/step (wall %.4f)%n",
                        o,
                        layers,
                        hidden,
                        batch,
                        (threads.getCurrentThreadCpuTime() - c0) / 1e9 / steps,
                        (System.nanoTime() - w0) / 1e9 / steps);
                if (o != Objective.CONVENTIONAL) continue;
                for (ConformerDiffusionExperiment.Method method : ConformerDiffusionExperiment.SAMPLERS) {
                    long s0 = threads.getCurrentThreadCpuTime();
                    int n = 0;
                    for (int i = 0; i < 4; i++) {
                        method.sampler(samplerSteps)
                                .sample(net.denoiser(ms.get(i)), ms.get(i).size(), 12, 5L + i);
                        n += 12;
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "  %s with %d steps: cpu %.4f s per conformer%n",
                            method.label(),
                            samplerSteps,
                            (threads.getCurrentThreadCpuTime() - s0) / 1e9 / n);
                }
            }
        }
    }
}
