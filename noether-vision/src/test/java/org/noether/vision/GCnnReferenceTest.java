package org.noether.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.noether.group.DihedralElement;
import org.noether.group.DihedralGroup;
import org.noether.nn.Engines;
import org.noether.nn.symmetrize.NDAction;
import org.noether.nn.symmetrize.NDActions;

/** The G-CNN reference is invariant to its group: max |f(gx) - f(x)| / max(1, max |f(x)|) < 1e-4 (float32). */
class GCnnReferenceTest {

    @Test
    void gcnnReferenceIsInvariantAndAPlainCnnIsNot() {
        Engines.pytorch();
        Engines.seed(3);
        for (DihedralGroup g : new DihedralGroup[] {DihedralGroup.cyclic(4), DihedralGroup.dihedral(4)}) {
            double gcnn = invarianceError(new GCnnReference().newBlock(g, 10), g);
            assertTrue(gcnn < 1e-4, g.name() + " G-CNN invariance error " + gcnn);
        }
        double plain = invarianceError(SmallCnn.classifier(10), DihedralGroup.cyclic(4));
        assertTrue(plain > 1e-3, "a plain CNN should not be invariant: " + plain);
    }

    private static double invarianceError(Block block, DihedralGroup group) {
        try (Model model = Model.newInstance("ref", Engines.PYTORCH);
                NDManager m = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, SmallCnn.input(2));
            NDArray x = m.randomUniform(0, 1, SmallCnn.input(2));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray fx = block.forward(ps, new NDList(x), false).singletonOrThrow();
            double scale = Math.max(1, fx.abs().max().getFloat());
            NDAction<DihedralElement> act = NDActions.image(group);
            double worst = 0;
            for (DihedralElement e : group.elements()) {
                NDArray fgx =
                        block.forward(ps, new NDList(act.act(e, x)), false).singletonOrThrow();
                worst = Math.max(worst, fgx.sub(fx).abs().max().getFloat() / scale);
            }
            return worst;
        }
    }
}
