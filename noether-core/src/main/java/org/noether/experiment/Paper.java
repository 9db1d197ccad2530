package org.noether.experiment;

/**
 * The sources whose claims Noether's experiments check, and Noether's own checks.
 *
 * <p>The report's claims dashboard has one block per paper, in this order.
 */
public enum Paper {
    /** Basu et al., "Efficient Equivariant Transfer Learning from Pretrained Models" (NeurIPS 2023). */
    EQUIZERO("Efficient Equivariant Transfer Learning from Pretrained Models", "equizero / lambda-equitune"),
    /** "Quotient-Space Diffusion Models" (ICLR 2026). */
    QUOTIENT_DIFFUSION("Quotient-Space Diffusion Models", "quotient-space diffusion"),
    /** "Learning Group Actions on Latent Representations" (NeurIPS 2024). */
    LATENT_ACTIONS("Learning Group Actions on Latent Representations", "latent group actions"),
    /** "Symmetries in Overparametrized Neural Networks: A Mean Field View" (NeurIPS 2024). */
    MEAN_FIELD("Symmetries in Overparametrized Neural Networks: A Mean Field View", "mean-field symmetries"),
    /** Facts of the library itself (exactness of group averaging, of the solved bases, ...). */
    NOETHER("Noether's own guarantees", "library checks");

    private final String title;
    private final String shortName;

    Paper(String title, String shortName) {
        this.title = title;
        this.shortName = shortName;
    }

    /** The paper's title. */
    public String title() {
        return title;
    }

    /** A few words naming the paper's subject, for headings. */
    public String shortName() {
        return shortName;
    }
}
