package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.TestGroups;
import org.noether.linalg.Dense;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

/** Averaged maps are equivariant to 1e-10 relative to the original map's norm (double precision, |G| <= 48). */
class GroupAveragingTest {

    @Provide
    Arbitrary<FiniteGroup<?>> finiteGroups() {
        return Arbitraries.of(TestGroups.all().stream()
                .filter(g -> g instanceof FiniteGroup<?> f && f.order() <= 48)
                .map(g -> (FiniteGroup<?>) g)
                .toList());
    }

    @Property(tries = 80)
    void averagedRandomMapIsEquivariantAndAveragingIsIdempotent(
            @ForAll("finiteGroups") FiniteGroup<?> g, @ForAll long seed) {
        check(g, new SplittableRandom(seed));
    }

    private static <G> void check(FiniteGroup<G> g, SplittableRandom r) {
        var cat = Catalog.of(g);
        Representation<G> in = cat.get(r.nextInt(cat.size())), out = cat.get(r.nextInt(cat.size()));
        if (in.dimension() * out.dimension() > 2500) return;
        double[] w = new double[in.dimension() * out.dimension()];
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian();
        double[] avg = GroupAveraging.average(g, in, out, w);
        assertTrue(
                GroupAveraging.equivarianceError(g, in, out, avg, Dense.norm(w)) < 1e-10,
                g.name() + " " + in + " -> " + out);
        double[] twice = GroupAveraging.average(g, in, out, avg);
        assertTrue(Dense.maxAbsDifference(avg, twice) < 1e-10, "averaging is not idempotent");
    }

    @Test
    void randomMapIsNotEquivariantBeforeAveraging() {
        var d4 = DihedralGroup.dihedral(4);
        var reg = Representations.regular(d4);
        double[] w = new SplittableRandom(1).doubles(64).toArray();
        assertTrue(GroupAveraging.equivarianceError(d4, reg, reg, w) > 0.1);
    }

    @Test
    void wrongShapeIsAClearError() {
        var c4 = DihedralGroup.cyclic(4);
        var v = Representations.defining(c4);
        var e = assertThrows(IllegalArgumentException.class, () -> GroupAveraging.average(c4, v, v, new double[3]));
        assertTrue(e.getMessage().contains("needs 4 entries"), e.getMessage());
    }
}
