package org.noether.vision;

import java.util.List;
import java.util.Locale;
import org.noether.experiment.Profile;
import org.noether.group.DihedralGroup;

/**
 * Sizes of a run of {@link SymmetrizeExperiment}. Every training phase is a fixed number of Adam steps.
 *
 * @param datasets       data set names ({@code mnist}, {@code fashion-mnist})
 * @param groups         test transformations: {@code C4} (quarter turns) and/or {@code D4} (quarter turns and flips)
 * @param seeds          independent repetitions (pretraining, subsets, transformations, fine-tuning)
 * @param trainImages    training images used (a seeded subset)
 * @param testImages     test images used (a seeded subset), each transformed by its own random group element
 * @param pretrainSteps  steps of pretraining (and of training each reference from scratch)
 * @param batch          batch size of pretraining
 * @param pretrainRate   Adam learning rate of pretraining
 * @param auxSteps       steps training lambda (model frozen) or the canonicalizer (prior) on upright images
 * @param auxRate        their learning rate
 * @param finetuneSteps  fine-tuning budget on transformed training images, the same for every row
 * @param finetuneBatch  fine-tuning batch size (inputs before the orbit)
 * @param finetuneRate   fine-tuning learning rate
 * @param evalBatch      evaluation batch size
 */
record Protocol(
        List<String> datasets,
        List<String> groups,
        int seeds,
        int trainImages,
        int testImages,
        int pretrainSteps,
        int batch,
        float pretrainRate,
        int auxSteps,
        float auxRate,
        int finetuneSteps,
        int finetuneBatch,
        float finetuneRate,
        int evalBatch) {

    Protocol {
        datasets = List.copyOf(datasets);
        groups = List.copyOf(groups);
        for (String g : groups) {
            group(g);
        }
    }

    /** Quick profile: one seed, 6,000 training and 1,000 test images, short phases. */
    static Protocol quick() {
        return new Protocol(
                List.of("mnist", "fashion-mnist"),
                List.of("C4", "D4"),
                1,
                6000,
                1000,
                300,
                64,
                2e-3f,
                100,
                2e-3f,
                60,
                32,
                5e-4f,
                250);
    }

    /** Full profile: three seeds, all 60,000 training and 10,000 test images, ten times longer phases. */
    static Protocol full() {
        return new Protocol(
                List.of("mnist", "fashion-mnist"),
                List.of("C4", "D4"),
                3,
                60000,
                10000,
                3000,
                64,
                1e-3f,
                1000,
                1e-3f,
                600,
                32,
                5e-4f,
                500);
    }

    static Protocol of(Profile profile) {
        return profile == Profile.QUICK ? quick() : full();
    }

    static DihedralGroup group(String name) {
        return switch (name) {
            case "C4" -> DihedralGroup.cyclic(4);
            case "D4" -> DihedralGroup.dihedral(4);
            default -> throw new IllegalArgumentException("unknown test group '" + name + "'; known: C4, D4");
        };
    }

    /**
     * Everything that determines the pretrained weights and the references' (for the model cache's fingerprint): a
     * change of the fine-tuning settings keeps them.
     */
    String pretraining() {
        return String.format(
                Locale.ROOT,
                "pretraining(trainImages=%d, steps=%d, batch=%d, rate=%s)",
                trainImages,
                pretrainSteps,
                batch,
                Float.toString(pretrainRate));
    }
}
