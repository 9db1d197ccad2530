package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.group.SymmetricGroup;
import org.noether.linalg.Dense;

/**
 * Q^T rho(g) Q must equal the block-diagonal matrix of the catalogue's irreducibles (Wigner-D for SO(3) / O(3),
 * planar rotations for SO(2) / O(2)) at random g, and Q^T d rho(L_k) Q their generators. Tolerance: 1e-8 absolute on
 * every entry (the decomposition reaches about 1e-13; the representations' entries are at most 1 in size).
 */
class IrrepDecompositionTest {
    static final double TOL = 1e-8;

    /** max over entries of |Q^T rho(g) Q - blockdiag(irreps at g)|. */
    static <G> double blockError(IrrepDecomposition<G> dec, double[] q, G g) {
        int d = dec.dimension();
        double[] rho = dec.representation().matrix(g);
        double[] t = Dense.multiply(Dense.multiply(Dense.transpose(q, d), rho, d), q, d);
        double[] expected = new double[d * d];
        for (IrrepDecomposition.Copy c : dec.copies()) {
            int n = c.irrep().dimension(), o = c.offset();
            double[] block = dec.irrepMatrix(c.irrep(), g);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) expected[(o + i) * d + o + j] = block[i * n + j];
        }
        return Dense.maxAbsDifference(t, expected);
    }

    static <G> double generatorError(IrrepDecomposition<G> dec, double[] q) {
        int d = dec.dimension();
        double worst = 0;
        for (int k = 0; k < dec.representation().group().lieAlgebraDimension(); k++) {
            double[] l = dec.representation().lieAlgebra(k);
            double[] t = Dense.multiply(Dense.multiply(Dense.transpose(q, d), l, d), q, d);
            double[] expected = new double[d * d];
            for (IrrepDecomposition.Copy c : dec.copies()) {
                int n = c.irrep().dimension(), o = c.offset();
                double[] block = dec.irrepGenerator(c.irrep(), k);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) expected[(o + i) * d + o + j] = block[i * n + j];
            }
            worst = Math.max(worst, Dense.maxAbsDifference(t, expected));
        }
        return worst;
    }

    static <G> IrrepDecomposition<G> checked(Group<G> group, String spec) {
        Representation<G> rep = RepresentationSpec.parse(group, spec);
        IrrepDecomposition<G> dec = IrrepDecomposition.of(group, rep);
        int d = rep.dimension();
        double[] q = dec.changeOfBasis();
        double orth = Dense.maxAbsDifference(Dense.multiply(Dense.transpose(q, d), q, d), Dense.identity(d));
        assertTrue(orth < TOL, dec + ": |Q^T Q - I| = " + orth);
        var random = new SplittableRandom(41);
        for (int s = 0; s < 5; s++) {
            G g = group.sample(random);
            double e = blockError(dec, q, g);
            assertTrue(e < TOL, dec + ": block error " + e + " at " + group.format(g));
        }
        double ge = generatorError(dec, q);
        assertTrue(ge < TOL, dec + ": generator error " + ge);
        int total = 0;
        for (var e : dec.multiplicities().entrySet())
            total += e.getValue() * e.getKey().dimension();
        assertEquals(d, total, dec.toString());
        return dec;
    }

    static Map<String, Integer> labels(IrrepDecomposition<?> dec) {
        Map<String, Integer> out = new LinkedHashMap<>();
        dec.multiplicities().forEach((k, v) -> out.put(k.label(), v));
        return out;
    }

    @Test
    void so3TensorPowersDecomposeAsClebschGordan() {
        assertEquals(Map.of("D1", 1), labels(checked(O3.SO3, "V")));
        assertEquals(Map.of("D0", 1, "D1", 1, "D2", 1), labels(checked(O3.SO3, "V*V")));
        assertEquals(Map.of("D0", 1, "D1", 3, "D2", 2, "D3", 1), labels(checked(O3.SO3, "V*V*V")));
        assertEquals(Map.of("D0", 3, "D1", 6, "D2", 6, "D3", 3, "D4", 1), labels(checked(O3.SO3, "V*V*V*V")));
        assertEquals(Map.of("D1", 2, "D2", 1, "D3", 1), labels(checked(O3.SO3, "D2*V+V")));
    }

    @Test
    void o3SplitsByParity() {
        // V of O(3) is odd; V*V is even, V*V*V odd.
        assertEquals(Map.of("D1o", 1), labels(checked(O3.O3, "V")));
        assertEquals(Map.of("D0e", 1, "D1e", 1, "D2e", 1), labels(checked(O3.O3, "V*V")));
        assertEquals(Map.of("D0o", 1, "D1o", 3, "D2o", 2, "D3o", 1), labels(checked(O3.O3, "V*V*V")));
        checked(O3.O3, "V*V+V+1");
    }

    @Test
    void so2AndO2() {
        assertEquals(Map.of("1", 2, "F2", 1), labels(checked(O2.SO2, "V*V")));
        assertEquals(Map.of("V", 3, "F3", 1), labels(checked(O2.SO2, "V*V*V")));
        assertEquals(Map.of("1", 1, "sign", 1, "F2", 1), labels(checked(O2.O2, "V*V")));
        assertEquals(Map.of("V", 3, "F3", 1), labels(checked(O2.O2, "V*V*V")));
        checked(O2.O2, "V*V+sign+F2");
        // many copies per frequency: binomial(6, 3 + k / 2) of each
        assertEquals(Map.of("1", 20, "F2", 15, "F4", 6, "F6", 1), labels(checked(O2.SO2, "V*V*V*V*V*V")));
        assertEquals(Map.of("1", 10, "sign", 10, "F2", 15, "F4", 6, "F6", 1), labels(checked(O2.O2, "V*V*V*V*V*V")));
    }

    @Test
    void aWrongChangeOfBasisIsCaught() {
        IrrepDecomposition<org.noether.group.Orthogonal3> dec = checked(O3.SO3, "V*V*V");
        int d = dec.dimension();
        var g = O3.SO3.sample(new SplittableRandom(5));
        // Swap two columns inside one copy of D1: still orthogonal, still an invariant subspace, wrong basis.
        IrrepDecomposition.Copy c = null;
        for (IrrepDecomposition.Copy x : dec.copies()) if (x.irrep().degree() == 1) c = x;
        double[] q = dec.changeOfBasis();
        for (int i = 0; i < d; i++) {
            double t = q[i * d + c.offset()];
            q[i * d + c.offset()] = q[i * d + c.offset() + 1];
            q[i * d + c.offset() + 1] = t;
        }
        assertTrue(blockError(dec, q, g) > 0.01, "a swapped copy must not pass the block check");
        // Mixing two copies of D1 breaks the block structure only through the other copy's columns: rotate them.
        double[] q2 = dec.changeOfBasis();
        IrrepDecomposition.Copy c0 = dec.copies().stream()
                .filter(x -> x.irrep().degree() == 1)
                .findFirst()
                .get();
        for (int i = 0; i < d; i++) {
            double a = q2[i * d + c0.offset()], b = q2[i * d + c.offset()];
            q2[i * d + c0.offset()] = 0.8 * a + 0.6 * b;
            q2[i * d + c.offset()] = -0.6 * a + 0.8 * b;
        }
        assertTrue(blockError(dec, q2, g) > 0.01, "mixing two copies in one coordinate must not pass");
    }

    @Test
    void refusalsAreOneLine() {
        var s3 = new SymmetricGroup(3);
        var e = assertThrows(
                IllegalArgumentException.class, () -> IrrepDecomposition.of(Representations.permutation(s3)));
        assertTrue(e.getMessage().contains("S3"), e.getMessage());
        Representation<org.noether.group.Orthogonal3> big =
                RepresentationSpec.parse(O3.SO3, "V").power(10);
        var size = assertThrows(IllegalArgumentException.class, () -> IrrepDecomposition.of(big));
        assertTrue(size.getMessage().contains("59049") && size.getMessage().contains("GB"), size.getMessage());
    }

    @Test
    void regularOfS10IsRefusedFromItsKnownOrder() {
        var e = assertThrows(IllegalArgumentException.class, () -> Representations.regular(new SymmetricGroup(10)));
        assertTrue(e.getMessage().contains("3628800"), e.getMessage());
    }
}
