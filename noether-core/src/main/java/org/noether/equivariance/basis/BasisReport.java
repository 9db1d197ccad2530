package org.noether.equivariance.basis;

import java.util.Locale;
import org.noether.group.Group;
import org.noether.group.GroupSpec;
import org.noether.representation.Representation;
import org.noether.representation.RepresentationSpec;

/**
 * Everything a front end prints about one equivariant-basis solve: the dimension of the space, its readable basis
 * as text, and how long the solve took and how. Built from user-typed specs, so a CLI only has to print it.
 *
 * <pre>{@code
 * BasisReport r = BasisReport.of("SO3", "V*V", "V");
 * System.out.print(r.render());   // dimension 1: the cross product, as a 3 x 9 matrix
 * }</pre>
 *
 * @param group      group name
 * @param input      input representation name
 * @param output     output representation name
 * @param rows       dim(output)
 * @param columns    dim(input)
 * @param dimension  dimension of the space of equivariant maps
 * @param basis      the readable basis (see {@link EquivariantBasis#format}), at most {@link #MAX_ELEMENTS} elements
 * @param solveMillis wall time of the solve in milliseconds (excluding parsing and formatting)
 * @param method     strategies used and blocks reused (see {@link SolveStats#methodSummary()})
 */
public record BasisReport(
        String group,
        String input,
        String output,
        int rows,
        int columns,
        int dimension,
        String basis,
        double solveMillis,
        String method) {

    /** Elements printed in {@link #basis}. */
    public static final int MAX_ELEMENTS = 20;

    /** Parses the group ({@link GroupSpec}) and both representations ({@link RepresentationSpec}) and solves. */
    public static BasisReport of(String groupSpec, String inputSpec, String outputSpec) {
        return ofGroup(GroupSpec.parse(groupSpec), inputSpec, outputSpec);
    }

    private static <G> BasisReport ofGroup(Group<G> group, String inputSpec, String outputSpec) {
        return of(RepresentationSpec.parse(group, inputSpec), RepresentationSpec.parse(group, outputSpec));
    }

    /** Solves with the shared solver and summarizes. */
    public static <G> BasisReport of(Representation<G> input, Representation<G> output) {
        EquivariantBasis<G> b = BasisSolver.standard().solve(input, output);
        SolveStats s = b.stats();
        String method = s.methodSummary() + "; " + s.blocks() + " block" + (s.blocks() == 1 ? "" : "s") + ", "
                + s.reused() + " reused";
        return new BasisReport(
                input.group().name(),
                input.name(),
                output.name(),
                b.rows(),
                b.columns(),
                b.dimension(),
                b.format(MAX_ELEMENTS),
                s.millis(),
                method);
    }

    /** Multi-line text: a header line, the timing line, then the basis. */
    public String render() {
        return String.format(
                Locale.ROOT,
                "Equivariant maps %s -> %s of %s (%d x %d matrices): dimension %d%n" + "solved in %.1f ms (%s)%n%s",
                input,
                output,
                group,
                rows,
                columns,
                dimension,
                solveMillis,
                method,
                basis);
    }
}
