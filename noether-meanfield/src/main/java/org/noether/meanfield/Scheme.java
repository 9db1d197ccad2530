package org.noether.meanfield;

/**
 * How training uses the symmetry (the paper's symmetry-leveraging techniques).
 *
 * <ul>
 *   <li>{@link #VANILLA}: free SGD on the data as given.
 *   <li>{@link #DA}: data augmentation; each sample (x, y) is replaced by (rho_X(g) x, rho_Y(g) y) with g uniform.
 *   <li>{@link #FA}: feature averaging; the model is Phi^G(x) = (1/|G|) sum_g rho_Y(g)^-1 Phi(rho_X(g) x).
 *   <li>{@link #EA}: equivariant architecture; parameters live in E^G (gradients and noise projected onto it).
 * </ul>
 */
public enum Scheme {
    VANILLA("vanilla"),
    DA("DA"),
    FA("FA"),
    EA("EA");

    private final String label;

    Scheme(String label) {
        this.label = label;
    }

    /** The label used in tables and figures. */
    public String label() {
        return label;
    }
}
