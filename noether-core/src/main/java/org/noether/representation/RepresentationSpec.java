package org.noether.representation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.noether.group.FiniteGroup;
import org.noether.group.Group;

/**
 * Parses the representation expressions users type, for a given group: names of catalog representations combined
 * with {@code +} (direct sum), {@code *} (tensor product), {@code '} (dual), {@code ^k} (tensor power) and
 * parentheses. A {@code *} that is followed by nothing that could start a factor (end, {@code +}, {@code )}) is a
 * dual, so {@code V*V+V*} is V (x) V plus the dual of V. {@code T(p,q)} is p copies of V tensored with q copies of
 * V*, and {@code 3V} is V+V+V. The same name always gives the same object within one expression, so repeated
 * summands are recognised as such by the basis solver.
 *
 * <pre>{@code
 * Representation<Orthogonal3> r = RepresentationSpec.parse(O3.SO3, "V*V+D2");   // 9 + 5 dimensions
 * RepresentationSpec.parse(new SymmetricGroup(5), "T(2,0)");                    // P5*P5
 * }</pre>
 *
 * <p>Anything else throws an {@link IllegalArgumentException} with a one-line message naming the input, the
 * position and what is accepted ({@link #ACCEPTED}).
 */
public final class RepresentationSpec {
    private RepresentationSpec() {}

    /** What {@link #parse} accepts, for messages and help texts. */
    public static final String ACCEPTED = "names 1 (trivial), V (defining), P or P<n> (permutation; polygon vertices "
            + "for C<n>/D<n>), std (standard, S<n>/A<n>), sign or det, regular (finite groups), F<k> (frequency k, "
            + "C<n>/D<n>/SO2/O2), D<l> and D<l>p (Wigner-D of degree l, even/odd parity; SO3/O3/SE3/E3), affine "
            + "(SE3/E3), T(p,q) (p copies of V times q of V*); combined with + (sum), * (tensor product), ' or a "
            + "trailing * (dual), ^k (tensor power), kX (k copies of X) and parentheses";

    /** Largest dimension an expression may reach; beyond it the matrices would not fit in memory. */
    public static final long MAX_DIMENSION = 100_000;

    /** The representation of {@code group} described by {@code spec}, e.g. {@code "V+V*V"} or {@code "T(2,1)"}. */
    public static <G> Representation<G> parse(Group<G> group, String spec) {
        if (spec == null || spec.isBlank())
            throw new IllegalArgumentException("Empty representation for " + group.name() + "; accepted: " + ACCEPTED);
        return new Parser<>(group, spec).parse();
    }

    private static final class Parser<G> {
        private final Group<G> group;
        private final String src;
        private int pos;
        private final Map<String, Representation<G>> atoms = new HashMap<>();

        Parser(Group<G> group, String src) {
            this.group = group;
            this.src = src;
        }

        Representation<G> parse() {
            Representation<G> r = sum();
            skip();
            if (pos < src.length()) throw error("unexpected '" + src.charAt(pos) + "' at position " + (pos + 1));
            return r;
        }

        private Representation<G> sum() {
            Representation<G> r = term();
            while (true) {
                skip();
                if (pos < src.length() && src.charAt(pos) == '+') {
                    pos++;
                    Representation<G> next = term();
                    checkDimension((long) r.dimension() + next.dimension());
                    r = r.plus(next);
                } else {
                    return r;
                }
            }
        }

        /** A product, optionally preceded by a multiplicity written against it, as in 3V or 2(V*V). */
        private Representation<G> term() {
            skip();
            int begin = pos;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                int end = pos;
                while (end < src.length() && Character.isDigit(src.charAt(end))) end++;
                if (end < src.length() && (Character.isLetter(src.charAt(end)) || src.charAt(end) == '(')) {
                    int copies = parseInt(src.substring(pos, end), begin);
                    if (copies < 1) throw error("multiplicity must be at least 1 at position " + (begin + 1));
                    pos = end;
                    Representation<G> one = product();
                    checkDimension((long) copies * one.dimension());
                    // one flat sum of all the copies (adding them one at a time copies the list each time)
                    return copies == 1 ? one : new DirectSum<>(java.util.Collections.nCopies(copies, one));
                }
            }
            return product();
        }

        private Representation<G> product() {
            Representation<G> r = factor();
            while (true) {
                skip();
                if (pos >= src.length()) return r;
                char c = src.charAt(pos);
                if ((c == '*' && startsFactorAfter(pos + 1)) || c == '⊗') {
                    pos++;
                    Representation<G> next = factor();
                    checkDimension((long) r.dimension() * next.dimension());
                    r = r.times(next);
                } else {
                    return r;
                }
            }
        }

        private Representation<G> factor() {
            Representation<G> r = atom();
            while (true) {
                skip();
                if (pos >= src.length()) return r;
                char c = src.charAt(pos);
                if (c == '\'' || (c == '*' && !startsFactorAfter(pos + 1))) {
                    pos++;
                    r = r.dual();
                } else if (c == '^') {
                    pos++;
                    skip();
                    int at = pos;
                    int k = readInt("a tensor power after '^'");
                    checkDimension(Math.pow(r.dimension(), k));
                    if (k > 64) throw error("tensor power " + k + " at position " + (at + 1) + " is too large");
                    r = r.power(k);
                } else {
                    return r;
                }
            }
        }

