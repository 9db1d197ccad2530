package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.noether.representation.Representation;
import org.noether.representation.Representations;

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

    /** The permutation matrices on the n points. */
    @Override
    default Optional<Representation<Permutation>> defining() {
        return permutation();
    }

    /** The parity of a permutation. */
    @Override
    default Optional<Representation<Permutation>> sign() {
        return Optional.of(Representations.character(this, "sign", Permutation::sign));
    }

    @Override
    default Optional<Representation<Permutation>> permutation() {
        return Optional.of(Representations.permutation(this));
    }

    /** Throws for n &lt; 2, where the sum-zero subspace is empty. */
    @Override
    default Optional<Representation<Permutation>> standard() {
        return Optional.of(Representations.standard(this));
    }

    /** Sign, permutation and (n >= 2) standard. */
    @Override
    default List<Representation<Permutation>> catalogRepresentations() {
        List<Representation<Permutation>> out = new ArrayList<>();
        sign().ifPresent(out::add);
        out.add(Representations.permutation(this));
        if (degree() >= 2) out.add(Representations.standard(this));
        return out;
    }

    /** Enumerates the closure of the given generators by breadth-first search. */
    static List<Permutation> closure(int degree, List<Permutation> generators, int limit, String name) {
        return Closure.of(Permutation.identity(degree), generators, Permutation::compose, p -> p, limit, name);
    }
}
