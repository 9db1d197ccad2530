package org.noether.diffusion.metrics;

import java.util.ArrayList;
import java.util.List;
import org.noether.diffusion.Kabsch;

/**
 * Coverage and average minimum RMSD (AMR) between a set of generated conformers and a set of reference conformers
 * of the same molecule, as used for GEOM-QM9 and GEOM-DRUGS. RMSD is over labelled atoms after optimal proper
 * superposition ({@link Kabsch}); atom permutations are not searched. {@link #evaluate(List, List, double, int, List,
 * boolean)} can also minimise over given symmetry-equivalent atom mappings and over mirror images.
 *
 * <ul>
 * <li>Recall: {@code Cov-R} is the fraction of reference conformers that some generated conformer matches within the
 *     threshold ({@code min_g RMSD <= delta}); {@code AMR-R} is the mean over reference conformers of that minimum.
 * <li>Precision: {@code Cov-P} and {@code AMR-P} swap the roles of the two sets.
 * </ul>
 * The usual thresholds are 0.5 angstrom (QM9) and 0.75 angstrom (DRUGS).
 *
 * <pre>{@code
 * ConformerCoverage.Result r = ConformerCoverage.evaluate(generated, reference, 0.5, 3);
 * System.out.println(r.coverageRecall() + " " + r.amrRecall());
 * }</pre>
 */
public final class ConformerCoverage {

    private ConformerCoverage() {}

    /**
     * The four numbers and the RMSD matrix they come from.
     *
     * @param coverageRecall  Cov-R, in [0, 1]
     * @param amrRecall       AMR-R
     * @param coveragePrecision Cov-P, in [0, 1]
     * @param amrPrecision    AMR-P
     * @param rmsd            {@code rmsd[g][r]} between generated g and reference r
     */
    public record Result(
            double coverageRecall, double amrRecall, double coveragePrecision, double amrPrecision, double[][] rmsd) {}

    /**
     * Compares the two sets.
     *
     * @param generated flat clouds, each d N coordinates
     * @param reference flat clouds with the same atoms in the same order
     * @param threshold the coverage threshold delta, in the units of the coordinates
     * @param dimension 3 (or 2 for planar toys)
     */
    public static Result evaluate(List<double[]> generated, List<double[]> reference, double threshold, int dimension) {
        if (generated.isEmpty() || reference.isEmpty()) {
            throw new IllegalArgumentException("coverage needs at least one generated and one reference conformer; got "
                    + generated.size() + " and " + reference.size());
        }
        int g = generated.size(), r = reference.size();
        double[][] rmsd = new double[g][r];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < r; j++) rmsd[i][j] = Kabsch.rmsd(generated.get(i), reference.get(j), dimension);
        }
        return fromDistances(rmsd, threshold);
    }

    /**
     * Like {@link #evaluate(List, List, double, int)}, with the RMSD of a pair minimised over the given atom mappings
     * (each a permutation {@code p}: point {@code k} of a generated conformer is compared with point {@code p[k]} of the
     * reference) and, when {@code mirror} is set, over the generated conformer's mirror image as well (an improper
     * superposition). With only the identity mapping and no mirror this is {@link #evaluate(List, List, double, int)}.
     *
     * @param mappings symmetry-equivalent point mappings, e.g. {@code Molecule.heavyAtomAutomorphisms()}; not empty
     * @param mirror   also compare the generated conformer's mirror image
     */
    public static Result evaluate(
            List<double[]> generated,
            List<double[]> reference,
            double threshold,
            int dimension,
            List<int[]> mappings,
            boolean mirror) {
        if (generated.isEmpty() || reference.isEmpty()) {
            throw new IllegalArgumentException("coverage needs at least one generated and one reference conformer; got "
                    + generated.size() + " and " + reference.size());
        }
        if (mappings.isEmpty()) throw new IllegalArgumentException("need at least one atom mapping (the identity)");
        int points = reference.get(0).length / dimension;
        List<double[]> images = new ArrayList<>();
        for (double[] x : generated) {
            if (x.length != points * dimension) {
                throw new IllegalArgumentException(
                        "generated conformer has " + x.length / dimension + " points, the references " + points);
            }
            for (int[] p : mappings) {
                if (p.length != points) {
                    throw new IllegalArgumentException(
                            "an atom mapping has " + p.length + " points, the conformers " + points);
                }
                double[] y = new double[x.length];
                for (int k = 0; k < points; k++) {
                    for (int a = 0; a < dimension; a++) y[dimension * p[k] + a] = x[dimension * k + a];
                }
                images.add(y);
                if (mirror) {
                    double[] z = y.clone();
                    for (int k = 0; k < points; k++) z[dimension * k] = -z[dimension * k];
                    images.add(z);
                }
            }
        }
        int per = images.size() / generated.size();
        int g = generated.size(), r = reference.size();
        double[][] rmsd = new double[g][r];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < r; j++) {
                double m = Double.POSITIVE_INFINITY;
                for (int v = 0; v < per; v++)
                    m = Math.min(m, Kabsch.rmsd(images.get(per * i + v), reference.get(j), dimension));
                rmsd[i][j] = m;
            }
        }
        return fromDistances(rmsd, threshold);
    }

    private static Result fromDistances(double[][] rmsd, double threshold) {
        int g = rmsd.length, r = rmsd[0].length;
        double covR = 0, amrR = 0;
        for (int j = 0; j < r; j++) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < g; i++) m = Math.min(m, rmsd[i][j]);
            amrR += m;
            if (m <= threshold) covR++;
        }
        double covP = 0, amrP = 0;
        for (int i = 0; i < g; i++) {
            double m = Double.POSITIVE_INFINITY;
            for (int j = 0; j < r; j++) m = Math.min(m, rmsd[i][j]);
            amrP += m;
            if (m <= threshold) covP++;
        }
        return new Result(covR / r, amrR / r, covP / g, amrP / g, rmsd);
    }
}
