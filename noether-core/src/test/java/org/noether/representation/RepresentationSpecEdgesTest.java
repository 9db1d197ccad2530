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
 * Edges of the representation expression language: whitespace anywhere between tokens, the dimension limit of
 * {@value RepresentationSpec#MAX_DIMENSION} enforced by every way of growing an expression (sum, multiplicity,
 * product, power, T(p,q)), number lengths, multiplicity 1, and a trailing {@code *} read as a dual.
 */
class RepresentationSpecEdgesTest {
    private static final O3 SO3 = O3.SO3;

    private static void sameRepresentation(String a, String b) {
        Representation<Orthogonal3> ra = RepresentationSpec.parse(SO3, a), rb = RepresentationSpec.parse(SO3, b);
        assertEquals(rb.dimension(), ra.dimension(), a);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 3; i++) {
            Orthogonal3 g = SO3.sample(r);
            assertArrayEquals(rb.matrix(g), ra.matrix(g), 1e-12, a + " vs " + b);
        }
    }

    @Test
    void whitespaceMayStandBetweenAnyTwoTokens() {
        sameRepresentation(" 2( V * V ) + T ( 2 , 1 ) + V ^ 2 + V ' + D2 ", "2(V*V)+T(2,1)+V^2+V'+D2");
        sameRepresentation(" 3V + 1 ", "3V+1"); // a multiplicity is written against what it multiplies
        sameRepresentation("\tT (1)\t*\tV ", "T(1)*V");
        sameRepresentation("( V + 1 ) ⊗ V", "(V+1)*V");
        sameRepresentation("T ( 0 , 2 )", "T(0,2)");
        sameRepresentation("V^ 3", "V^3");
    }

    @Test
    void aTrailingStarIsADual() {
        sameRepresentation("V* + V", "V'+V");
        sameRepresentation("V *", "V'");
        sameRepresentation("V * (V)", "V*V");
    }

    private static void tooLarge(String spec, long dimension) {
        var e = assertThrows(IllegalArgumentException.class, () -> RepresentationSpec.parse(SO3, spec), spec);
        assertTrue(
                e.getMessage().contains("the result would have " + dimension + " dimensions; the limit is 100000"),
                spec + ": " + e.getMessage());
    }

    /** V is 3-dimensional: T(10) = 59049 dimensions fits, anything that doubles or triples it does not. */
    @Test
    void everyWayOfGrowingAnExpressionIsLimited() {
        assertEquals(59049, RepresentationSpec.parse(SO3, "T(10)").dimension());
        assertEquals(59049, RepresentationSpec.parse(SO3, "V^10").dimension());
        tooLarge("T(10)+T(10)", 118098);
        tooLarge("2T(10)", 118098);
        tooLarge("T(5)*T(6)", 177147);
        tooLarge("T(5)⊗T(6)", 177147);
        tooLarge("V^11", 177147);
        tooLarge("T(11)", 177147);
        tooLarge("T(5,6)", 177147);
        tooLarge("(T(10))^2", 3486784401L);
        tooLarge("T(8)*T(8)+1", 43046721);
        tooLarge("100001(1)", 100001);
    }

    @Test
    void numbersHaveAtMostSixDigitsAndMultiplicityOneIsTheThingItself() {
        assertEquals(9, RepresentationSpec.parse(SO3, "V^000002").dimension(), "six digits");
        var e = assertThrows(IllegalArgumentException.class, () -> RepresentationSpec.parse(SO3, "V^0000002"));
        assertTrue(e.getMessage().contains("number '0000002' at position 3 is too large"), e.getMessage());
        sameRepresentation("1V", "V");
        sameRepresentation("1(V*V)", "V*V");
        var z = assertThrows(IllegalArgumentException.class, () -> RepresentationSpec.parse(SO3, "0V"));
        assertTrue(z.getMessage().contains("multiplicity must be at least 1 at position 1"), z.getMessage());
    }
}
