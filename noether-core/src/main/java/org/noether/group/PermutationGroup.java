package org.noether.group;

import java.util.List;

/** A finite group whose elements are permutations of {0..n-1}; it acts on n points. */
public interface PermutationGroup extends FiniteGroup<Permutation> {
    /** Number of points permuted. */
    int degree();

    @Override
    default Permutation compose(Permutation a, Permutation b) {
        return Permutation.compose(a, b);
    }

    @Override
    default Permutation inverse(Permutation g) {
        return g.inverse();
    }

    @Override
    default Permutation identity() {
        return Permutation.identity(degree());
    }

    /** Enumerates the closure of the given generators by breadth-first search. */
    static List<Permutation> closure(int degree, List<Permutation> generators, int limit, String name) {
        return Closure.of(Permutation.identity(degree), generators, Permutation::compose, p -> p, limit, name);
    }
}
