package org.noether.latent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.noether.data.Mesh;
import org.noether.data.MeshReader;
import org.noether.data.Meshes;
import org.noether.experiment.NoetherUserException;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;

/**
 * Pairs of rendered pictures of 3-D objects under SO(3), the paper's NMR-style and plane-in-the-sky data: a mesh is
 * drawn in a Haar-random pose h (x1), then in pose g h for a Haar-random g (x2), both by {@link MeshRenderer}. The
 * rotation acts on the object, not on the picture, so no map of pixels could stand in for it and there is no
 * data-space baseline; the latent action is {@link So3Irreps}.
 *
 * <p>Objects are split by mesh family (the name up to its first non-letter, with a leading "refined_" dropped, so
 * that {@code elephant}, {@code elephant-with-holes} and {@code refined_elephant} fall on the same side): every
 * fifth family in alphabetical order is held out, so test meshes are never seen in training. {@link Pair#factors()}:
 * the nine entries of h.
 */
public final class RenderedPairs implements PairTask<Orthogonal3> {
    /** Meshes with fewer triangles are toys (cubes, tetrahedra); with more, too slow to render on the fly. */
    static final int MIN_TRIANGLES = 200, MAX_TRIANGLES = 100_000;
    /** Smallest bounding-box side of a normalized mesh; flatter ones (planes, patches, a blade) show little. */
    static final double MIN_EXTENT = 0.15;
    /** The plane-in-the-sky mesh: the package has no aircraft ("boeing.off" is a machine part), so a cow flies. */
    static final String PLANE = "cow.off";

    private final String name;
    private final List<Mesh> train, test;
    private final MeshRenderer renderer;
    private final So3Irreps action;

    RenderedPairs(String name, List<Mesh> train, List<Mesh> test, MeshRenderer renderer, So3Irreps action) {
        if (train.isEmpty() || test.isEmpty())
            throw new IllegalArgumentException(
                    name + ": need meshes for training and test, got " + train.size() + " and " + test.size());
        this.name = name;
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
        this.renderer = renderer;
        this.action = action;
    }

    /** The objects set: every usable mesh under {@code root}, split by family; unreadable files are logged. */
    static RenderedPairs objects(Path root, int size, So3Irreps action, Consumer<String> log) throws IOException {
        TreeMap<String, List<Mesh>> families = new TreeMap<>();
        for (Path f : Meshes.files(root)) {
            Mesh m;
            try {
                m = MeshReader.read(f).normalized();
            } catch (NoetherUserException | IllegalArgumentException e) {
                log.accept("skipping mesh " + e.getMessage());
                continue;
            }
            if (usable(m))
                families.computeIfAbsent(family(m.name()), k -> new ArrayList<>())
                        .add(prepared(m, size));
        }
        List<Mesh> train = new ArrayList<>(), test = new ArrayList<>();
        int k = 0;
        for (List<Mesh> fam : families.values()) (k++ % 5 == 4 ? test : train).addAll(fam);
        return new RenderedPairs(
                "so3-objects", train, test, new MeshRenderer(size, MeshRenderer.Background.BLACK), action);
    }

    /**
     * The plane-in-the-sky set: one object, {@value #PLANE}, over a sky gradient; train and test differ only in the
     * poses. The package holds no aircraft, so an animal with an unmistakable silhouette stands in for the plane.
     */
    static RenderedPairs plane(Path root, int size, So3Irreps action) throws IOException {
        Path file = Meshes.files(root).stream()
                .filter(p -> p.getFileName().toString().equals(PLANE))
                .findFirst()
                .orElseThrow(() -> new NoetherUserException("no " + PLANE + " in " + Meshes.folder(root)
                        + "; fetch the meshes again ('noether data fetch meshes')"));
        Mesh plane = prepared(MeshReader.read(file).normalized(), size);
        return new RenderedPairs(
                "so3-plane",
                List.of(plane),
                List.of(plane),
                new MeshRenderer(size, MeshRenderer.Background.SKY),
                action);
    }

    /** Meshes with more triangles are simplified by vertex clustering before use (for rendering speed). */
    static final int SIMPLIFY_ABOVE = 1000;

