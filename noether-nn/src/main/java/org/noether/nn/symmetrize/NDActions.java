package org.noether.nn.symmetrize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.function.Function;
import org.noether.action.TokenAction;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.group.FiniteGroup;
import org.noether.group.Permutation;
import org.noether.nn.util.Constants;
import org.noether.representation.Representation;

/**
 * Actions on batches of DJL arrays for the common domains, each the batched counterpart of an action of {@code
 * org.noether.action}:
 *
 * <ul>
 *   <li>{@link #trivial()}: every element acts as the identity (invariant outputs such as class logits).</li>
 *   <li>{@link #image}: subgroups of D4 on NCHW images by quarter turns and flips of the H and W axes; exact, and
 *   the same pixel moves as {@link org.noether.action.ImageActions#exact}.</li>
 *   <li>{@link #lastAxisPermutation}, {@link #regular}, {@link #tokens}: an index permutation of the last axis
 *   (class or vocabulary scores, regular-representation features): {@code (g.x)[..., p_g(i)] = x[..., i]}.</li>
 *   <li>{@link #tokenIds}: token ids relabelled value by value, {@code t -> p_g(t)}, as {@link TokenAction} does.</li>
 *   <li>{@link #representation}: vectors on the last axis through a representation, {@code x -> rho(g) x}; for
 *   {@code [B, d]} vectors and {@code [B, N, d]} point clouds alike.</li>
 * </ul>
 *
 * <pre>{@code
 * var c4 = DihedralGroup.cyclic(4);
 * Symmetry<DihedralElement> s = Symmetry.equivariant(c4, NDActions.image(c4), NDActions.regular(c4));
 * }</pre>
 */
public final class NDActions {

    private NDActions() {}

    private static final NDAction<Object> TRIVIAL = new NDAction<>() {
        @Override
        public NDArray act(Object g, NDArray batch) {
            return batch;
        }

        @Override
        public boolean isTrivial() {
            return true;
        }

        @Override
        public String toString() {
            return "trivial";
        }
    };

    /** The trivial action: {@code g . x = x}. */
    @SuppressWarnings("unchecked")
    public static <G> NDAction<G> trivial() {
        return (NDAction<G>) TRIVIAL;
    }

    /**
     * The exact action of C1, C2, C4, D1, D2 or D4 on NCHW image batches (H = axis 2, W = axis 3), with the
     * conventions of {@link org.noether.action.ImageActions}: r turns the picture a quarter (C4) or half (C2) turn
     * counter-clockwise as displayed (row 0 at the top), s turns it upside down, r^k s flips first, then turns.
     */
    public static NDAction<DihedralElement> image(DihedralGroup group) {
        return image(group, 2, 3);
    }

    /** {@link #image(DihedralGroup)} on any layout: {@code rowAxis} runs top to bottom, {@code columnAxis} left to right. */
    public static NDAction<DihedralElement> image(DihedralGroup group, int rowAxis, int columnAxis) {
        int n = group.rotations();
        if (n != 1 && n != 2 && n != 4) {
            throw new IllegalArgumentException(group.name() + " does not act exactly on the pixel grid; exact image "
                    + "actions exist for C1, C2, C4, D1, D2, D4");
        }
        if (rowAxis == columnAxis || rowAxis < 1 || columnAxis < 1) {
            throw new IllegalArgumentException("row and column axes must be distinct and not the batch axis 0, got "
                    + rowAxis + " and " + columnAxis);
        }
        int step = 4 / n;
        int[] axes = {rowAxis, columnAxis};
        return (g, batch) -> {
            group.key(g); // rejects elements of another group
            NDArray out = g.reflection() ? batch.flip(rowAxis) : batch;
            int quarter = g.rotation() * step;
            if (quarter == 0) {
                return out;
            }
            Shape s = batch.getShape();
            if ((quarter & 1) == 1 && s.get(rowAxis) != s.get(columnAxis)) {
                throw new IllegalArgumentException("a quarter turn needs square images, got shape " + s);
            }
            NDArray turned = out.rotate90(quarter, axes);
            if (out != batch) {
                out.close();
            }
            return turned;
        };
    }

