package org.noether.action;

import org.noether.group.DirectProduct;
import org.noether.group.E3;
import org.noether.group.Group;
import org.noether.group.O3;
import org.noether.group.Orthogonal3;
import org.noether.group.Pair;
import org.noether.group.Permutation;
import org.noether.group.PermutationGroup;
import org.noether.group.RigidMotion;

/**
 * Actions on point clouds: rigid motions (x_i -> R x_i + t), rotations (x_i -> R x_i), permutations of the points
 * ((g . x)_{g(i)} = x_i), and rigid motions together with permutations (the two commute).
 */
public final class PointCloudActions {
    private PointCloudActions() {}

    public static Action<RigidMotion, PointCloud> rigid(E3 group) {
        return new Base<>(group) {
            @Override
            public PointCloud act(RigidMotion g, PointCloud x) {
                double[] r = g.rotation().matrix(), t = g.translation();
                return transform(x, r, t);
            }
        };
    }

    public static Action<Orthogonal3, PointCloud> rotation(O3 group) {
        return new Base<>(group) {
            @Override
            public PointCloud act(Orthogonal3 g, PointCloud x) {
                return transform(x, g.matrix(), new double[3]);
            }
        };
    }

    /** Permutes the points of clouds with exactly {@code group.degree()} points. */
    public static Action<Permutation, PointCloud> permutation(PermutationGroup group) {
        return new Base<>(group) {
            @Override
            public PointCloud act(Permutation g, PointCloud x) {
                if (x.size() != group.degree())
                    throw new IllegalArgumentException(
                            group.name() + " permutes " + group.degree() + " points; the cloud has " + x.size());
                double[] out = new double[x.xyz().length];
                for (int i = 0; i < x.size(); i++) System.arraycopy(x.xyz(), 3 * i, out, 3 * g.image(i), 3);
                return new PointCloud(x.size(), out);
            }
        };
    }

    /** Rigid motions and permutations of the points together: (m, p) . x = m . (p . x). */
    public static Action<Pair<RigidMotion, Permutation>, PointCloud> rigidAndPermutation(
            E3 motions, PermutationGroup perms) {
        Action<RigidMotion, PointCloud> a = rigid(motions);
        Action<Permutation, PointCloud> b = permutation(perms);
        return new Base<>(DirectProduct.of(motions, perms)) {
            @Override
            public PointCloud act(Pair<RigidMotion, Permutation> g, PointCloud x) {
                return a.act(g.first(), b.act(g.second(), x));
            }
        };
    }

    static PointCloud transform(PointCloud x, double[] r, double[] t) {
        double[] p = x.xyz(), out = new double[p.length];
        for (int i = 0; i < x.size(); i++) {
            double a = p[3 * i], b = p[3 * i + 1], c = p[3 * i + 2];
            out[3 * i] = r[0] * a + r[1] * b + r[2] * c + t[0];
            out[3 * i + 1] = r[3] * a + r[4] * b + r[5] * c + t[1];
            out[3 * i + 2] = r[6] * a + r[7] * b + r[8] * c + t[2];
        }
        return new PointCloud(x.size(), out);
    }

    private abstract static class Base<G> implements Action<G, PointCloud> {
        private final Group<G> group;

        Base(Group<G> group) {
            this.group = group;
        }

        @Override
        public Group<G> group() {
            return group;
        }

        @Override
        public double distance(PointCloud a, PointCloud b) {
            if (a.size() != b.size())
                throw new IllegalArgumentException("clouds of " + a.size() + " and " + b.size() + " points");
            double s = 0;
            for (int i = 0; i < a.xyz().length; i++) {
                double d = a.xyz()[i] - b.xyz()[i];
                s += d * d;
            }
            return Math.sqrt(s);
        }

        @Override
        public double magnitude(PointCloud x) {
            double s = 0;
            for (double v : x.xyz()) s += v * v;
            return Math.sqrt(s);
        }
    }
}
