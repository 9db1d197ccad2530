package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noether.equivariance.Equivariance;
import org.noether.group.DihedralGroup;
import org.noether.group.E3;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;

class RepresentationSpecTest {

    @ParameterizedTest(name = "{1} of {0} has dimension {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "SO3; V; 3", "SO3; V*V; 9", "SO3; V+V*V; 12", "SO3; T(2,1); 27", "SO3; T(2); 9", "SO3; T(0,0); 1",
                "SO3; V'; 3", "SO3; V*V+V*; 12", "SO3; (V+1)*V; 12", "SO3; V^3; 27", "SO3; V^0; 1", "SO3; 3V; 9",
                "SO3; 2(V*V)+1; 19", "SO3; D2; 5", "SO3; D4*D1; 27", "SO3; V ⊗ V; 9", "O3; D1p + det; 4", "SO3; 1; 1",
                "S5; P; 5", "S5; P5*P5; 25", "S5; std; 4", "S5; std4+sign; 5", "S5; regular; 120", "S5; T(3); 125",
                "D8; F3; 2", "D8; P; 8", "D8; V*sign; 2", "C4; regular; 4", "SE3; affine+V; 7", "SE3; D2; 5",
                "SO2; F2*F3; 4", "C2xC2; V; 4", "SO3xSO2; V; 5"
            })
    void dimensions(String group, String spec, int dim) {
        Representation<?> r = RepresentationSpec.parse(GroupSpec.parse(group), spec);
        assertEquals(dim, r.dimension(), spec);
        assertTrue(Equivariance.homomorphismError(r, 3, new SplittableRandom(1)) < 1e-9, spec + " is a representation");
    }

    @Test
    void structure() {
        var so3 = O3.SO3;
        var t = RepresentationSpec.parse(so3, "T(2,1)");
        assertEquals("V*V*V'", t.name());
        var mixed = RepresentationSpec.parse(so3, "V*V+V*");
        var sum = assertInstanceOf(DirectSum.class, mixed);
        assertInstanceOf(TensorProduct.class, sum.summands().get(0));
        assertInstanceOf(Dual.class, sum.summands().get(1));
        // The same name gives the same object, so the solver sees V+V+V as three copies of one summand.
        var three = assertInstanceOf(DirectSum.class, RepresentationSpec.parse(so3, "V+V+V"));
        assertSame(three.summands().get(0), three.summands().get(2));
        var copies = assertInstanceOf(DirectSum.class, RepresentationSpec.parse(so3, "3V"));
        assertEquals(3, copies.summands().size());
        // V* of a non-orthogonal representation really is the contragredient.
        var e3 = E3.SE3;
        var aff = RepresentationSpec.parse(e3, "affine");
        var dual = RepresentationSpec.parse(e3, "affine'");
        var g = e3.sample(new SplittableRandom(3));
        assertTrue(Dense.maxAbsDifference(
                        Dense.multiply(Dense.transpose(dual.matrix(g), 4), aff.matrix(g), 4), Dense.identity(4))
                < 1e-12);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "SO3; X; unknown representation 'X' at position 1",
                "SO3; V+; expected a representation at the end",
                "SO3; V*(V; missing ')'",
                "SO3; V)V; unexpected ')' at position 2",
                "SO3; 2; '2' at position 1 is not a representation",
                "SO3; regular; 'regular' at position 1 is not available for SO3",
                "S5; D2; 'D2' at position 1 is not available for S5",
                "S5; P4; the permutation representation of S5 is P5",
                "S5; V^20; the limit is",
                "SO3; T(2,; expected the number of V* factors",
                "SO3; V^; expected a tensor power",
                "SO3; V + # ; expected a representation at position 5, found '#'",
                "SO3; 0V; multiplicity must be at least 1"
            })
    void errorsAreOneLineAndSayWhatIsAccepted(String group, String spec, String expected) {
        Group<?> g = GroupSpec.parse(group);
        var e = assertThrows(IllegalArgumentException.class, () -> RepresentationSpec.parse(g, spec));
        String m = e.getMessage();
        assertTrue(m.contains(expected), m);
        assertTrue(m.contains("'" + spec + "'"), "names the input: " + m);
        assertTrue(m.contains("accepted:"), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    @Test
    void emptySpec() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> RepresentationSpec.parse(new SymmetricGroup(3), " "));
        assertTrue(e.getMessage().startsWith("Empty representation for S3"), e.getMessage());
        assertTrue(RepresentationSpec.parse(DihedralGroup.dihedral(4), "sign").dimension() == 1);
    }
}
