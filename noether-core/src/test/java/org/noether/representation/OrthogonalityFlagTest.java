package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.equivariance.Equivariance;
import org.noether.group.E3;
import org.noether.group.TrivialGroup;

/**
 * {@code isOrthogonal()} is what the solvers trust to take a shortcut (the dual equals the representation), so it
 * must follow the matrices: SE(3)'s affine representation is not orthogonal, and neither is any sum, product or dual
 * that contains it; with only orthogonal parts the result is orthogonal. Each answer is checked against the matrices.
 */
class OrthogonalityFlagTest {

    @Test
    void combinationsAreOrthogonalExactlyWhenEveryPartIs() {
        String[][] cases = {
            {"V", "true"}, {"affine", "false"}, {"V+V", "true"}, {"affine+V", "false"}, {"V+affine", "false"},
            {"V*V", "true"}, {"affine*V", "false"}, {"V*affine", "false"}, {"V'", "true"}, {"affine'", "false"}
        };
        for (String[] c : cases) {
            Representation<?> r = RepresentationSpec.parse(E3.SE3, c[0]);
            boolean flag = Boolean.parseBoolean(c[1]);
            assertEquals(flag, r.isOrthogonal(), c[0]);
            double error = Equivariance.orthogonalityError(r, 4, new SplittableRandom(2));
            assertEquals(flag, error < 1e-9, c[0] + ": the matrices' orthogonality error is " + error);
        }
    }

    @Test
    void theTrivialGroupHasOneElementItsOwnInverse() {
        TrivialGroup t = TrivialGroup.INSTANCE;
        assertEquals(1, t.elements().size());
        assertTrue(t.equal(t.identity(), t.inverse(t.identity())));
        assertTrue(t.equal(t.identity(), t.elements().get(0)));
    }
}
