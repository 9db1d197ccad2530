package org.noether.group;

import java.util.ArrayList;
import java.util.List;

/** The groups every property test runs over: the whole catalog, products and generated groups. */
public final class TestGroups {
    private TestGroups() {}

    public static List<Group<?>> all() {
        List<Group<?>> g = new ArrayList<>();
        g.add(TrivialGroup.INSTANCE);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8}) g.add(DihedralGroup.cyclic(n));
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8}) g.add(DihedralGroup.dihedral(n));
        for (int n = 1; n <= 5; n++) g.add(new SymmetricGroup(n));
        for (int n = 3; n <= 5; n++) g.add(new AlternatingGroup(n));
        g.add(GroupSpec.parse("C2xC2"));
        g.add(GroupSpec.parse("D4xC2"));
        g.add(GroupSpec.parse("S3xC3"));
        g.add(octahedralRotations());
        g.add(O2.SO2);
        g.add(O2.O2);
        g.add(O3.SO3);
        g.add(O3.O3);
        g.add(E3.SE3);
        g.add(E3.E3);
        g.add(GroupSpec.parse("SO2xC2"));
        g.add(GroupSpec.parse("SO3xSO2"));
        return g;
    }

    /** The 24 rotations of the cube, generated inside SO(3) by two quarter turns. */
    public static GeneratedGroup<Orthogonal3> octahedralRotations() {
        return GeneratedGroup.of(
                "O (cube rotations)",
                O3.SO3,
                List.of(
                        Orthogonal3.rotation(new double[] {0, 0, 1}, Math.PI / 2),
                        Orthogonal3.rotation(new double[] {1, 0, 0}, Math.PI / 2)),
                100);
    }
}
