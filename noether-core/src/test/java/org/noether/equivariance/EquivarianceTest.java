package org.noether.equivariance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.noether.action.Action;
import org.noether.action.VectorAction;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Permutation;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representations;

class EquivarianceTest {

    @Test
    void crossProductIsSO3EquivariantButNotO3() {
        Function<double[], double[]> cross =
                v -> new double[] {v[1] * v[5] - v[2] * v[4], v[2] * v[3] - v[0] * v[5], v[0] * v[4] - v[1] * v[3]};
        var r = new SplittableRandom(3);
        List<double[]> xs = List.of(r.doubles(6).toArray(), r.doubles(6).toArray());
        var so3 = O3.SO3;
        Action<Orthogonal3, double[]> in =
                new VectorAction<>(Representations.defining(so3).plus(Representations.defining(so3)));
        Action<Orthogonal3, double[]> out = new VectorAction<>(Representations.defining(so3));
        assertTrue(Equivariance.error(cross, so3, in, out, xs) < 1e-12);
        var o3 = O3.O3;
        Action<Orthogonal3, double[]> in3 =
                new VectorAction<>(Representations.defining(o3).plus(Representations.defining(o3)));
        Action<Orthogonal3, double[]> out3 = new VectorAction<>(Representations.defining(o3));
        assertTrue(
                Equivariance.error(cross, o3, in3, out3, xs) > 0.5, "the cross product is a pseudo-vector under O(3)");
    }

    @Test
    void sortingIsPermutationInvariantAndSumIsEquivariantCheckedExhaustively() {
        var s4 = new SymmetricGroup(4);
        Action<Permutation, double[]> perm = new VectorAction<>(Representations.permutation(s4));
        Action<Permutation, double[]> triv = new VectorAction<>(Representations.trivial(s4));
        Function<double[], double[]> sum = v -> new double[] {v[0] + v[1] + v[2] + v[3]};
        Function<double[], double[]> first = v -> new double[] {v[0]};
        List<double[]> xs = List.of(new double[] {1, 2, 3, 4});
        assertTrue(Equivariance.error(sum, s4, perm, triv, xs) < 1e-15);
        assertTrue(Equivariance.error(first, s4, perm, triv, xs) > 0.5);
    }
}
