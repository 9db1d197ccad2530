package org.noether.diffusion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.noether.diffusion.conformers.ConformerEnsemble;
import org.noether.diffusion.conformers.Molecule;
import org.noether.diffusion.egnn.EgnnDenoiser;
import org.noether.diffusion.metrics.ConformerCoverage;
import org.noether.diffusion.metrics.Element;
import org.noether.diffusion.metrics.MoleculeStability;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Progress;
import org.noether.experiment.Table;

/**
 * Conformer generation with a graph-conditioned EGNN denoiser trained with each objective (conventional, quotient,
 * GeoDiff alignment, AF3 alignment) and sampled with ODE and SDE samplers, with and without the quotient projection
 * and mean-curvature correction.
 *
 * <p>Data: molecules from the bundled rule-enumerated list ({@code molecules.smi}), parsed and embedded with CDK;
 * reference ensembles by torsion sampling with clash rejection ({@link ConformerEnsemble}); split by molecule into
 * training and test molecules. Evaluation on the test molecules: twice as many generated conformers as references,
 * Coverage and AMR (recall and precision) of the heavy-atom Kabsch RMSD at 0.5 A, and atom and molecule stability
 * (all atoms, hydrogens included) of the generated conformers.
 *
 * <p>Resumable: each trained network is saved in {@code models/} of the output directory and each evaluated row in
 * {@code rows/}; a rerun with the same output directory, seed and profile loads them instead of recomputing.
 */
public final class ConformerDiffusionExperiment implements Experiment {

    @Override
    public String name() {
        return "diffusion.conformers";
    }

    @Override
    public String title() {
        return "Conformer generation with an EGNN denoiser: conventional, quotient and alignment objectives";
    }

    @Override
    public String description() {
        return "Trains a graph-conditioned E(3)-equivariant denoiser on torsion-sampled conformer ensembles of small "
                + "molecules with each objective, samples with ODE/SDE with and without the quotient projection, and "
                + "reports coverage, AMR and stability.";
    }

    /** The sizes of a run. */
    record Sizes(int trainMolecules, int testMolecules, int maxHeavy, int references, int hidden, int layers,
            int trainSteps, int batch, float learningRate, int samplerSteps) {}

    static Sizes sizes(boolean quick) {
        return quick ? new Sizes(32, 8, 6, 8, 48, 3, 2000, 16, 5e-3f, 30)
                : new Sizes(150, 30, 9, 16, 64, 4, 3000, 16, 1e-3f, 50);
    }

    record Method(String label, boolean ode, boolean quotient) {
        Sampler sampler(int steps) {
            Sampler.Builder b = Sampler.builder(RigidQuotient.SE3).gridPower(2);
            b = ode ? b.steps(Math.max(1, steps / 2)).heun() : b.steps(steps).sde(1.0);
            return (quotient ? b.quotient(Correction.CORRECT) : b).build();
        }
    }

