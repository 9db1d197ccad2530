package org.noether.equivariance.basis;

import java.util.Arrays;
import java.util.List;
import org.noether.representation.DirectSum;
import org.noether.representation.Dual;
import org.noether.representation.Representation;
import org.noether.representation.TensorProduct;

/**
 * A signed permutation matrix: column j holds its single nonzero, {@code sign(j) = +-1}, in row {@code image(j)}.
 * Permutation, regular and sign representations, and their sums, tensor products and duals, act this way, which lets
 * the orbit strategy solve them exactly without ever forming a matrix of the composite.
 */
final class SignedPermutation {
    /** Leaf matrices whose entries are within this of 0 or +-1 count as signed permutations (cos(pi/2) is 6e-17). */
    static final double SNAP = 1e-12;

    final int[] image;
    final boolean[] negative;

    SignedPermutation(int[] image, boolean[] negative) {
        this.image = image;
        this.negative = negative;
    }

    int size() {
        return image.length;
    }

    /**
     * rho(g) as a signed permutation, or null when it is not one. Composites are combined structurally so that,
     * say, P10*P10*P10 never builds its 1000 x 1000 matrix.
     */
    static <G> SignedPermutation of(Representation<G> rep, G g) {
        if (rep instanceof DirectSum<G> sum) {
            List<Representation<G>> parts = sum.summands();
            int[] image = new int[rep.dimension()];
            boolean[] neg = new boolean[rep.dimension()];
            int offset = 0;
            for (Representation<G> part : parts) {
                SignedPermutation p = of(part, g);
                if (p == null) return null;
                for (int j = 0; j < p.size(); j++) {
                    image[offset + j] = offset + p.image[j];
                    neg[offset + j] = p.negative[j];
                }
                offset += p.size();
            }
            return new SignedPermutation(image, neg);
        }
        if (rep instanceof TensorProduct<G> t) {
            SignedPermutation a = of(t.left(), g);
            if (a == null) return null;
            SignedPermutation b = of(t.right(), g);
            if (b == null) return null;
            int q = b.size();
            int[] image = new int[a.size() * q];
            boolean[] neg = new boolean[image.length];
            // Dense.kron puts (i, k) at i * q + k, so column (j, l) lands in row (a(j), b(l)).
            for (int j = 0; j < a.size(); j++)
                for (int l = 0; l < q; l++) {
                    image[j * q + l] = a.image[j] * q + b.image[l];
                    neg[j * q + l] = a.negative[j] ^ b.negative[l];
                }
            return new SignedPermutation(image, neg);
        }
        if (rep instanceof Dual<G> d) {
            // rho*(g) = rho(g^-1)^T = (rho(g)^-1)^T, which is rho(g) itself when rho(g) is a signed permutation.
            return of(d.of(), g);
        }
        return fromDense(rep.matrix(g), rep.dimension());
    }

    static SignedPermutation fromDense(double[] m, int d) {
        int[] image = new int[d];
        boolean[] neg = new boolean[d];
        boolean[] rowUsed = new boolean[d];
        for (int j = 0; j < d; j++) {
            int row = -1;
            for (int i = 0; i < d; i++) {
                double v = m[i * d + j];
                if (Math.abs(v) <= SNAP) continue;
                if (row >= 0 || Math.abs(Math.abs(v) - 1) > SNAP || rowUsed[i]) return null;
                row = i;
                neg[j] = v < 0;
            }
            if (row < 0) return null;
            rowUsed[row] = true;
            image[j] = row;
        }
        return new SignedPermutation(image, neg);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPermutation p && Arrays.equals(image, p.image) && Arrays.equals(negative, p.negative);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(image) + Arrays.hashCode(negative);
    }
}
