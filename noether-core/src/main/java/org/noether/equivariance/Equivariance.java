package org.noether.equivariance;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.noether.action.Action;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;
import org.noether.linalg.Dense;
import org.noether.representation.Representation;

/**
 * Measures how far a function is from equivariance, and checks the laws of representations and actions. Public so
 * that users test their own models the way Noether tests its own (as e3nn's test utilities).
 *
 * <p>The equivariance error of f at (g, x) is |f(g.x) - g.f(x)| / max(|g.f(x)|, |f(g.x)|, 1e-12) in the output
 * action's distance; {@link #error} returns the largest over all pairs tried. Finite groups of order up to
 * {@link #EXHAUSTIVE_LIMIT} are checked at every element; other groups at random elements.
 *
 * <pre>{@code
 * double err = Equivariance.error(model::apply, c4, imageAction, vectorAction, inputs);
 * assertTrue(err < 1e-5);
 * }</pre>
 */
public final class Equivariance {
    private Equivariance() {}

    /** Finite groups up to this order are checked at every element rather than at random ones. */
    public static final int EXHAUSTIVE_LIMIT = 128;

    /** Elements tried per input for groups not checked exhaustively. */
    public static final int RANDOM_ELEMENTS = 16;

    /** The largest relative equivariance error over the given inputs (seeded, reproducible). */
    public static <G, X, Y> double error(
            Function<X, Y> f, Group<G> group, Action<G, X> in, Action<G, Y> out, List<X> samples) {
        return measure(f, group, in, out, samples, new SplittableRandom(0)).maxError();
    }

    /** Full measurement: maximum and mean relative error and the worst group element. */
    public static <G, X, Y> Report measure(
            Function<X, Y> f,
            Group<G> group,
            Action<G, X> in,
            Action<G, Y> out,
            List<X> samples,
            RandomGenerator random) {
        if (samples.isEmpty()) throw new IllegalArgumentException("equivariance needs at least one input sample");
        List<G> elements = elementsToTry(group, random);
        double max = 0, sum = 0;
        int count = 0;
        String worst = "";
        for (X x : samples) {
            Y fx = f.apply(x);
            List<G> gs = elements != null ? elements : randomElements(group, random);
            for (G g : gs) {
                Y lhs = f.apply(in.act(g, x));
                Y rhs = out.act(g, fx);
                double scale = Math.max(Math.max(out.magnitude(rhs), out.magnitude(lhs)), 1e-12);
                double e = out.distance(lhs, rhs) / scale;
                if (Double.isNaN(e)) e = Double.POSITIVE_INFINITY;
                sum += e;
                count++;
                if (e > max || count == 1) {
                    max = e;
                    worst = group.format(g);
                }
            }
        }
        return new Report(max, sum / count, count, worst);
    }

    /** The result of {@link #measure}. */
    public record Report(double maxError, double meanError, int pairs, String worstElement) {}

    private static <G> List<G> elementsToTry(Group<G> group, RandomGenerator random) {
        if (group instanceof FiniteGroup<G> f && f.order() <= EXHAUSTIVE_LIMIT) return f.elements();
        return null;
    }

    private static <G> List<G> randomElements(Group<G> group, RandomGenerator random) {
        java.util.ArrayList<G> l = new java.util.ArrayList<>();
        for (int i = 0; i < RANDOM_ELEMENTS; i++) l.add(group.sample(random));
        return l;
    }

    /** max over sampled pairs of |rho(gh) - rho(g) rho(h)|_max: zero (to rounding) for a representation. */
    public static <G> double homomorphismError(Representation<G> rep, int pairs, RandomGenerator random) {
        Group<G> group = rep.group();
        int d = rep.dimension();
        double max = Dense.maxAbsDifference(rep.matrix(group.identity()), Dense.identity(d));
        for (int i = 0; i < pairs; i++) {
            G g = group.sample(random), h = group.sample(random);
            double[] lhs = rep.matrix(group.compose(g, h));
            double[] rhs = Dense.multiply(rep.matrix(g), rep.matrix(h), d);
            max = Math.max(max, Dense.maxAbsDifference(lhs, rhs));
        }
        return max;
    }

    /** max over sampled g of |rho(g)^T rho(g) - I|_max. */
    public static <G> double orthogonalityError(Representation<G> rep, int samples, RandomGenerator random) {
        int d = rep.dimension();
        double max = 0;
        for (int i = 0; i < samples; i++) {
            double[] m = rep.matrix(rep.group().sample(random));
            max = Math.max(max, Dense.maxAbsDifference(Dense.multiply(Dense.transpose(m, d), m, d), Dense.identity(d)));
        }
        return max;
    }

    /** Largest relative violation of g.(h.x) = (gh).x and e.x = x over the inputs and sampled pairs. */
    public static <G, X> double actionAxiomError(
            Action<G, X> action, List<X> inputs, int pairs, RandomGenerator random) {
        Group<G> group = action.group();
        double max = 0;
        for (X x : inputs) {
            double scale = Math.max(action.magnitude(x), 1e-12);
            max = Math.max(max, action.distance(action.act(group.identity(), x), x) / scale);
            for (int i = 0; i < pairs; i++) {
                G g = group.sample(random), h = group.sample(random);
                X lhs = action.act(g, action.act(h, x));
                X rhs = action.act(group.compose(g, h), x);
                max = Math.max(max, action.distance(lhs, rhs) / scale);
            }
        }
        return max;
    }
}
