package org.noether.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.representation.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code noether groups}: the catalog, one line a group. */
@Command(
        name = "groups",
        mixinStandardHelpOptions = true,
        description = "List the group catalog: name, order or Lie-algebra dimension, generators.")
final class GroupsCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Override
    public Integer call() {
        var out = parent.out;
        out.printf("%-10s %-14s %-10s %-11s %s%n", "name", "order", "lie dim", "generators", "representations");
        for (String name : GroupSpec.EXAMPLES) line(out, GroupSpec.parse(name));
        out.println();
        out.println("Families: C<n> cyclic, D<n> dihedral (order 2n), S<n> symmetric, A<n> alternating (n <= 10), "
                + "products with 'x' (C2xC2, SO3xC2). Details: noether group NAME");
        return Main.EXIT_OK;
    }

    private static <G> void line(java.io.PrintStream out, Group<G> g) {
        String order = g instanceof FiniteGroup<?> f
                ? String.valueOf(f.order())
                : (g.isCompact() ? "infinite" : "non-compact");
        List<String> reps = Catalog.of(g).stream()
                .map(r -> r.name() + "(" + r.dimension() + ")")
                .toList();
        out.printf(
                "%-10s %-14s %-10d %-11d %s%n",
                g.name(), order, g.lieAlgebraDimension(), g.discreteGenerators().size(), String.join(" ", reps));
    }
}
