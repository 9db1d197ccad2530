package org.noether.group;

/** Shared part of S_n and A_n: the degree n (1 to 10), checked once, and the name "S5" / "A5". */
abstract class PermutationFamily extends AbstractFiniteGroup<Permutation> implements PermutationGroup {
    final int n;
    private final String prefix;

    PermutationFamily(String prefix, String family, int n) {
        if (n < 1 || n > 10)
            throw new IllegalArgumentException(
                    prefix + n + ": " + family + " groups need 1 <= n <= 10 (S10 has 3628800 elements)");
        this.n = n;
        this.prefix = prefix;
    }

    @Override
    public int degree() {
        return n;
    }

    @Override
    public String name() {
        return prefix + n;
    }

    static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }
}
