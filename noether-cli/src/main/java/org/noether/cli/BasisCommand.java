package org.noether.cli;

import java.util.concurrent.Callable;
import org.noether.equivariance.basis.BasisReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code noether basis --group SO3 --in "V*V" --out V}: dimension, readable basis and solve time. */
@Command(
        name = "basis",
        mixinStandardHelpOptions = true,
        description = "Solve for the equivariant linear maps between two representations and print a readable basis.")
final class BasisCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--group", required = true, paramLabel = "NAME", description = "A group, e.g. SO3, S5, D8, C2xC2.")
    String group;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "REP",
            description = "Input representation, e.g. V, V*V, V+V*V, T(2,1), regular, P, D2, F3, V'.")
    String in;

    @Option(names = "--out", required = true, paramLabel = "REP", description = "Output representation.")
    String out;

    @Override
    public Integer call() {
        parent.out.print(BasisReport.of(group, in, out).render());
        parent.out.flush();
        return Main.EXIT_OK;
    }
}
