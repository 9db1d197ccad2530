package org.noether.nn.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.noether.nn.Engines;

class LiveArraysTest {

    @Test
    void countsWholeOpenSubtree() {
        try (NDManager root = Engines.pytorch().newBaseManager()) {
            int engineBefore = LiveArrays.countAll();
            root.ones(new Shape(2));
            NDManager child = root.newSubManager();
            NDManager grandChild = child.newSubManager();
            child.zeros(new Shape(3));
            NDArray g = grandChild.zeros(new Shape(1));
            grandChild.ones(new Shape(1));
            assertEquals(4, LiveArrays.count(root));
            assertEquals(engineBefore + 4, LiveArrays.countAll());

            g.close();
            assertEquals(3, LiveArrays.count(root));
            grandChild.close();
            assertEquals(2, LiveArrays.count(root));
            child.close();
            assertEquals(1, LiveArrays.count(root));

            // detached arrays belong to no manager and are invisible (DJL's optimizers detach
            // their state arrays, so Adam moments are never counted)
            NDArray d = root.ones(new Shape(5));
            d.detach();
            assertEquals(1, LiveArrays.count(root));
            d.close();
        }
    }

    @Test
    void seesAnArrayLeakedOntoALongLivedManager() {
        try (NDManager longLived = Engines.pytorch().newBaseManager()) {
            NDArray data = longLived.ones(new Shape(8, 2));
            int before = LiveArrays.count(longLived);
            for (int step = 0; step < 10; step++) {
                try (NDManager scope = longLived.newSubManager()) {
                    // An op's result lives on the manager of the array it is called on, not on
                    // the innermost open scope: the slice and its sum both land on longLived.
                    NDArray slice = data.get("0:4");
                    scope.zeros(new Shape(4)).add(slice.sum());
                }
            }
            assertEquals(before + 2 * 10, LiveArrays.count(longLived));
        }
    }
}
