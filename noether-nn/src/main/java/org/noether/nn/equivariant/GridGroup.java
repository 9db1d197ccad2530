package org.noether.nn.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;

/**
 * A planar group that maps the pixel grid onto itself: C_n or D_n with n dividing 4. Element g acts on an image f
 * by (g f)(p) = f(g^-1 p), with the conventions of {@code ImageActions.exact}: row 0 at the top, rotations
 * counter-clockwise, the reflection s mapping y to -y (a flip of the rows), and r^k s reflecting first.
 */
final class GridGroup {

    final DihedralGroup group;
    final List<DihedralElement> elements;
    final int order;
    /** inverseTimes[g][h] = index of g^-1 h. */
    final int[][] inverseTimes;

    GridGroup(DihedralGroup group) {
        if (4 % group.rotations() != 0)
            throw new IllegalArgumentException(group.name() + " does not map the square grid onto itself; only C_n"
                    + " and D_n with n dividing 4 are supported");
        this.group = group;
        this.elements = group.elements();
        this.order = elements.size();
        inverseTimes = new int[order][order];
        for (int g = 0; g < order; g++)
            for (int h = 0; h < order; h++)
                inverseTimes[g][h] = group.indexOf(group.compose(group.inverse(elements.get(g)), elements.get(h)));
    }

    /** Applies element g to the last two (row, column) axes of {@code a}. Results belong to a's manager. */
    NDArray transform(NDArray a, int g) {
        DihedralElement e = elements.get(g);
        int rows = a.getShape().dimension() - 2;
        NDArray out = a;
        if (e.reflection()) out = out.flip(rows);
        int quarter = e.rotation() * (4 / group.rotations());
        if (quarter != 0) out = out.rotate90(quarter, new int[] {rows, rows + 1});
        return out;
    }

    /** Stacks the arrays along a new axis 1. */
    static NDArray stackAxis1(List<NDArray> parts) {
        return NDArrays.stack(new NDList(parts), 1);
    }
}
