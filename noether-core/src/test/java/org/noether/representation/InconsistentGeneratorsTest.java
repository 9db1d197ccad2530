package org.noether.representation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;

/**
 * Generators that are skew-symmetric and have the Casimir and L_z spectrum of V + V, but are not a representation of
 * so(3), must be refused (ArithmeticException naming the copy and the check that failed), not decomposed into a Q
 * whose blocks do not match the catalogue's. The copy search builds each copy from its highest-weight vector and then
 * checks it twice: the columns must be orthonormal, and they must intertwine the generators with Wigner-D's.
 */
class InconsistentGeneratorsTest {

    /** 6 x 6 block diagonal with blocks a and b, each 3 x 3. */
    static double[] blockdiag(double[] a, double[] b) {
        double[] m = new double[36];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                m[i * 6 + j] = a[i * 3 + j];
                m[(i + 3) * 6 + j + 3] = b[i * 3 + j];
            }
        return m;
    }

    static double[] negated(double[] a) {
        double[] m = a.clone();
        for (int i = 0; i < m.length; i++) m[i] = -m[i];
        return m;
    }

    static Representation<Orthogonal3> fake(String name, double[][] second) {
        Representation<Orthogonal3> v = Representations.defining(O3.SO3);
        double[][] gens = new double[3][];
        for (int k = 0; k < 3; k++) gens[k] = blockdiag(v.lieAlgebra(k), second[k]);
        return Representations.functional(
                O3.SO3, name, 6, g -> blockdiag(g.matrix(), g.matrix()), k -> gens[k].clone(), true);
    }

    /**
     * Second copy with L_x and L_y exchanged: [L_y, L_x] = -L_z, so it is no representation. Propagating the copy
     * from its highest-weight vector with the exchanged generators gives columns that are not orthonormal.
     */
    @Test
    void exchangedGeneratorsGiveACopyThatIsNotOrthonormal() {
        Representation<Orthogonal3> v = Representations.defining(O3.SO3);
        Representation<Orthogonal3> rep = fake(
                "V + V with L_x and L_y exchanged", new double[][] {v.lieAlgebra(1), v.lieAlgebra(0), v.lieAlgebra(2)});
        var e = assertThrows(ArithmeticException.class, () -> IrrepDecomposition.of(rep));
        assertTrue(
                e.getMessage().startsWith("copy of D1 in 'V + V with L_x and L_y exchanged' is not orthonormal"),
                e.getMessage());
    }

    /**
     * Second copy with L_x negated: the Casimir (L_x^2 unchanged) and L_z are those of V + V, and the copy, built from
     * the cos-type vector with L_y and L_z only, is orthonormal, but it does not intertwine L_x with D1's.
     */
    @Test
    void aNegatedGeneratorGivesACopyThatDoesNotIntertwine() {
        Representation<Orthogonal3> v = Representations.defining(O3.SO3);
        Representation<Orthogonal3> rep = fake(
                "V + V with L_x negated", new double[][] {negated(v.lieAlgebra(0)), v.lieAlgebra(1), v.lieAlgebra(2)});
        var e = assertThrows(ArithmeticException.class, () -> IrrepDecomposition.of(rep));
        assertTrue(e.getMessage().contains("does not intertwine with the Wigner-D generators"), e.getMessage());
    }
}
