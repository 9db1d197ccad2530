package org.noether.diffusion.conformers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.metrics.Element;
import org.noether.experiment.Fingerprint;
import org.noether.experiment.ResultCache;
import org.noether.experiment.Seeds;

/**
 * Physically relaxed reference ensembles: {@value #CANDIDATES} torsion-sampled conformers of a molecule
 * ({@link ConformerEnsemble}), each minimised with MMFF94 ({@link MmffRelaxer}); those within {@value #WINDOW}
 * kcal/mol of the lowest energy are kept in order of energy, dropping any whose heavy-atom Kabsch RMSD to a kept one is
 * under {@value #DEDUP} A, at most {@value #MAX_KEPT}. The candidates' random draws depend only on the SMILES string,
 * so an ensemble is the same in every run and is computed once: it is cached in the data folder
 * ({@code <data>/conformers}, one checksummed entry per molecule, written atomically through {@link ResultCache}).
 */
public final class RelaxedEnsembles implements AutoCloseable {

    /** Torsion-sampled candidates per molecule. */
    public static final int CANDIDATES = 16;
    /** Energy window above the lowest relaxed energy, kcal/mol. */
    public static final double WINDOW = 10;
    /** Heavy-atom RMSD under which two relaxed conformers count as one, angstrom. */
    public static final double DEDUP = 0.25;
    /** Most conformers kept per molecule. */
    public static final int MAX_KEPT = 16;
    /** The folder under the data root. */
    public static final String FOLDER = "conformers";

    private static final int VERSION = 1;

    /**
     * A relaxed ensemble, in order of increasing energy.
     *
     * @param conformers flat centred coordinates, the molecule's atom order
     * @param energies   MMFF94 energies, kcal/mol
     */
    public record Ensemble(List<double[]> conformers, double[] energies) {

        /** The lowest-energy {@code count} conformers (all when there are fewer). */
        public List<double[]> first(int count) {
            return conformers.subList(0, Math.min(count, conformers.size()));
        }
    }

    private final ResultCache cache;
    private MmffRelaxer relaxer;

    private RelaxedEnsembles(Path dataRoot, Consumer<String> log) {
        this.cache = ResultCache.open(
                dataRoot.resolve(FOLDER),
                new Fingerprint(String.format(
                        Locale.ROOT,
                        "relaxed conformer ensembles v%d: MMFF94 (Jmol 14.31.10, %d x %d steps, criterion %g), %d candidates, "
                                + "window %g kcal/mol, dedup %g A, at most %d",
                        VERSION,
                        MmffRelaxer.ROUNDS,
                        MmffRelaxer.MAX_STEPS,
                        MmffRelaxer.CRITERION,
                        CANDIDATES,
                        WINDOW,
                        DEDUP,
                        MAX_KEPT)),
                log);
    }

    /** The store in {@code dataRoot/conformers}; {@code log} hears about corrupt entries recomputed. */
    public static RelaxedEnsembles open(Path dataRoot, Consumer<String> log) {
        return new RelaxedEnsembles(dataRoot, log);
    }

    /** Whether a valid ensemble of {@code m} is stored. */
    public boolean contains(Molecule m) {
        return cache.contains(key(m));
    }

    /**
     * The relaxed ensemble of {@code m}, from the store or computed and stored.
     *
     * @throws IllegalStateException when MMFF94 cannot handle the molecule
     */
    public Ensemble of(Molecule m) {
        double[] flat = cache.computeIfAbsent(
                key(m),
                new ResultCache.Codec<>() {
                    @Override
                    public byte[] encode(double[] value) {
                        return ResultCache.Codec.DOUBLES.encode(value);
                    }

                    @Override
                    public double[] decode(byte[] payload) throws java.io.IOException {
                        double[] v = ResultCache.Codec.DOUBLES.decode(payload);
                        if (v.length < 2 || v[1] != m.size() || v.length != 2 + (int) v[0] * (1 + 3 * m.size())) {
                            throw new java.io.IOException("entry does not fit " + m.smiles());
                        }
                        return v;
                    }
                },
                () -> encode(compute(m)));
        return decode(flat, m.size());
    }

    /** Computes the ensemble without the store. */
    public Ensemble compute(Molecule m) {
        if (relaxer == null) relaxer = new MmffRelaxer();
        SplittableRandom random = new SplittableRandom(Seeds.derive(VERSION, "conformers " + m.smiles()));
        List<MmffRelaxer.Relaxed> relaxed = new ArrayList<>();
        for (double[] x : ConformerEnsemble.sample(m, CANDIDATES, random)) {
            MmffRelaxer.Relaxed r = relaxer.relax(m, x);
            double[] c = r.coords();
            ConformerEnsemble.centre(c);
            relaxed.add(new MmffRelaxer.Relaxed(c, r.energy()));
        }
        if (relaxed.isEmpty()) throw new IllegalStateException("no clash-free conformer of " + m.smiles());
        relaxed.sort(Comparator.comparingDouble(MmffRelaxer.Relaxed::energy));
        double limit = relaxed.get(0).energy() + WINDOW;
        List<double[]> kept = new ArrayList<>();
        List<double[]> keptHeavy = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        for (MmffRelaxer.Relaxed r : relaxed) {
            if (r.energy() > limit || kept.size() == MAX_KEPT) break;
            double[] h = heavy(m, r.coords());
            boolean duplicate = false;
            for (double[] k : keptHeavy) {
                if (Kabsch.rmsd(h, k, 3) < DEDUP) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) continue;
            kept.add(r.coords());
            keptHeavy.add(h);
            energies.add(r.energy());
        }
        return new Ensemble(
                kept, energies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] encode(Ensemble e) {
        int k = e.conformers().size();
        int n = k == 0 ? 0 : e.conformers().get(0).length / 3;
        double[] v = new double[2 + k * (1 + 3 * n)];
        v[0] = k;
        v[1] = n;
        System.arraycopy(e.energies(), 0, v, 2, k);
        for (int i = 0; i < k; i++) System.arraycopy(e.conformers().get(i), 0, v, 2 + k + 3 * n * i, 3 * n);
        return v;
    }

    private static Ensemble decode(double[] v, int n) {
        int k = (int) v[0];
        double[] energies = new double[k];
        System.arraycopy(v, 2, energies, 0, k);
        List<double[]> conformers = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] c = new double[3 * n];
            System.arraycopy(v, 2 + k + 3 * n * i, c, 0, 3 * n);
            conformers.add(c);
        }
        return new Ensemble(List.copyOf(conformers), energies);
    }

    /** The key of a molecule's entry: a hash of its SMILES string. */
    static String key(Molecule m) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(m.smiles().getBytes(StandardCharsets.UTF_8));
            return "mol-" + HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The heavy-atom coordinates of a conformer, in the molecule's order. */
    public static double[] heavy(Molecule m, double[] x) {
        double[] out = new double[3 * m.heavyAtoms()];
        int k = 0;
        for (int a = 0; a < m.size(); a++) {
            if (m.atoms()[a] == Element.H) continue;
            System.arraycopy(x, 3 * a, out, 3 * k++, 3);
        }
        return out;
    }

    @Override
    public void close() {
        if (relaxer != null) relaxer.close();
        relaxer = null;
    }
}