    static final List<Method> SAMPLERS = List.of(new Method("ODE", true, false), new Method("SDE", false, false),
            new Method("quotient ODE", true, true), new Method("quotient SDE", false, true));

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        return run(ctx, sizes(ctx.quick()));
    }

    ExperimentResult run(ExperimentContext ctx, Sizes sizes) {
        long start = System.nanoTime();
        Path out = ctx.outputDirectory();
        Path models = out.resolve("models"), rows = out.resolve("rows");
        List<Molecule> molecules = pickMolecules(ctx, sizes);
        SplittableRandom confRandom = ctx.random("conformers");
        List<List<double[]>> ensembles = new ArrayList<>();
        for (Molecule m : molecules) ensembles.add(ConformerEnsemble.sample(m, sizes.references(), confRandom));
        List<Molecule> train = molecules.subList(0, sizes.trainMolecules());
        List<Molecule> test = molecules.subList(sizes.trainMolecules(), molecules.size());
        List<List<double[]>> trainConf = ensembles.subList(0, sizes.trainMolecules());
        List<List<double[]>> testConf = ensembles.subList(sizes.trainMolecules(), molecules.size());

        ExperimentResult.Builder result = ExperimentResult.builder(this);
        Table.Builder table = Table.builder("conformers", "Test molecules (unseen in training): Coverage (%) and AMR (A) "
                + "of heavy-atom Kabsch RMSD at 0.5 A, recall (R, over references) and precision (P, over generated), "
                + "and atom / molecule stability (%) of the generated conformers, per training objective and sampler. "
                + "Paper, GEOM-QM9 (ET-Flow, Cov-R/AMR-R/Cov-P/AMR-P): conventional 95.98/0.076/92.10/0.110, quotient "
                + "96.40/0.069/93.30/0.096, GeoDiff 95.71/0.085/95.20/0.098, AF3 92.67/0.131/84.38/0.205.")
                .columns("objective", "sampler", "Cov-R", "AMR-R", "Cov-P", "AMR-P", "atom stab.", "mol. stab.",
                        "final train loss", "seconds");
        List<MoleculeStability.Result> refStab = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            for (double[] c : testConf.get(i)) refStab.add(MoleculeStability.assess(List.of(test.get(i).atoms()), c));
        }
        MoleculeStability.Summary rs = MoleculeStability.summarize(refStab);
        table.row("reference ensembles", "", "", "", "", "", 100 * rs.atomStability(), 100 * rs.moleculeStability(), "", "");
        StringBuilder summary = new StringBuilder();
        try (Progress.Task task = ctx.progress().task("objectives", (long) Objective.values().length * (1 + SAMPLERS.size()))) {
            for (Objective objective : Objective.values()) {
                String name = "egnn-" + objective.name().toLowerCase(Locale.ROOT);
                task.message(objective + ": training");
                float finalLoss;
                EgnnDenoiser net;
                try {
                    if (EgnnDenoiser.exists(models, name)) {
                        net = EgnnDenoiser.load(models, name, sizes.hidden(), sizes.layers());
                        finalLoss = Float.parseFloat(Files.readString(models.resolve(name + ".loss")).strip());
                    } else {
                        net = EgnnDenoiser.create(sizes.hidden(), sizes.layers(), 17);
                        float[] losses = net.train(train, trainConf, objective, sizes.trainSteps(), sizes.batch(),
                                sizes.learningRate(), ctx.random("train").nextLong(), null);
                        int k = Math.min(20, losses.length);
                        double s = 0;
                        for (int i = losses.length - k; i < losses.length; i++) s += losses[i] / k;
                        finalLoss = (float) s;
                        net.save(models, name);
                        Files.writeString(models.resolve(name + ".loss"), Float.toString(finalLoss));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                task.step();
                try (EgnnDenoiser d = net) {
                    for (Method method : SAMPLERS) {
                        task.message(objective + ": " + method.label());
                        double[] row = evaluate(d, method, sizes, test, testConf, rows.resolve(name + "-"
                                + method.label().replace(' ', '-') + ".txt"), ctx.random("sample " + method.label()).nextLong());
                        table.row(objective.toString(), method.label(), 100 * row[0], row[1], 100 * row[2], row[3],
                                100 * row[4], 100 * row[5], finalLoss, row[6]);
                        String key = objective.name().toLowerCase(Locale.ROOT) + "." + method.label().replace(' ', '_');
                        result.metric(key + ".cov_r", row[0]).metric(key + ".amr_r", row[1])
                                .metric(key + ".cov_p", row[2]).metric(key + ".amr_p", row[3])
                                .metric(key + ".atom_stability", row[4]).metric(key + ".molecule_stability", row[5]);
                        task.step();
                    }
                }
            }
        }
        summary.append(String.format(Locale.ROOT, "%d training and %d test molecules (at most %d heavy atoms, H "
                + "explicit), %d torsion-sampled references each; EGNN %d layers x %d features, %d Adam steps of %d "
                + "conformers; samplers with %d steps (Heun ODE: half as many). Wall time %.0f s. Small-scale run: "
                + "compare the methods with each other, not with the paper's GEOM-QM9 numbers.",
                train.size(), test.size(), sizes.maxHeavy(), sizes.references(), sizes.layers(), sizes.hidden(),
                sizes.trainSteps(), sizes.batch(), sizes.samplerSteps(), (System.nanoTime() - start) / 1e9));
        return result.table(table.build()).summary(summary.toString()).build();
    }

    /** Cov-R, AMR-R, Cov-P, AMR-P, atom stability, molecule stability, seconds; cached in {@code file}. */
    private static double[] evaluate(EgnnDenoiser net, Method method, Sizes sizes, List<Molecule> test,
            List<List<double[]>> testConf, Path file, long seed) {
        try {
            if (Files.exists(file)) {
                return Arrays.stream(Files.readString(file).strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            }
            long t0 = System.nanoTime();
            Sampler sampler = method.sampler(sizes.samplerSteps());
            double covR = 0, amrR = 0, covP = 0, amrP = 0;
            List<MoleculeStability.Result> stab = new ArrayList<>();
            SplittableRandom seeds = new SplittableRandom(seed);
            for (int i = 0; i < test.size(); i++) {
                Molecule m = test.get(i);
                List<double[]> refs = testConf.get(i);
                double[][] gen = sampler.sample(net.denoiser(m), m.size(), 2 * refs.size(), seeds.nextLong());
                List<double[]> g = new ArrayList<>();
                for (double[] x : gen) {
                    g.add(heavy(m, x));
                    stab.add(MoleculeStability.assess(List.of(m.atoms()), x));
                }
                List<double[]> r = new ArrayList<>();
                for (double[] x : refs) r.add(heavy(m, x));
                ConformerCoverage.Result c = ConformerCoverage.evaluate(g, r, 0.5, 3);
                covR += c.coverageRecall() / test.size();
                amrR += c.amrRecall() / test.size();
                covP += c.coveragePrecision() / test.size();
                amrP += c.amrPrecision() / test.size();
            }
            MoleculeStability.Summary s = MoleculeStability.summarize(stab);
            double[] row = {covR, amrR, covP, amrP, s.atomStability(), s.moleculeStability(),
                    (System.nanoTime() - t0) / 1e9};
            Files.createDirectories(file.getParent());
            StringBuilder sb = new StringBuilder();
            for (double v : row) sb.append(v).append(' ');
            Files.writeString(file, sb.toString().strip() + "\n", StandardCharsets.UTF_8);
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heavy-atom coordinates of a conformer. */
    static double[] heavy(Molecule m, double[] x) {
        double[] out = new double[3 * m.heavyAtoms()];
        int k = 0;
        for (int a = 0; a < m.size(); a++) {
            if (m.atoms()[a] == Element.H) continue;
            System.arraycopy(x, 3 * a, out, 3 * k++, 3);
        }
        return out;
    }

    /**
     * Shuffles the bundled list with the run's seed and keeps the first molecules that CDK parses and embeds, with
     * 3 to {@code maxHeavy} heavy atoms and at least one rotatable bond; the first ones train, the rest test.
     */
    static List<Molecule> pickMolecules(ExperimentContext ctx, Sizes sizes) {
        List<String> smiles = new ArrayList<>(Molecule.bundledSmiles());
        SplittableRandom r = ctx.random("molecules");
        for (int i = smiles.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String s = smiles.get(i);
            smiles.set(i, smiles.get(j));
            smiles.set(j, s);
        }
        int need = sizes.trainMolecules() + sizes.testMolecules();
        List<Molecule> out = new ArrayList<>();
        for (String s : smiles) {
            if (out.size() == need) break;
            Molecule m;
            try {
                m = Molecule.fromSmiles(s);
            } catch (Exception e) {
                continue;
            }
            if (m.heavyAtoms() < 3 || m.heavyAtoms() > sizes.maxHeavy() || ConformerEnsemble.rotatableBonds(m) == 0) continue;
            out.add(m);
        }
        if (out.size() < need) throw new IllegalStateException("only " + out.size() + " usable molecules; need " + need);
        return out;
    }
}
