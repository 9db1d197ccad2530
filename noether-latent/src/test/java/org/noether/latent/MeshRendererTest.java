package org.noether.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.data.Mesh;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;

class MeshRendererTest {

    /** A lumpy, asymmetric closed surface: a UV sphere stretched per axis with a few bumps, normalized. */
    static Mesh blob(String name, long seed, int rings, int segments) {
        SplittableRandom r = new SplittableRandom(seed);
        double sx = 0.5 + r.nextDouble(), sy = 0.5 + r.nextDouble(), sz = 0.5 + r.nextDouble();
        double[][] bumps = new double[3][4];
        for (double[] b : bumps) {
            for (int k = 0; k < 3; k++) b[k] = r.nextGaussian();
            b[3] = 0.2 + 0.4 * r.nextDouble();
        }
        List<double[]> v = new ArrayList<>();
        v.add(new double[] {0, 0, sz});
        for (int i = 1; i < rings; i++) {
            double th = Math.PI * i / rings;
            for (int j = 0; j < segments; j++) {
                double ph = 2 * Math.PI * j / segments;
                double x = Math.sin(th) * Math.cos(ph), y = Math.sin(th) * Math.sin(ph), z = Math.cos(th);
                double rad = 1;
                for (double[] b : bumps) {
                    double n = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
                    rad += b[3] * Math.exp(-8 * (1 - (x * b[0] + y * b[1] + z * b[2]) / n));
                }
                v.add(new double[] {sx * rad * x, sy * rad * y, sz * rad * z});
            }
        }
        v.add(new double[] {0, 0, -sz});
        List<Integer> t = new ArrayList<>();
        int last = v.size() - 1;
        for (int j = 0; j < segments; j++) t.addAll(List.of(0, 1 + j, 1 + (j + 1) % segments));
        for (int i = 0; i < rings - 2; i++)
            for (int j = 0; j < segments; j++) {
                int a = 1 + i * segments + j, b = 1 + i * segments + (j + 1) % segments;
                int c = a + segments, d = b + segments;
                t.addAll(List.of(a, c, b, b, c, d));
            }
        int base = 1 + (rings - 2) * segments;
        for (int j = 0; j < segments; j++) t.addAll(List.of(last, base + (j + 1) % segments, base + j));
        double[] flat = new double[3 * v.size()];
        for (int i = 0; i < v.size(); i++) System.arraycopy(v.get(i), 0, flat, 3 * i, 3);
        return new Mesh(name, flat, t.stream().mapToInt(Integer::intValue).toArray()).normalized();
    }

    static final Mesh BLOB = blob("blob", 3, 12, 20);

    @Test
    void renderingIsAnActionOfSo3OnTheObjectExactly() {
        // law: render(g . (h . o)) == render((g h) . o), bit for bit, for Haar-random g, h and o in the identity pose
        SplittableRandom random = new SplittableRandom(11);
        for (MeshRenderer.Background bg : MeshRenderer.Background.values()) {
            MeshRenderer r = new MeshRenderer(32, bg);
            MeshRenderer.Posed o = MeshRenderer.Posed.of(BLOB);
            int differentFromSwapped = 0;
            for (int trial = 0; trial < 20; trial++) {
                Orthogonal3 g = O3.SO3.sample(random), h = O3.SO3.sample(random);
                float[] stepwise = r.render(o.rotated(h).rotated(g));
                assertArrayEquals(r.render(o.rotated(O3.SO3.compose(g, h))), stepwise, "trial " + trial);
                // the check can fail: the other order of composition gives another picture
                if (!Arrays.equals(r.render(o.rotated(O3.SO3.compose(h, g))), stepwise)) differentFromSwapped++;
            }
            assertTrue(differentFromSwapped >= 18, differentFromSwapped + " of 20");
            assertArrayEquals(r.render(o), r.render(o.rotated(O3.SO3.identity())));
        }
    }

    @Test
    void aTurnAboutTheViewAxisTurnsTheSilhouette() {
        // orthographic projection along z: rotating the object by 90 degrees about z rotates its silhouette by 90
        // degrees in the picture; shading changes (the light is fixed), the mask must not. Tolerance: pixels whose
        // coverage rounds differently on an edge, at most 2 % of the picture.
        int s = 32;
        MeshRenderer r = new MeshRenderer(s, MeshRenderer.Background.BLACK);
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 5; trial++) {
            MeshRenderer.Posed o = MeshRenderer.Posed.of(BLOB).rotated(O3.SO3.sample(random));
            float[] a = r.render(o);
            float[] b = r.render(o.rotated(Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2)));
            int differ = 0, covered = 0;
            for (int y = 0; y < s; y++)
                for (int x = 0; x < s; x++) {
                    // (x, y) -> picture rotated counterclockwise: row s-1-x, column y
                    boolean in = a[y * s + x] > 0, out = b[(s - 1 - x) * s + y] > 0;
                    if (in) covered++;
                    if (in != out) differ++;
                }
            assertTrue(covered > 50, "the object covers " + covered + " pixels");
            assertTrue(differ <= 0.02 * s * s, differ + " pixels differ");
        }
    }

    @Test
    void picturesAreDeterministicAndInRange() {
        MeshRenderer r = new MeshRenderer(16, MeshRenderer.Background.SKY);
        Orthogonal3 g = O3.SO3.sample(new SplittableRandom(2));
        float[] a = r.render(MeshRenderer.Posed.of(BLOB).rotated(g));
        assertArrayEquals(
                a,
                new MeshRenderer(16, MeshRenderer.Background.SKY)
                        .render(MeshRenderer.Posed.of(BLOB).rotated(g)));
        for (float v : a) assertTrue(v >= 0 && v <= 1, "value " + v);
        // the sky brightens towards the horizon: the top-left corner is darker than the bottom-left one
        assertTrue(a[0] < a[15 * 16], a[0] + " vs " + a[15 * 16]);
        // pixel (0, 0) averages raster rows 0 and 1 of 32: sky 0.55 + 0.4 (row + 0.5) / 32
        assertEquals(((0.55 + 0.4 * 0.5 / 32) + (0.55 + 0.4 * 1.5 / 32)) / 2, a[0], 1e-6);
    }

    @Test
    void clusteringKeepsTheSilhouette() {
        Mesh fine = blob("fine", 3, 60, 100);
        Mesh coarse = RenderedPairs.clustered(fine, 32);
        assertTrue(coarse.triangleCount() < fine.triangleCount() / 2, coarse + " from " + fine);
        MeshRenderer r = new MeshRenderer(32, MeshRenderer.Background.BLACK);
        float[] a = r.render(MeshRenderer.Posed.of(fine)), b = r.render(MeshRenderer.Posed.of(coarse));
        int differ = 0;
        for (int i = 0; i < a.length; i++) if ((a[i] > 0) != (b[i] > 0)) differ++;
        assertTrue(differ <= 0.02 * a.length, differ + " pixels of the silhouette differ");
        assertFalse(Arrays.equals(a, b));
    }
}