    /**
     * An index permutation of the last axis: {@code (g . x)[..., perm(g)(i)] = x[..., i]}. {@code perm} must be a
     * homomorphism into permutations of the last axis.
     */
    public static <G> NDAction<G> lastAxisPermutation(Function<G, Permutation> perm) {
        Objects.requireNonNull(perm, "perm");
        return (g, batch) -> {
            Permutation p = perm.apply(g);
            long width = batch.getShape().get(batch.getShape().dimension() - 1);
            if (p.size() != width) {
                throw new IllegalArgumentException("permutation of " + p.size() + " points for a last axis of size "
                        + width + " (shape " + batch.getShape() + ")");
            }
            // output position j reads input position p^-1(j)
            int[] inv = p.inverse().images();
            long[] source = new long[inv.length];
            for (int j = 0; j < inv.length; j++) {
                source[j] = inv[j];
            }
            try (NDArray index = Constants.of(batch.getManager(), source)) {
                return batch.get(new NDIndex("..., {}", index));
            }
        };
    }

    /** The regular representation on the last axis (size |G|): {@code rho(g) e_h = e_{gh}}. */
    public static <G> NDAction<G> regular(FiniteGroup<G> group) {
        int n = group.order();
        Permutation[] table = new Permutation[n];
        for (int gi = 0; gi < n; gi++) {
            int[] images = new int[n];
            for (int h = 0; h < n; h++) {
                images[h] = group.indexOf(
                        group.compose(group.elements().get(gi), group.elements().get(h)));
            }
            table[gi] = new Permutation(images);
        }
        return lastAxisPermutation(g -> table[group.indexOf(g)]);
    }

    /** Scores or probabilities over the vocabulary of {@code action} (last axis) permuted with the tokens. */
    public static <G> NDAction<G> tokens(TokenAction<G> action) {
        return lastAxisPermutation(action::permutation);
    }

    /** Integer token ids (any shape, int32 or int64) relabelled {@code t -> p_g(t)}, as {@link TokenAction#act}. */
    public static <G> NDAction<G> tokenIds(TokenAction<G> action) {
        Objects.requireNonNull(action, "action");
        return (g, batch) -> {
            Permutation p = action.permutation(g);
            long[] images = new long[p.size()];
            for (int t = 0; t < images.length; t++) {
                images[t] = p.image(t);
            }
            boolean isLong = batch.getDataType() == DataType.INT64;
            NDArray ids = isLong ? batch : batch.toType(DataType.INT64, true);
            NDArray mapped;
            try (NDArray table = Constants.of(batch.getManager(), images)) {
                mapped = table.take(ids);
            }
            if (isLong) {
                return mapped;
            }
            try (ids;
                    mapped) {
                return mapped.toType(batch.getDataType(), true);
            }
        };
    }

    /**
     * Vectors on the last axis (of size {@code rep.dimension()}) through {@code rep}: {@code x -> rho(g) x}, computed
     * as {@code x rho(g)^T} in float32. Exact up to float32 rounding of the matrix entries and products.
     */
    public static <G> NDAction<G> representation(Representation<G> rep) {
        Objects.requireNonNull(rep, "rep");
        int d = rep.dimension();
        return (g, batch) -> {
            long width = batch.getShape().get(batch.getShape().dimension() - 1);
            if (width != d) {
                throw new IllegalArgumentException("representation " + rep.name() + " of dimension " + d
                        + " given a last axis of size " + width + " (shape " + batch.getShape() + ")");
            }
            double[] m = rep.matrix(g);
            float[] transposed = new float[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    transposed[j * d + i] = (float) m[i * d + j];
                }
            }
            try (NDArray mt = Constants.of(batch.getManager(), transposed, new Shape(d, d))) {
                return batch.matMul(mt);
            }
        };
    }
}
