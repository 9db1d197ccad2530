package org.noether.representation;

import java.util.ArrayList;
import java.util.List;
import org.noether.group.AlternatingGroup;
import org.noether.group.DihedralGroup;
import org.noether.group.DirectProduct;
import org.noether.group.E3;
import org.noether.group.FiniteGroup;
import org.noether.group.GeneratedGroup;
import org.noether.group.Group;
import org.noether.group.O2;
import org.noether.group.O3;
import org.noether.group.PermutationGroup;

/**
 * The representations Noether lists for each group of its catalog (as shown by {@code noether group NAME} and used
 * by the property tests): trivial, sign, defining, permutation, standard, regular (finite groups up to order 720)
 * and low-frequency / low-degree irreducibles.
 */
public final class Catalog {
    private Catalog() {}

    /** Largest group order for which the catalog includes the regular representation. */
    public static final int REGULAR_LIMIT = 720;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <G> List<Representation<G>> of(Group<G> group) {
        List<Representation<G>> out = new ArrayList<>();
        out.add(Representations.trivial(group));
        if (group instanceof PermutationGroup p) {
            if (!(p instanceof AlternatingGroup)) Representations.addIfDefined(out, () -> Representations.sign(group));
            out.add((Representation<G>) Representations.permutation(p));
            if (p.degree() >= 2) out.add((Representation<G>) Representations.standard(p));
        } else if (group instanceof DihedralGroup d) {
            if (d.hasReflections()) out.add(Representations.sign(group));
            out.add(Representations.defining(group));
            if (d.rotations() >= 3) out.add((Representation<G>) Representations.vertices(d));
            for (int k = 2; 2 * k < d.rotations(); k++) out.add(Representations.planar(group, k));
        } else if (group instanceof O2 o) {
            if (o.hasReflections()) out.add(Representations.sign(group));
            for (int k = 1; k <= 3; k++) out.add(Representations.planar(group, k));
        } else if (group instanceof O3 o) {
            if (o.hasReflections()) out.add(Representations.sign(group));
            out.add(Representations.defining(group));
            for (int l = 2; l <= 4; l++) out.add((Representation<G>) Representations.wignerD(o, l));
            if (o.hasReflections()) out.add((Representation<G>) Representations.wignerD(o, 1, 1));
        } else if (group instanceof E3 e) {
            if (e.rotations().hasReflections()) out.add(Representations.sign(group));
            out.add(Representations.defining(group));
            out.add((Representation<G>) Representations.rotationPart(e, Representations.wignerD(e.rotations(), 2)));
            out.add((Representation<G>) Representations.affine(e));
        } else if (group instanceof DirectProduct dp) {
            out.addAll(productCatalog(dp));
        } else if (group instanceof GeneratedGroup gg) {
            for (Object r : of(gg.ambient())) {
                Representation<G> rep = (Representation<G>) r;
                if (rep.dimension() > 1 && !rep.name().equals("regular")) out.add(Representations.restrict(group, rep));
            }
        }
        if (group instanceof FiniteGroup f && f.order() <= REGULAR_LIMIT && f.order() > 1)
            out.add(Representations.regular(f));
        return out;
    }

    private static <A, B> List<Representation<org.noether.group.Pair<A, B>>> productCatalog(DirectProduct<A, B> dp) {
        List<Representation<org.noether.group.Pair<A, B>>> out = new ArrayList<>();
        List<Representation<A>> ls = of(dp.left());
        List<Representation<B>> rs = of(dp.right());
        Representation<A> l = ls.size() > 1 ? ls.get(1) : ls.get(0);
        Representation<B> r = rs.size() > 1 ? rs.get(1) : rs.get(0);
        out.add(Representations.onFirst(dp, l));
        out.add(Representations.onSecond(dp, r));
        if (l.dimension() * r.dimension() <= 64) out.add(Representations.outer(dp, l, r));
        return out;
    }
}
