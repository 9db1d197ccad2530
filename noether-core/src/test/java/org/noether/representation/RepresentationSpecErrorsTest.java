package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;

/**
 * Expressions cut short or at a limit: each gets a one-line {@link IllegalArgumentException} that says where (never
 * an index error from reading past the end), the limits are inclusive (a result of exactly
 * {@value RepresentationSpec#MAX_DIMENSION} dimensions and a 64th power are accepted), and T(p,q) with both p and q
 * positive is the mixed tensor V^(x)p (x) (V*)^(x)q, not the trivial representation.
 */
class RepresentationSpecErrorsTest {
    private static final O3 SO3 = O3.SO3;

    private static void refused(String spec, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> RepresentationSpec.parse(SO3, spec), spec);
        assertTrue(e.getMessage().contains(message), spec + ": " + e.getMessage());
    }

    @Test
    void expressionsCutShortSayWhatIsMissingAndWhere() {
        refused("T(1", "missing ')' in T(p,q) at position 4");
        refused("T(1,2", "missing ')' in T(p,q) at position 6");
        refused("T( 2 ,", "expected the number of V* factors in T(p,q) at position 7");
        refused("(V", "missing ')' at position 3");
        refused("(V+1", "missing ')' at position 5");
        refused("V^", "expected a tensor power after '^' at position 3");
        refused("V^x", "expected a tensor power after '^' at position 3");
        refused("V+", "expected a representation at the end");
        refused("T", "unknown representation 'T' at position 1");
        refused("V+T ", "unknown representation 'T' at position 3");
    }

    @Test
    void theLimitsAreInclusive() {
        // 5^5 * 2^5 = 100000 exactly (a multiplicity of 100000 would build 100000 summands)
        assertEquals(100000, RepresentationSpec.parse(SO3, "(V+1+1)^5*(1+1)^5").dimension());
        refused("(V+1+1)^5*(1+1)^5+1", "the result would have 100001 dimensions; the limit is 100000");
        Representation<Orthogonal3> many = RepresentationSpec.parse(SO3, "100000(1)");
        assertEquals(100000, many.dimension());
        assertEquals(100000, ((DirectSum<Orthogonal3>) many).summands().size());
        Representation<Orthogonal3> threeV = RepresentationSpec.parse(SO3, "3(V+1)");
        assertEquals(6, ((DirectSum<Orthogonal3>) threeV).summands().size(), "the copies' summands, flattened");
        Representation<Orthogonal3> written = RepresentationSpec.parse(SO3, "V+1+V+1+V+1");
        Orthogonal3 g = SO3.sample(new SplittableRandom(9));
        assertArrayEquals(written.matrix(g), threeV.matrix(g), 1e-15);
        assertEquals(1, RepresentationSpec.parse(SO3, "1^64").dimension());
        refused("1^65", "tensor power 65 at position 3 is too large");
        refused("T(40,40)", "T(40,40) at position 1 is too large");
        refused("V+T(0,65)", "T(0,65) at position 3 is too large");
    }

    @Test
    void mixedTensorTypesAreTheMixedTensors() {
        Representation<Orthogonal3> t11 = RepresentationSpec.parse(SO3, "T(1,1)");
        Representation<Orthogonal3> t21 = RepresentationSpec.parse(SO3, "T(2,1)");
        Representation<Orthogonal3> vv = RepresentationSpec.parse(SO3, "V*V'");
        Representation<Orthogonal3> vvv = RepresentationSpec.parse(SO3, "V*V*V'");
        assertEquals(9, t11.dimension());
        assertEquals(27, t21.dimension());
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 3; i++) {
            Orthogonal3 g = SO3.sample(r);
            assertArrayEquals(vv.matrix(g), t11.matrix(g), 1e-12);
            assertArrayEquals(vvv.matrix(g), t21.matrix(g), 1e-12);
        }
        assertEquals(1, RepresentationSpec.parse(SO3, "T(0,0)").dimension());
    }
}