        private Representation<G> atom() {
            skip();
            if (pos >= src.length()) throw error("expected a representation at the end");
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                Representation<G> r = sum();
                skip();
                if (pos >= src.length() || src.charAt(pos) != ')') throw error("missing ')' at position " + (pos + 1));
                pos++;
                return r;
            }
            int at = pos;
            if (Character.isDigit(c)) {
                int k = readInt("a number");
                if (k == 1) return named("1", at);
                throw error("'" + k + "' at position " + (at + 1) + " is not a representation (1 is the trivial one; "
                        + "write " + k + "V for " + k + " copies of V)");
            }
            if (!Character.isLetter(c))
                throw error("expected a representation at position " + (pos + 1) + ", found '" + c + "'");
            int end = pos;
            while (end < src.length() && Character.isLetterOrDigit(src.charAt(end))) end++;
            String name = src.substring(pos, end);
            pos = end;
            if (name.equalsIgnoreCase("T")) {
                skip();
                if (pos < src.length() && src.charAt(pos) == '(') return tensorType(at);
            }
            return named(name, at);
        }

        /** T(p) or T(p,q): V^(x)p (x) (V*)^(x)q. */
        private Representation<G> tensorType(int at) {
            pos++; // '('
            skip();
            int p = readInt("the number of V factors in T(p,q)");
            int q = 0;
            skip();
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
                skip();
                q = readInt("the number of V* factors in T(p,q)");
                skip();
            }
            if (pos >= src.length() || src.charAt(pos) != ')')
                throw error("missing ')' in T(p,q) at position " + (pos + 1));
            pos++;
            if (p + q > 64) throw error("T(" + p + "," + q + ") at position " + (at + 1) + " is too large");
            Representation<G> v = named("V", at);
            checkDimension(Math.pow(v.dimension(), p + q));
            if (p + q == 0) return named("1", at);
            Representation<G> r = null;
            for (int i = 0; i < p; i++) r = r == null ? v : r.times(v);
            Representation<G> vd = v.dual();
            for (int i = 0; i < q; i++) r = r == null ? vd : r.times(vd);
            return r;
        }

        private Representation<G> named(String name, int at) {
            String key = name.toLowerCase(Locale.ROOT);
            Representation<G> r = atoms.get(key);
            if (r == null) {
                try {
                    r = resolve(key);
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    throw error("'" + name + "' at position " + (at + 1) + " is not available for " + group.name()
                            + " (" + firstLine(e.getMessage()) + ")");
                }
                if (r == null) throw error("unknown representation '" + name + "' at position " + (at + 1));
                checkDimension(r.dimension());
                atoms.put(key, r);
            }
            return r;
        }

        private Representation<G> resolve(String key) {
            switch (key) {
                case "1", "trivial", "scalar":
                    return Representations.trivial(group);
                case "v":
                    return Representations.defining(group);
                case "sign", "det":
                    return Representations.sign(group);
                case "affine":
                    return group.affine().orElseThrow(() -> new IllegalArgumentException("affine needs SE3 or E3"));
                case "regular":
                    if (group instanceof FiniteGroup<G> f) return Representations.regular(f);
                    throw new IllegalArgumentException("regular needs a finite group");
                case "std":
                    return group.standard().orElseThrow(() -> new IllegalArgumentException("std needs S<n> or A<n>"));
                case "p":
                    return permutation();
                default:
                    break;
            }
            if (key.matches("p\\d+")) {
                Representation<G> p = permutation();
                if (!key.equals("p" + p.dimension()))
                    throw new IllegalArgumentException(
                            "the permutation representation of " + group.name() + " is P" + p.dimension());
                return p;
            }
            if (key.matches("std\\d+") && group.standard().isPresent()) {
                Representation<G> s = group.standard().get();
                if (!key.equals("std" + s.dimension()))
                    throw new IllegalArgumentException(
                            "the standard representation of " + group.name() + " is std" + s.dimension());
                return s;
            }
            if (key.matches("f\\d{1,4}")) return Representations.planar(group, Integer.parseInt(key.substring(1)));
            if (key.matches("d\\d{1,2}p?")) {
                boolean odd = key.endsWith("p");
                int l = Integer.parseInt(key.substring(1, key.length() - (odd ? 1 : 0)));
                return group.wignerD(l, odd ? 1 : 0)
                        .orElseThrow(() -> new IllegalArgumentException("Wigner-D needs SO3, O3, SE3 or E3"));
            }
            return null;
        }

        private Representation<G> permutation() {
            return group.permutation()
                    .orElseThrow(() -> new IllegalArgumentException("P needs a permutation group or C<n>/D<n>"));
        }

        private boolean startsFactorAfter(int i) {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
            if (i >= src.length()) return false;
            char c = src.charAt(i);
            return Character.isLetterOrDigit(c) || c == '(';
        }

        private int readInt(String what) {
            int start = pos;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            if (start == pos) throw error("expected " + what + " at position " + (start + 1));
            return parseInt(src.substring(start, pos), start);
        }

        private int parseInt(String digits, int at) {
            if (digits.length() > 6) throw error("number '" + digits + "' at position " + (at + 1) + " is too large");
            return Integer.parseInt(digits);
        }

        private void skip() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
        }

        private void checkDimension(double dim) {
            if (dim > MAX_DIMENSION)
                throw error("the result would have " + (long) dim + " dimensions; the limit is " + MAX_DIMENSION);
        }

        private static String firstLine(String s) {
            if (s == null) return "not defined";
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException("Cannot parse representation '" + src + "' of " + group.name() + ": "
                    + why + "; accepted: " + ACCEPTED);
        }
    }
}
