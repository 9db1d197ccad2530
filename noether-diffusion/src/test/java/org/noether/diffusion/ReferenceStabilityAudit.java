package org.noether.diffusion;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.conformers.RelaxedEnsembles;
import org.noether.diffusion.metrics.MoleculeStability;
import org.noether.experiment.Progress;

/**
 * Which reference conformers of a profile's pool are unstable, and why: per unstable molecule its SMILES, the share of
 * its conformers that fail, and per failing atom the element, the bond-order sum read off the distances, and each
 * graph bond of that atom with its length. Not a unit test: run with {@code main} (arguments: quick|full dataRoot).
 */
public final class ReferenceStabilityAudit {

    private ReferenceStabilityAudit() {}

    public static void main(String[] a) {
        boolean quick = a[0].equals("quick");
        Path root = Path.of(a[1]);
        try (RelaxedEnsembles store = RelaxedEnsembles.open(root, System.err::println)) {
            List<ConformerDiffusionExperiment.Pooled> pool =
                    ConformerDiffusionExperiment.pool(ConformerDiffusionExperiment.sizes(quick), store, Progress.NONE);
            int bad = 0, confs = 0, badConfs = 0;
            Map<String, Integer> causes = new TreeMap<>();
            for (ConformerDiffusionExperiment.Pooled p : pool) {
                Molecule m = p.molecule();
                int fails = 0;
                StringBuilder why = new StringBuilder();
                for (double[] c : p.references()) {
                    confs++;
                    MoleculeStability.Result r = MoleculeStability.assess(List.of(m.atoms()), c);
                    if (r.stable()) continue;
                    fails++;
                    badConfs++;
                    if (why.length() > 0) continue;
                    for (int i = 0; i < m.size(); i++) {
                        if (r.stableAtoms()[i]) continue;
                        why.append(String.format(
                                Locale.ROOT,
                                "    atom %d %s sum %d valence %d:",
                                i,
                                m.atoms()[i],
                                r.bondSums()[i],
                                m.atoms()[i].valence()));
                        for (int[] b : m.bonds()) {
                            if (b[0] != i && b[1] != i) continue;
                            int o = b[0] == i ? b[1] : b[0];
                            double d = dist(c, i, o);
                            int read = MoleculeStability.bondOrder(m.atoms()[i], m.atoms()[o], d);
                            why.append(String.format(
                                    Locale.ROOT, " %s%d type %d %.3f A read %d;", m.atoms()[o], o, b[2], d, read));
                            if (read != expected(b[2])) {
                                String key = m.atoms()[i] + "-" + m.atoms()[o] + " type " + b[2] + " read " + read;
                                causes.merge(key, 1, Integer::sum);
                            }
                        }
                        // non-graph pairs read as bonded
                        for (int o = 0; o < m.size(); o++) {
                            if (o == i || bonded(m, i, o)) continue;
                            double d = dist(c, i, o);
                            int read = MoleculeStability.bondOrder(m.atoms()[i], m.atoms()[o], d);
                            if (read > 0) {
                                why.append(String.format(
                                        Locale.ROOT, " NONBONDED %s%d %.3f A read %d;", m.atoms()[o], o, d, read));
                                causes.merge(m.atoms()[i] + "-" + m.atoms()[o] + " nonbonded", 1, Integer::sum);
                            }
                        }
                        why.append('\n');
                    }
                }
                if (fails > 0) {
                    bad++;
                    System.out.printf(
                            Locale.ROOT,
                            "%s  %d/%d conformers unstable%n%s",
                            m.smiles(),
                            fails,
                            p.references().size(),
                            why);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d of %d molecules have an unstable conformer; %d of %d conformers unstable (%.1f %% stable)%n",
                    bad,
                    pool.size(),
                    badConfs,
                    confs,
                    100.0 * (confs - badConfs) / confs);
            causes.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        }
    }

    private static int expected(int type) {
        return type == 4 ? -1 : type;
    }

    private static boolean bonded(Molecule m, int i, int o) {
        for (int[] b : m.bonds()) if ((b[0] == i && b[1] == o) || (b[0] == o && b[1] == i)) return true;
        return false;
    }

    private static double dist(double[] c, int i, int j) {
        double dx = c[3 * i] - c[3 * j], dy = c[3 * i + 1] - c[3 * j + 1], dz = c[3 * i + 2] - c[3 * j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
