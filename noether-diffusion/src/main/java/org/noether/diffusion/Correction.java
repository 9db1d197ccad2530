package org.noether.diffusion;

/**
 * Which mean-curvature drift the lifted quotient dynamics add: {@code sign * (s^2 / 2) * h(x)} with
 * {@code h = -1/2 grad log det K} and {@code s} the diffusion coefficient, i.e.
 * {@code dx = (P_x f + sign (s^2/2) h) dt + s P_x dW}.
 *
 * <p>{@link #CORRECT} is the sign derived from Ito's formula (see {@link HorizontalBrownianMotion}): it makes
 * {@code d|x|^2} drift at {@code s^2 (dN - d)}, like Brownian motion on the centred space. {@link #REVERSED} is the
 * sign printed in the paper's sampler (its Algorithm 3), kept to show that it fails that check.
 */
public enum Correction {
    /** {@code -(s^2/2) h = +(s^2/4) grad log det K}: the lift of the quotient process (derived). */
    CORRECT(-1),
    /** {@code +(s^2/2) h}: the published sign; |x|^2 then drifts {@code 2 r s^2} too slowly (r = 3 in space, 1 in the plane). */
    REVERSED(+1),
    /** No correction: plain horizontal projection of the noise, which also changes the law on the quotient. */
    NONE(0);

    private final int sign;

    Correction(int sign) {
        this.sign = sign;
    }

    /** The factor multiplying {@code (s^2/2) h}: -1, +1 or 0. */
    public int sign() {
        return sign;
    }
}
