package org.noether.group;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/** Breadth-first closure of a set of generators under a product, identity first, with a size limit. */
final class Closure {
    private Closure() {}

    static <G> List<G> of(
            G identity,
            List<G> generators,
            BinaryOperator<G> compose,
            Function<G, Object> key,
            int limit,
            String name) {
        List<G> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        ArrayDeque<G> queue = new ArrayDeque<>();
        out.add(identity);
        seen.add(key.apply(identity));
        queue.add(identity);
        while (!queue.isEmpty()) {
            G g = queue.poll();
            for (G s : generators) {
                G h = compose.apply(g, s);
                if (seen.add(key.apply(h))) {
                    if (out.size() >= limit)
                        throw new IllegalArgumentException("the group generated for " + name + " has more than "
                                + limit + " elements; raise the limit or check the generators (a rotation by an "
                                + "irrational angle generates an infinite group)");
                    out.add(h);
                    queue.add(h);
                }
            }
        }
        return out;
    }
}
