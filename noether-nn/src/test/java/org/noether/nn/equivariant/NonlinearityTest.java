package org.noether.nn.equivariant;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralGroup;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.nn.Engines;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;
import org.noether.representation.Representations;

class NonlinearityTest {

    @BeforeAll
    static void engine() {
        Engines.pytorch();
    }

    @Test
    void normNonlinearityIsSo3Equivariant() {
        Representation<Orthogonal3> rep = RepresentationSpec.parse(O3.SO3, "1+V+D2+V");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NormNonlinearity act = NormNonlinearity.sigmoid(rep);
            act.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(5, rep.dimension()));
            double err = EqTesting.equivarianceError(act, m, rep, rep, new Random(1), 5, 4);
            assertTrue(err < EqTesting.REL_TOL, "relative error " + err);
        }
    }

    @Test
    void gatedNonlinearityIsO3Equivariant() {
        Representation<Orthogonal3> fields = RepresentationSpec.parse(O3.O3, "V+D2+D1p");
        Representation<Orthogonal3> gates = RepresentationSpec.parse(O3.O3, "3(1)");
        Representation<Orthogonal3> in = gates.plus(fields);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            GatedNonlinearity act = GatedNonlinearity.of(fields);
            act.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(5, in.dimension()));
            double err = EqTesting.equivarianceError(act, m, in, fields, new Random(2), 5, 4);
            assertTrue(err < EqTesting.REL_TOL, "relative error " + err);
        }
    }

    @Test
    void pointwiseOnRegularRepresentation() {
        Representation<?> reg = Representations.regular(DihedralGroup.dihedral(4));
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            check(reg, m);
        }
        // a rotation matrix is not a permutation: rejected
        assertThrows(
                IllegalArgumentException.class,
                () -> new PointwiseNonlinearity(Representations.planar(DihedralGroup.cyclic(4), 1), Activation::relu));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PointwiseNonlinearity(Representations.defining(O3.SO3), Activation::relu));
    }

    private static <G> void check(Representation<G> reg, NDManager m) {
        PointwiseNonlinearity act = new PointwiseNonlinearity(reg, Activation::relu);
        act.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(5, reg.dimension()));
        double err = EqTesting.equivarianceError(act, m, reg, reg, new Random(3), 5, 4);
        assertTrue(err < EqTesting.REL_TOL, "relative error " + err);
    }

    @Test
    void gatedAndNormMlpsAreSo3Equivariant() {
        O3 g = O3.SO3;
        Representation<Orthogonal3> in = RepresentationSpec.parse(g, "V+V");
        Representation<Orthogonal3> out = RepresentationSpec.parse(g, "1+V");
        List<Representation<Orthogonal3>> hidden =
                List.of(RepresentationSpec.parse(g, "2(1)+2V+D2"), RepresentationSpec.parse(g, "1+V+D2"));
        for (EquivariantMLP.Kind kind : List.of(EquivariantMLP.Kind.GATED, EquivariantMLP.Kind.NORM)) {
            Engines.seed(7);
            try (NDManager m = Engines.pytorch().newBaseManager()) {
                EquivariantMLP mlp = EquivariantMLP.of(in, hidden, out, kind);
                EqTesting.initRandom(mlp, m, 1f, new Shape(4, in.dimension()));
                double err = EqTesting.equivarianceError(mlp, m, in, out, new Random(4), 4, 3);
                assertTrue(err < EqTesting.REL_TOL, kind + ": relative error " + err);
            }
        }
    }

    @Test
    void pointwiseMlpIsD4Equivariant() {
        DihedralGroup d4 = DihedralGroup.dihedral(4);
        Engines.seed(8);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            mlp(d4, m);
        }
    }

    private static void mlp(DihedralGroup d4, NDManager m) {
        var reg = Representations.regular(d4);
        var in = Representations.planar(d4, 1);
        var out = Representations.trivial(d4).plus(in);
        EquivariantMLP mlp =
                EquivariantMLP.of(in, List.of(reg, reg.plus(reg)), out, EquivariantMLP.Kind.POINTWISE_RELU);
        EqTesting.initRandom(mlp, m, 1f, new Shape(4, in.dimension()));
        double err = EqTesting.equivarianceError(mlp, m, in, out, new Random(5), 4, 4);
        assertTrue(err < EqTesting.REL_TOL, "relative error " + err);
    }
}
