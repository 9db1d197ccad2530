package org.noether.diffusion.proteins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.noether.experiment.NoetherUserException;

/**
 * A strict reader of the Cα trace of protein structures in PDB (fixed columns) and mmCIF ({@code _atom_site} loop)
 * format, optionally gzipped: the first model only, amino-acid residues' {@code CA} atoms of the first alternate
 * location (blank, {@code A} or {@code 1}), grouped by chain in file order. A malformed record is a
 * {@link NoetherUserException} naming the file and the line.
 */
public final class StructureReader {

    private StructureReader() {}

    /** The 20 standard amino acids and the common variants (selenomethionine, protonation states). */
    static final java.util.Set<String> AMINO_ACIDS = java.util.Set.of(
            "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO",
            "SER", "THR", "TRP", "TYR", "VAL", "MSE", "HSD", "HSE", "HSP", "HID", "HIE", "HIP", "CYX");

    /**
     * One chain's Cα trace.
     *
     * @param structure the file's name without extension
     * @param chain     the chain identifier
     * @param residues  residue numbers (with insertion codes ignored: a residue with an insertion code ends a segment)
     * @param ca        flat Cα coordinates in angstrom, {@code 3 * residues.length}
     */
    public record Chain(String structure, String chain, int[] residues, double[] ca) {

        /** The number of residues. */
        public int length() {
            return residues.length;
        }
    }

