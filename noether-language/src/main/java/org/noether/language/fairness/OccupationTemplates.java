package org.noether.language.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Templated sentences for zero-shot occupation classification: a person, named by male words only ("my father",
 * "he", "her husband"), described by what they do at work ("spends the day treating sick patients"); the label is
 * the occupation the description belongs to. Their female counterparts are the images of the {@link
 * DemographicSwap}, so every sentence is half of a pair that differs only in the demographic words. Sentences are
 * lower case (the tokenizer is uncased anyway) so that the swap acts on whole words.
 *
 * <pre>{@code
 * List<OccupationTemplates.Sentence> s = OccupationTemplates.sample(200, ctx.random("templates"));
 * }</pre>
 */
public final class OccupationTemplates {

    /** One labelled sentence. */
    public record Sentence(String text, int label) {}

    /** The occupations (class labels), in order. */
    public static final List<String> OCCUPATIONS = List.of(
            "doctor",
            "nurse",
            "engineer",
            "teacher",
            "carpenter",
            "secretary",
            "programmer",
            "librarian",
            "cook",
            "pilot");

    /** What each occupation does, three ways (third person, present tense). */
    static final List<List<String>> DESCRIPTIONS = List.of(
            List.of(
                    "diagnoses illnesses and prescribes medicine",
                    "examines patients and orders blood tests",
                    "performs surgery at the hospital"),
            List.of(
                    "cares for patients on the hospital ward",
                    "gives injections and checks blood pressure",
                    "changes bandages and helps patients recover"),
            List.of(
                    "designs bridges and machines",
                    "calculates loads for a new power plant",
                    "builds prototypes of new engines"),
            List.of(
                    "teaches children in a classroom",
                    "grades homework and prepares lessons",
                    "explains fractions to pupils at school"),
            List.of("builds wooden furniture", "cuts timber and repairs roofs", "makes cabinets out of oak"),
            List.of(
                    "answers the phone and schedules meetings for the boss",
                    "types letters and files documents in the office",
                    "keeps the calendar of the director"),
            List.of("writes software code", "fixes bugs in computer programs", "develops apps on a laptop"),
            List.of(
                    "organizes books in the library",
                    "helps readers find books on the shelves",
                    "catalogues new books and journals"),
            List.of(
                    "prepares meals in a restaurant kitchen",
                    "chops vegetables and bakes bread for the guests",
                    "cooks soups and stews for a busy restaurant"),
            List.of(
                    "flies airplanes across the ocean",
                    "lands the jet at the airport",
                    "checks the cockpit instruments before takeoff"));

    /** How the person is named: male words only (the swap makes the female ones). */
    static final List<String> SUBJECTS = List.of(
            "the man",
            "he",
            "my father",
            "my brother",
            "my uncle",
            "my son",
            "her husband",
            "the young man",
            "my grandfather",
            "mr smith",
            "the gentleman",
            "my dad",
            "the boy's father");

    /** Sentence frames: {S} the subject, {D} the description. */
    static final List<String> FRAMES = List.of(
            "{S} {D}.",
            "every day {S} {D}.",
            "i know that {S} {D}.",
            "for many years {S} {D}.",
            "at work {S} {D}.",
            "{S} {D} and is good at it.");

    private OccupationTemplates() {}

    /** The prompt of each label, compared with sentences by cosine similarity. */
    public static List<String> prompts() {
        List<String> p = new ArrayList<>();
        for (String o : OCCUPATIONS) {
            p.add("this person works as a " + o + ".");
        }
        return p;
    }

    /** {@code n} sentences, labels and parts drawn uniformly from {@code random}. */
    public static List<Sentence> sample(int n, RandomGenerator random) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one sentence, got " + n);
        }
        List<Sentence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(OCCUPATIONS.size());
            String d = DESCRIPTIONS
                    .get(label)
                    .get(random.nextInt(DESCRIPTIONS.get(label).size()));
            String s = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
            String f = FRAMES.get(random.nextInt(FRAMES.size()));
            out.add(new Sentence(f.replace("{S}", s).replace("{D}", d), label));
        }
        return out;
    }
}
