package org.noether.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the group names users type: {@code C4}, {@code D8}, {@code S5}, {@code A4}, {@code SO2}, {@code O2},
 * {@code SO3}, {@code O3}, {@code SE3}, {@code E3}, {@code trivial}, and direct products joined by {@code x}
 * ({@code C2xC2}, {@code SO3xS4}). Case-insensitive; an unknown or malformed name throws an
 * {@link IllegalArgumentException} whose one-line message lists what is accepted.
 *
 * <pre>{@code
 * Group<?> g = GroupSpec.parse("C2xC2");   // order 4
 * }</pre>
 */
public final class GroupSpec {
    private GroupSpec() {}

    /** What {@link #parse} accepts, for messages and help texts. */
    public static final String ACCEPTED =
            "C<n>, D<n> (order 2n), S<n>, A<n> (1 <= n <= 10), SO2, O2, SO3, O3, SE3, E3, "
                    + "trivial, and products joined by 'x' such as C2xC2";

    private static final Pattern FAMILY = Pattern.compile("([CDSA])(\\d{1,4})");

    /** Example names, one of each family, as listed by {@code noether groups}. */
    public static final List<String> EXAMPLES =
            List.of("trivial", "C4", "D4", "S4", "A4", "C2xC2", "SO2", "O2", "SO3", "O3", "SE3", "E3");

    public static Group<?> parse(String spec) {
        if (spec == null || spec.isBlank()) throw error(spec, "empty group name");
        String s = spec.trim();
        List<String> factors = splitProduct(s);
        if (factors.size() > 1) {
            Group<?> g = single(factors.get(0), spec);
            for (int i = 1; i < factors.size(); i++) g = DirectProduct.of(g, single(factors.get(i), spec));
            return g;
        }
        return single(s, spec);
    }

    /** Splits on 'x' between factor names; 'x' never occurs inside a factor name. */
    private static List<String> splitProduct(String s) {
        List<String> parts = new ArrayList<>();
        for (String p : s.split("[xX×]", -1)) parts.add(p.trim());
        return parts;
    }

    private static Group<?> single(String f, String whole) {
        String u = f.toUpperCase(Locale.ROOT);
        switch (u) {
            case "TRIVIAL", "1", "E":
                return TrivialGroup.INSTANCE;
            case "SO2":
                return O2.SO2;
            case "O2":
                return O2.O2;
            case "SO3":
                return O3.SO3;
            case "O3":
                return O3.O3;
            case "SE3":
                return E3.SE3;
            case "E3":
                return E3.E3;
            default:
                break;
        }
        if (u.isEmpty()) throw error(whole, "empty factor in a product");
        Matcher m = FAMILY.matcher(u);
        if (!m.matches()) throw error(whole, "'" + f + "' is not a group name");
        int n = Integer.parseInt(m.group(2));
        char family = m.group(1).charAt(0);
        if (n < 1) throw error(whole, family + " groups need n >= 1");
        try {
            return switch (family) {
                case 'C' -> DihedralGroup.cyclic(n);
                case 'D' -> DihedralGroup.dihedral(n);
                case 'S' -> new SymmetricGroup(n);
                case 'A' -> new AlternatingGroup(n);
                default -> throw error(whole, "'" + f + "' is not a group name");
            };
        } catch (IllegalArgumentException e) {
            throw error(whole, e.getMessage());
        }
    }

    private static IllegalArgumentException error(String given, String why) {
        return new IllegalArgumentException("Unknown group '" + given + "': " + why + "; known: " + ACCEPTED);
    }
}