    /** Reads {@code file} by its extension: {@code .pdb}, {@code .ent}, {@code .cif} (each optionally {@code .gz}). */
    public static List<Chain> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        boolean cif = plain.endsWith(".cif");
        if (!cif && !plain.endsWith(".pdb") && !plain.endsWith(".ent")) {
            throw new NoetherUserException(
                    file + ": unsupported structure file; accepted are .pdb, .ent and .cif " + "(optionally .gz)");
        }
        String structure = plain.substring(0, plain.lastIndexOf('.'));
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return cif ? readCif(r, file, structure) : readPdb(r, file, structure);
        } catch (IOException e) {
            throw new NoetherUserException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Collects Cα atoms per chain. */
    private static final class Builder {
        final Map<String, List<double[]>> chains = new LinkedHashMap<>(); // per chain: {resSeq, x, y, z}
        final Map<String, Integer> last = new LinkedHashMap<>();

        void add(String chain, int resSeq, boolean insertion, double x, double y, double z) {
            Integer prev = last.get(chain);
            if (prev != null && prev == resSeq && !insertion) return; // a second CA of the same residue
            chains.computeIfAbsent(chain, k -> new ArrayList<>())
                    .add(new double[] {insertion ? Double.NaN : resSeq, x, y, z});
            last.put(chain, resSeq);
        }

        List<Chain> build(String structure) {
            List<Chain> out = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> e : chains.entrySet()) {
                List<double[]> atoms = e.getValue();
                int[] res = new int[atoms.size()];
                double[] ca = new double[3 * atoms.size()];
                for (int i = 0; i < res.length; i++) {
                    double[] a = atoms.get(i);
                    res[i] = Double.isNaN(a[0]) ? Integer.MIN_VALUE : (int) a[0];
                    System.arraycopy(a, 1, ca, 3 * i, 3);
                }
                out.add(new Chain(structure, e.getKey(), res, ca));
            }
            return out;
        }
    }

    static List<Chain> readPdb(BufferedReader r, Path file, String structure) throws IOException {
        Builder b = new Builder();
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.startsWith("ENDMDL")) break;
            if (!line.startsWith("ATOM  ") && !line.startsWith("HETATM")) continue;
            if (line.length() < 54) {
                throw new NoetherUserException(file + " line " + lineNo + ": atom record of " + line.length()
                        + " characters; a PDB atom record has coordinates in columns 31-54");
            }
            String atom = line.substring(12, 16).strip();
            char alt = line.charAt(16);
            String residue = line.substring(17, 20).strip();
            if (!atom.equals("CA") || !AMINO_ACIDS.contains(residue) || !(alt == ' ' || alt == 'A' || alt == '1'))
                continue;
            String chain = line.substring(21, 22);
            int resSeq = parseInt(line.substring(22, 26), file, lineNo, "residue number (columns 23-26)");
            boolean insertion = line.length() > 26 && line.charAt(26) != ' ';
            double x = parse(line.substring(30, 38), file, lineNo, "x (columns 31-38)");
            double y = parse(line.substring(38, 46), file, lineNo, "y (columns 39-46)");
            double z = parse(line.substring(46, 54), file, lineNo, "z (columns 47-54)");
            b.add(chain, resSeq, insertion, x, y, z);
        }
        return b.build(structure);
    }

    static List<Chain> readCif(BufferedReader r, Path file, String structure) throws IOException {
        Builder b = new Builder();
        List<String> columns = new ArrayList<>();
        boolean inLoop = false, inAtoms = false;
        int lineNo = 0;
        String firstModel = null;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            String t = line.strip();
            if (t.equals("loop_")) {
                inLoop = true;
                inAtoms = false;
                columns.clear();
                continue;
            }
            if (inLoop && t.startsWith("_atom_site.")) {
                columns.add(t.substring("_atom_site.".length()).split("\\s+")[0]);
                inAtoms = true;
                continue;
            }
            if (!inAtoms) {
                if (!t.startsWith("_")) inLoop = inLoop && !t.isEmpty() && !t.startsWith("#");
                continue;
            }
            if (t.isEmpty()
                    || t.startsWith("#")
                    || t.startsWith("_")
                    || t.startsWith("loop_")
                    || t.startsWith("data_")) {
                inAtoms = false;
                inLoop = false;
                continue;
            }
            List<String> v = tokens(t, file, lineNo);
            if (v.size() != columns.size()) {
                throw new NoetherUserException(file + " line " + lineNo + ": " + v.size() + " values in an _atom_site "
                        + "row of " + columns.size() + " columns");
            }
            String atom = value(v, columns, "label_atom_id", "auth_atom_id", file, lineNo);
            String residue = value(v, columns, "label_comp_id", "auth_comp_id", file, lineNo);
            String alt = optional(v, columns, "label_alt_id");
            String model = optional(v, columns, "pdbx_PDB_model_num");
            if (firstModel == null) firstModel = model;
            if (model != null && !model.equals(firstModel)) break;
            if (!atom.equals("CA") || !AMINO_ACIDS.contains(residue)) continue;
            if (alt != null && !(alt.equals(".") || alt.equals("?") || alt.equals("A") || alt.equals("1"))) continue;
            String chain = value(v, columns, "auth_asym_id", "label_asym_id", file, lineNo);
            String seq = value(v, columns, "auth_seq_id", "label_seq_id", file, lineNo);
            String ins = optional(v, columns, "pdbx_PDB_ins_code");
            b.add(
                    chain,
                    parseInt(seq, file, lineNo, "residue number"),
                    ins != null && !ins.equals("?") && !ins.equals("."),
                    parse(value(v, columns, "Cartn_x", null, file, lineNo), file, lineNo, "Cartn_x"),
                    parse(value(v, columns, "Cartn_y", null, file, lineNo), file, lineNo, "Cartn_y"),
                    parse(value(v, columns, "Cartn_z", null, file, lineNo), file, lineNo, "Cartn_z"));
        }
        return b.build(structure);
    }

    /** Whitespace-separated values, single or double quoted ones taken whole. */
    static List<String> tokens(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n
                        && !(line.charAt(end) == c && (end + 1 == n || Character.isWhitespace(line.charAt(end + 1)))))
                    end++;
                if (end >= n) throw new NoetherUserException(file + " line " + lineNo + ": unterminated quoted value");
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(line.charAt(end))) end++;
                out.add(line.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static String value(
            List<String> v, List<String> columns, String name, String fallback, Path file, int lineNo) {
        int k = columns.indexOf(name);
        if (k < 0 && fallback != null) k = columns.indexOf(fallback);
        if (k < 0) {
            throw new NoetherUserException(
                    file + " line " + lineNo + ": the _atom_site loop has no " + name + " column");
        }
        return v.get(k);
    }

    private static String optional(List<String> v, List<String> columns, String name) {
        int k = columns.indexOf(name);
        return k < 0 ? null : v.get(k);
    }

    private static double parse(String s, Path file, int lineNo, String what) {
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new NoetherUserException(
                    file + " line " + lineNo + ": " + what + " '" + s.strip() + "' is not a number");
        }
    }

    private static int parseInt(String s, Path file, int lineNo, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new NoetherUserException(
                    file + " line " + lineNo + ": " + what + " '" + s.strip() + "' is not an integer");
        }
    }
}
