package org.noether.diffusion.conformers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noether.diffusion.Kabsch;
import org.noether.diffusion.metrics.MoleculeStability;

class RelaxedEnsemblesTest {

    @Test
    void ensembleIsStableWithinTheWindowDistinctAndCachedOnce(@TempDir Path root) throws Exception {
        Molecule m = Molecule.fromSmiles("CCCO");
        List<String> log = new ArrayList<>();
        RelaxedEnsembles.Ensemble e;
        try (RelaxedEnsembles store = RelaxedEnsembles.open(root, log::add)) {
            e = store.of(m);
        }
        int k = e.conformers().size();
        assertTrue(k >= 2 && k <= RelaxedEnsembles.MAX_KEPT, "kept " + k);
        for (int i = 0; i < k; i++) {
            assertTrue(
                    MoleculeStability.assess(List.of(m.atoms()), e.conformers().get(i))
                            .stable(),
                    "conformer " + i);
            assertTrue(e.energies()[i] <= e.energies()[0] + RelaxedEnsembles.WINDOW);
            if (i > 0) assertTrue(e.energies()[i] >= e.energies()[i - 1], "sorted by energy");
            for (int j = 0; j < i; j++) {
                double r = Kabsch.rmsd(
                        RelaxedEnsembles.heavy(m, e.conformers().get(i)),
                        RelaxedEnsembles.heavy(m, e.conformers().get(j)),
                        3);
                assertTrue(r >= RelaxedEnsembles.DEDUP, "conformers " + i + " and " + j + " at " + r + " A");
            }
        }
        // a second store reads the entry instead of minimising again, bit for bit
        try (RelaxedEnsembles store = RelaxedEnsembles.open(root, log::add)) {
            assertTrue(store.contains(m));
            RelaxedEnsembles.Ensemble again = store.of(m);
            assertArrayEquals(e.energies(), again.energies());
            for (int i = 0; i < k; i++)
                assertArrayEquals(e.conformers().get(i), again.conformers().get(i));
        }
        assertTrue(log.isEmpty(), log.toString());
        // a truncated entry is detected, logged and recomputed to the same ensemble
        Path entry;
        try (var files = Files.list(root.resolve(RelaxedEnsembles.FOLDER))) {
            entry = files.filter(p -> p.toString().endsWith(".entry"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] raw = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(raw, raw.length / 2));
        try (RelaxedEnsembles store = RelaxedEnsembles.open(root, log::add)) {
            RelaxedEnsembles.Ensemble again = store.of(m);
            assertArrayEquals(e.energies(), again.energies(), 0.0);
        }
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("truncated"), log.get(0));
    }
}
