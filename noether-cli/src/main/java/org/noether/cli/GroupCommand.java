package org.noether.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.noether.group.FiniteGroup;
import org.noether.group.FiniteGroups;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.linalg.Dense;
import org.noether.representation.Catalog;
import org.noether.representation.Representation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code noether group D4}: order, generators, element table (finite groups), conjugacy classes, Lie algebra
 * (Lie groups) and the dimensions of the catalog's representations.
 */
@Command(
        name = "group",
        mixinStandardHelpOptions = true,
        description = "Show one group: order, generators, element table, conjugacy classes, representations.")
final class GroupCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "A group name such as D4, C2xC2, S4, SO3.")
    String name;

    @Option(
            names = "--max-table",
            defaultValue = "24",
            description = "Print the element table only up to this order (default ${DEFAULT-VALUE}).")
    int maxTable;

    @Override
    public Integer call() {
        show(parent.out, GroupSpec.parse(name));
        return Main.EXIT_OK;
    }

    private <G> void show(PrintStream out, Group<G> g) {
        out.println("group " + g.name());
        if (g instanceof FiniteGroup<G> f) {
            out.println("order " + f.order());
        } else {
            out.println(
                    "order " + (g.isCompact() ? "infinite (compact Lie group)" : "infinite (non-compact Lie group)"));
        }
        List<G> gens = g.discreteGenerators();
        out.println("discrete generators (" + gens.size() + "):" + (gens.isEmpty() ? " none" : ""));
        for (G x : gens) out.println("  " + oneLine(g.format(x)));
        if (g.lieAlgebraDimension() > 0) {
            out.println("Lie algebra: dimension " + g.lieAlgebraDimension() + ", generators in the "
                    + g.definingDimension() + "-dimensional defining representation:");
            for (int k = 0; k < g.lieAlgebraDimension(); k++) {
                out.println("  A" + k + " =");
                for (String line : Dense.format(g.lieAlgebraGenerator(k), g.definingDimension())
                        .split("\n")) out.println("    " + line);
            }
        }
        if (g instanceof FiniteGroup<G> f) finite(out, f);
        out.println("representations of the catalog:");
        for (Representation<G> r : Catalog.of(g))
            out.printf(
                    "  %-12s dimension %d%s%n", r.name(), r.dimension(), r.isOrthogonal() ? "" : " (not orthogonal)");
    }

    private <G> void finite(PrintStream out, FiniteGroup<G> f) {
        List<G> els = f.elements();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < els.size(); i++) labels.add(oneLine(f.format(els.get(i))));
        out.println("elements:");
        for (int i = 0; i < els.size(); i++)
            out.printf("  %3d  %-24s order %d%n", i, labels.get(i), FiniteGroups.elementOrder(f, els.get(i)));
        if (f.order() <= maxTable) {
            out.println("element table (row i, column j: index of element_i * element_j):");
            int[][] t = FiniteGroups.cayleyTable(f);
            int w = String.valueOf(f.order() - 1).length() + 1;
            StringBuilder head = new StringBuilder("  " + " ".repeat(w) + " |");
            for (int j = 0; j < t.length; j++) head.append(String.format("%" + w + "d", j));
            out.println(head);
            out.println("  " + "-".repeat(head.length() - 2));
            for (int i = 0; i < t.length; i++) {
                StringBuilder row = new StringBuilder(String.format("  %" + w + "d |", i));
                for (int j = 0; j < t.length; j++) row.append(String.format("%" + w + "d", t[i][j]));
                out.println(row);
            }
        } else {
            out.println("element table: omitted for order " + f.order() + " > " + maxTable + " (use --max-table)");
        }
        List<List<Integer>> classes = FiniteGroups.conjugacyClasses(f);
        out.println("conjugacy classes (" + classes.size() + "):");
        for (List<Integer> c : classes) {
            List<String> names = c.stream().map(i -> labels.get(i)).toList();
            String shown =
                    names.size() > 8 ? String.join(", ", names.subList(0, 8)) + ", ..." : String.join(", ", names);
            out.printf("  size %-4d { %s }%n", c.size(), shown);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