    /**
     * The mesh with vertices merged per cell of a {@code cells}^3 grid over [-1, 1]^3 (each merged vertex at the
     * mean of its cell's vertices, in the order first met), and triangles that collapse or repeat dropped. A
     * deterministic simplification: small triangles far below a pixel go, the silhouette stays.
     */
    static Mesh clustered(Mesh m, int cells) {
        double[] v = m.vertices();
        int n = m.vertexCount();
        java.util.HashMap<Long, Integer> cellIndex = new java.util.HashMap<>();
        int[] map = new int[n];
        List<double[]> sums = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = 0;
            for (int k = 0; k < 3; k++) {
                int c = (int) Math.floor((v[3 * i + k] + 1) / 2 * cells);
                key = key * (cells + 1) + Math.max(0, Math.min(cells, c));
            }
            Integer at = cellIndex.get(key);
            if (at == null) {
                at = sums.size();
                cellIndex.put(key, at);
                sums.add(new double[4]);
            }
            double[] s = sums.get(at);
            for (int k = 0; k < 3; k++) s[k] += v[3 * i + k];
            s[3]++;
            map[i] = at;
        }
        double[] nv = new double[3 * sums.size()];
        for (int i = 0; i < sums.size(); i++)
            for (int k = 0; k < 3; k++) nv[3 * i + k] = sums.get(i)[k] / sums.get(i)[3];
        int[] t = m.triangles();
        java.util.HashSet<List<Integer>> seen = new java.util.HashSet<>();
        int[] nt = new int[t.length];
        int at = 0;
        for (int f = 0; f < t.length; f += 3) {
            int a = map[t[f]], b = map[t[f + 1]], c = map[t[f + 2]];
            if (a == b || b == c || a == c) continue;
            Integer[] key = {a, b, c};
            java.util.Arrays.sort(key);
            if (!seen.add(List.of(key))) continue;
            nt[at++] = a;
            nt[at++] = b;
            nt[at++] = c;
        }
        return new Mesh(m.name(), nv, java.util.Arrays.copyOf(nt, at));
    }

    /**
     * The mesh as rendered on pictures of side {@code size}: {@link #clustered} on a grid of {@code size} cells per
     * axis (a cell is about one picture pixel) when it has more than {@value #SIMPLIFY_ABOVE} triangles.
     */
    static Mesh prepared(Mesh normalized, int size) {
        return normalized.triangleCount() > SIMPLIFY_ABOVE ? clustered(normalized, size) : normalized;
    }

    static boolean usable(Mesh normalized) {
        int t = normalized.triangleCount();
        if (t < MIN_TRIANGLES || t > MAX_TRIANGLES) return false;
        for (double e : normalized.extent()) if (e < MIN_EXTENT) return false;
        return true;
    }

    /** The family of a mesh file: its name up to the first non-letter, without a leading "refined_". */
    static String family(String file) {
        String n = file.toLowerCase(Locale.ROOT);
        if (n.startsWith("refined_")) n = n.substring("refined_".length());
        int i = 0;
        while (i < n.length() && Character.isLetter(n.charAt(i))) i++;
        return i == 0 ? n : n.substring(0, i);
    }

    List<Mesh> meshes(boolean testSplit) {
        return testSplit ? test : train;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return renderer.size();
    }

    @Override
    public So3Irreps latentAction() {
        return action;
    }

    @Override
    public Pair<Orthogonal3> sample(boolean testSplit, SplittableRandom random) {
        List<Mesh> split = meshes(testSplit);
        int item = random.nextInt(split.size());
        Orthogonal3 h = O3.SO3.sample(random), g = O3.SO3.sample(random);
        MeshRenderer.Posed source = MeshRenderer.Posed.of(split.get(item)).rotated(h);
        return new Pair<>(renderer.render(source), renderer.render(source.rotated(g)), g, item, h.matrix());
    }

    @Override
    public float[] dataSpacePrediction(Pair<Orthogonal3> pair) {
        return null;
    }

    @Override
    public String toString() {
        return name + ": " + train.size() + " training and " + test.size() + " test meshes, " + size() + "x" + size();
    }
}
