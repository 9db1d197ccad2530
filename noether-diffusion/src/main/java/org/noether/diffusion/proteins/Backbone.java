package org.noether.diffusion.proteins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cα backbone fragments and the geometry they are scored on: consecutive Cα-Cα distances against the ideal
 * {@value #CA_CA} A, clashes of nonadjacent Cα pairs, radius of gyration, and the distributions of virtual bond angles
 * (three consecutive Cα) and virtual torsions (four consecutive Cα), compared by the Wasserstein-1 distance.
 */
public final class Backbone {

    /** The Cα-Cα distance of consecutive trans residues, angstrom. */
    public static final double CA_CA = 3.80;
    /** Consecutive Cα farther apart than this break a chain into gap-free segments (cis-proline is 2.9 A). */
    public static final double GAP = 4.2;
    /** Nonadjacent Cα pairs closer than this clash, angstrom. */
    public static final double CLASH = 3.0;

    private Backbone() {}

    /**
     * A fragment of consecutive residues of one chain.
     *
     * @param structure the structure it comes from (the unit of the train/test split)
     * @param chain     its chain
     * @param start     index of its first residue in the chain
     * @param ca        flat centred Cα coordinates
     */
    public record Fragment(String structure, String chain, int start, double[] ca) {

        /** The number of residues. */
        public int length() {
            return ca.length / 3;
        }
    }

    /**
     * Non-overlapping fragments of {@code length} residues from the gap-free segments of each chain: consecutive
     * residue numbers (no insertion code) and consecutive Cα within {@value #GAP} A.
     */
    public static List<Fragment> fragments(List<StructureReader.Chain> chains, int length) {
        if (length < 4) throw new IllegalArgumentException("fragments need at least 4 residues; got " + length);
        List<Fragment> out = new ArrayList<>();
        for (StructureReader.Chain c : chains) {
            int n = c.length(), segStart = 0;
            for (int i = 1; i <= n; i++) {
                boolean breaks = i == n
                        || c.residues()[i] == Integer.MIN_VALUE
                        || c.residues()[i - 1] == Integer.MIN_VALUE
                        || c.residues()[i] != c.residues()[i - 1] + 1
                        || distance(c.ca(), i - 1, i) > GAP;
                if (!breaks) continue;
                for (int s = segStart; s + length <= i; s += length) {
                    double[] ca = Arrays.copyOfRange(c.ca(), 3 * s, 3 * (s + length));
                    centre(ca);
                    out.add(new Fragment(c.structure(), c.chain(), s, ca));
                }
                segStart = i;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern PDB_ID = java.util.regex.Pattern.compile("[0-9][a-z0-9]{3}");

    /**
     * The unit of the train/test split for a structure file's name: its PDB identifier where the name holds one
     * ({@code pdb1ubi}, {@code pdb1ubi_ca}, {@code mmcif_6zu5}, {@code 7cfn_aligned}: copies and variants of one entry
     * stay on one side), else the name itself.
     */
    public static String splitGroup(String structure) {
        java.util.regex.Matcher m = PDB_ID.matcher(structure.toLowerCase(java.util.Locale.ROOT));
        return m.find() ? m.group() : structure;
    }

    static void centre(double[] x) {
        int n = x.length / 3;
        for (int k = 0; k < 3; k++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += x[3 * i + k] / n;
            for (int i = 0; i < n; i++) x[3 * i + k] -= m;
        }
    }

    static double distance(double[] x, int i, int j) {
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Consecutive Cα-Cα distances. */
    public static double[] bondLengths(double[] x) {
        int n = x.length / 3;
        double[] d = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) d[i] = distance(x, i, i + 1);
        return d;
    }

    /** Mean absolute deviation of the consecutive Cα-Cα distances from {@value #CA_CA} A. */
    public static double bondDeviation(double[] x) {
        double s = 0;
        double[] d = bondLengths(x);
        for (double v : d) s += Math.abs(v - CA_CA) / d.length;
        return s;
    }

    /** Fraction of consecutive Cα-Cα distances within {@code tolerance} A of {@value #CA_CA} A. */
    public static double bondsWithin(double[] x, double tolerance) {
        double[] d = bondLengths(x);
        int k = 0;
        for (double v : d) if (Math.abs(v - CA_CA) <= tolerance) k++;
        return k / (double) d.length;
    }

    /** Fraction of nonadjacent pairs (|i - j| >= 2) closer than {@value #CLASH} A. */
    public static double clashFraction(double[] x) {
        int n = x.length / 3, pairs = 0, clashes = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 2; j < n; j++) {
                pairs++;
                if (distance(x, i, j) < CLASH) clashes++;
            }
        }
        return pairs == 0 ? 0 : clashes / (double) pairs;
    }

    /** Radius of gyration, angstrom. */
    public static double radiusOfGyration(double[] x) {
        double[] c = x.clone();
        centre(c);
        double s = 0;
        for (double v : c) s += v * v;
        return Math.sqrt(s / (x.length / 3));
    }

    /** Virtual bond angles (radians) at each interior Cα. */
    public static double[] bondAngles(double[] x) {
        int n = x.length / 3;
        double[] a = new double[Math.max(0, n - 2)];
        for (int i = 1; i + 1 < n; i++) {
            double[] u = sub(x, i - 1, i), v = sub(x, i + 1, i);
            a[i - 1] = Math.acos(Math.max(-1, Math.min(1, dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v)))));
        }
        return a;
    }

    /** Virtual torsions (radians, in (-pi, pi]) of four consecutive Cα: helices near +50 degrees, strands near -170. */
    public static double[] torsions(double[] x) {
        int n = x.length / 3;
        double[] t = new double[Math.max(0, n - 3)];
        for (int i = 0; i + 3 < n; i++) {
            double[] b1 = sub(x, i + 1, i), b2 = sub(x, i + 2, i + 1), b3 = sub(x, i + 3, i + 2);
            double[] n1 = cross(b1, b2), n2 = cross(b2, b3);
            // IUPAC sign: a right-handed helix has positive torsions
            t[i] = Math.atan2(Math.sqrt(dot(b2, b2)) * dot(b1, n2), dot(n1, n2));
        }
        return t;
    }

    /** Wasserstein-1 distance of two empirical distributions on the line. */
    public static double wasserstein1(double[] a, double[] b) {
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double[] pts = new double[x.length + y.length];
        System.arraycopy(x, 0, pts, 0, x.length);
        System.arraycopy(y, 0, pts, x.length, y.length);
        Arrays.sort(pts);
        double w = 0;
        int i = 0, j = 0;
        for (int p = 0; p + 1 < pts.length; p++) {
            while (i < x.length && x[i] <= pts[p]) i++;
            while (j < y.length && y[j] <= pts[p]) j++;
            w += Math.abs(i / (double) x.length - j / (double) y.length) * (pts[p + 1] - pts[p]);
        }
        return w;
    }

    /** Wasserstein-1 distance of two distributions of angles on the circle (radians): the line distance minimised over cuts. */
    public static double circularWasserstein1(double[] a, double[] b) {
        // on the circle W1 = min over c of the integral of |F_a - F_b - c|; c is a median of F_a - F_b over the circle
        double[] x = wrap(a), y = wrap(b);
        Arrays.sort(x);
        Arrays.sort(y);
        double[] pts = new double[x.length + y.length + 2];
        System.arraycopy(x, 0, pts, 0, x.length);
        System.arraycopy(y, 0, pts, x.length, y.length);
        pts[pts.length - 2] = 0;
        pts[pts.length - 1] = 2 * Math.PI;
        Arrays.sort(pts);
        int m = pts.length - 1;
        double[] diff = new double[m], width = new double[m];
        int i = 0, j = 0;
        for (int p = 0; p < m; p++) {
            while (i < x.length && x[i] <= pts[p]) i++;
            while (j < y.length && y[j] <= pts[p]) j++;
            diff[p] = i / (double) x.length - j / (double) y.length;
            width[p] = pts[p + 1] - pts[p];
        }
        Integer[] order = new Integer[m];
        for (int p = 0; p < m; p++) order[p] = p;
        Arrays.sort(order, (p, q) -> Double.compare(diff[p], diff[q]));
        double total = 2 * Math.PI, acc = 0, c = 0;
        for (int p : order) {
            acc += width[p];
            if (acc >= total / 2) {
                c = diff[p];
                break;
            }
        }
        double w = 0;
        for (int p = 0; p < m; p++) w += Math.abs(diff[p] - c) * width[p];
        return w;
    }

    private static double[] wrap(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double v = a[i] % (2 * Math.PI);
            out[i] = v < 0 ? v + 2 * Math.PI : v;
        }
        return out;
    }

    private static double[] sub(double[] x, int i, int j) {
        return new double[] {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
